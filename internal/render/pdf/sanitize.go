package pdf

import (
	"fmt"
	"strings"

	"github.com/briefbook/briefbook/internal/source"
	"golang.org/x/text/unicode/norm"
)

// substitute is printed, in the mono face (the only embedded face that has
// it), for a character no embedded font can draw.
const substitute = "□"

// sanitizer makes text safe for fpdf: NFC, no runes above U+FFFF, no soft
// hyphens, tabs or control characters, and only runes the chosen face has.
// Each replaced rune is reported once as a warning.
type sanitizer struct {
	fonts  *fontSet
	warn   *source.Warnings
	seen   map[rune]bool
	hasSub bool // the mono face has the substitute
}

func newSanitizer(fs *fontSet, warn *source.Warnings) *sanitizer {
	return &sanitizer{fonts: fs, warn: warn, seen: map[rune]bool{}, hasSub: fs[mono].Has('□')}
}

// invisible reports runes that are dropped silently: they have no glyph
// and no width in running text (joiners, variation selectors, BOM).
func invisible(r rune) bool {
	switch {
	case r == '\u00AD', r == '\u200B', r == '\u200C', r == '\u200D', r == '\u2060', r == '\uFEFF':
		return true
	case r >= '\uFE00' && r <= '\uFE0F':
		return true
	case r < 0x20 && r != '\t' && r != '\n', r >= 0x7F && r < 0xA0:
		return true
	}
	return false
}

// piece is a stretch of sanitised text and the face it must be drawn in.
type piece struct {
	text string
	face face
}

// clean returns s split into pieces that f (or, for substitutes, the mono
// face) can draw. Tabs and newlines become spaces.
func (z *sanitizer) clean(s string, f face, pos source.Pos) []piece {
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	var out []piece
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, piece{b.String(), f})
			b.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteByte(' ')
		case invisible(r):
		case r == ' ' || (r < 0x10000 && z.fonts[f].Has(r)):
			b.WriteRune(r)
		case r < 0x10000 && z.fallback(f, r) >= 0:
			// Another embedded face has it (≈, arrows, box drawing…).
			flush()
			out = append(out, piece{string(r), z.fallback(f, r)})
		default:
			z.report(r, pos)
			flush()
			if z.hasSub {
				out = append(out, piece{substitute, mono})
			} else {
				out = append(out, piece{"?", f})
			}
		}
	}
	flush()
	return out
}

// fallback returns the first face of the same kind, then any face, that
// has r; -1 when none has it.
func (z *sanitizer) fallback(f face, r rune) face {
	order := []face{sans, serif, mono, sansBold, serifBold, sansItalic, serifItalic}
	if f == serifBold || f == sansBold {
		order = []face{sansBold, serifBold, sans, serif, mono}
	}
	for _, g := range order {
		if z.fonts[g].Has(r) {
			return g
		}
	}
	return -1
}

// plain returns s cleaned for face f as one string; runes the face lacks
// become "?". It is used where only one face can be used (running header,
// outline, metadata).
func (z *sanitizer) plain(s string, f face, pos source.Pos) string {
	var b strings.Builder
	for _, p := range z.clean(s, f, pos) {
		if p.face != f {
			b.WriteByte('?')
		} else {
			b.WriteString(p.text)
		}
	}
	return b.String()
}

func (z *sanitizer) report(r rune, pos source.Pos) {
	if z.seen[r] {
		return
	}
	z.seen[r] = true
	z.warn.Add(pos, "character %s %q is not in the embedded fonts; replaced", runeName(r), r)
}

func runeName(r rune) string { return fmt.Sprintf("U+%04X", r) }
