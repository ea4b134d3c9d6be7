package pdf

import (
	"fmt"

	"github.com/go-pdf/fpdf"
)

// The layout as data. A pass after the first records what it draws as
// boxes, page by page, instead of painting; when its page map settles, its
// boxes are painted once onto a fresh fpdf document (replay), so no pass
// is laid out twice. Painting a box makes the same fpdf calls, in the same
// order, that the layout made when it painted directly, so the file is
// byte for byte the same.

// boxOp says what a box is. The fields each op uses are listed beside it.
type boxOp uint8

const (
	opText      boxOp = iota // canvas.write: x, y; w size (pt); s; a face; b colour (packRGB)
	opFont                   // canvas.setFont: w size (pt); a face
	opImageReg               // canvas.registerImage: a index into recorder.images
	opAddPage                // painter calls from here on, with their own arguments
	opSetPage                // a page
	opAddLink                // a the id the pass was given
	opSetLink                // a link; y; b page
	opLink                   // x, y, w, h; a link
	opLinkURL                // x, y, w, h; s address
	opBookmark               // s title; a level; y
	opFillColor              // x, y, w: r, g, b
	opDrawColor              // x, y, w: r, g, b
	opLineWidth              // x width
	opRect                   // x, y, w, h; s style
	opLine                   // x, y: from; w, h: to
	opCircle                 // x, y; w radius; s style
	opImage                  // x, y, w, h; a index into recorder.images
	opRaw                    // s content-stream text
)

// box is one thing drawn on a page: a run of text in one face, size and
// colour at a position, or one painter call (rule, fill, link, outline
// entry, picture…). Strings are kept, not copied.
type box struct {
	x, y, w, h float64
	s          string
	a, b       int32
	op         boxOp
}

// imageBox is the rest of a picture's registration or drawing.
type imageBox struct {
	name    string
	opts    fpdf.ImageOptions
	data    []byte // registration: the picture file
	rank    int    // registration: the how-manyth picture registered
	flow    bool   // drawing: fpdf's flow flag
	link    int    // drawing: link id
	linkStr string // drawing: link address
}

// packRGB packs a colour whose parts are bytes (as parseColor makes them).
func packRGB(c rgb) int32 { return int32(c.r&0xff | (c.g&0xff)<<8 | (c.b&0xff)<<16) }

func unpackRGB(v int32) rgb { return rgb{int(v & 0xff), int(v >> 8 & 0xff), int(v >> 16 & 0xff)} }

// recorder is the painter of a recording pass: it numbers pages and links
// as fpdf does (see dryPainter) and keeps every call as a box of the page
// it was made on. pages[0] holds what was drawn before the first page
// (nothing, normally); pages[p] starts with the AddPage of page p.
type recorder struct {
	dryPainter
	pages  [][]box
	images []imageBox
}

var _ painter = (*recorder)(nil)

// add appends b to the page being recorded.
func (r *recorder) add(b box) {
	if len(r.pages) == 0 {
		r.pages = append(r.pages, nil)
	}
	n := len(r.pages) - 1
	r.pages[n] = append(r.pages[n], b)
}

func (r *recorder) text(x, y float64, f face, size float64, col rgb, s string) {
	r.add(box{op: opText, x: x, y: y, w: size, s: s, a: int32(f), b: packRGB(col)})
}

func (r *recorder) font(f face, size float64) {
	r.add(box{op: opFont, w: size, a: int32(f)})
}

func (r *recorder) image(name string, opts fpdf.ImageOptions, data []byte, rank int) {
	r.images = append(r.images, imageBox{name: name, opts: opts, data: data, rank: rank})
	r.add(box{op: opImageReg, a: int32(len(r.images) - 1)})
}

// AddPage starts the list of a new page.
func (r *recorder) AddPage() {
	r.dryPainter.AddPage()
	if len(r.pages) == 0 {
		r.pages = append(r.pages, nil)
	}
	r.pages = append(r.pages, []box{{op: opAddPage}})
}

func (r *recorder) SetPage(page int) {
	r.dryPainter.SetPage(page)
	r.add(box{op: opSetPage, a: int32(page)})
}

func (r *recorder) AddLink() int {
	id := r.dryPainter.AddLink()
	r.add(box{op: opAddLink, a: int32(id)})
	return id
}

func (r *recorder) SetLink(link int, y float64, page int) {
	r.add(box{op: opSetLink, a: int32(link), y: y, b: int32(page)})
}

func (r *recorder) Link(x, y, w, h float64, link int) {
	r.add(box{op: opLink, x: x, y: y, w: w, h: h, a: int32(link)})
}

func (r *recorder) LinkString(x, y, w, h float64, link string) {
	r.add(box{op: opLinkURL, x: x, y: y, w: w, h: h, s: link})
}

func (r *recorder) Bookmark(title string, level int, y float64) {
	r.add(box{op: opBookmark, s: title, a: int32(level), y: y})
}

func (r *recorder) SetFillColor(cr, cg, cb int) {
	r.add(box{op: opFillColor, x: float64(cr), y: float64(cg), w: float64(cb)})
}

func (r *recorder) SetDrawColor(cr, cg, cb int) {
	r.add(box{op: opDrawColor, x: float64(cr), y: float64(cg), w: float64(cb)})
}

func (r *recorder) SetLineWidth(w float64) { r.add(box{op: opLineWidth, x: w}) }

func (r *recorder) Rect(x, y, w, h float64, style string) {
	r.add(box{op: opRect, x: x, y: y, w: w, h: h, s: style})
}

func (r *recorder) Line(x1, y1, x2, y2 float64) {
	r.add(box{op: opLine, x: x1, y: y1, w: x2, h: y2})
}

func (r *recorder) Circle(x, y, radius float64, style string) {
	r.add(box{op: opCircle, x: x, y: y, w: radius, s: style})
}

func (r *recorder) ImageOptions(name string, x, y, w, h float64, flow bool, opts fpdf.ImageOptions, link int, linkStr string) {
	r.images = append(r.images, imageBox{name: name, opts: opts, flow: flow, link: link, linkStr: linkStr})
	r.add(box{op: opImage, x: x, y: y, w: w, h: h, a: int32(len(r.images) - 1)})
}

func (r *recorder) RawWriteStr(s string) { r.add(box{op: opRaw, s: s}) }

// boxes returns the number of boxes recorded.
func (r *recorder) boxes() int {
	n := 0
	for _, p := range r.pages {
		n += len(p)
	}
	return n
}

// replay paints the recorded boxes on c, a painting canvas, page by page,
// letting go of each page's boxes once painted.
func (r *recorder) replay(c *canvas) {
	for i, page := range r.pages {
		for j := range page {
			r.paint(c, &page[j])
		}
		r.pages[i] = nil
	}
	r.images = nil
}

// paint makes the call that box b records.
func (r *recorder) paint(c *canvas, b *box) {
	p := c.p
	switch b.op {
	case opText:
		c.write(b.x, b.y, face(b.a), b.w, unpackRGB(b.b), b.s)
	case opFont:
		c.setFont(face(b.a), b.w)
	case opImageReg:
		im := &r.images[b.a]
		c.registerImage(im.name, im.opts, im.data, im.rank)
	case opAddPage:
		p.AddPage()
	case opSetPage:
		p.SetPage(int(b.a))
	case opAddLink:
		if id := p.AddLink(); id != int(b.a) {
			p.SetError(fmt.Errorf("painting: link %d became link %d", b.a, id))
		}
	case opSetLink:
		p.SetLink(int(b.a), b.y, int(b.b))
	case opLink:
		p.Link(b.x, b.y, b.w, b.h, int(b.a))
	case opLinkURL:
		p.LinkString(b.x, b.y, b.w, b.h, b.s)
	case opBookmark:
		p.Bookmark(b.s, int(b.a), b.y)
	case opFillColor:
		p.SetFillColor(int(b.x), int(b.y), int(b.w))
	case opDrawColor:
		p.SetDrawColor(int(b.x), int(b.y), int(b.w))
	case opLineWidth:
		p.SetLineWidth(b.x)
	case opRect:
		p.Rect(b.x, b.y, b.w, b.h, b.s)
	case opLine:
		p.Line(b.x, b.y, b.w, b.h)
	case opCircle:
		p.Circle(b.x, b.y, b.w, b.s)
	case opImage:
		im := &r.images[b.a]
		p.ImageOptions(im.name, b.x, b.y, b.w, b.h, im.flow, im.opts, im.link, im.linkStr)
	case opRaw:
		p.RawWriteStr(b.s)
	}
}
