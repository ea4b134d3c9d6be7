package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/go-pdf/fpdf"
)

// maxPasses bounds the layout passes; two are normally enough (one to
// learn the page map, one to print it).
const maxPasses = 5

// Result is a rendered PDF and its page map. Pages are physical: page 1 is
// the first page of the file (the cover).
type Result struct {
	// PDF is the file.
	PDF []byte
	// Pages is the page count.
	Pages int
	// SectionPage is the page of each section's heading by section ID
	// ("s3"); for a section without a title, the page where its text starts.
	SectionPage map[string]int
	// ParagraphPage is the page of the first line of each numbered block by
	// paragraph ID ("p7").
	ParagraphPage map[string]int
	// PageMap says where each physical page begins, down to the word of
	// the block it begins in; the EPUB uses it for its page-list.
	PageMap *render.PageMap
}

// Render writes the PDF edition of in.Doc (with in.Analysis as front
// matter, when given) to w.
func Render(w io.Writer, in *render.Input) error {
	res, err := Layout(in)
	if err != nil {
		return err
	}
	if _, err := w.Write(res.PDF); err != nil {
		return fmt.Errorf("render pdf: %v", err)
	}
	return nil
}

// Layout renders in and returns the PDF with its page map. Warnings about
// replaced characters go to in.Warnings. Errors read "render pdf: …".
//
// A panic is not recovered here: it is a fault of this package, which the
// pipeline reports as an internal error with its location.
func Layout(in *render.Input) (res *Result, err error) {
	if in == nil || in.Doc == nil {
		return nil, errors.New("render pdf: no document")
	}
	res, err = layoutPasses(in, true)
	if err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	return res, nil
}

// LayoutPages lays out in as Layout does and returns its page map without
// painting the file: Result.PDF is nil. A build that needs the PDF's pages
// but not the PDF (the EPUB's page-list) calls it. Errors read
// "render pdf: …"; a fault in the pictures that only painting finds is
// not reported.
func LayoutPages(in *render.Input) (*Result, error) {
	if in == nil || in.Doc == nil {
		return nil, errors.New("render pdf: no document")
	}
	res, err := layoutPasses(in, false)
	if err != nil {
		return nil, fmt.Errorf("render pdf: %w", err)
	}
	return res, nil
}

// pageSize maps Options.Paper to an fpdf size name.
func pageSize(paper string) (string, error) {
	switch strings.ToLower(strings.TrimSpace(paper)) {
	case "", "a4":
		return "A4", nil
	case "letter":
		return "Letter", nil
	}
	return "", fmt.Errorf("paper %q: want \"a4\" or \"letter\"", paper)
}

// layoutPasses lays out in until its page map settles (a pass records
// what the one before it recorded, or the last pass allowed). The first
// pass is dry; when paint is set, the later ones record their boxes, and
// the settled pass's boxes are painted (see boxes.go).
func layoutPasses(in *render.Input, paint bool) (*Result, error) {
	size, err := pageSize(in.Options.Paper)
	if err != nil {
		return nil, err
	}
	st, err := loadStyle(in.Options.Style)
	if err != nil {
		return nil, err
	}
	fs, err := loadFonts(st, in.Options.Fonts)
	if err != nil {
		return nil, err
	}
	hy, err := newHyphenator(in.Doc.Meta.Language)
	if err != nil {
		return nil, err
	}
	z := newSanitizer(fs, in.Warnings)
	d := prepare(in.Doc, st, z)
	fm := prepareFront(in, st, z)
	omitFront(fm, in.Options.Omit)
	z.flush()
	m := &metrics{}
	w, h := pageDims(size)
	var prev *record
	for pass := 1; ; pass++ {
		l, err := startLayout(passCanvas(fs, paint, pass), w, h, in, st, m, d, fm, prev)
		if err != nil {
			return nil, err
		}
		l.hy = hy
		l.run()
		if err := l.c.Error(); err != nil {
			return nil, err
		}
		if prev != nil && (l.rec.equal(prev) || pass == maxPasses) {
			if !paint {
				return l.result(nil), nil
			}
			pdf, err := newDocument(in, st, fm, size)
			if err != nil {
				return nil, err
			}
			p := paintCanvas(pdf, fs)
			l.c.rec.replay(p)
			if err := p.Error(); err != nil {
				return nil, err
			}
			// The structure the recording pass built goes with the
			// painted file; the painting itself marked nothing (the
			// marks were boxes).
			p.t = l.c.t
			l.c = p
			return l.output()
		}
		prev = l.rec
	}
}

// passCanvas returns the canvas of pass number pass (from 1): the first
// pass, and every pass of a layout that paints nothing, is dry; the
// others record their boxes.
func passCanvas(fs fontSet, paint bool, pass int) *canvas {
	if paint && pass > 1 {
		return recordCanvas(fs)
	}
	return dryCanvas(fs)
}

// pageSizes caches the page width and height (mm) of each fpdf size name.
var pageSizes sync.Map

// pageDims returns the page width and height of size, in mm, as fpdf
// gives them.
func pageDims(size string) (w, h float64) {
	if v, ok := pageSizes.Load(size); ok {
		d := v.([2]float64)
		return d[0], d[1]
	}
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	w, h = pdf.GetPageSize()
	pageSizes.Store(size, [2]float64{w, h})
	return w, h
}

// newLayout starts a pass that paints directly on a fresh fpdf document
// (the tests compare it with recording and painting the boxes).
func newLayout(in *render.Input, st *Style, fs fontSet, m *metrics, d *prepared, fm *front, size string, prev *record) (*layout, error) {
	pdf, err := newDocument(in, st, fm, size)
	if err != nil {
		return nil, err
	}
	w, h := pdf.GetPageSize()
	c := paintCanvas(pdf, fs)
	c.t = newTagger()
	return startLayout(c, w, h, in, st, m, d, fm, prev)
}

// newDocument returns a fresh fpdf document with the metadata of in.
func newDocument(in *render.Input, st *Style, fm *front, size string) (*fpdf.Fpdf, error) {
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: size})
	pdf.SetCompression(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(st.Page.MarginLeft, st.Page.MarginTop, st.Page.MarginRight)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(in.Options.Time)
	pdf.SetModificationDate(in.Options.Time)
	meta := in.Doc.Meta
	pdf.SetTitle(fm.title, true)
	if fm.author != "" {
		pdf.SetAuthor(fm.author, true)
	}
	if fm.subject != "" {
		pdf.SetSubject(fm.subject, true)
	}
	if len(meta.Keywords) > 0 {
		pdf.SetKeywords(fm.keywords, true)
	}
	if meta.Language != "" {
		pdf.SetLang(metaClean(meta.Language))
	}
	pdf.SetCreator("briefbook", true)
	pdf.SetProducer("briefbook (fpdf)", true)
	if err := pdf.Error(); err != nil {
		return nil, err
	}
	return pdf, nil
}

// startLayout returns the layout of one pass drawing on c, on pages of w×h mm.
func startLayout(c *canvas, w, h float64, in *render.Input, st *Style, m *metrics, d *prepared, fm *front, prev *record) (*layout, error) {
	l := &layout{
		typesetting: typesetting{
			c: c, st: st, m: m, d: d, fm: fm, in: in,
			pageW: w, pageH: h,
			left: st.Page.MarginLeft, right: w - st.Page.MarginRight,
			top: st.Page.MarginTop, pageBottom: h - st.Page.MarginBottom,
			text: st.color(st.Colors.Text), accent: st.color(st.Colors.Accent),
			grey: st.color(st.Colors.Grey), hair: st.color(st.Colors.Hairline),
		},
		place:      place{bottom: h - st.Page.MarginBottom},
		registered: registered{links: map[string]int{}, outline: -1},
		mapping:    mapping{prev: prev, rec: newRecord()},
		noteState:  noteState{notePlaced: map[string]bool{}, noteCache: map[string][]line{}},
	}
	if l.right-l.left < 40 || l.bottom-l.top < 40 {
		return nil, fmt.Errorf("style: page margins leave no room for text")
	}
	return l, nil
}

// run lays out the whole document.
func (l *layout) run() {
	l.frontMatter()
	l.header = "" // the body starts without a section until its first heading
	l.part = "body"
	l.newPage()
	l.sections(l.d.sections)
	l.notes()
	if l.page == 0 {
		l.newPage()
	}
	l.drawPageNotes()
	l.c.closeMarked() // the last page's sequence, while it is the current page
	l.finishLinks()
	l.rec.pages = l.c.PageCount()
}

// output finishes the last pass and returns its file and page map.
func (l *layout) output() (*Result, error) {
	l.c.SetPage(l.c.PageCount()) // else fpdf drops the pages after the current one
	var buf bytes.Buffer
	if err := l.c.pdf.Output(&buf); err != nil {
		return nil, err
	}
	if err := l.c.Error(); err != nil {
		return nil, err
	}
	file, err := finishFile(buf.Bytes(), l.c.t, fileMetaOf(l.fm, l.in.Doc.Meta.Language, l.in.Options.Time))
	if err != nil {
		return nil, err
	}
	return l.result(file), nil
}

// result returns the page map of the pass with file as its PDF.
func (l *layout) result(file []byte) *Result {
	res := &Result{PDF: file, Pages: l.rec.pages,
		SectionPage: map[string]int{}, ParagraphPage: map[string]int{}, PageMap: l.rec.pageMap()}
	for k, v := range l.rec.sectionPage {
		res.SectionPage[k] = v
	}
	for k, v := range l.rec.paragraphPage {
		res.ParagraphPage[k] = v
	}
	return res
}

// metaClean keeps metadata strings within the Basic Multilingual Plane
// and free of control characters.
func metaClean(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r > 0xFFFF:
			b.WriteRune('\uFFFD')
		case r == '\n' || r == '\t' || r == '\r':
			b.WriteByte(' ')
		case invisible(r):
		default:
			b.WriteRune(r)
		}
	}
	return strings.TrimSpace(b.String())
}
