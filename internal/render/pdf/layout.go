package pdf

import (
	"maps"
	"slices"
	"strconv"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

// record is what one pass learned about the pages; the next pass prints it.
type record struct {
	pages         int
	sectionPage   map[string]int
	paragraphPage map[string]int
	anchorPage    map[string]int // every anchor placed: paragraphs, notes, front matter
	pageHeader    map[int]string // running-header section title of each page
	starts        map[int]render.PageStart
	// contentsPlace is where the contents were set (contentsOnSummary, …)
	// and contentsAfter the part they follow ("" without contents).
	contentsPlace int
	contentsAfter string
}

func newRecord() *record {
	return &record{sectionPage: map[string]int{}, paragraphPage: map[string]int{},
		anchorPage: map[string]int{}, pageHeader: map[int]string{}, starts: map[int]render.PageStart{}}
}

// equal reports whether two passes produced the same page map.
func (r *record) equal(o *record) bool {
	if r == nil || o == nil || r.pages != o.pages || len(r.anchorPage) != len(o.anchorPage) ||
		len(r.sectionPage) != len(o.sectionPage) || len(r.pageHeader) != len(o.pageHeader) ||
		r.contentsPlace != o.contentsPlace || r.contentsAfter != o.contentsAfter {
		return false
	}
	for k, v := range r.anchorPage {
		if o.anchorPage[k] != v {
			return false
		}
	}
	for k, v := range r.sectionPage {
		if o.sectionPage[k] != v {
			return false
		}
	}
	for k, v := range r.pageHeader {
		if o.pageHeader[k] != v {
			return false
		}
	}
	return true
}

// frame is the horizontal extent and text size of the blocks being set.
type frame struct {
	x, w    float64 // mm
	size    float64 // pt
	lead    float64 // mm
	justify bool
}

// layout is one pass over the document. Its state comes in parts named
// for what they hold; they are embedded, so l.y or l.rec reads the same as
// if they were fields of layout itself.
type layout struct {
	typesetting
	place
	registered
	mapping
	noteState
	firstLine
}

// typesetting is what a pass sets with and does not change: the canvas,
// the style, measures and prepared text, the page geometry, the colours
// and the hyphenator.
type typesetting struct {
	c  *canvas
	st *Style
	m  *metrics
	d  *prepared
	fm *front
	in *render.Input
	hy *hyphenator

	pageW, pageH             float64
	left, right, top         float64 // text area; right is an edge, not a margin
	pageBottom               float64 // bottom of the text area without footnotes
	text, accent, grey, hair rgb
}

// place is where the pass is: the page, the height on it, and what the
// page carries so far.
type place struct {
	page    int
	y       float64 // mm from the top of the page
	bottom  float64 // bottom edge of the text area: pageBottom less the notes' room
	cover   bool    // page 1 is the cover: no furniture
	header  string
	headSet bool      // a heading set the header on the current page
	bars    []float64 // x of the rules of the open block quotes
}

// registered is what the pass has numbered or registered with its painter
// so far.
type registered struct {
	links   map[string]int  // painter link id by anchor
	outline int             // last outline level used; -1 before the first bookmark
	tableNo int             // last table number used in a caption
	pics    map[string]bool // pictures registered with the painter
}

// mapping is the page map being learnt: the previous pass's record (nil on
// the first pass) and this one's, the part being set, the body block being
// set, its words drawn so far, and whether the current page's start is
// still to be recorded.
type mapping struct {
	prev       *record
	rec        *record
	part       string
	curSection string
	curBlock   int
	wc         wordCount
	needStart  bool
}

// noteState holds the footnotes: those reserved on the current page, those
// set anywhere, and their lines.
type noteState struct {
	pageNotes  []*footnote
	notePlaced map[string]bool
	noteCache  map[string][]line
}

// firstLine is what is set before a block and consumed by its first drawn
// line (see lineStart).
type firstLine struct {
	pendRef    document.Ref
	pendAnchor string
	pendMarker []run
	pendMarkX  float64  // right edge of the marker
	pendLbl    *tagNode // the Lbl element the marker is tagged with

	// lk is the Link element of the link run being drawn, which the
	// run's next words join (tags.go; nil in a dry pass).
	lk struct {
		r *run
		n *tagNode
	}
}

// body frame: the full text width at body size.
func (l *layout) bodyFrame() frame {
	return frame{x: l.left, w: l.right - l.left, size: l.st.Body.Size, lead: l.st.Body.Leading * ptMM, justify: true}
}

// link returns the fpdf link for an anchor, creating it on first use;
// false when nothing in the document carries that anchor.
func (l *layout) link(dest string) (int, bool) {
	if id, ok := l.links[dest]; ok {
		return id, true
	}
	if !l.d.anchors[dest] {
		return 0, false
	}
	if l.prev != nil {
		if _, placed := l.prev.anchorPage[dest]; !placed {
			return 0, false
		}
	}
	id := l.c.AddLink()
	l.links[dest] = id
	return id, true
}

// anchor marks the current page and y as the target of dest.
func (l *layout) anchor(dest string, y float64) {
	if dest == "" {
		return
	}
	if _, done := l.rec.anchorPage[dest]; done {
		return
	}
	l.rec.anchorPage[dest] = l.page
	l.d.anchors[dest] = true
	if id, ok := l.link(dest); ok {
		l.c.SetLink(id, y, l.page)
	}
}

// finishLinks points links whose target was never placed (possible only
// in the first pass) at the first page, so the file stays valid.
func (l *layout) finishLinks() {
	for _, k := range slices.Sorted(maps.Keys(l.links)) {
		if _, ok := l.rec.anchorPage[k]; !ok {
			l.c.SetLink(l.links[k], 0, 1)
		}
	}
}

func (l *layout) atTop() bool { return l.y <= l.top+1e-6 }

// newPage starts a page and draws its furniture.
func (l *layout) newPage() {
	if l.page > 0 {
		l.drawPageNotes()
	}
	l.c.closeMarked()
	l.c.AddPage()
	l.page = l.c.PageNo()
	l.y = l.top
	l.bottom = l.pageBottom
	l.headSet = false
	l.needStart = true
	if l.part != "body" {
		l.markStart("", 0)
	}
	if !(l.cover && l.page == 1) {
		l.rec.pageHeader[l.page] = l.header
	}
	l.furniture()
	if l.page == 1 && l.in.Options.Omit.Cover {
		l.titleBlock() // omit.go
	}
}

// ensure starts a new page unless h fits below y.
func (l *layout) ensure(h float64) {
	if l.page == 0 || (l.y+h > l.bottom+1e-6 && !l.atTop()) {
		l.newPage()
	}
}

// gap adds vertical space, except at the top of a page.
func (l *layout) gap(h float64) {
	if l.atTop() {
		return
	}
	if l.y+h > l.bottom {
		l.y = l.bottom
		return
	}
	l.drawBars(l.y, l.y+h)
	l.y += h
}

func (l *layout) drawBars(y1, y2 float64) {
	if len(l.bars) == 0 {
		return
	}
	l.c.artifact(artLayout)
	for _, x := range l.bars {
		l.c.rule(x, y1, x, y2, l.st.Quote.RuleWidth, l.accent)
	}
	l.c.endArtifact()
}

// layoutFill paints a background that only shades the layout: an artifact.
func (l *layout) layoutFill(x, y, w, h float64, col rgb) {
	l.c.artifact(artLayout)
	l.c.fill(x, y, w, h, col)
	l.c.endArtifact()
}

// layoutRule draws a rule that only divides the layout: an artifact.
func (l *layout) layoutRule(x1, y1, x2, y2, lw float64, col rgb) {
	l.c.artifact(artLayout)
	l.c.rule(x1, y1, x2, y2, lw, col)
	l.c.endArtifact()
}

// baseline returns the baseline offset of a line of size pt in lead mm.
func baseline(size, lead float64) float64 { return (lead + 0.7*size*ptMM) / 2 }

// lineStart is called for every line drawn in the body: it draws what was
// pending for the first line of a block (¶ number, list marker, anchors)
// and the quote rules beside the line.
func (l *layout) lineStart(top, base, lead float64) {
	if l.needStart {
		l.markStart(l.curSection, l.curBlock)
	}
	if l.pendRef.ID != "" {
		r := l.pendRef
		l.pendRef = document.Ref{}
		l.rec.paragraphPage[r.ID] = l.page
		l.anchor(r.ID, top)
		if r.Number > 0 {
			// ¶ numbers are artifacts, as the EPUB hides them from
			// assistive technology (aria-hidden).
			s := strconv.Itoa(r.Number)
			size := l.st.Body.ParaNumberSize
			w := l.m.width(l.c, sans, size, s)
			l.c.artifact(artLayout)
			l.c.write(l.left-l.st.Body.ParaNumberGap-w, base, sans, size, l.grey, s)
			l.c.endArtifact()
		}
	}
	if l.pendAnchor != "" {
		l.anchor(l.pendAnchor, top)
		l.pendAnchor = ""
	}
	if l.pendMarker != nil {
		w := 0.0
		for _, r := range l.pendMarker {
			w += l.m.width(l.c, r.face, r.size, r.text)
		}
		x := l.pendMarkX - w
		back := l.c.enter(l.pendLbl)
		for _, r := range l.pendMarker {
			l.c.write(x, base, r.face, r.size, r.color, r.text)
			x += l.m.width(l.c, r.face, r.size, r.text)
		}
		l.c.leave(back)
		l.pendMarker, l.pendLbl = nil, nil
	}
	l.drawBars(top, top+lead)
}

// placeLines sets lines in frame f from y, breaking pages so that no page
// ends with a single first line (orphan) or starts with a single last line
// (widow) when the paragraph allows. The footnotes a line calls are
// reserved on the page of that line.
func (l *layout) placeLines(lines []line, f frame) { l.placeBroken(lines, f, nil) }

// placeBroken is placeLines for a paragraph that rebreak can break again
// from line i on, keeping line i+noFlag free of a hyphen (it returns all
// the lines, or nil): a page does not end with a hyphenated word when that
// works.
func (l *layout) placeBroken(lines []line, f frame, rebreak func(lines []line, i, noFlag int) []line) {
	n, i, tried := len(lines), 0, -1
	for i < n {
		if l.page == 0 {
			l.newPage()
		}
		// How many lines fit, with the notes they call.
		avail, y, bottom := 0, l.y, l.bottom
		seen := map[string]bool{}
		first := len(l.pageNotes) == 0
		for j := i; j < n; j++ {
			ns := l.lineNotes(lines[j], seen)
			nh := l.notesRoom(ns, first)
			if y+f.lead > bottom-nh+1e-6 {
				break
			}
			if nh > 0 {
				first = false
			}
			bottom -= nh
			y += f.lead
			avail++
		}
		rem := n - i
		k := rem
		if rem > avail {
			k = avail
			if k > rem-2 {
				k = rem - 2
			}
			if i == 0 && k < 2 {
				k = 0
			}
			if k <= 0 && l.atTop() {
				k = max(1, min(avail, rem))
			}
		}
		if k <= 0 {
			l.newPage()
			continue
		}
		if rebreak != nil && i+k < n && lines[i+k-1].flag && tried != i {
			tried = i
			if nl := rebreak(lines, i, k-1); nl != nil {
				lines, n = nl, len(nl)
				continue
			}
		}
		for j := i; j < i+k; j++ {
			l.takeNotes(l.lineNotes(lines[j], map[string]bool{}))
			base := l.y + baseline(f.size, f.lead)
			l.lineStart(l.y, base, f.lead)
			l.drawLine(lines[j], f.x, base, f.w, f.lead, f.justify)
			l.y += f.lead
		}
		i += k
		if i < n {
			l.newPage()
		}
	}
}

// paragraph sets runs as a paragraph in frame f.
func (l *layout) paragraph(runs []run, f frame) {
	ws := l.words(runs)
	if !f.justify {
		lines := l.breakLines(ws, f.w)
		if len(lines) == 0 {
			lines = []line{{last: true}}
		}
		l.placeLines(lines, f)
		return
	}
	lines := l.breakTotal(ws, f.w, 0, 0, -1) // knuthplass.go
	if len(lines) == 0 {
		lines = []line{{last: true}}
	}
	l.placeBroken(lines, f, func(lines []line, i, noFlag int) []line {
		return l.rebreakAt(ws, f.w, lines, i, noFlag)
	})
}
