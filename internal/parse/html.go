package parse

import (
	"bytes"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// Raw HTML in Markdown is read for its text and meaning; its markup never
// reaches the document. golang.org/x/net/html tokenises it (entities are
// decoded there); the elements are mapped as follows.
//
// Inline, in a Markdown paragraph or in an HTML block: b, strong → Strong;
// i, em, cite, dfn, var → Emph; sup → Sup; sub → Sub; code, kbd, samp, tt →
// Code; a with href → Link (through document.CheckLink, like Markdown
// links); br → LineBreak; img → its alt text, with a warning, unless it
// is alone in a paragraph of an HTML block in a section, where it is a
// picture (see picture.go). An element is open from its start tag to its end tag,
// or to the end of the run of inlines it starts in (the paragraph, link or
// emphasis around it); an end tag with no open element is ignored.
//
// Block, in an HTML block: p, div, center, details, section, li, tr, … end
// the paragraph before them and begin a new one; summary, dt and h1–h6
// are paragraphs of their own in bold; pre (and xmp, listing) becomes a
// CodeBlock with its text verbatim; hr becomes a Rule.
//
// Comments, doctypes and the markup of every other element are dropped and
// their text kept, except the elements in droppedElements, whose content
// goes too, with a warning. Open elements are at most maxNesting deep; the
// tags of deeper ones are ignored (their text is kept). The cost is linear
// in the size of the HTML.

// htmlKind is what an inline HTML element becomes.
type htmlKind int

const (
	hNone htmlKind = iota // markup only: the text is kept
	hStrong
	hEmph
	hSup
	hSub
	hCode
	hLink
	hDrop // the element and its content are dropped
)

var inlineElements = map[string]htmlKind{
	"b": hStrong, "strong": hStrong,
	"i": hEmph, "em": hEmph, "cite": hEmph, "dfn": hEmph, "var": hEmph,
	"sup": hSup, "sub": hSub,
	"code": hCode, "kbd": hCode, "samp": hCode, "tt": hCode,
	"a": hLink,
}

// droppedElements are dropped with their content, with a warning: code,
// styles, embedded objects and forms' options are no text of the document.
var droppedElements = map[string]bool{
	"script": true, "style": true, "template": true, "iframe": true, "object": true,
	"embed": true, "svg": true, "math": true, "head": true, "title": true,
	"noembed": true, "noframes": true, "select": true, "textarea": true, "canvas": true,
	"audio": true, "video": true,
}

// blockElements end the paragraph before them and start a new one.
var blockElements = map[string]bool{
	"p": true, "div": true, "center": true, "details": true, "section": true,
	"article": true, "header": true, "footer": true, "main": true, "aside": true,
	"nav": true, "blockquote": true, "ul": true, "ol": true, "li": true, "dl": true,
	"dd": true, "table": true, "thead": true, "tbody": true, "tfoot": true, "tr": true,
	"caption": true, "figure": true, "figcaption": true, "address": true, "form": true,
	"fieldset": true, "legend": true, "body": true, "html": true, "hgroup": true,
	"menu": true, "picture": true,
}

// leadElements are paragraphs of their own, set in bold.
var leadElements = map[string]bool{
	"summary": true, "dt": true, "h1": true, "h2": true, "h3": true, "h4": true,
	"h5": true, "h6": true, "th": false,
}

// preElements keep their text verbatim, as a CodeBlock.
var preElements = map[string]bool{"pre": true, "xmp": true, "listing": true, "plaintext": true}

// htmlFrame is an open inline element collecting its content.
type htmlFrame struct {
	tag  string
	kind htmlKind
	url  string
	line int
	acc  inlineAcc
}

// inlineHTML is the stack of inline HTML elements open over one run of
// inlines; base receives what is closed at the bottom.
type inlineHTML struct {
	r      *mdReader
	base   *inlineAcc
	frames []*htmlFrame
	// imgs, when set, collects the <img> elements met instead of warning
	// about them at once.
	imgs *[]htmlImg
}

// cur returns the accumulator new inline content goes to.
func (h *inlineHTML) cur() *inlineAcc {
	if n := len(h.frames); n > 0 {
		return &h.frames[n-1].acc
	}
	return h.base
}

// dropping reports whether content is being dropped.
func (h *inlineHTML) dropping() bool {
	for _, f := range h.frames {
		if f.kind == hDrop {
			return true
		}
	}
	return false
}

// open starts an element; past maxNesting the tag is ignored.
func (h *inlineHTML) open(tag string, kind htmlKind, url string, line int) {
	if len(h.frames) >= maxNesting {
		return
	}
	h.frames = append(h.frames, &htmlFrame{tag: tag, kind: kind, url: url, line: line})
}

// close ends the innermost open element named tag and those opened inside
// it; it does nothing when no such element is open.
func (h *inlineHTML) close(tag string) {
	for i := len(h.frames) - 1; i >= 0; i-- {
		if h.frames[i].tag == tag {
			for len(h.frames) > i {
				h.pop()
			}
			return
		}
	}
}

func (h *inlineHTML) closeAll() {
	for len(h.frames) > 0 {
		h.pop()
	}
}

// pop closes the innermost element, adding what it became to its parent.
func (h *inlineHTML) pop() {
	f := h.frames[len(h.frames)-1]
	h.frames = h.frames[:len(h.frames)-1]
	ins := f.acc.done()
	if f.kind == hDrop || len(ins) == 0 {
		return
	}
	out := h.cur()
	kind := f.kind
	if strings.TrimSpace(document.InlineText(ins)) == "" {
		kind = hNone // white space: no element around it
	}
	switch kind {
	case hStrong:
		out.add(&document.Strong{Inlines: ins})
	case hEmph:
		out.add(&document.Emph{Inlines: ins})
	case hSup:
		out.add(&document.Sup{Inlines: ins})
	case hSub:
		out.add(&document.Sub{Inlines: ins})
	case hCode:
		if t := document.InlineText(ins); t != "" {
			out.add(document.Code(t))
		}
	case hLink:
		h.r.addLinkAt(out, f.line, f.url, ins)
	default:
		for _, in := range ins {
			if t, ok := in.(document.Text); ok {
				out.addText(string(t))
			} else {
				out.add(in)
			}
		}
	}
}

// tag applies an inline start, self-closing or end tag at line.
func (h *inlineHTML) tag(tok html.Token, line int) {
	name := tok.Data
	switch tok.Type {
	case html.EndTagToken:
		h.close(name)
		return
	case html.StartTagToken, html.SelfClosingTagToken:
	default:
		return
	}
	if h.dropping() {
		if tok.Type == html.StartTagToken && droppedElements[name] {
			h.open(name, hDrop, "", line)
		}
		return
	}
	switch {
	case name == "br":
		h.cur().add(document.LineBreak{})
		return
	case name == "img":
		img := htmlImg{src: attr(tok, "src"), alt: attr(tok, "alt"), title: attr(tok, "title"), line: line}
		if h.imgs != nil {
			// A block reader decides when its paragraph ends whether the
			// picture stands alone (see htmlBlockReader.flush).
			*h.imgs = append(*h.imgs, img)
		} else {
			h.r.warnInlinePicture(line, img.src)
		}
		h.cur().addText(h.r.cleanAt(collapseSpace(img.alt), line, "an HTML attribute"))
		return
	case droppedElements[name]:
		h.r.warnHTML(line, name)
		if tok.Type == html.StartTagToken {
			h.open(name, hDrop, "", line)
		}
		return
	}
	kind, ok := inlineElements[name]
	if !ok || tok.Type == html.SelfClosingTagToken {
		return
	}
	url := ""
	if kind == hLink {
		h.close("a") // an <a> ends the one open, as in HTML
		href, has := attrOK(tok, "href")
		if !has {
			kind = hNone
		}
		url = href
	}
	h.open(name, kind, url, line)
}

// text adds text at line; space runs are collapsed as HTML shows them.
func (h *inlineHTML) text(s string, line int) {
	if h.dropping() {
		return
	}
	h.cur().addText(h.r.cleanAt(collapseSpace(s), line, "a character reference"))
}

func attr(tok html.Token, key string) string {
	v, _ := attrOK(tok, key)
	return v
}

func attrOK(tok html.Token, key string) (string, bool) {
	for _, a := range tok.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func shorten(s string) string {
	if len(s) > 80 {
		return strings.ToValidUTF8(s[:80], "") + "…"
	}
	return s
}

// collapseSpace replaces each run of HTML white space by one space.
func collapseSpace(s string) string {
	if !strings.ContainsAny(s, "\t\n\f\r") && !strings.Contains(s, "  ") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\f', '\r':
			if !space {
				b.WriteByte(' ')
			}
			space = true
		default:
			b.WriteByte(c)
			space = false
		}
	}
	return b.String()
}

// warnHTML warns, once per block, that an element was dropped with its
// content.
func (r *mdReader) warnHTML(line int, name string) {
	if r.htmlWarns == nil {
		r.htmlWarns = map[int]bool{}
	}
	if !r.htmlWarns[line] {
		r.htmlWarns[line] = true
		r.w.Add(posAt(r.f, line), "HTML <%s> dropped with its content", name)
	}
}

// cleanAt is clean for text at a known line.
func (r *mdReader) cleanAt(s string, line int, what string) string {
	return r.ctl.text(s, true, func() int { return line }, what)
}

// rawInline applies an inline RawHTML node to h.
func (r *mdReader) rawInline(h *inlineHTML, n *ast.RawHTML) {
	var raw []byte
	for i := 0; i < n.Segments.Len(); i++ {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(r.src)...)
	}
	line := r.block
	if n.Segments.Len() > 0 {
		line = r.lines.line(n.Segments.At(0).Start)
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		tok := z.Token()
		switch tt {
		case html.TextToken:
			// Text inside one raw HTML node: the content of a raw
			// text element such as <script>…</script> on one line.
			h.text(tok.Data, line)
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			h.tag(tok, line)
		}
	}
}

// htmlBlock converts an HTML block into paragraphs, code blocks and rules;
// in a section (top), an <img> alone in its paragraph becomes a Picture.
func (r *mdReader) htmlBlock(n *ast.HTMLBlock, top bool) []document.Block {
	// The block's lines, and where each starts in the source.
	var raw []byte
	type seg struct{ at, src int }
	var segs []seg
	addSeg := func(start, stop int) {
		segs = append(segs, seg{len(raw), start})
		raw = append(raw, r.src[start:stop]...)
	}
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		addSeg(s.Start, s.Stop)
	}
	if n.HasClosure() {
		addSeg(n.ClosureLine.Start, n.ClosureLine.Stop)
	}
	si := 0
	lineAt := func(off int) int {
		for si+1 < len(segs) && segs[si+1].at <= off {
			si++
		}
		if len(segs) == 0 {
			return r.block
		}
		return r.lines.line(segs[si].src + off - segs[si].at)
	}

	b := &htmlBlockReader{r: r, paraLine: -1, wantTitle: r.htmlTitle}
	r.htmlTitle = false
	b.h = inlineHTML{r: r, base: &b.para}
	if top {
		b.h.imgs = &b.imgs
	}
	z := html.NewTokenizer(bytes.NewReader(raw))
	off := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		rawTok := z.Raw()
		lead := 0
		if tt == html.TextToken {
			// The line of the text's first visible character.
			lead = len(rawTok) - len(bytes.TrimLeft(rawTok, " \t\n\f"))
		}
		line := lineAt(off + lead)
		off += len(rawTok)
		b.token(z.Token(), line)
	}
	b.endPre()
	b.flush()
	if b.title != "" {
		r.doc.Meta.Title = b.title
	}
	return b.out
}

// htmlBlockReader turns the tokens of one HTML block into blocks.
type htmlBlockReader struct {
	r        *mdReader
	out      []document.Block
	para     inlineAcc
	h        inlineHTML
	paraLine int // line of the paragraph's first content, -1 before it
	// wantTitle is set when an <h1> opening the block is the document's
	// title (see mdReader.htmlTitle); lead is the lead element open ("h1",
	// "summary", …) and title the title found.
	wantTitle bool
	lead      string
	title     string
	// pre is the element being read verbatim ("" outside), with its text,
	// line and nesting.
	pre      string
	preText  strings.Builder
	preLine  int
	preDepth int
	// imgs are the <img> elements of the paragraph being read, when the
	// block sits in a section (nil otherwise: they are inline pictures).
	imgs []htmlImg
}

func (b *htmlBlockReader) token(tok html.Token, line int) {
	if b.pre != "" {
		b.preToken(tok)
		return
	}
	name := tok.Data
	isTag := tok.Type == html.StartTagToken || tok.Type == html.EndTagToken || tok.Type == html.SelfClosingTagToken
	switch {
	case tok.Type == html.TextToken:
		if b.paraLine < 0 && strings.TrimSpace(tok.Data) != "" && !b.h.dropping() {
			b.paraLine = line
		}
		b.h.text(tok.Data, line)
	case !isTag || b.h.dropping():
		b.h.tag(tok, line)
	case preElements[name] && tok.Type == html.StartTagToken:
		b.flush()
		b.pre, b.preLine, b.preDepth = name, line, 1
	case name == "hr":
		b.flush()
		b.out = append(b.out, &document.Rule{Pos: posAt(b.r.f, line)})
	case leadElements[name]:
		if tok.Type == html.EndTagToken {
			b.h.close(name)
		}
		b.flush()
		b.lead = ""
		if tok.Type == html.StartTagToken {
			b.h.open(name, hStrong, "", line)
			b.lead = name
		}
	case blockElements[name]:
		b.flush()
	case name == "td" || name == "th":
		// Cells are set apart by a space; header cells are bold.
		if tok.Type == html.EndTagToken {
			b.h.close(name)
			break
		}
		b.h.cur().addText(" ")
		if tok.Type == html.StartTagToken && name == "th" {
			b.h.open(name, hStrong, "", line)
		}
	default:
		if b.paraLine < 0 && (name == "img" || name == "br") {
			b.paraLine = line
		}
		b.h.tag(tok, line)
	}
}

// preToken reads a token inside a pre element: text verbatim, line breaks
// as newlines, other markup dropped.
func (b *htmlBlockReader) preToken(tok html.Token) {
	switch tok.Type {
	case html.TextToken:
		b.preText.WriteString(tok.Data)
	case html.StartTagToken:
		if tok.Data == b.pre {
			b.preDepth++
		} else if tok.Data == "br" {
			b.preText.WriteByte('\n')
		}
	case html.SelfClosingTagToken:
		if tok.Data == "br" {
			b.preText.WriteByte('\n')
		}
	case html.EndTagToken:
		if tok.Data == b.pre {
			b.preDepth--
			if b.preDepth == 0 {
				b.endPre()
			}
		}
	}
}

// endPre finishes the pre element being read, if any.
func (b *htmlBlockReader) endPre() {
	if b.pre == "" {
		return
	}
	t := b.preText.String()
	// A newline right after <pre> is not content (HTML's rule).
	t = strings.TrimPrefix(t, "\n")
	t = strings.TrimRight(t, " \t\n")
	t = b.r.cleanAt(t, b.preLine, "a character reference")
	if strings.TrimSpace(t) != "" {
		b.out = append(b.out, &document.CodeBlock{Pos: posAt(b.r.f, b.preLine), Text: t})
	}
	b.pre = ""
	b.preText.Reset()
}

// flush ends the paragraph being read. The inline elements open at its
// end (a link or bold around several blocks) are open again in the next.
func (b *htmlBlockReader) flush() {
	var carry []htmlFrame
	for _, f := range b.h.frames {
		if _, ok := inlineElements[f.tag]; ok {
			carry = append(carry, htmlFrame{tag: f.tag, kind: f.kind, url: f.url, line: f.line})
		}
	}
	b.h.closeAll()
	for _, f := range carry {
		b.h.open(f.tag, f.kind, f.url, f.line)
	}
	ins := trimEdges(b.para.done())
	b.para = inlineAcc{}
	imgs := b.imgs
	b.imgs = nil
	if len(imgs) == 1 && loneAltText(ins, imgs[0].alt) {
		img := imgs[0]
		if b.wantTitle && len(ins) > 0 {
			b.wantTitle = false // a picture opening the block is no title
		}
		b.out = append(b.out, b.r.picture(img.line, img.src, b.r.cleanAt(strings.TrimSpace(collapseSpace(img.alt)), img.line, "an HTML attribute"),
			b.r.cleanAt(strings.TrimSpace(collapseSpace(img.title)), img.line, "an HTML attribute")))
		b.paraLine = -1
		return
	}
	for _, img := range imgs {
		b.r.warnInlinePicture(img.line, img.src)
	}
	if b.takeTitle(ins) {
		ins = nil
	}
	if len(ins) > 0 {
		line := b.paraLine
		if line < 0 {
			line = b.r.block
		}
		b.out = append(b.out, &document.Paragraph{Pos: posAt(b.r.f, line), Inlines: ins})
	}
	b.paraLine = -1
}

// takeTitle reports whether ins, the paragraph being flushed, is the
// document's title: the text of an <h1> before any other content.
func (b *htmlBlockReader) takeTitle(ins []document.Inline) bool {
	if !b.wantTitle || len(ins) == 0 {
		return false
	}
	b.wantTitle = false
	if b.lead != "h1" || len(b.out) > 0 {
		return false
	}
	b.title = plain(ins)
	return b.title != ""
}

// trimEdges is trimInlines, also inside the elements at the ends of ins
// (HTML puts line breaks and indentation inside them), at most maxNesting
// deep.
func trimEdges(ins []document.Inline) []document.Inline {
	for depth := 0; depth < 2; depth++ {
		ins = trimInlines(ins)
		if len(ins) == 0 {
			return ins
		}
		trimIn(ins[0], true, maxNesting)
		trimIn(ins[len(ins)-1], false, maxNesting)
	}
	return ins
}

// trimIn trims white space at the start (or end) of the content of an
// element, and of the element at that end of it, down to depth levels.
func trimIn(in document.Inline, start bool, depth int) {
	var kids *[]document.Inline
	switch in := in.(type) {
	case *document.Strong:
		kids = &in.Inlines
	case *document.Emph:
		kids = &in.Inlines
	case *document.Sup:
		kids = &in.Inlines
	case *document.Sub:
		kids = &in.Inlines
	case *document.Link:
		kids = &in.Inlines
	default:
		return
	}
	k := *kids
	if start {
		for len(k) > 0 {
			t, ok := k[0].(document.Text)
			if !ok {
				break
			}
			if t = document.Text(strings.TrimLeft(string(t), " ")); t != "" {
				k[0] = t
				break
			}
			k = k[1:]
		}
	} else {
		for len(k) > 0 {
			t, ok := k[len(k)-1].(document.Text)
			if !ok {
				break
			}
			if t = document.Text(strings.TrimRight(string(t), " ")); t != "" {
				k[len(k)-1] = t
				break
			}
			k = k[:len(k)-1]
		}
	}
	*kids = k
	if len(k) > 0 && depth > 0 {
		if start {
			trimIn(k[0], true, depth-1)
		} else {
			trimIn(k[len(k)-1], false, depth-1)
		}
	}
}
