package pdf

import (
	"github.com/go-pdf/fpdf"
)

// dryPainter stands in for fpdf in the layout passes that only settle the
// page map (contents pages, "Page X of Y", ¶ references): it counts pages
// and links as fpdf does and draws nothing, so those passes neither parse
// fonts nor build content streams. Widths come from the shared measurer
// (see fontcache.go), never from the painter.
type dryPainter struct {
	page, pages int
	links       int
	err         error
}

var _ painter = (*fpdf.Fpdf)(nil)
var _ painter = (*dryPainter)(nil)

// AddPage starts a page after the current one, as fpdf numbers it.
func (d *dryPainter) AddPage() {
	d.page++
	d.pages++
}

func (d *dryPainter) PageNo() int    { return d.page }
func (d *dryPainter) PageCount() int { return d.pages }
func (d *dryPainter) SetPage(page int) {
	if page >= 1 && page <= d.pages {
		d.page = page
	}
}

// AddLink returns a new internal link id, numbered from 1 as fpdf does.
func (d *dryPainter) AddLink() int {
	d.links++
	return d.links
}

func (d *dryPainter) SetLink(int, float64, int)                    {}
func (d *dryPainter) Link(float64, float64, float64, float64, int) {}
func (d *dryPainter) LinkString(float64, float64, float64, float64, string) {
}
func (d *dryPainter) Bookmark(string, int, float64)                   {}
func (d *dryPainter) SetFillColor(int, int, int)                      {}
func (d *dryPainter) SetDrawColor(int, int, int)                      {}
func (d *dryPainter) SetLineWidth(float64)                            {}
func (d *dryPainter) Rect(float64, float64, float64, float64, string) {}
func (d *dryPainter) Line(float64, float64, float64, float64)         {}
func (d *dryPainter) Circle(float64, float64, float64, string)        {}
func (d *dryPainter) RawWriteStr(string)                              {}

func (d *dryPainter) ImageOptions(string, float64, float64, float64, float64, bool, fpdf.ImageOptions, int, string) {
}

func (d *dryPainter) Error() error { return d.err }
func (d *dryPainter) SetError(err error) {
	if d.err == nil && err != nil {
		d.err = err
	}
}
