package epub

import (
	"image"

	"github.com/briefbook/briefbook/internal/fonts"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// multiFace is a font.Face that draws each rune in the first of its faces
// that has it: the cover's own face, then the user's fallback fonts, so
// that a Chinese or Arabic title is drawn on the cover rather than as
// question marks. Metrics are those of the first face.
type multiFace struct {
	faces []font.Face
	files []*fonts.Face // the font file of each face, for its coverage
}

// newMultiFace returns primary at size with the fallback fonts after it;
// primary alone when there are none.
func newMultiFace(primary font.Face, primaryFile *fonts.Face, fallback []*fonts.Face, size float64) (font.Face, error) {
	if len(fallback) == 0 {
		return primary, nil
	}
	m := &multiFace{faces: []font.Face{primary}, files: []*fonts.Face{primaryFile}}
	for _, f := range fallback {
		fc, err := opentype.NewFace(f.SFNT(), &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			return nil, err
		}
		m.faces = append(m.faces, fc)
		m.files = append(m.files, f)
	}
	return m, nil
}

// pick returns the index of the face that draws r.
func (m *multiFace) pick(r rune) int {
	for i, f := range m.files {
		if f.Has(r) {
			return i
		}
	}
	return 0
}

func (m *multiFace) Close() error { return nil }

func (m *multiFace) Glyph(dot fixed.Point26_6, r rune) (image.Rectangle, image.Image, image.Point, fixed.Int26_6, bool) {
	return m.faces[m.pick(r)].Glyph(dot, r)
}

func (m *multiFace) GlyphBounds(r rune) (fixed.Rectangle26_6, fixed.Int26_6, bool) {
	return m.faces[m.pick(r)].GlyphBounds(r)
}

func (m *multiFace) GlyphAdvance(r rune) (fixed.Int26_6, bool) {
	return m.faces[m.pick(r)].GlyphAdvance(r)
}

// Kern kerns two runes of the same face; none across faces.
func (m *multiFace) Kern(r0, r1 rune) fixed.Int26_6 {
	if i := m.pick(r0); i == m.pick(r1) {
		return m.faces[i].Kern(r0, r1)
	}
	return 0
}

func (m *multiFace) Metrics() font.Metrics { return m.faces[0].Metrics() }
