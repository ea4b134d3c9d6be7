// Package deps pins the third-party modules while the packages that use
// them are being written. Remove once every module has a real importer.
package deps

import (
	_ "github.com/bmaupin/go-epub"
	_ "github.com/go-pdf/fpdf"
	_ "github.com/yuin/goldmark"
	_ "github.com/yuin/goldmark-meta"
	_ "golang.org/x/image/font/opentype"
	_ "golang.org/x/text/encoding/charmap"
	_ "golang.org/x/text/unicode/norm"
)
