package pdf

import "github.com/go-pdf/fpdf"

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// canvas wraps the fpdf instance of one pass and remembers the current font
// and colours, so that only changes reach the content stream.
type canvas struct {
	*fpdf.Fpdf
	fonts fontSet
	face  face
	size  float64 // pt; 0 before the first setFont
	text  rgb
	hasT  bool
}

func (c *canvas) setFont(f face, size float64) {
	if c.size == size && c.face == f {
		return
	}
	family, style := f.family()
	c.SetFont(family, style, size)
	c.face, c.size = f, size
}

func (c *canvas) setTextColor(col rgb) {
	if c.hasT && c.text == col {
		return
	}
	c.SetTextColor(col.r, col.g, col.b)
	c.text, c.hasT = col, true
}

// write draws s in face f with its baseline at y; runes f lacks are drawn
// in the face that has them (see fontSet.split), so that text made for one
// face (running header, contents) never shows a missing glyph.
func (c *canvas) write(x, y float64, f face, size float64, col rgb, s string) {
	if s == "" {
		return
	}
	c.setTextColor(col)
	for _, p := range c.fonts.split(s, f) {
		c.setFont(p.face, size)
		c.Text(x, y, p.text)
		x += c.GetStringWidth(p.text)
	}
}

// fill paints a rectangle.
func (c *canvas) fill(x, y, w, h float64, col rgb) {
	if w <= 0 || h <= 0 {
		return
	}
	c.SetFillColor(col.r, col.g, col.b)
	c.Rect(x, y, w, h, "F")
}

// rule draws a line of width lw (mm).
func (c *canvas) rule(x1, y1, x2, y2, lw float64, col rgb) {
	c.SetDrawColor(col.r, col.g, col.b)
	c.SetLineWidth(lw)
	c.Line(x1, y1, x2, y2)
}
