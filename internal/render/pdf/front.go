package pdf

import (
	"sort"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// front is the prepared front matter (cover, summary, key facts) and the
// document metadata, sanitised once before layout.
type front struct {
	title, author, subject, keywords string // PDF metadata
	marking                          string // for the sans bold face; "" for none

	coverTitle []piece // sans bold
	subtitle   []run
	coverMeta  [][]run

	summary []summaryItem
	tiles   []tile
	events  []tlEvent // timeline graphic, in date order
	facts   []factTable
	// paraNum maps a paragraph ID to its ¶ number.
	paraNum map[string]int
}

type summaryItem struct {
	runs []run
	para string // paragraph ID, "" when unknown
}

type tile struct {
	value []run
	label []run
	para  string
}

// factTable is one of the key-fact tables (timeline, people, …).
type factTable struct {
	title  string
	align  []document.Align
	header [][]run
	rows   [][][]run
}

func prepareFront(in *render.Input, st *Style, z *sanitizer) *front {
	doc := in.Doc
	meta := doc.Meta
	pos := metaPos(doc)
	text, grey, accent := st.color(st.Colors.Text), st.color(st.Colors.Grey), st.color(st.Colors.Accent)
	fm := &front{
		title:    metaClean(meta.Title),
		author:   metaClean(meta.Author),
		keywords: metaClean(strings.Join(meta.Keywords, ", ")),
		marking:  z.plain(render.Clip(strings.TrimSpace(meta.Marking), render.MaxMarking), sansBold, pos),
		paraNum:  map[string]int{},
	}
	doc.WalkSections(func(s *document.Section) bool {
		for _, b := range s.Blocks {
			if r := document.RefOf(b); r != nil && r.ID != "" {
				fm.paraNum[r.ID] = r.Number
			}
		}
		return true
	})
	mk := func(f face, size float64, col rgb, s string) []run {
		var out []run
		for _, p := range z.clean(s, f, pos) {
			out = append(out, run{text: p.text, face: p.face, size: size, color: col})
		}
		return out
	}

	// Cover.
	title := strings.TrimSpace(meta.Title)
	if title == "" {
		title = strings.TrimSpace(meta.Source)
	}
	fm.coverTitle = z.clean(title, sansBold, pos)
	if s := strings.TrimSpace(meta.Subtitle); s != "" {
		fm.subtitle = mk(sans, st.Cover.SubtitleSize, grey, s)
	}
	ms := st.Cover.MetaSize
	if d := formatDate(meta.Date); d != "" {
		fm.coverMeta = append(fm.coverMeta, mk(sans, ms, text, d))
	}
	if a := strings.TrimSpace(meta.Author); a != "" {
		fm.coverMeta = append(fm.coverMeta, mk(sans, ms, text, a))
	}
	if s := strings.TrimSpace(meta.Source); s != "" {
		fm.coverMeta = append(fm.coverMeta, mk(sans, ms, grey, "Source: "+s))
	}
	if meta.Words > 0 {
		wpm := max(st.Cover.WordsPerMinute, 1)
		mins := (meta.Words + wpm - 1) / wpm
		fm.coverMeta = append(fm.coverMeta, mk(sans, ms, grey,
			render.GroupDigits(strconv.Itoa(meta.Words))+" words · "+strconv.Itoa(mins)+" min read"))
	}
	if fm.subject = metaClean(meta.Subtitle); in.Analysis != nil && len(in.Analysis.Summary) > 0 {
		fm.subject = metaClean(in.Analysis.Summary[0].Text)
	}
	if in.Analysis == nil {
		return fm
	}
	a := in.Analysis
	facts, shown := render.KeyFacts(a.Facts, render.DefaultFactLimits)
	// tableTitle names a fact table, saying so when it shows only some facts.
	tableTitle := func(name, key, how string) string {
		if sh := shown[key]; sh.Capped() {
			return name + " (" + strconv.Itoa(sh.Shown) + " " + how + " of " + strconv.Itoa(sh.Found) + "; all in the JSON export)"
		}
		return name
	}

	// Summary.
	for _, s := range a.Summary {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		it := summaryItem{runs: mk(serif, st.Front.BulletSize, text, strings.TrimSpace(s.Text))}
		if _, ok := fm.paraNum[s.Paragraph]; ok {
			it.para = s.Paragraph
		}
		fm.summary = append(fm.summary, it)
	}

	// Figure tiles.
	words := render.FigureWordsFor(meta.Language)
	for _, f := range facts.Figures {
		v, label := figureValue(f, words)
		t := tile{label: mk(sans, st.Front.TileLabelSize, grey, label)}
		for _, p := range v {
			t.value = append(t.value, mk(p.face, st.Front.TileValueSize, accent, p.text)...)
		}
		if _, ok := fm.paraNum[f.Paragraph]; ok {
			t.para = f.Paragraph
		}
		fm.tiles = append(fm.tiles, t)
	}

	// Fact tables.
	ts := st.Table.Size
	cell := func(s string) []run { return mk(sans, ts, text, s) }
	head := func(hs ...string) [][]run {
		var out [][]run
		for _, h := range hs {
			out = append(out, mk(sansBold, ts, text, h))
		}
		return out
	}
	refs := func(ids ...string) []run {
		var out []run
		more := 0
		if lim := render.DefaultFactLimits.Refs; len(ids) > lim {
			ids, more = ids[:lim], len(ids)-lim
		}
		for _, id := range ids {
			n, ok := fm.paraNum[id]
			if !ok {
				continue
			}
			if len(out) > 0 {
				out = append(out, run{text: ", ", face: sans, size: ts, color: grey})
			}
			out = append(out, run{text: "¶" + strconv.Itoa(n), face: sans, size: ts, color: accent, dest: id})
		}
		if more > 0 {
			out = append(out, run{text: " +" + strconv.Itoa(more), face: sans, size: ts, color: grey})
		}
		return out
	}
	left, right := document.AlignLeft, document.AlignRight
	timeline := uniqueEvents(facts.Timeline)
	for _, e := range timeline {
		ty, ok := parseYear(e.date)
		if !ok {
			continue
		}
		ev := tlEvent{t: ty, date: mk(sansBold, tlSize, accent, e.text), label: mk(sans, tlSize, grey, e.what)}
		for _, p := range e.paras {
			if _, ok := fm.paraNum[p]; ok {
				ev.para = p
				break
			}
		}
		fm.events = append(fm.events, ev)
	}
	sort.SliceStable(fm.events, func(i, j int) bool { return fm.events[i].t < fm.events[j].t })
	if len(timeline) > 0 {
		t := factTable{title: tableTitle("Timeline", "timeline", "most precise dates"), header: head("Date", "Event", "¶"), align: []document.Align{left, left, right}}
		for _, e := range timeline {
			t.rows = append(t.rows, [][]run{cell(e.text), cell(e.what), refs(e.paras...)})
		}
		fm.facts = append(fm.facts, t)
	}
	if len(facts.People) > 0 {
		t := factTable{title: tableTitle("People", "people", "most mentioned"), header: head("Name", "Role", "¶"), align: []document.Align{left, left, right}}
		for _, p := range facts.People {
			t.rows = append(t.rows, [][]run{cell(p.Name), cell(p.Role), refs(p.Paragraphs...)})
		}
		fm.facts = append(fm.facts, t)
	}
	if len(facts.Organizations) > 0 {
		t := factTable{title: tableTitle("Organisations", "organizations", "most mentioned"), header: head("Acronym", "Name", "¶"), align: []document.Align{left, left, right}}
		for _, o := range facts.Organizations {
			name := o.Expansion
			if name == "" || name == o.Acronym {
				name = o.Name
			}
			t.rows = append(t.rows, [][]run{cell(o.Acronym), cell(name), refs(o.Paragraphs...)})
		}
		fm.facts = append(fm.facts, t)
	}
	if len(facts.Places) > 0 {
		t := factTable{title: tableTitle("Places", "places", "most mentioned"), header: head("Name", "Mentions"), align: []document.Align{left, right}}
		for _, p := range facts.Places {
			t.rows = append(t.rows, [][]run{cell(p.Name), cell(strconv.Itoa(len(p.Paragraphs)))})
		}
		fm.facts = append(fm.facts, t)
	}
	if len(facts.Quotations) > 0 {
		t := factTable{title: tableTitle("Quotations", "quotations", "with a speaker first"), header: head("Quotation", "Speaker", "¶"), align: []document.Align{left, left, right}}
		for _, q := range facts.Quotations {
			t.rows = append(t.rows, [][]run{cell("“" + strings.TrimSpace(q.Text) + "”"), cell(q.Speaker), refs(q.Paragraph)})
		}
		fm.facts = append(fm.facts, t)
	}
	return fm
}

// metaPos is the position reported for characters in the metadata: line 1
// of the source file.
func metaPos(doc *document.Document) source.Pos {
	for _, s := range doc.Sections {
		if s != nil && s.Pos.File != "" {
			return source.Pos{File: s.Pos.File, Line: 1}
		}
	}
	return source.Pos{File: doc.Meta.Source, Line: 1}
}

var months = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// formatDate turns "YYYY", "YYYY-MM" or "YYYY-MM-DD" into "2024",
// "May 2024", "1 May 2024"; anything else is printed as given.
func formatDate(d string) string {
	d = strings.TrimSpace(d)
	parts := strings.Split(d, "-")
	if len(parts) < 2 || len(parts) > 3 || len(parts[0]) != 4 {
		return d
	}
	m, err := strconv.Atoi(parts[1])
	if err != nil || m < 1 || m > 12 {
		return d
	}
	out := months[m-1] + " " + parts[0]
	if len(parts) == 3 {
		day, err := strconv.Atoi(parts[2])
		if err != nil || day < 1 || day > 31 {
			return d
		}
		out = strconv.Itoa(day) + " " + out
	}
	return out
}

// figureValue returns the value of a figure as pieces (the bound word in
// the document's language, then the number) and its label.
func figureValue(f document.Figure, w render.FigureWords) ([]piece, string) {
	t := render.FigureTile(f, w)
	var out []piece
	if t.Bound != "" {
		out = append(out, piece{t.Bound + " ", sans})
	}
	return append(out, piece{t.Number, sansBold}), t.Label
}
