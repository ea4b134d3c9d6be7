package pdf

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// run is a stretch of sanitised inline text with one look.
type run struct {
	text  string
	face  face
	size  float64 // pt
	color rgb
	url   string  // external link target, or ""
	dest  string  // internal link target (a paragraph or footnote ID), or ""
	super bool    // raised (footnote reference)
	rise  float64 // pt the text is raised (superscript) or, when negative, lowered (subscript) from the baseline
	brk   bool    // a hard line break; text is empty
	// pageOf names an anchor whose page number (from the previous layout
	// pass) is the run's text; "" for ordinary text.
	pageOf string
	extra  bool // added by the renderer (a shown address, a caption number): not counted as document words
}

// blockKind tells the kinds of prepared blocks apart.
type blockKind int

const (
	bPara blockKind = iota
	bList
	bQuote
	bTable
	bCode
	bRule
)

// block is a document block with its text sanitised and split into runs.
type block struct {
	index int // index in the section's Blocks (page map)
	kind  blockKind
	ref   document.Ref
	pos   source.Pos
	runs  []run    // bPara
	list  *list    // bList
	kids  []*block // bQuote
	table *table   // bTable
	code  [][]run  // bCode: one run list per line
}

type list struct {
	ordered bool
	start   int
	items   [][]*block
	// tasks holds, for each item, its check-box marker (nil for an
	// ordinary item): ☐ or ☑, or "[ ]" and "[x]" when no embedded face
	// has the box.
	tasks [][]run
}

type table struct {
	caption []run
	align   []document.Align
	header  [][]run
	rows    [][][]run
}

// section is a prepared document section.
type section struct {
	id, number string
	title      []run  // number and title, "" title → nil
	plain      string // number and title as one string (outline, header, contents)
	level      int
	blocks     []*block
	subs       []*section
}

type footnote struct {
	id     string
	number int
	blocks []*block
}

// prepared is the whole document, sanitised once before layout.
type prepared struct {
	title    string // plain, sans
	sections []*section
	notes    []*footnote
	noteByID map[string]*footnote
	anchors  map[string]bool // IDs of everything a link may point at
}

// preparer converts the document model into prepared blocks.
type preparer struct {
	// sections maps the "#fragment" of a link to the section it names
	// (see document.Document.SectionAnchors).
	sections map[string]*document.Section
	st       *Style
	z        *sanitizer
	anchors  map[string]bool
	text     rgb
	accent   rgb
	grey     rgb
	// lb are the labels of the document's language (page references);
	// nil prints English.
	lb *render.Labels
}

func prepare(doc *document.Document, st *Style, z *sanitizer) *prepared {
	p := &preparer{st: st, z: z, anchors: map[string]bool{}, sections: doc.SectionAnchors(), lb: render.LabelsFor(doc.Meta.Language),
		text: st.color(st.Colors.Text), accent: st.color(st.Colors.Accent), grey: st.color(st.Colors.Grey)}
	out := &prepared{anchors: p.anchors, noteByID: map[string]*footnote{}}
	for _, fn := range doc.Footnotes {
		if fn != nil && fn.ID != "" {
			p.anchors[fn.ID] = true
		}
	}
	for _, s := range doc.Sections {
		if s != nil {
			out.sections = append(out.sections, p.section(s))
		}
	}
	for _, fn := range doc.Footnotes {
		if fn == nil {
			continue
		}
		n := &footnote{id: fn.ID, number: fn.Number, blocks: p.blocks(fn.Blocks, serif, st.Footnote.Size)}
		out.notes = append(out.notes, n)
		if fn.ID != "" {
			out.noteByID[fn.ID] = n
		}
	}
	if len(out.notes) > 0 {
		p.anchors["notes"] = true
	}
	for _, id := range []string{"summary", "key-facts", "contents"} {
		p.anchors[id] = true
	}
	// The title is cleaned after the body, so that a character found in
	// both is reported at its position in the body.
	out.title = z.plain(doc.Meta.Title, sans, metaPos(doc))
	return out
}

func (p *preparer) section(s *document.Section) *section {
	out := &section{id: s.ID, number: s.Number, level: s.Level}
	if out.level < 1 {
		out.level = 1
	}
	if strings.TrimSpace(s.Title) != "" {
		size := p.st.heading(out.level).Size
		label := s.Title
		if s.Number != "" {
			label = s.Number + "\u2002" + s.Title
		}
		out.title = p.runs(run{face: sansBold, size: size, color: p.accent}, label, s.Pos)
		out.plain = p.z.plain(strings.ReplaceAll(label, "\u2002", " "), sans, s.Pos)
	}
	if s.ID != "" {
		p.anchors[s.ID] = true
	}
	out.blocks = p.blocks(s.Blocks, serif, p.st.Body.Size)
	for _, c := range s.Sections {
		if c != nil {
			out.subs = append(out.subs, p.section(c))
		}
	}
	return out
}

func (p *preparer) blocks(bs []document.Block, f face, size float64) []*block {
	var out []*block
	for i, b := range bs {
		if b == nil {
			continue
		}
		if pb := p.block(b, f, size); pb != nil {
			pb.index = i
			out = append(out, pb)
		}
	}
	return out
}

func (p *preparer) block(b document.Block, f face, size float64) *block {
	out := &block{pos: b.Position()}
	if r := document.RefOf(b); r != nil {
		out.ref = *r
		if r.ID != "" {
			p.anchors[r.ID] = true
		}
	}
	base := run{face: f, size: size, color: p.text}
	switch b := b.(type) {
	case *document.Paragraph:
		out.kind = bPara
		out.runs = p.inlines(base, b.Inlines, b.Pos)
	case *document.List:
		out.kind = bList
		l := &list{ordered: b.Ordered, start: b.Start}
		for _, it := range b.Items {
			if it == nil {
				continue
			}
			l.items = append(l.items, p.blocks(it.Blocks, f, size))
			l.tasks = append(l.tasks, p.taskMarker(it.Task, f, size))
		}
		out.list = l
	case *document.Quote:
		out.kind = bQuote
		out.kids = p.blocks(b.Blocks, f, size)
	case *document.Table:
		out.kind = bTable
		ts := p.st.Table.Size
		t := &table{align: b.Align}
		if b.Caption != "" {
			t.caption = p.runs(run{face: sansBold, size: p.st.Table.CaptionSize, color: p.text}, b.Caption, b.Pos)
		}
		for _, c := range b.Header {
			t.header = append(t.header, p.inlines(run{face: sansBold, size: ts, color: p.text}, c.Inlines, b.Pos))
		}
		for _, row := range b.Rows {
			var cells [][]run
			for _, c := range row {
				cells = append(cells, p.inlines(run{face: sans, size: ts, color: p.text}, c.Inlines, b.Pos))
			}
			t.rows = append(t.rows, cells)
		}
		out.table = t
	case *document.CodeBlock:
		out.kind = bCode
		text := strings.TrimRight(strings.ReplaceAll(b.Text, "\r\n", "\n"), "\n")
		for _, ln := range strings.Split(text, "\n") {
			out.code = append(out.code, p.runs(run{face: mono, size: p.st.Code.Size, color: p.text}, document.ExpandTabs(ln, 4), b.Pos))
		}
	case *document.Rule:
		out.kind = bRule
	default:
		return nil
	}
	return out
}

// crossRef returns a link to section sec around ins, followed by where
// the section is: " (§ 2.1, p. 4)", or " (p. 4)" for an unnumbered one,
// in the grey of shown addresses. The page is filled in at layout time
// from the previous pass (see run.pageOf).
func (p *preparer) crossRef(base run, sec *document.Section, ins []document.Inline, pos source.Pos) []run {
	r := base
	r.dest, r.color = sec.ID, p.accent
	out := p.inlines(r, ins, pos)
	g := base
	g.color, g.size, g.extra, g.dest = p.grey, base.size*0.85, true, sec.ID
	lb := p.lb
	if lb == nil {
		lb = render.LabelsFor("")
	}
	before, after := lb.PageRefParts()
	where := " (" + before
	if sec.Number != "" {
		where = " (§\u00a0" + sec.Number + ", " + before
	}
	out = append(out, p.runs(g, where, pos)...)
	pg := g
	pg.pageOf = sec.ID
	out = append(out, pg)
	return append(out, p.runs(g, after+")", pos)...)
}

// taskMarker returns the marker of a task-list item in face f (or a face
// that has the box), nil for an ordinary item.
func (p *preparer) taskMarker(t document.Task, f face, size float64) []run {
	box := t.Box()
	if box == "" {
		return nil
	}
	r, _ := utf8.DecodeRuneInString(box)
	if !p.z.fonts[f].Has(r) && p.z.fallback(f, r) < 0 {
		box = "[ ]"
		if t == document.TaskDone {
			box = "[x]"
		}
	}
	return p.runs(run{face: f, size: size, color: p.accent}, box, source.Pos{})
}

// runs sanitises text in the look of tmpl.
func (p *preparer) runs(tmpl run, text string, pos source.Pos) []run {
	var out []run
	for _, pc := range p.z.clean(text, tmpl.face, pos) {
		r := tmpl
		r.text, r.face = pc.text, pc.face
		out = append(out, r)
	}
	return out
}

// Superscript and subscript: the size of the text (a fraction of the
// size around it) and how far it is raised or lowered (a fraction of the
// size around it).
const (
	scriptScale = 0.7
	supRise     = 0.33
	subDrop     = 0.15
)

// inlines flattens inline content into runs.
func (p *preparer) inlines(base run, ins []document.Inline, pos source.Pos) []run {
	var out []run
	for _, in := range ins {
		switch in := in.(type) {
		case document.Text:
			out = append(out, p.runs(base, string(in), pos)...)
		case document.Code:
			r := base
			r.face, r.size = mono, base.size*0.9
			out = append(out, p.runs(r, string(in), pos)...)
		case *document.Emph:
			if in == nil {
				continue
			}
			r := base
			r.face = base.face.italic()
			out = append(out, p.inlines(r, in.Inlines, pos)...)
		case *document.Strong:
			if in == nil {
				continue
			}
			r := base
			r.face = base.face.bold()
			out = append(out, p.inlines(r, in.Inlines, pos)...)
		case *document.Sup:
			if in == nil {
				continue
			}
			r := base
			r.size, r.rise = base.size*scriptScale, base.rise+base.size*supRise
			out = append(out, p.inlines(r, in.Inlines, pos)...)
		case *document.Sub:
			if in == nil {
				continue
			}
			r := base
			r.size, r.rise = base.size*scriptScale, base.rise-base.size*subDrop
			out = append(out, p.inlines(r, in.Inlines, pos)...)
		case *document.Link:
			if in == nil {
				continue
			}
			r := base
			url := strings.TrimSpace(in.URL)
			if sec := p.sections[strings.TrimPrefix(url, "#")]; sec != nil && strings.HasPrefix(url, "#") {
				out = append(out, p.crossRef(r, sec, in.Inlines, pos)...)
				continue
			}
			if strings.HasPrefix(url, "#") {
				r.dest = strings.TrimPrefix(url, "#")
			} else {
				r.url = p.z.plain(url, base.face, pos)
			}
			r.color = p.accent
			out = append(out, p.inlines(r, in.Inlines, pos)...)
			shown := strings.TrimPrefix(strings.TrimPrefix(url, "mailto:"), "")
			if r.url != "" && shown != strings.TrimSpace(document.InlineText(in.Inlines)) {
				u := r
				u.color = p.grey
				u.size = base.size * 0.85
				u.extra = true
				out = append(out, p.runs(u, " ("+shown+")", pos)...)
			}
		case document.FootnoteRef:
			out = append(out, run{text: strconv.Itoa(in.Number), face: base.face, size: base.size * 0.62,
				color: p.accent, dest: in.ID, super: true, extra: true})
		case document.LineBreak:
			out = append(out, run{brk: true, face: base.face, size: base.size})
		}
	}
	return out
}
