// Package fonts reads the embedded font files once per process and answers
// which runes they can draw. Renderers use it to keep every rune they print
// inside the embedded fonts.
package fonts

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/briefbook/briefbook/assets"
	"golang.org/x/image/font/sfnt"
)

// Face is one parsed font file.
type Face struct {
	// File is the path inside assets.FS.
	File string
	// Data is the raw TrueType file.
	Data []byte
	font *sfnt.Font
	mu   sync.Mutex
	buf  sfnt.Buffer
	has  map[rune]bool

	covOnce sync.Once
	cov     *Coverage
}

var (
	loadOnce sync.Once
	faces    map[string]*Face
	loadErr  error
)

// Load returns the face stored at file (one of assets.FontFiles). Files are
// read and parsed once per process.
func Load(file string) (*Face, error) {
	loadOnce.Do(func() {
		faces = map[string]*Face{}
		for _, f := range assets.FontFiles {
			data, err := fs.ReadFile(assets.FS, f)
			if err != nil {
				loadErr = fmt.Errorf("font %s: %v", f, err)
				return
			}
			sf, err := sfnt.Parse(data)
			if err != nil {
				loadErr = fmt.Errorf("font %s: %v", f, err)
				return
			}
			faces[f] = &Face{File: f, Data: data, font: sf, has: map[rune]bool{}}
		}
	})
	if loadErr != nil {
		return nil, loadErr
	}
	f, ok := faces[file]
	if !ok {
		return nil, fmt.Errorf("font %s: not embedded", file)
	}
	return f, nil
}

// SFNT returns the parsed font. It is safe for concurrent use as long as
// each caller passes its own sfnt.Buffer (an opentype face does).
func (f *Face) SFNT() *sfnt.Font { return f.font }

// Has reports whether the face has a glyph for r. It is safe for
// concurrent use.
func (f *Face) Has(r rune) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if v, ok := f.has[r]; ok {
		return v
	}
	gi, err := f.font.GlyphIndex(&f.buf, r)
	v := err == nil && gi != 0
	f.has[r] = v
	return v
}
