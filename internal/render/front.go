package render

import (
	"slices"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// Front is the front matter of a briefing — cover, summary, key-figure
// tiles and fact tables — as both editions print it, built once from the
// input. Its words are final (in the document's language, numbers and
// dates formatted by the label table); its structure is typed, so a
// writer lays it out by kinds and parts, never by reading display text.
// The PDF and the EPUB both set the Front, so the two cannot drift.
type Front struct {
	// Lang is the BCP 47 tag of the document ("en" when it does not say).
	Lang string
	// Labels are the words of Lang (English for a language without a
	// table); writers take every other word they print from them.
	Labels *Labels
	Cover  Cover
	// Summary holds the key points, in order; empty without an analysis.
	Summary []Point
	// Tiles are the key figures the briefing shows, in document order.
	Tiles []KeyFigure
	// Tables are the fact tables in the order they are printed: timeline,
	// people, organisations, places, quotations; a table with no rows is
	// left out.
	Tables []FactTable
	// Events are the timeline's events (repeats merged), in the order of
	// the timeline table, for a writer that draws the timeline.
	Events []Event
	// ParaNum maps a paragraph ID to its ¶ number.
	ParaNum map[string]int
}

// Cover holds the texts of the cover and title page.
type Cover struct {
	// Label is the word above the title ("BRIEFING").
	Label string
	// Marking is the protective marking cut to MaxMarking runes; "" for
	// none.
	Marking string
	// Title is the document title, else the source name, else the word
	// for "Text".
	Title    string
	Subtitle string
	// Date is the document date in the language ("3 December 2026"); ""
	// when the document has none.
	Date string
	// Authors are the authors, split at semicolons (at most nine).
	Authors []string
	// Source is "Source: name"; "" when the source is not known.
	Source string
	// Length is "42,063 words · 183 min read"; "" for a document without
	// words.
	Length string
}

// Ref points to a numbered paragraph.
type Ref struct {
	// ID is the paragraph's ID ("p7"); Num its ¶ number.
	ID  string
	Num int
}

// Point is one key point of the summary.
type Point struct {
	Text string
	// Ref is the paragraph the point comes from; its ID is "" when the
	// paragraph is not in the document.
	Ref Ref
}

// KeyFigure is a key figure as a tile shows it, with the typed kind and
// bound it was made from.
type KeyFigure struct {
	Tile
	Kind  document.FigureKind
	Bound document.FigureBound
	// Ref is the paragraph of the figure; ID "" when unknown.
	Ref Ref
}

// TableKind says which fact table a table is.
type TableKind int

// The fact tables, in the order they are printed.
const (
	TableTimeline TableKind = iota + 1
	TablePeople
	TableOrganizations
	TablePlaces
	TableQuotations
)

// Key is the name of the table in KeyFacts' counts and in IDs:
// "timeline", "people", "organizations", "places", "quotations".
func (k TableKind) Key() string {
	switch k {
	case TableTimeline:
		return "timeline"
	case TablePeople:
		return "people"
	case TableOrganizations:
		return "organizations"
	case TablePlaces:
		return "places"
	case TableQuotations:
		return "quotations"
	}
	return ""
}

// Part says what a column of a fact table holds.
type Part int

// Column parts. PartRefs cells hold paragraph references, PartMentions
// cells a count; the others text.
const (
	PartDate Part = iota + 1
	PartEvent
	PartPerson
	PartRole
	PartAcronym
	PartFullName
	PartPlace
	PartMentions
	PartQuote
	PartSpeaker
	PartRefs
)

// Column is one column of a fact table.
type Column struct {
	Part    Part
	Heading string
	Align   document.Align
}

// Cell is one cell of a fact table: Text, or for a PartRefs column the
// references shown and how many more were left out.
type Cell struct {
	Text string
	Refs []Ref
	More int
}

// FactTable is one fact table: its kind, its title in the language (with
// "(25 of 312)" when it shows only some facts), its columns and rows.
type FactTable struct {
	Kind    TableKind
	Title   string
	Shown   Shown
	Columns []Column
	Rows    [][]Cell
}

// Event is a timeline event with its repetitions merged: the same date and
// the same text, found in one or more paragraphs.
type Event struct {
	// Date is "YYYY", "YYYY-MM" or "YYYY-MM-DD"; Text the date as the
	// document writes it; What the event.
	Date, Text, What string
	// Refs are the paragraphs of the event, in order, without repeats.
	Refs []Ref
}

// DefaultWordsPerMinute is the reading speed of the reading time on the
// cover.
const DefaultWordsPerMinute = 230

// NewFront builds the front matter of in; wpm is the reading speed (words
// per minute, DefaultWordsPerMinute when not positive). Without an
// analysis it holds the cover only.
func NewFront(in *Input, wpm int) *Front {
	doc := in.Doc
	meta := doc.Meta
	f := &Front{Lang: LangTag(meta.Language), ParaNum: map[string]int{}}
	l := LabelsFor(f.Lang)
	f.Labels = l
	doc.WalkSections(func(s *document.Section) bool {
		for _, b := range s.Blocks {
			if r := document.RefOf(b); r != nil && r.ID != "" {
				f.ParaNum[r.ID] = r.Number
			}
		}
		return true
	})

	c := &f.Cover
	c.Label = l.Briefing
	c.Marking = Clip(strings.TrimSpace(meta.Marking), MaxMarking)
	switch {
	case strings.TrimSpace(meta.Title) != "":
		c.Title = strings.TrimSpace(meta.Title)
	case strings.TrimSpace(meta.Source) != "":
		c.Title = strings.TrimSpace(meta.Source)
	default:
		c.Title = l.Text
	}
	c.Subtitle = strings.TrimSpace(meta.Subtitle)
	if meta.Date != "" {
		c.Date = l.FormatDate(meta.Date)
	}
	for _, a := range strings.Split(meta.Author, ";") {
		if a = strings.TrimSpace(a); a != "" && len(c.Authors) < 9 {
			c.Authors = append(c.Authors, a)
		}
	}
	if s := strings.TrimSpace(meta.Source); s != "" {
		c.Source = l.Source + ": " + s
	}
	if meta.Words > 0 {
		if wpm <= 0 {
			wpm = DefaultWordsPerMinute
		}
		c.Length = l.Words(meta.Words) + " · " + l.ReadingTime((meta.Words+wpm-1)/wpm)
	}

	a := in.Analysis
	if a == nil {
		return f
	}
	for _, s := range a.Summary {
		if t := strings.TrimSpace(s.Text); t != "" {
			f.Summary = append(f.Summary, Point{Text: t, Ref: f.ref(s.Paragraph)})
		}
	}
	facts, shown := KeyFacts(a.Facts, DefaultFactLimits)
	for _, fig := range facts.Figures {
		f.Tiles = append(f.Tiles, KeyFigure{Tile: FigureTile(fig, l), Kind: fig.KindOrCount(),
			Bound: fig.BoundOrExact(), Ref: f.ref(fig.Paragraph)})
	}
	f.Events = f.mergeEvents(facts.Timeline)
	f.addTables(facts, shown)
	return f
}

// ref returns the reference to paragraph id; an empty Ref when id is not
// a numbered paragraph of the document.
func (f *Front) ref(id string) Ref {
	if n, ok := f.ParaNum[id]; ok && id != "" {
		return Ref{ID: id, Num: n}
	}
	return Ref{}
}

// refs returns a cell of references to ids: at most DefaultFactLimits.Refs
// of them, with the count of those left out; ids that are not numbered
// paragraphs are dropped.
func (f *Front) refs(ids ...string) Cell {
	var c Cell
	if lim := DefaultFactLimits.Refs; len(ids) > lim {
		ids, c.More = ids[:lim], len(ids)-lim
	}
	for _, id := range ids {
		if r := f.ref(id); r.ID != "" {
			c.Refs = append(c.Refs, r)
		}
	}
	return c
}

// mergeEvents merges repeated events (same date, same text after
// collapsing spaces and case) into one that lists all their paragraphs,
// keeping the order of first appearance.
func (f *Front) mergeEvents(es []document.Event) []Event {
	var out []Event
	var ids [][]string
	at := map[[2]string]int{}
	for _, e := range es {
		text := strings.TrimSpace(e.Text)
		if text == "" {
			text = e.Date
		}
		key := [2]string{strings.TrimSpace(e.Date), strings.ToLower(strings.Join(strings.Fields(e.Event), " "))}
		i, ok := at[key]
		if !ok {
			i = len(out)
			at[key] = i
			out = append(out, Event{Date: e.Date, Text: text, What: e.Event})
			ids = append(ids, nil)
		}
		if e.Paragraph != "" && !slices.Contains(ids[i], e.Paragraph) {
			ids[i] = append(ids[i], e.Paragraph)
		}
	}
	for i := range out {
		for _, id := range ids[i] {
			if r := f.ref(id); r.ID != "" {
				out[i].Refs = append(out[i].Refs, r)
			}
		}
	}
	return out
}

// addTables adds the fact tables of facts that have rows.
func (f *Front) addTables(facts document.Facts, shown map[string]Shown) {
	l := f.Labels
	left, right := document.AlignLeft, document.AlignRight
	col := func(p Part, heading string, a document.Align) Column {
		return Column{Part: p, Heading: heading, Align: a}
	}
	refsCol := col(PartRefs, l.ColRefs, right)
	add := func(kind TableKind, title string, cols []Column, rows [][]Cell) {
		if len(rows) == 0 {
			return
		}
		sh := shown[kind.Key()]
		f.Tables = append(f.Tables, FactTable{Kind: kind, Title: l.Capped(title, sh), Shown: sh, Columns: cols, Rows: rows})
	}
	text := func(s string) Cell { return Cell{Text: strings.TrimSpace(s)} }

	var rows [][]Cell
	for _, e := range f.Events {
		c := Cell{Refs: e.Refs}
		if lim := DefaultFactLimits.Refs; len(c.Refs) > lim {
			c.Refs, c.More = c.Refs[:lim], len(c.Refs)-lim
		}
		rows = append(rows, []Cell{text(e.Text), text(e.What), c})
	}
	add(TableTimeline, l.Timeline, []Column{col(PartDate, l.ColDate, left), col(PartEvent, l.ColEvent, left), refsCol}, rows)

	rows = nil
	for _, p := range facts.People {
		rows = append(rows, []Cell{text(p.Name), text(p.Role), f.refs(p.Paragraphs...)})
	}
	add(TablePeople, l.People, []Column{col(PartPerson, l.ColPerson, left), col(PartRole, l.ColRole, left), refsCol}, rows)

	rows = nil
	for _, o := range facts.Organizations {
		name := o.Expansion
		if name == "" || name == o.Acronym {
			name = o.Name
		}
		rows = append(rows, []Cell{text(o.Acronym), text(name), f.refs(o.Paragraphs...)})
	}
	add(TableOrganizations, l.Orgs, []Column{col(PartAcronym, l.ColAcronym, left), col(PartFullName, l.ColFullName, left), refsCol}, rows)

	rows = nil
	for _, p := range facts.Places {
		rows = append(rows, []Cell{text(p.Name), {Text: l.FormatInt(len(p.Paragraphs))}, f.refs(p.Paragraphs...)})
	}
	add(TablePlaces, l.Places, []Column{col(PartPlace, l.ColPlace, left), col(PartMentions, l.ColMentions, right), refsCol}, rows)

	rows = nil
	for _, q := range facts.Quotations {
		rows = append(rows, []Cell{{Text: l.Quote(strings.TrimSpace(q.Text))}, text(q.Speaker), f.refs(q.Paragraph)})
	}
	add(TableQuotations, l.Quotations, []Column{col(PartQuote, l.ColQuote, left), col(PartSpeaker, l.ColSpeaker, left), refsCol}, rows)
}

// RefsText prints the references of a cell as plain text: "¶3, ¶7, +2".
// Writers that link each reference set them one by one in the same form.
func (c Cell) RefsText() string {
	var parts []string
	for _, r := range c.Refs {
		parts = append(parts, "¶"+strconv.Itoa(r.Num))
	}
	if c.More > 0 {
		parts = append(parts, "+"+strconv.Itoa(c.More))
	}
	return strings.Join(parts, ", ")
}

// AuthorLine is the authors joined for one line: "A. Author, B. Author".
func (c Cover) AuthorLine() string { return strings.Join(c.Authors, ", ") }
