package pdf

import (
	"io"

	"github.com/go-pdf/fpdf"
)

// ptMM is one typographic point in millimetres.
const ptMM = 25.4 / 72

// painter is what the layout asks of a PDF document: fpdf in the pass that
// paints, dryPainter in the passes that only settle page numbers.
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
	SetFont(family, style string, size float64)
	SetTextColor(r, g, b int)
	SetFillColor(r, g, b int)
	SetDrawColor(r, g, b int)
	SetLineWidth(w float64)
	Text(x, y float64, s string)
	GetStringWidth(s string) float64
	Rect(x, y, w, h float64, style string)
	Line(x1, y1, x2, y2 float64)
	Circle(x, y, r float64, style string)
	RegisterImageOptionsReader(name string, opts fpdf.ImageOptions, r io.Reader) *fpdf.ImageInfoType
	ImageOptions(name string, x, y, w, h float64, flow bool, opts fpdf.ImageOptions, link int, linkStr string)
	RawWriteStr(s string)
	Err() bool
	Error() error
	SetError(err error)
}

// canvas wraps the painter of one pass and remembers the current font and
// colours, so that only changes reach the content stream. pdf is the fpdf
// document of a painting pass, nil in a dry one.
type canvas struct {
	painter
	pdf   *fpdf.Fpdf
	fonts fontSet
	face  face
	size  float64 // pt; 0 before the first setFont
	text  rgb
	hasT  bool
	// added marks the faces registered with pdf: a face is registered
	// the first time the painting pass sets it, so a face the document
	// never draws with is neither parsed nor embedded.
	added []bool
	// t builds the structure tree in the painting pass (tags.go); nil in
	// a dry one.
	t *tagger
}

// dry reports whether the pass only lays out, without a PDF to paint.
func (c *canvas) dry() bool { return c.pdf == nil }

func (c *canvas) setFont(f face, size float64) {
	if c.size == size && c.face == f {
		return
	}
	family, style := f.family()
	if c.pdf != nil {
		if c.added == nil {
			c.added = make([]bool, len(c.fonts))
		}
		if int(f) >= 0 && int(f) < len(c.added) && !c.added[f] {
			c.added[f] = true
			c.fonts.register(c.pdf, f)
		}
	}
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
	if s == "" || c.dry() {
		return
	}
	c.mark()
	c.setTextColor(col)
	for _, p := range c.fonts.split(s, f) {
		c.setFont(p.face, size)
		c.Text(x, y, p.text)
		x += c.GetStringWidth(p.text)
	}
}

// fill paints a rectangle.
func (c *canvas) fill(x, y, w, h float64, col rgb) {
	if w <= 0 || h <= 0 || c.dry() {
		return
	}
	c.mark()
	c.SetFillColor(col.r, col.g, col.b)
	c.Rect(x, y, w, h, "F")
}

// rule draws a line of width lw (mm).
func (c *canvas) rule(x1, y1, x2, y2, lw float64, col rgb) {
	if c.dry() {
		return
	}
	c.mark()
	c.SetDrawColor(col.r, col.g, col.b)
	c.SetLineWidth(lw)
	c.Line(x1, y1, x2, y2)
}
