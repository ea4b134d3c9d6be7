package parse

import (
	"bytes"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
	"github.com/yuin/goldmark"
	meta "github.com/yuin/goldmark-meta"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ParseMarkdown reads f as Markdown (CommonMark with GFM tables,
// strikethrough, autolinks and footnotes) with optional YAML front matter.
//
// Front matter keys: title, subtitle, author (a string or a list, joined
// with ", "), date (normalised to YYYY, YYYY-MM or YYYY-MM-DD; anything else
// gives "" and a warning), language (or lang), marking and keywords (a list
// or a comma-separated string). Front matter that is not valid YAML, or that
// is never closed, is not an error: it is reported as a warning at its line
// and the file is read as if it had no front matter: the metadata is not
// used and the front matter lines are not body text. Front matter that is
// never closed cannot be told from the body, so it is read as ordinary
// Markdown (with a warning at line 1).
//
// A lone leading level-1 heading (the only one, before any other content) is
// the document title — Meta.Title unless the front matter sets one — and not
// a section; the headings below it are shifted up so that the top ones are
// level 1. Levels are never skipped: a ### directly under a # becomes its
// child. Raw HTML keeps its text and meaning, never its markup (see html.go:
// <pre> is a code block, <sup>/<sub> superscript and subscript, <br> a line
// break, <b>/<i>/<a href> strong, emphasis and links, <p>/<div>/<details>
// paragraphs; <script>, <style> and the like are dropped with their content,
// with a warning); a picture alone in its paragraph in a section is a
// document.Picture (see picture.go; ParseMarkdown reads no picture file,
// ParseWith with Options.Pictures does), any other keeps its alt text,
// with a warning; strikethrough keeps its text. Block quote and list markers nested deeper than 32 on one line
// are read as text (goldmark's time grows with the square of that depth).
// A "(" after "]" that cannot open a link destination is hidden from
// goldmark (see neutralizeDestinations), which keeps "[x](" repeated on one
// line linear; the text read is the same. Emphasis and strikethrough runs
// that can never be matched are read as text at once (see emphasisGuard),
// which keeps mixes such as "*a_ " repeated linear; the text read is the
// same. Tables keep at most maxTableColumns columns and one cell per byte
// of their source (see limitTables), with a warning.
//
// Links: only http, https and mailto URLs and "#fragment" references stay
// links (see document.CheckLink), their destinations unescaped and
// percent-encoded; any other target keeps its text, with a warning.
// Control characters that character references or YAML escapes produce
// are removed, with a warning, like those in the source.
func ParseMarkdown(f *source.File, w *source.Warnings) (doc *document.Document, err error) {
	return readMarkdown(f, w, true, nil)
}

// readMarkdown is ParseMarkdown; fast=false skips neutralizeDestinations,
// so tests can check that it changes nothing but the time taken.
// pictures reads the pictures the source names (nil: none is read).
func readMarkdown(f *source.File, w *source.Warnings, fast bool, pictures PictureReader) (doc *document.Document, err error) {
	data := limitNesting(f, clean(f, f.Data, w), w)

	useMeta := false
	if open, closed := frontMatter(data); open {
		if closed {
			useMeta = true
		} else {
			w.Add(posAt(f, 1), "front matter is not closed with a \"---\" line: read as ordinary text")
		}
	}
	body := 0
	if useMeta {
		body = frontMatterEnd(data)
	}
	data = limitTables(f, data, body, w)
	var g *emphasisGuard
	if fast {
		data = neutralizeDestinations(data, body)
		g = &emphasisGuard{}
	}
	root, ctx := parseMarkdown(data, useMeta, g)
	var fm map[string]any
	if useMeta {
		m, ferr := meta.TryGet(ctx)
		if ferr != nil {
			w.Add(posAt(f, yamlErrorLine(ferr)), "front matter ignored: %s", yamlErrorText(ferr))
			data = blankFrontMatter(data)
			if g != nil {
				g = &emphasisGuard{}
			}
			root, _ = parseMarkdown(data, false, g)
		} else {
			fm = m
		}
	}

	doc = &document.Document{}
	doc.Meta.Source = f.Base()
	r := &mdReader{f: f, src: data, lines: newLineIndex(data), w: w, doc: doc, fnNumber: map[int]int{}, fnDefs: map[int]*east.Footnote{}, ctl: &controlCleaner{f: f, w: w}, pictures: pictures}
	r.build(root)
	if g != nil {
		for _, off := range g.cut {
			w.Add(posAt(f, r.lines.line(off)), "too many emphasis delimiters to match in linear time: the rest of this block reads them as text")
		}
	}
	if fm != nil {
		// Its own cleaner: one warning for the front matter, one for the body.
		applyFrontMatter(f, data, fm, &doc.Meta, w, &controlCleaner{f: f, w: w})
	}
	if doc.Meta.Language == "" {
		doc.Meta.Language = DetectLanguage(docText(doc))
	}
	attachCaptions(doc)
	doc.Number()
	return doc, nil
}

// parseMarkdown runs goldmark over src; with a guard, emphasis and
// strikethrough delimiters go through it (see emphasisGuard).
func parseMarkdown(src []byte, withMeta bool, g *emphasisGuard) (ast.Node, parser.Context) {
	exts := []goldmark.Extender{extension.Table, extension.Linkify, extension.TaskList, extension.Footnote, extension.DefinitionList}
	if withMeta {
		exts = append(exts, meta.Meta)
	}
	opts := []goldmark.Option{}
	if g != nil {
		opts = append(opts, goldmark.WithParser(guardedParser(g)))
	} else {
		exts = append(exts, extension.Strikethrough)
	}
	opts = append(opts, goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()))
	md := goldmark.New(opts...)
	ctx := parser.NewContext()
	root := md.Parser().Parse(text.NewReader(src), parser.WithContext(ctx))
	return root, ctx
}

// frontMatter reports whether src opens with a front matter line ("---")
// and whether a closing line of dashes follows.
func frontMatter(src []byte) (open, closed bool) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if !dashes(first) {
		return false, false
	}
	for len(rest) > 0 {
		var l []byte
		l, rest, _ = bytes.Cut(rest, []byte("\n"))
		if dashes(l) {
			return true, true
		}
	}
	return true, false
}

// frontMatterEnd returns the offset just after the closing line of the
// front matter that src opens with (see frontMatter), or 0.
func frontMatterEnd(src []byte) int {
	first, _, found := bytes.Cut(src, []byte("\n"))
	if !found || !dashes(first) {
		return 0
	}
	for off := len(first) + 1; off < len(src); {
		l, _, _ := bytes.Cut(src[off:], []byte("\n"))
		off += len(l) + 1
		if dashes(l) {
			return min(off, len(src))
		}
	}
	return 0
}

// blankFrontMatter returns a copy of src with the front matter lines (both
// "---" lines included) emptied, so that line numbers stay the same.
func blankFrontMatter(src []byte) []byte {
	out := make([]byte, 0, len(src))
	rest := src
	for i := 0; len(rest) > 0; i++ {
		l, r, found := bytes.Cut(rest, []byte("\n"))
		rest = r
		if found {
			out = append(out, '\n')
		}
		if i > 0 && dashes(l) {
			return append(out, rest...)
		}
	}
	return out
}

// dashes reports whether l is a line of one or more dashes (goldmark-meta's
// separator), surrounding spaces allowed.
func dashes(l []byte) bool {
	l = bytes.TrimSpace(l)
	return len(l) > 0 && len(bytes.Trim(l, "-")) == 0
}

// mdReader converts a goldmark tree into a document.
type mdReader struct {
	f     *source.File
	src   []byte
	lines lineIndex
	w     *source.Warnings
	doc   *document.Document
	// fnNumber maps goldmark's footnote index to our number (first
	// reference order); fnDefs holds the definitions by goldmark index.
	fnNumber map[int]int
	fnDefs   map[int]*east.Footnote
	fnNodes  []*east.Footnote
	// block is the line of the block being converted, for warnings.
	block     int
	htmlWarns map[int]bool
	// ctl removes control characters that decoding brings back.
	ctl *controlCleaner
	// htmlTitle is set while an HTML block opening the body may give the
	// title with an <h1> (when the Markdown has no level-1 heading).
	htmlTitle bool
	// anchors are the heading anchors given so far; next holds, for each
	// slug, the next suffix to try (see anchor).
	anchors map[string]bool
	next    map[string]int
	// pictures reads picture files; nil when the source has none to read.
	// picCache holds what each reference gave, picBytes the bytes of the
	// pictures read so far (see maxPictureBytes).
	pictures PictureReader
	picCache map[string]pictureRead
	picBytes int
}

type mdOpen struct {
	level int
	sec   *document.Section
}

func (r *mdReader) build(root ast.Node) {
	// Footnote definitions live in a list at the end.
	var body []ast.Node
	h1 := 0
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if fl, ok := n.(*east.FootnoteList); ok {
			for c := fl.FirstChild(); c != nil; c = c.NextSibling() {
				if fn, ok := c.(*east.Footnote); ok {
					r.fnDefs[fn.Index] = fn
				}
			}
			continue
		}
		if h, ok := n.(*ast.Heading); ok && h.Level == 1 {
			h1++
		}
		body = append(body, n)
	}
	if _, ok := firstNode(body).(*ast.HTMLBlock); ok && h1 == 0 {
		r.htmlTitle = true
	}
	if len(body) > 0 && h1 == 1 {
		if h, ok := body[0].(*ast.Heading); ok && h.Level == 1 {
			r.block = r.line(h)
			r.doc.Meta.Title = plain(r.inlines(h))
			body = body[1:]
		}
	}

	var stack []mdOpen
	var lead *document.Section
	for _, n := range body {
		if h, ok := n.(*ast.Heading); ok {
			r.block = r.line(h)
			title := plain(r.inlines(h))
			if title == "" {
				r.w.Add(posAt(r.f, r.block), "empty heading ignored")
				continue
			}
			for len(stack) > 0 && stack[len(stack)-1].level >= h.Level {
				stack = stack[:len(stack)-1]
			}
			s := &document.Section{Title: title, Pos: posAt(r.f, r.block), Anchor: r.anchor(h, title)}
			if len(stack) == 0 {
				r.doc.Sections = append(r.doc.Sections, s)
			} else {
				p := stack[len(stack)-1].sec
				p.Sections = append(p.Sections, s)
			}
			stack = append(stack, mdOpen{h.Level, s})
			continue
		}
		blocks := r.sectionBlocks(n)
		if len(blocks) == 0 {
			continue
		}
		if len(stack) > 0 {
			s := stack[len(stack)-1].sec
			s.Blocks = append(s.Blocks, blocks...)
			continue
		}
		if lead == nil {
			lead = &document.Section{Pos: blocks[0].Position()}
			r.doc.Sections = append(r.doc.Sections, lead)
		}
		lead.Blocks = append(lead.Blocks, blocks...)
	}
	// Footnote bodies, in order of first reference; converting one may
	// reference further footnotes, which are appended to the queue.
	for i := 0; i < len(r.fnNodes); i++ {
		fn := r.fnNodes[i]
		var bs []document.Block
		for c := fn.FirstChild(); c != nil; c = c.NextSibling() {
			bs = append(bs, r.blocks(c)...)
		}
		r.doc.Footnotes[i].Blocks = bs
	}
}

// anchor returns the anchor of heading h: its "{#id}" attribute, else the
// GitHub-style slug of its title (see slug), made unique with "-1", "-2", …
// like GitHub's.
func (r *mdReader) anchor(h *ast.Heading, title string) string {
	if r.anchors == nil {
		r.anchors = map[string]bool{}
	}
	if v, ok := h.AttributeString("id"); ok {
		if b, ok := v.([]byte); ok {
			if id := r.clean(strings.TrimSpace(string(restore(b))), h, "a heading attribute"); id != "" {
				r.anchors[id] = true
				return id
			}
		}
	}
	base := slug(title)
	if base == "" {
		return ""
	}
	// next[base] is the suffix to try first: it only grows, so equal
	// headings cost linear time.
	if r.next == nil {
		r.next = map[string]int{}
	}
	n := r.next[base]
	id := base
	if n > 0 {
		id = base + "-" + strconv.Itoa(n)
	}
	for r.anchors[id] {
		n++
		id = base + "-" + strconv.Itoa(n)
	}
	r.next[base] = n + 1
	r.anchors[id] = true
	return id
}

// slug returns the anchor GitHub gives a heading: its text in lower case
// without punctuation and symbols (letters, digits, marks, "-" and "_"
// kept), spaces turned into "-".
func slug(title string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(title) {
		switch {
		case c == ' ':
			b.WriteByte('-')
		case c == '-' || c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c):
			b.WriteRune(c)
		}
	}
	return b.String()
}

// firstNode returns the first of ns, or nil.
func firstNode(ns []ast.Node) ast.Node {
	if len(ns) == 0 {
		return nil
	}
	return ns[0]
}

// line returns the 1-based source line where n starts.
func (r *mdReader) line(n ast.Node) int {
	if off := nodeOffset(n); off >= 0 {
		return r.lines.line(off)
	}
	return r.block
}

// nodeOffset returns the byte offset where n starts, or -1.
func nodeOffset(n ast.Node) int {
	for depth := 0; n != nil && depth < 1000; depth++ {
		if n.Type() == ast.TypeBlock {
			if l := n.Lines(); l != nil && l.Len() > 0 {
				return l.At(0).Start
			}
		}
		if p := n.Pos(); p >= 0 {
			return p
		}
		n = n.FirstChild()
	}
	return -1
}

func (r *mdReader) pos(n ast.Node) source.Pos { return posAt(r.f, r.line(n)) }

// blocks converts one block node.
func (r *mdReader) blocks(n ast.Node) []document.Block {
	r.block = r.line(n)
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		ins := r.inlines(n)
		if len(ins) == 0 {
			return nil
		}
		return []document.Block{&document.Paragraph{Pos: r.pos(n), Inlines: ins}}
	case *ast.Heading:
		// A heading inside a list or quote: keep it as a bold paragraph.
		ins := r.inlines(n)
		if len(ins) == 0 {
			return nil
		}
		return []document.Block{&document.Paragraph{Pos: r.pos(n), Inlines: []document.Inline{&document.Strong{Inlines: ins}}}}
	case *ast.List:
		l := &document.List{Pos: r.pos(n), Ordered: n.IsOrdered()}
		if l.Ordered {
			l.Start = n.Start
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			it := &document.ListItem{Task: taskOf(c)}
			for cc := c.FirstChild(); cc != nil; cc = cc.NextSibling() {
				it.Blocks = append(it.Blocks, r.blocks(cc)...)
			}
			l.Items = append(l.Items, it)
		}
		return []document.Block{l}
	case *ast.Blockquote:
		q := &document.Quote{Pos: r.pos(n)}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			q.Blocks = append(q.Blocks, r.blocks(c)...)
		}
		return []document.Block{q}
	case *ast.FencedCodeBlock:
		cb := &document.CodeBlock{Pos: r.pos(n), Text: codeText(n, r.src)}
		if n.Info != nil {
			// The fence line is the line before the first content line.
			cb.Pos = posAt(r.f, r.lines.line(n.Info.Segment.Start))
			if lang := n.Language(r.src); lang != nil {
				cb.Lang = r.clean(string(restore(lang)), n, "a code fence")
			}
		} else if n.Lines().Len() > 0 && cb.Pos.Line > 1 {
			cb.Pos.Line--
		}
		return []document.Block{cb}
	case *ast.CodeBlock:
		return []document.Block{&document.CodeBlock{Pos: r.pos(n), Text: codeText(n, r.src)}}
	case *ast.ThematicBreak:
		return []document.Block{&document.Rule{Pos: r.pos(n)}}
	case *ast.HTMLBlock:
		return r.htmlBlock(n, false)
	case *east.Table:
		return []document.Block{r.table(n)}
	case *east.DefinitionList:
		return []document.Block{r.definitions(n)}
	}
	var out []document.Block
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		out = append(out, r.blocks(c)...)
	}
	return out
}

// taskOf returns the task state of list item n: goldmark puts the check
// box at the start of the item's first paragraph.
func taskOf(n ast.Node) document.Task {
	if p := n.FirstChild(); p != nil {
		if cb, ok := p.FirstChild().(*east.TaskCheckBox); ok {
			if cb.IsChecked {
				return document.TaskDone
			}
			return document.TaskOpen
		}
	}
	return document.TaskNone
}

// definitions converts a definition list into a bullet list: one item a
// term, holding the term as a bold paragraph and then its definitions.
func (r *mdReader) definitions(n *east.DefinitionList) *document.List {
	l := &document.List{Pos: r.pos(n)}
	var it *document.ListItem
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *east.DefinitionTerm:
			r.block = r.line(c)
			it = &document.ListItem{}
			if ins := r.inlines(c); len(ins) > 0 {
				it.Blocks = append(it.Blocks, &document.Paragraph{Pos: r.pos(c), Inlines: []document.Inline{&document.Strong{Inlines: ins}}})
			}
			l.Items = append(l.Items, it)
		case *east.DefinitionDescription:
			if it == nil {
				it = &document.ListItem{}
				l.Items = append(l.Items, it)
			}
			for cc := c.FirstChild(); cc != nil; cc = cc.NextSibling() {
				it.Blocks = append(it.Blocks, r.blocks(cc)...)
			}
		}
	}
	return l
}

func codeText(n ast.Node, src []byte) string {
	var b bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(src))
	}
	return strings.TrimRight(string(restore(b.Bytes())), "\n")
}

func (r *mdReader) table(n *east.Table) *document.Table {
	t := &document.Table{Pos: r.pos(n)}
	for _, a := range n.Alignments {
		switch a {
		case east.AlignLeft:
			t.Align = append(t.Align, document.AlignLeft)
		case east.AlignRight:
			t.Align = append(t.Align, document.AlignRight)
		case east.AlignCenter:
			t.Align = append(t.Align, document.AlignCenter)
		default:
			t.Align = append(t.Align, document.AlignDefault)
		}
	}
	for row := n.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []document.Cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, document.Cell{Inlines: r.inlines(c)})
		}
		if _, ok := row.(*east.TableHeader); ok {
			t.Header = cells
		} else {
			t.Rows = append(t.Rows, cells)
		}
	}
	return t
}

// inlines converts the inline children of n, merging adjacent text and
// trimming white space at both ends.
func (r *mdReader) inlines(n ast.Node) []document.Inline {
	var acc inlineAcc
	r.appendInlines(&acc, n)
	return trimInlines(acc.done())
}

// inlineAcc collects inlines, merging adjacent text in linear time.
type inlineAcc struct {
	out  []document.Inline
	text strings.Builder
}

func (a *inlineAcc) addText(s string) { a.text.WriteString(s) }

func (a *inlineAcc) add(in document.Inline) {
	a.flush()
	a.out = append(a.out, in)
}

func (a *inlineAcc) flush() {
	if a.text.Len() > 0 {
		a.out = append(a.out, document.Text(a.text.String()))
		a.text.Reset()
	}
}

func (a *inlineAcc) done() []document.Inline {
	a.flush()
	return a.out
}

func (r *mdReader) appendInlines(base *inlineAcc, n ast.Node) {
	// Inline HTML elements open and close between the children of n.
	h := &inlineHTML{r: r, base: base}
	defer h.closeAll()
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.RawHTML); !ok && h.dropping() {
			continue
		}
		out := h.cur()
		switch c := c.(type) {
		case *ast.Text:
			v := restore(c.Segment.Value(r.src))
			if !c.IsRaw() {
				v = unescape(v)
			}
			out.addText(r.clean(string(v), c, "a character reference"))
			if c.HardLineBreak() {
				out.add(document.LineBreak{})
			} else if c.SoftLineBreak() {
				out.addText(" ")
			}
		case *ast.String:
			out.addText(r.clean(string(restore(c.Value)), c, "a character reference"))
		case *ast.CodeSpan:
			var b strings.Builder
			for cc := c.FirstChild(); cc != nil; cc = cc.NextSibling() {
				switch t := cc.(type) {
				case *ast.Text:
					b.Write(t.Segment.Value(r.src))
					if t.SoftLineBreak() || t.HardLineBreak() {
						b.WriteByte(' ')
					}
				case *ast.String:
					b.Write(t.Value)
				}
			}
			out.add(document.Code(r.clean(restoreString(b.String()), c, "a code span")))
		case *ast.Emphasis:
			ins := r.inlines(c)
			if c.Level >= 2 {
				out.add(&document.Strong{Inlines: ins})
			} else {
				out.add(&document.Emph{Inlines: ins})
			}
		case *ast.Link:
			r.addLink(out, c, string(unescape(restore(c.Destination))), r.inlines(c))
		case *ast.AutoLink:
			target := string(restore(c.URL(r.src)))
			if c.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(target), "mailto:") {
				target = "mailto:" + target
			}
			label := r.clean(string(restore(c.Label(r.src))), c, "an autolink")
			r.addLink(out, c, target, []document.Inline{document.Text(label)})
		case *ast.Image:
			r.warnInlinePicture(r.block, string(unescape(restore(c.Destination))))
			r.appendInlines(out, c)
		case *ast.RawHTML:
			r.rawInline(h, c)
		case *east.FootnoteLink:
			if ref := r.footnoteRef(c.Index); ref != nil {
				out.add(ref)
			}
		case *east.FootnoteBacklink:
		case *east.TaskCheckBox:
			// The list item holds the state (see taskOf).
		default: // strikethrough and anything unknown: keep the content
			r.appendInlines(out, c)
		}
	}
}

// clean removes control characters other than tab and newline from s,
// text taken from n, warning (once per document) at n's line.
func (r *mdReader) clean(s string, n ast.Node, what string) string {
	return r.ctl.text(s, true, func() int {
		if t, ok := n.(*ast.Text); ok {
			return r.lines.line(t.Segment.Start)
		}
		return r.line(n)
	}, what)
}

// addLink adds a link to target around ins when document.CheckLink allows
// it (with the target percent-encoded), and otherwise ins alone, with a
// warning at n's line. Empty targets ("[a]()") are dropped silently.
func (r *mdReader) addLink(out *inlineAcc, n ast.Node, target string, ins []document.Inline) {
	r.addLinkAt(out, r.line(n), target, ins)
}

// addLinkAt is addLink for a link at a known line.
func (r *mdReader) addLinkAt(out *inlineAcc, line int, target string, ins []document.Inline) {
	u, kind := document.CheckLink(target)
	if kind != document.LinkRefused {
		out.add(&document.Link{URL: u, Inlines: unlink(ins, maxNesting)})
		return
	}
	if strings.TrimSpace(target) != "" {
		shown := target
		if len(shown) > 80 {
			shown = strings.ToValidUTF8(shown[:80], "") + "…"
		}
		r.w.Add(posAt(r.f, line), "link to %q is not an http, https or mailto URL: kept as text", shown)
	}
	for _, in := range ins {
		if t, ok := in.(document.Text); ok {
			out.addText(string(t))
		} else {
			out.add(in)
		}
	}
}

// unlink returns ins with the links in it (raw HTML can put one inside a
// link) replaced by their content: a link cannot hold a link. It looks at
// most depth elements deep.
func unlink(ins []document.Inline, depth int) []document.Inline {
	if depth <= 0 {
		return ins
	}
	var out []document.Inline
	changed := false
	for _, in := range ins {
		switch in := in.(type) {
		case *document.Link:
			out = append(out, unlink(in.Inlines, depth-1)...)
			changed = true
			continue
		case *document.Strong:
			in.Inlines = unlink(in.Inlines, depth-1)
		case *document.Emph:
			in.Inlines = unlink(in.Inlines, depth-1)
		case *document.Sup:
			in.Inlines = unlink(in.Inlines, depth-1)
		case *document.Sub:
			in.Inlines = unlink(in.Inlines, depth-1)
		}
		out = append(out, in)
	}
	if !changed {
		return ins
	}
	return out
}

// footnoteRef returns the reference for goldmark footnote idx, numbering
// footnotes in order of first reference.
func (r *mdReader) footnoteRef(idx int) document.Inline {
	num, ok := r.fnNumber[idx]
	if !ok {
		def := r.fnDefs[idx]
		if def == nil {
			return nil
		}
		r.doc.Footnotes = append(r.doc.Footnotes, &document.Footnote{})
		r.fnNodes = append(r.fnNodes, def)
		num = len(r.doc.Footnotes)
		r.fnNumber[idx] = num
	}
	return document.FootnoteRef{ID: "fn" + strconv.Itoa(num), Number: num}
}

// unescape resolves backslash escapes and character references.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return v
	}
	v = util.UnescapePunctuations(v)
	v = util.ResolveNumericReferences(v)
	return util.ResolveEntityNames(v)
}

// trimInlines removes white space at the ends of ins and empty texts.
func trimInlines(ins []document.Inline) []document.Inline {
	for len(ins) > 0 {
		t, ok := ins[0].(document.Text)
		if !ok {
			break
		}
		t = document.Text(strings.TrimLeft(string(t), " \t\n"))
		if t != "" {
			ins[0] = t
			break
		}
		ins = ins[1:]
	}
	for len(ins) > 0 {
		k := len(ins) - 1
		if _, ok := ins[k].(document.LineBreak); ok {
			ins = ins[:k]
			continue
		}
		t, ok := ins[k].(document.Text)
		if !ok {
			break
		}
		t = document.Text(strings.TrimRight(string(t), " \t\n"))
		if t != "" {
			ins[k] = t
			break
		}
		ins = ins[:k]
	}
	return ins
}

// plain returns the plain text of ins on one line.
func plain(ins []document.Inline) string {
	return collapse(document.InlineText(ins))
}

// docText returns the titles and block texts of doc, for language detection.
func docText(doc *document.Document) string {
	var b strings.Builder
	b.WriteString(doc.Meta.Title)
	doc.WalkSections(func(s *document.Section) bool {
		b.WriteString("\n")
		b.WriteString(s.Title)
		for _, bl := range s.Blocks {
			b.WriteString("\n")
			b.WriteString(document.BlockText(bl))
		}
		return true
	})
	return b.String()
}
