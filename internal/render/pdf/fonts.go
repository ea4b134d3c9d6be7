package pdf

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"

	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/go-pdf/fpdf"
)

// face is one of the font roles of the style.
type face int

// The font roles.
const (
	serif face = iota
	serifBold
	serifItalic
	sans
	sansBold
	sansItalic
	mono
	numFaces
)

// fpdf family and style of each role.
var faceNames = [numFaces][2]string{
	serif: {"serif", ""}, serifBold: {"serif", "B"}, serifItalic: {"serif", "I"},
	sans: {"sans", ""}, sansBold: {"sans", "B"}, sansItalic: {"sans", "I"},
	mono: {"mono", ""},
}

// bold returns the bold variant of f (mono has none).
func (f face) bold() face {
	switch f {
	case serif, serifItalic:
		return serifBold
	case sans, sansItalic:
		return sansBold
	}
	return f
}

// italic returns the italic variant of f; bold stays bold, as there are no
// bold-italic faces.
func (f face) italic() face {
	switch f {
	case serif:
		return serifItalic
	case sans:
		return sansItalic
	}
	return f
}

// roleKeys are the keys of the style's "fonts" object, by face.
var roleKeys = [numFaces]string{
	serif: "serif", serifBold: "serif_bold", serifItalic: "serif_italic",
	sans: "sans", sansBold: "sans_bold", sansItalic: "sans_italic", mono: "mono",
}

// FontRoles returns the font roles of the print style, the keys of its
// "fonts" object that name one face each ("serif", "sans_bold", "mono", …).
func FontRoles() []string { return roleKeys[:] }

// family returns the fpdf family and style of f: the role's, or
// "fallbackN" for the N-th fallback face.
func (f face) family() (string, string) {
	if f >= 0 && f < numFaces {
		return faceNames[f][0], faceNames[f][1]
	}
	return "fallback" + strconv.Itoa(int(f-numFaces)), ""
}

// fontSet is the parsed font files of a style: one per role (indexed by
// face), then the user's fallback faces (face numFaces, numFaces+1, …).
type fontSet []*fonts.Face

// loadFonts returns the faces of st, with the user's faces in place of the
// embedded ones where user gives a role, and the user's fallbacks after
// them. Without user (nil), every font the style names must be embedded.
func loadFonts(st *Style, user *fonts.User) (fontSet, error) {
	files := [numFaces]string{st.Fonts.Serif, st.Fonts.SerifBold, st.Fonts.SerifItalic,
		st.Fonts.Sans, st.Fonts.SansBold, st.Fonts.SansItalic, st.Fonts.Mono}
	fs := make(fontSet, numFaces, int(numFaces)+len(user.Fallbacks()))
	for i, file := range files {
		if f := user.Role(roleKeys[i]); f != nil {
			fs[i] = f
			continue
		}
		f, err := fonts.Load(file)
		if err != nil {
			return nil, fmt.Errorf("style: fonts.%s: %v", roleKeys[i], err)
		}
		fs[i] = f
	}
	fallback := user.Fallbacks()
	if user == nil {
		// Without the user's fonts opened (pipeline.LoadFonts does that,
		// style fallbacks included), the style's fallbacks must be
		// embedded fonts.
		for i, file := range st.Fonts.Fallback {
			f, err := fonts.Load(file)
			if err != nil {
				return nil, fmt.Errorf("style: fonts.fallback[%d]: %v", i, err)
			}
			fallback = append(fallback, f)
		}
	}
	for _, f := range fallback {
		if !slices.Contains(fs, f) {
			fs = append(fs, f)
		}
	}
	return fs, nil
}

// register adds face f to pdf (see canvas.setFont); a failure is pdf's
// error. fpdf writes into the font bytes it is given while subsetting
// (measured: the second render in a process differed from the first), so
// it gets a private copy and fonts.Face.Data, shared by the whole process,
// stays intact.
func (fs fontSet) register(pdf *fpdf.Fpdf, f face) {
	family, style := f.family()
	pdf.AddUTF8FontFromBytes(family, style, bytes.Clone(fs[f].Data))
	if err := pdf.Error(); err != nil {
		pdf.SetError(fmt.Errorf("font %s: %v", fs[f].File, err))
	}
}

// The order in which faces are tried for a rune the wanted face lacks:
// faces of the same weight first, then the user's fallbacks, then the rest.
var (
	regularFirst = []face{sans, serif}
	regularLast  = []face{mono, sansBold, serifBold, sansItalic, serifItalic}
	boldFirst    = []face{sansBold, serifBold, sans, serif}
	boldLast     = []face{mono}
)

// fallback returns the face that draws r in place of f, which lacks it:
// the first face of the same weight, then the first user fallback, then any
// face that has it; -1 when none has it.
func (fs fontSet) fallback(f face, r rune) face {
	first, last := regularFirst, regularLast
	if f == serifBold || f == sansBold {
		first, last = boldFirst, boldLast
	}
	for _, g := range first {
		if fs[g].Has(r) {
			return g
		}
	}
	for g := face(numFaces); int(g) < len(fs); g++ {
		if fs[g].Has(r) {
			return g
		}
	}
	for _, g := range last {
		if fs[g].Has(r) {
			return g
		}
	}
	return -1
}

// resolve returns the face that draws r when f is wanted: f itself when it
// has r (or r is a space), else its fallback, else f.
func (fs fontSet) resolve(f face, r rune) face {
	if r == ' ' || fs[f].Has(r) {
		return f
	}
	if g := fs.fallback(f, r); g >= 0 {
		return g
	}
	return f
}

// split cuts s into pieces each drawn in one face: f where it has the
// runes, a fallback face where it does not. Sanitised text (see sanitizer)
// splits into pieces whose faces have every rune.
func (fs fontSet) split(s string, f face) []piece {
	var out []piece
	start, cur := 0, f
	for i, r := range s {
		g := fs.resolve(f, r)
		if g != cur && i > start {
			out = append(out, piece{s[start:i], cur})
			start = i
		}
		cur = g
	}
	if start < len(s) {
		out = append(out, piece{s[start:], cur})
	}
	return out
}

// textRuns returns s as runs in face f, runes f lacks in the face that has
// them (for text cleaned with sanitizer.plain).
func (l *layout) textRuns(s string, f face, size float64, col rgb) []run {
	var out []run
	for _, p := range l.c.fonts.split(s, f) {
		out = append(out, run{text: p.text, face: p.face, size: size, color: col})
	}
	return out
}

// metrics measures text. Widths are those fpdf draws with, one rune at a
// time, from the per-process tables of fontcache.go; metrics keeps a
// per-face view of them for the passes of one layout.
type metrics struct {
	widths [][]float32 // by face: width of a rune at 1 pt, in mm; <0: unknown
	// measured counts the runes measured, cached or not: the tests of
	// bounded cost read it.
	measured int
	// breaks are the paragraphs broken so far (see breakcache.go).
	breaks breakCache
}

// runeWidth returns the advance of r in face f at 1 pt, in mm, measuring
// on a cache miss. A rune f lacks is measured in the face that draws it
// (see fontSet.resolve). Only BMP runes reach here (see sanitize). A font
// fpdf cannot read sets the canvas's error (the face was checked when it
// was loaded, so this is not expected) and measures 0.
func (m *metrics) runeWidth(pdf *canvas, f face, r rune) float64 {
	m.measured++
	if r < 0 || r > 0xFFFF {
		r = '?'
	}
	for int(f) >= len(m.widths) {
		m.widths = append(m.widths, nil)
	}
	w := m.widths[f]
	if w == nil {
		w = make([]float32, 0x10000)
		for i := range w {
			w[i] = -1
		}
		m.widths[f] = w
	}
	if v := w[r]; v >= 0 {
		return float64(v)
	}
	g := pdf.fonts[pdf.fonts.resolve(f, r)]
	v, err := widthsOf(g).runeWidth(g, r)
	if err != nil {
		pdf.SetError(err)
		return 0
	}
	w[r] = float32(v)
	return float64(w[r])
}

// width returns the width of s in face f at size pt, in mm.
func (m *metrics) width(pdf *canvas, f face, size float64, s string) float64 {
	t := 0.0
	for _, r := range s {
		t += m.runeWidth(pdf, f, r)
	}
	return t * size
}
