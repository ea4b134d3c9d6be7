package epub

import (
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/briefbook/briefbook/assets"
)

// embeddedFaces are the font files embedded when Options.EPUBFonts is set,
// with their CSS family, weight and style.
var embeddedFaces = []struct{ file, family, weight, style string }{
	{assets.SerifRegular, "Noto Serif", "normal", "normal"},
	{assets.SerifBold, "Noto Serif", "bold", "normal"},
	{assets.SerifItalic, "Noto Serif", "normal", "italic"},
	{assets.SansRegular, "Noto Sans", "normal", "normal"},
	{assets.SansBold, "Noto Sans", "bold", "normal"},
	{assets.SansItalic, "Noto Sans", "normal", "italic"},
}

// styleSheet returns assets/css/book.css and, when fonts is true, the
// Noto faces with @font-face rules prepended to the style sheet.
func styleSheet(fonts bool) ([]byte, []asset, error) {
	css, err := fs.ReadFile(assets.FS, "css/book.css")
	if err != nil {
		return nil, nil, fmt.Errorf("style sheet: %w", err)
	}
	if !fonts {
		return css, nil, nil
	}
	var faces strings.Builder
	var out []asset
	for _, f := range embeddedFaces {
		data, err := fs.ReadFile(assets.FS, f.file)
		if err != nil {
			return nil, nil, fmt.Errorf("font %s: %w", f.file, err)
		}
		name := path.Base(f.file)
		out = append(out, asset{name: name, mime: "font/ttf", data: data})
		fmt.Fprintf(&faces, "@font-face {\n  font-family: %q;\n  font-weight: %s;\n  font-style: %s;\n  src: url(\"../fonts/%s\");\n}\n", f.family, f.weight, f.style, name)
	}
	faces.WriteString("\n")
	return append([]byte(faces.String()), css...), out, nil
}
