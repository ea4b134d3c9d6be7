package pdf

import (
	"bytes"
	"fmt"

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

// fontSet is the parsed font files of a style, by role.
type fontSet [numFaces]*fonts.Face

func loadFonts(st *Style) (*fontSet, error) {
	files := [numFaces]string{st.Fonts.Serif, st.Fonts.SerifBold, st.Fonts.SerifItalic,
		st.Fonts.Sans, st.Fonts.SansBold, st.Fonts.SansItalic, st.Fonts.Mono}
	var fs fontSet
	for i, file := range files {
		f, err := fonts.Load(file)
		if err != nil {
			return nil, fmt.Errorf("style: fonts: %v", err)
		}
		fs[i] = f
	}
	return &fs, nil
}

// register adds every face to pdf. fpdf writes into the font bytes it is
// given while subsetting (measured: the second render in a process differed
// from the first), so it gets a private copy and fonts.Face.Data, shared by
// the whole process, stays intact.
func (fs *fontSet) register(pdf *fpdf.Fpdf) error {
	for i, f := range fs {
		pdf.AddUTF8FontFromBytes(faceNames[i][0], faceNames[i][1], bytes.Clone(f.Data))
		if err := pdf.Error(); err != nil {
			return fmt.Errorf("font %s: %v", f.File, err)
		}
	}
	return nil
}

// metrics measures text. Widths are taken from fpdf itself (so lines are
// measured exactly as fpdf will draw them), one rune at a time, and cached
// per face; the cache is shared by all passes of one layout.
type metrics struct {
	widths [numFaces][]float32 // width of a rune at 1 pt, in mm; <0: unknown
	// measured counts the runes measured, cached or not: the tests of
	// bounded cost read it.
	measured int
}

// runeWidth returns the advance of r in face f at 1 pt, in mm, measuring
// with pdf on a cache miss. Only BMP runes reach here (see sanitize).
func (m *metrics) runeWidth(pdf *canvas, f face, r rune) float64 {
	m.measured++
	if r < 0 || r > 0xFFFF {
		r = '?'
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
	const probe = 100.0
	saved, savedSize := pdf.face, pdf.size
	pdf.setFont(f, probe)
	v := pdf.GetStringWidth(string(r)) / probe
	if savedSize > 0 {
		pdf.setFont(saved, savedSize)
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
