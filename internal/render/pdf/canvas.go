package pdf

import (
	"bytes"

	"github.com/go-pdf/fpdf"
)

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// painter is what the layout asks of a PDF document besides text and
// image registration, which go through the canvas: fpdf when painting, a
// recorder in the passes that record boxes, dryPainter in the passes that
// only settle page numbers.
type painter interface {
	AddPage()
	PageNo() int
	PageCount() int
	SetPage(page int)
	AddLink() int
	SetLink(link int, y float64, page int)
	Link(x, y, w, h float64, link int)
	LinkString(x, y, w, h float64, link string)
	Bookmark(title string, level int, y float64)
	SetFillColor(r, g, b int)
	SetDrawColor(r, g, b int)
	SetLineWidth(w float64)
	Rect(x, y, w, h float64, style string)
	Line(x1, y1, x2, y2 float64)
	Circle(x, y, r float64, style string)
	ImageOptions(name string, x, y, w, h float64, flow bool, opts fpdf.ImageOptions, link int, linkStr string)
	// RawWriteStr appends s to the current page's content stream.
	RawWriteStr(s string)
	Error() error
	SetError(err error)
}

// canvas is what a pass draws on. It holds one of three painters: fpdf
// (pdf is set) paints, a recorder (rec is set) keeps the boxes of the pass
// to paint later (see boxes.go), dryPainter only counts pages and links.
// When painting it remembers the current font and text colour, so that
// only changes reach the content stream.
type canvas struct {
	p     painter
	pdf   *fpdf.Fpdf // the painter when painting, else nil
	rec   *recorder  // the painter when recording, else nil
	fonts fontSet
	face  face
	size  float64 // pt; 0 before the first setFont
	text  rgb
	hasT  bool
	// added marks the faces registered with pdf: a face is registered
	// the first time the painting pass sets it, so a face the document
	// never draws with is neither parsed nor embedded.
	added []bool
	// t builds the structure tree (tags.go) in the pass whose drawing
	// is kept: the recording pass, or a pass that paints directly. The
	// canvas that paints recorded boxes has none: the marks are boxes.
	t *tagger
}

// paintCanvas returns a canvas that paints on pdf.
func paintCanvas(pdf *fpdf.Fpdf, fs fontSet) *canvas {
	return &canvas{p: pdf, pdf: pdf, fonts: fs}
}

// recordCanvas returns a canvas that records boxes.
func recordCanvas(fs fontSet) *canvas {
	r := &recorder{}
	return &canvas{p: r, rec: r, fonts: fs, t: newTagger()}
}

// dryCanvas returns a canvas that draws nothing.
func dryCanvas(fs fontSet) *canvas {
	return &canvas{p: &dryPainter{}, fonts: fs}
}

// dry reports whether the pass neither paints nor records.
func (c *canvas) dry() bool { return c.pdf == nil && c.rec == nil }

// setFont makes f at size pt the current font (Bookmark needs a UTF-8
// font set).
func (c *canvas) setFont(f face, size float64) {
	switch {
	case c.rec != nil:
		c.rec.font(f, size)
		return
	case c.pdf == nil:
		return
	}
	if c.size == size && c.face == f {
		return
	}
	if c.added == nil {
		c.added = make([]bool, len(c.fonts))
	}
	if int(f) >= 0 && int(f) < len(c.added) && !c.added[f] {
		c.added[f] = true
		c.fonts.register(c.pdf, f)
	}
	family, style := f.family()
	c.pdf.SetFont(family, style, size)
	c.face, c.size = f, size
}

func (c *canvas) setTextColor(col rgb) {
	if c.hasT && c.text == col {
		return
	}
	c.pdf.SetTextColor(col.r, col.g, col.b)
	c.text, c.hasT = col, true
}

// write draws s in face f with its baseline at y; runes f lacks are drawn
// in the face that has them (see fontSet.split), so that text made for one
// face (running header, contents) never shows a missing glyph.
func (c *canvas) write(x, y float64, f face, size float64, col rgb, s string) {
	if s == "" || c.dry() {
		return
	}
	c.mark()
	if c.rec != nil {
		c.rec.text(x, y, f, size, col, s)
		return
	}
	c.setTextColor(col)
	for _, p := range c.fonts.split(s, f) {
		c.setFont(p.face, size)
		c.pdf.Text(x, y, p.text)
		x += c.pdf.GetStringWidth(p.text)
	}
}

// registerImage registers picture data under name, the rank-th picture
// registered (see orderImage). A dry pass registers nothing: the layout
// sizes pictures from their own header, and painting checks the data.
func (c *canvas) registerImage(name string, opts fpdf.ImageOptions, data []byte, rank int) {
	switch {
	case c.dry():
		return
	case c.rec != nil:
		c.rec.image(name, opts, data, rank)
		return
	}
	info := c.pdf.RegisterImageOptionsReader(name, opts, bytes.NewReader(data))
	if info != nil && !c.pdf.Err() {
		if err := orderImage(info, rank); err != nil {
			c.pdf.SetError(err)
		}
	}
}

// fill paints a rectangle.
func (c *canvas) fill(x, y, w, h float64, col rgb) {
	if w <= 0 || h <= 0 || c.dry() {
		return
	}
	c.mark()
	c.p.SetFillColor(col.r, col.g, col.b)
	c.p.Rect(x, y, w, h, "F")
}

// rule draws a line of width lw (mm).
func (c *canvas) rule(x1, y1, x2, y2, lw float64, col rgb) {
	if c.dry() {
		return
	}
	c.mark()
	c.p.SetDrawColor(col.r, col.g, col.b)
	c.p.SetLineWidth(lw)
	c.p.Line(x1, y1, x2, y2)
}

// The painter's methods, as the layout calls them.

func (c *canvas) AddPage()                                   { c.p.AddPage() }
func (c *canvas) PageNo() int                                { return c.p.PageNo() }
func (c *canvas) PageCount() int                             { return c.p.PageCount() }
func (c *canvas) SetPage(page int)                           { c.p.SetPage(page) }
func (c *canvas) AddLink() int                               { return c.p.AddLink() }
func (c *canvas) SetLink(link int, y float64, page int)      { c.p.SetLink(link, y, page) }
func (c *canvas) Link(x, y, w, h float64, link int)          { c.p.Link(x, y, w, h, link) }
func (c *canvas) LinkString(x, y, w, h float64, link string) { c.p.LinkString(x, y, w, h, link) }
func (c *canvas) Bookmark(title string, level int, y float64) {
	c.p.Bookmark(title, level, y)
}
func (c *canvas) SetFillColor(r, g, b int)              { c.p.SetFillColor(r, g, b) }
func (c *canvas) SetDrawColor(r, g, b int)              { c.p.SetDrawColor(r, g, b) }
func (c *canvas) SetLineWidth(w float64)                { c.p.SetLineWidth(w) }
func (c *canvas) Rect(x, y, w, h float64, style string) { c.p.Rect(x, y, w, h, style) }
func (c *canvas) Line(x1, y1, x2, y2 float64)           { c.p.Line(x1, y1, x2, y2) }
func (c *canvas) Circle(x, y, r float64, style string)  { c.p.Circle(x, y, r, style) }
func (c *canvas) ImageOptions(name string, x, y, w, h float64, flow bool, opts fpdf.ImageOptions, link int, linkStr string) {
	c.p.ImageOptions(name, x, y, w, h, flow, opts, link, linkStr)
}
func (c *canvas) RawWriteStr(s string) { c.p.RawWriteStr(s) }
func (c *canvas) Error() error         { return c.p.Error() }
func (c *canvas) SetError(err error)   { c.p.SetError(err) }
