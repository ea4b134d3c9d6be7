package pdf

import (
	"fmt"
	"strings"

	"github.com/briefbook/briefbook/internal/source"
	"golang.org/x/text/unicode/norm"
)

// substitute is printed, in a face that has it (the embedded mono face
// does), for a character no font can draw.
const substitute = "□"

// sanitizer makes text safe for fpdf: NFC, no runes above U+FFFF, no soft
// hyphens, tabs or control characters, and only runes the chosen face (or
// a fallback face) has. Characters no face can draw, and text in a script
// that is drawn without the shaping or reordering it needs, are reported
// once per script (see scriptNotes) when flush is called.
type sanitizer struct {
	fonts fontSet
	warn  *source.Warnings
	notes scriptNotes
	sub   face // the face that draws the substitute; -1: none has it
}

func newSanitizer(fs fontSet, warn *source.Warnings) *sanitizer {
	z := &sanitizer{fonts: fs, warn: warn, sub: fs.resolve(mono, '□')}
	if !fs[z.sub].Has('□') {
		z.sub = -1
	}
	return z
}

// flush reports what the text cleaned so far held that cannot be drawn
// as it should: one warning per script, at its first occurrence.
func (z *sanitizer) flush() { z.notes.report(z.warn) }

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
			z.notes.drawn(r, pos)
			b.WriteRune(r)
		case r < 0x10000 && z.fonts.fallback(f, r) >= 0:
			// Another face has it (≈, arrows, box drawing, a user's
			// fallback font…).
			z.notes.drawn(r, pos)
			flush()
			out = append(out, piece{string(r), z.fonts.fallback(f, r)})
		default:
			z.notes.missing(r, pos)
			flush()
			if z.sub >= 0 {
				out = append(out, piece{substitute, z.sub})
			} else {
				out = append(out, piece{"?", f})
			}
		}
	}
	flush()
	return out
}

// fallback returns the face that draws r in place of f (see
// fontSet.fallback); -1 when none has it.
func (z *sanitizer) fallback(f face, r rune) face { return z.fonts.fallback(f, r) }

// plain returns s cleaned for face f as one string, for text drawn with
// canvas.write (running header, contents, marking), which draws each rune
// in the face that has it; characters no face has are the substitute.
func (z *sanitizer) plain(s string, f face, pos source.Pos) string {
	var b strings.Builder
	for _, p := range z.clean(s, f, pos) {
		b.WriteString(p.text)
	}
	return b.String()
}

func runeName(r rune) string { return fmt.Sprintf("U+%04X", r) }
