package pdf

import "github.com/go-pdf/fpdf"

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// canvas wraps the fpdf instance of one pass and remembers the current font
// and colours, so that only changes reach the content stream.
type canvas struct {
	*fpdf.Fpdf
	face face
	size float64 // pt; 0 before the first setFont
	text rgb
	hasT bool
}

func (c *canvas) setFont(f face, size float64) {
	if c.size == size && c.face == f {
		return
	}
	c.SetFont(faceNames[f][0], faceNames[f][1], size)
	c.face, c.size = f, size
}

func (c *canvas) setTextColor(col rgb) {
	if c.hasT && c.text == col {
		return
	}
	c.SetTextColor(col.r, col.g, col.b)
	c.text, c.hasT = col, true
}

// write draws s with its baseline at y.
func (c *canvas) write(x, y float64, f face, size float64, col rgb, s string) {
	if s == "" {
		return
	}
	c.setFont(f, size)
	c.setTextColor(col)
	c.Text(x, y, s)
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
