package pdf

import (
	"strconv"
	"strings"
)

// Tagged PDF (ISO 32000-1 §14.7–14.8, PDF/UA-1): while the painting pass
// draws, the layout opens and closes structure elements (tag, end) and
// artifacts (artifact, endArtifact) on its canvas; every drawing call
// first marks its content (mark), which wraps it in a marked-content
// sequence of the element being set ("/P <</MCID 7>> BDC … EMC") or of
// the open artifact. A sequence stays open while consecutive drawing goes
// to the same element, so a line of text is one sequence, not one per
// word. What the pass learns — the tree, the element behind each MCID of
// each page and the element of each link annotation — is written into the
// file afterwards (finish.go). Dry passes have no tagger and skip all of it.

// tagNode is one structure element.
type tagNode struct {
	role   string // standard structure type: "P", "H2", "Table", …
	alt    string // /Alt: the text that stands for a Figure
	actual string // /ActualText
	id     string // /ID (notes), listed in the IDTree
	attrs  string // attribute dictionary body for /A ("/O /Table /Scope /Column")
	parent *tagNode
	kids   []tagKid
	page   int // first page with content of its own, 0 before any
	// annotText collects the text drawn inside a Link, for the /Contents
	// of its annotations.
	annotText strings.Builder
}

// tagKid is a child of an element: another element, a marked-content
// sequence (page, mcid) or a link annotation (annot, its index).
type tagKid struct {
	node  *tagNode
	page  int
	mcid  int
	annot int
}

// tagAnnot is a link annotation in painting order: its page and the Link
// element that owns it.
type tagAnnot struct {
	page int
	node *tagNode
}

// Artifact kinds (the property list of the /Artifact sequence).
const (
	artPage   = "<</Type /Pagination>>"                     // page furniture: rules, page numbers
	artHeader = "<</Type /Pagination /Subtype /Header>>"    // running header
	artFooter = "<</Type /Pagination /Subtype /Footer>>"    // footer
	artMark   = "<</Type /Pagination /Subtype /Watermark>>" // the marking band
	artLayout = "<</Type /Layout>>"                         // rules, fills and bars of the layout
)

// headingRole is the structure type of a heading at outline level
// (0 for the top): H1 to H6.
func headingRole(level int) string {
	return "H" + strconv.Itoa(min(max(level, 0), 5)+1)
}

// tagger is the structure being built by a painting pass.
type tagger struct {
	root *tagNode // the Document element
	cur  *tagNode // the element that receives content
	// open is the element whose sequence is open on the current page;
	// openArt the kind of the open artifact sequence ("" when none).
	open    *tagNode
	openArt string
	art     []string // artifacts opened and not yet ended, innermost last
	page    int      // page of the open sequence
	mcids   [][]*tagNode
	annots  []tagAnnot
}

func newTagger() *tagger {
	root := &tagNode{role: "Document"}
	return &tagger{root: root, cur: root}
}

// tag opens an element of role as the last child of the current one and
// makes it current. It returns nil in a dry pass; every other tag method
// accepts nil.
func (c *canvas) tag(role string) *tagNode {
	t := c.t
	if t == nil {
		return nil
	}
	n := &tagNode{role: role, parent: t.cur}
	t.cur.kids = append(t.cur.kids, tagKid{node: n, mcid: -1, annot: -1})
	t.cur = n
	return n
}

// end closes n: its parent becomes current again. Content drawn after it
// goes to the parent, in a new sequence.
func (c *canvas) end(n *tagNode) {
	t := c.t
	if t == nil || n == nil {
		return
	}
	if t.open != nil && t.open == n {
		c.closeMarked()
	}
	if n.parent != nil {
		t.cur = n.parent
	}
}

// enter makes n, an element opened earlier, current again and returns the
// element to go back to with leave: a list marker drawn with its item's
// first line, a footnote set at the foot of a page while its paragraph is
// open.
func (c *canvas) enter(n *tagNode) *tagNode {
	t := c.t
	if t == nil || n == nil {
		return nil
	}
	back := t.cur
	t.cur = n
	return back
}

// leave goes back to the element enter returned.
func (c *canvas) leave(back *tagNode) {
	if c.t == nil || back == nil {
		return
	}
	c.t.cur = back
}

// artifact makes what is drawn until endArtifact an artifact of kind.
func (c *canvas) artifact(kind string) {
	if c.t != nil {
		c.t.art = append(c.t.art, kind)
	}
}

// endArtifact ends the innermost artifact.
func (c *canvas) endArtifact() {
	if t := c.t; t != nil && len(t.art) > 0 {
		t.art = t.art[:len(t.art)-1]
	}
}

// mark opens the marked-content sequence that what is drawn next belongs
// to, unless it is open already.
func (c *canvas) mark() {
	t := c.t
	if t == nil {
		return
	}
	page := c.PageNo()
	if page != t.page {
		// A sequence never spans pages: newPage closed it (closeMarked).
		t.open, t.openArt, t.page = nil, "", page
	}
	if n := len(t.art); n > 0 {
		kind := t.art[n-1]
		if t.openArt == kind && t.open == nil {
			return
		}
		c.closeMarked()
		c.RawWriteStr("/Artifact " + kind + " BDC")
		t.openArt, t.page = kind, page
		return
	}
	if t.open == t.cur && t.openArt == "" {
		return
	}
	c.closeMarked()
	for len(t.mcids) < page {
		t.mcids = append(t.mcids, nil)
	}
	mcid := len(t.mcids[page-1])
	t.mcids[page-1] = append(t.mcids[page-1], t.cur)
	n := t.cur
	n.kids = append(n.kids, tagKid{page: page, mcid: mcid, annot: -1})
	if n.page == 0 {
		n.page = page
	}
	c.RawWriteStr("/" + n.role + " <</MCID " + strconv.Itoa(mcid) + ">> BDC")
	t.open, t.page = n, page
}

// closeMarked ends the open sequence, if any. newPage calls it before a
// page ends, so that every page's content stream balances.
func (c *canvas) closeMarked() {
	t := c.t
	if t == nil || (t.open == nil && t.openArt == "") {
		return
	}
	c.RawWriteStr("EMC")
	t.open, t.openArt = nil, ""
}

// linkAnnot records the annotation Link or LinkString just added to the
// current page as a child of the current element (a Link), with text for
// its /Contents.
func (c *canvas) linkAnnot(text string) {
	t := c.t
	if t == nil {
		return
	}
	n := t.cur
	page := c.PageNo()
	n.kids = append(n.kids, tagKid{page: page, mcid: -1, annot: len(t.annots)})
	if n.page == 0 {
		n.page = page
	}
	if text != "" && n.annotText.Len() < 500 {
		if n.annotText.Len() > 0 {
			n.annotText.WriteByte(' ')
		}
		n.annotText.WriteString(text)
	}
	t.annots = append(t.annots, tagAnnot{page: page, node: n})
}

// link adds a link annotation to an internal destination, owned by the
// current element (a Link).
func (c *canvas) link(x, y, w, h float64, id int, text string) {
	if c.dry() {
		return
	}
	c.Link(x, y, w, h, id)
	c.linkAnnot(text)
}

// linkURL adds a link annotation to an address, owned by the current
// element (a Link).
func (c *canvas) linkURL(x, y, w, h float64, u, text string) {
	if c.dry() {
		return
	}
	c.LinkString(x, y, w, h, u)
	c.linkAnnot(text)
}

// circle paints a filled disc of radius r in col.
func (c *canvas) circle(x, y, r float64, col rgb) {
	if c.dry() {
		return
	}
	c.mark()
	c.SetFillColor(col.r, col.g, col.b)
	c.Circle(x, y, r, "F")
}

// frame draws the outline of a rectangle in lw mm of col.
func (c *canvas) frameRect(x, y, w, h, lw float64, col rgb) {
	if c.dry() {
		return
	}
	c.mark()
	c.SetDrawColor(col.r, col.g, col.b)
	c.SetLineWidth(lw)
	c.Rect(x, y, w, h, "D")
}

// suspendArtifacts stops the open artifacts until resumeArtifacts, for
// real content set while furniture is being drawn (footnotes at the foot
// of a page that ends inside a repeated table header).
func (c *canvas) suspendArtifacts() []string {
	t := c.t
	if t == nil {
		return nil
	}
	a := t.art
	t.art = nil
	return a
}

// resumeArtifacts restores what suspendArtifacts stopped.
func (c *canvas) resumeArtifacts(a []string) {
	if c.t != nil {
		c.t.art = a
	}
}

// runsText is the text of runs, for alternative descriptions.
func runsText(rs []run) string {
	var b strings.Builder
	for _, r := range rs {
		if r.brk {
			b.WriteByte(' ')
			continue
		}
		b.WriteString(r.text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// timelineMaxAlt bounds the events the timeline's alternative text names.
const timelineMaxAlt = 12

// timelineAlt is the alternative text of the timeline graphic: its title
// and the first events, date and label; the table below it lists them
// all.
func (l *layout) timelineAlt(t factTable) string {
	var b strings.Builder
	b.WriteString(t.title)
	for i, ev := range l.fm.events {
		if i == timelineMaxAlt {
			b.WriteString("; …")
			break
		}
		if i == 0 {
			b.WriteString(": ")
		} else {
			b.WriteString("; ")
		}
		b.WriteString(runsText(ev.date))
		b.WriteString(" ")
		b.WriteString(runsText(ev.label))
	}
	return b.String()
}

// root returns the Document element (nil in a dry pass).
func (c *canvas) root() *tagNode {
	if c.t == nil {
		return nil
	}
	return c.t.root
}

// noteParent is the element footnotes set at the foot of the current page
// join: the current one, or the nearest above it that may hold a Note (not
// a table, list or contents part, which hold only their own kinds).
func (c *canvas) noteParent() *tagNode {
	if c.t == nil {
		return nil
	}
	n := c.t.cur
	for n.parent != nil {
		switch n.role {
		case "Table", "THead", "TBody", "TFoot", "TR", "L", "LI", "TOC", "TOCI", "Link":
			n = n.parent
			continue
		}
		break
	}
	return n
}
