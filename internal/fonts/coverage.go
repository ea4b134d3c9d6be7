package fonts

import (
	"fmt"
	"strings"

	"golang.org/x/image/font/sfnt"
)

// Coverage is the set of Basic Multilingual Plane characters a face has,
// one bit per code point.
type Coverage [0x10000 / 64]uint64

// Has reports whether r is in c.
func (c *Coverage) Has(r rune) bool {
	return r >= 0 && r < 0x10000 && c[r/64]&(1<<(r%64)) != 0
}

// Coverage returns the BMP characters f has. It is computed on first use
// and safe for concurrent use.
func (f *Face) Coverage() *Coverage {
	f.covOnce.Do(func() {
		var buf sfnt.Buffer
		c := &Coverage{}
		for r := rune(0x20); r < 0x10000; r++ {
			if r >= 0xD800 && r < 0xE000 {
				continue
			}
			if gi, err := f.font.GlyphIndex(&buf, r); err == nil && gi != 0 {
				c[r/64] |= 1 << (r % 64)
			}
		}
		f.cov = c
	})
	return f.cov
}

// Ranges writes the characters of c that are not in minus (which may be
// nil) as a CSS unicode-range value: "U+003000-00303F, U+004E00-009FFF".
// Code points have six digits, which CSS allows: MuPDF's style sheet
// parser rejects the whole sheet at a range that starts with a letter
// ("U+E3F"). It is "" when there are none.
func (c *Coverage) Ranges(minus *Coverage) string {
	in := func(r rune) bool { return c.Has(r) && (minus == nil || !minus.Has(r)) }
	var parts []string
	for r := rune(0); r < 0x10000; r++ {
		if !in(r) {
			continue
		}
		start := r
		for r+1 < 0x10000 && in(r+1) {
			r++
		}
		if start == r {
			parts = append(parts, fmt.Sprintf("U+%06X", start))
		} else {
			parts = append(parts, fmt.Sprintf("U+%06X-%06X", start, r))
		}
	}
	return strings.Join(parts, ", ")
}
