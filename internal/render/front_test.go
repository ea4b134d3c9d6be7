package render

import (
	"reflect"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// frontDoc is a document of n numbered paragraphs in language lang.
func frontDoc(lang string, n int) *document.Document {
	s := &document.Section{}
	for i := 0; i < n; i++ {
		s.Blocks = append(s.Blocks, &document.Paragraph{Inlines: []document.Inline{document.Text("Text.")}})
	}
	d := &document.Document{Meta: document.Meta{Title: " A title ", Language: lang, Date: "2026-12-03",
		Author: "A. Author; B. Author", Source: "a.txt", Marking: " OFFICIAL "}, Sections: []*document.Section{s}}
	d.Number()
	d.Meta.Words = 42063
	return d
}

func TestFrontCover(t *testing.T) {
	tests := []struct {
		lang string
		want Cover
	}{
		{"en", Cover{Label: "BRIEFING", Marking: "OFFICIAL", Title: "A title", Date: "3 December 2026", Authors: []string{"A. Author", "B. Author"},
			Source: "Source: a.txt", Length: "42,063 words · 183 min read"}},
		{"ru-RU", Cover{Label: "БРИФИНГ", Marking: "OFFICIAL", Title: "A title", Date: "3 декабря 2026 г.", Authors: []string{"A. Author", "B. Author"},
			Source: "Источник: a.txt", Length: "42\u202F063 слова · 183 мин чтения"}},
		{"kk", Cover{Label: "БРИФИНГ", Marking: "OFFICIAL", Title: "A title", Date: "2026 жылғы 3 желтоқсан", Authors: []string{"A. Author", "B. Author"},
			Source: "Дереккөз: a.txt", Length: "42\u202F063 сөз · оқу уақыты 183 мин"}},
	}
	for _, tt := range tests {
		f := NewFront(&Input{Doc: frontDoc(tt.lang, 1)}, 0)
		if !reflect.DeepEqual(f.Cover, tt.want) {
			t.Errorf("%s: cover\n got %+v\nwant %+v", tt.lang, f.Cover, tt.want)
		}
		if f.Summary != nil || f.Tables != nil || f.Tiles != nil {
			t.Errorf("%s: front matter without an analysis", tt.lang)
		}
	}
	// The title falls back to the source, then to the word for text; a
	// slower reading speed gives a longer reading time.
	d := frontDoc("en", 1)
	d.Meta.Title, d.Meta.Words = "", 1000
	if f := NewFront(&Input{Doc: d}, 100); f.Cover.Title != "a.txt" || f.Cover.Length != "1,000 words · 10 min read" {
		t.Errorf("cover %+v", f.Cover)
	}
	d.Meta.Source, d.Meta.Words, d.Meta.Date, d.Meta.Author = "", 0, "", ""
	if f := NewFront(&Input{Doc: d}, 0); f.Cover.Title != "Text" || f.Cover.Length != "" || f.Cover.Date != "" || f.Cover.Authors != nil {
		t.Errorf("cover %+v", f.Cover)
	}
	d.Meta.Language = "de"
	if f := NewFront(&Input{Doc: d}, 0); f.Lang != "de" || f.Labels.Lang != "en" {
		t.Errorf("German document: lang %q, labels %q", f.Lang, f.Labels.Lang)
	}
}

// TestFrontFacts checks the typed structure: table kinds in order, column
// parts, merged timeline events, refs to known paragraphs only, mentions
// and refs for places, quotations in the language's marks, tiles with
// their kind and bound.
func TestFrontFacts(t *testing.T) {
	a := &document.Analysis{
		Summary: []document.SummarySentence{{Text: " First point. ", Paragraph: "p1"}, {Text: "  "}, {Text: "Lost.", Paragraph: "p99"}},
		Facts: document.Facts{
			Figures: []document.Figure{
				{Value: 1600, Kind: document.KindCount, Bound: document.BoundAtLeast, Unit: "agreements", Paragraph: "p2"},
				{Value: 20, Kind: document.KindDuration, Unit: "years", Paragraph: "p2"},
			},
			Timeline: []document.Event{
				{Date: "1991-12-16", Text: "16 December 1991", Event: "Independence", Paragraph: "p1"},
				{Date: "1992", Text: "1992", Event: "UN", Paragraph: "p2"},
				{Date: "1991-12-16", Text: "December 16th 1991", Event: "independence ", Paragraph: "p3"},
				{Date: "1991-12-16", Text: "16 December 1991", Event: "Independence", Paragraph: "p1"},
				{Date: "2010", Event: "OSCE"},
			},
			People:        []document.Person{{Name: "N. N.", Role: "President", Paragraphs: []string{"p1", "p99", "p2"}}},
			Organizations: []document.Organization{{Acronym: "UN", Expansion: "UN", Name: "United Nations", Paragraphs: []string{"p2"}}},
			Places:        []document.Place{{Name: "Astana", Paragraphs: []string{"p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9", "p10", "p11"}}},
			Quotations:    []document.Quotation{{Text: " Peace. ", Speaker: "X", Paragraph: "p3"}},
		},
	}
	f := NewFront(&Input{Doc: frontDoc("ru", 12), Analysis: a}, 0)
	if want := []Point{{"First point.", Ref{"p1", 1}}, {"Lost.", Ref{}}}; !reflect.DeepEqual(f.Summary, want) {
		t.Errorf("summary %+v", f.Summary)
	}
	if len(f.Tiles) != 1 || f.Tiles[0].Kind != document.KindCount || f.Tiles[0].Bound != document.BoundAtLeast ||
		f.Tiles[0].Tile != (Tile{"не менее", "1600", "agreements"}) || f.Tiles[0].Ref != (Ref{"p2", 2}) {
		t.Errorf("tiles %+v", f.Tiles)
	}
	wantEvents := []Event{
		{Date: "1991-12-16", Text: "16 December 1991", What: "Independence", Refs: []Ref{{"p1", 1}, {"p3", 3}}},
		{Date: "1992", Text: "1992", What: "UN", Refs: []Ref{{"p2", 2}}},
		{Date: "2010", Text: "2010", What: "OSCE"},
	}
	if !reflect.DeepEqual(f.Events, wantEvents) {
		t.Errorf("events\n got %+v\nwant %+v", f.Events, wantEvents)
	}
	var kinds []TableKind
	var parts [][]Part
	for _, tb := range f.Tables {
		kinds = append(kinds, tb.Kind)
		var ps []Part
		for _, c := range tb.Columns {
			ps = append(ps, c.Part)
		}
		parts = append(parts, ps)
	}
	if want := []TableKind{TableTimeline, TablePeople, TableOrganizations, TablePlaces, TableQuotations}; !reflect.DeepEqual(kinds, want) {
		t.Errorf("table kinds %v", kinds)
	}
	wantParts := [][]Part{{PartDate, PartEvent, PartRefs}, {PartPerson, PartRole, PartRefs}, {PartAcronym, PartFullName, PartRefs},
		{PartPlace, PartMentions, PartRefs}, {PartQuote, PartSpeaker, PartRefs}}
	if !reflect.DeepEqual(parts, wantParts) {
		t.Errorf("column parts %v", parts)
	}
	tb := f.Tables
	if tb[0].Title != "Хронология" || tb[0].Columns[0].Heading != "Дата" || tb[0].Rows[0][2].RefsText() != "¶1, ¶3" {
		t.Errorf("timeline %+v", tb[0])
	}
	if got := tb[1].Rows[0][2].RefsText(); got != "¶1, ¶2" {
		t.Errorf("people refs %q (p99 is no paragraph)", got)
	}
	if got := tb[2].Rows[0][1].Text; got != "United Nations" {
		t.Errorf("organisation name %q: an expansion equal to the acronym gives the name", got)
	}
	if row := tb[3].Rows[0]; row[1].Text != "11" || row[2].RefsText() != "¶1, ¶2, ¶3, ¶4, ¶5, ¶6, ¶7, ¶8, +3" {
		t.Errorf("places row %+v", row)
	}
	if got := tb[4].Rows[0][0].Text; got != "«Peace.»" {
		t.Errorf("quotation %q", got)
	}
	for _, tb := range f.Tables {
		if tb.Kind.Key() == "" || strings.ContainsAny(tb.Title, "()") {
			t.Errorf("table %v: key %q title %q", tb.Kind, tb.Kind.Key(), tb.Title)
		}
	}
}

// TestFrontCapped checks that a table showing only some facts says so in
// its title, in the language.
func TestFrontCapped(t *testing.T) {
	var people []document.Person
	for i := 0; i < DefaultFactLimits.People+5; i++ {
		people = append(people, document.Person{Name: "P", Paragraphs: []string{"p1"}})
	}
	a := &document.Analysis{Facts: document.Facts{People: people}}
	for lang, want := range map[string]string{"en": "People (25 of 30)", "ru": "Персоны (25 из 30)", "kk": "Тұлғалар (30 ішінен 25)"} {
		f := NewFront(&Input{Doc: frontDoc(lang, 1), Analysis: a}, 0)
		if len(f.Tables) != 1 || f.Tables[0].Title != want || f.Tables[0].Shown != (Shown{25, 30}) {
			t.Errorf("%s: tables %+v", lang, f.Tables)
		}
	}
}
