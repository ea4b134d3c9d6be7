package render

import (
	"fmt"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

func TestKeyFactsUnderLimitsKeepsEverything(t *testing.T) {
	f := document.Facts{
		Figures:  []document.Figure{{Value: 140, Unit: "countries"}, {Value: 20, Kind: document.KindDuration, Unit: "years"}},
		People:   []document.Person{{Name: "B", Paragraphs: []string{"p1"}}, {Name: "A", Paragraphs: []string{"p1", "p2"}}},
		Timeline: []document.Event{{Date: "2008"}, {Date: "1991-12-16"}},
	}
	got, shown := KeyFacts(f, DefaultFactLimits)
	if len(got.Figures) != 1 || got.People[0].Name != "B" || got.Timeline[0].Date != "2008" {
		t.Errorf("got %+v", got)
	}
	if shown["figures"] != (Shown{1, 1}) || shown["people"].Capped() {
		t.Errorf("shown %v", shown)
	}
}

func TestKeyFactsOverLimits(t *testing.T) {
	var f document.Facts
	for i := range 40 {
		paras := make([]string, i%7+1)
		f.People = append(f.People, document.Person{Name: fmt.Sprint("P", i), Paragraphs: paras})
		date := fmt.Sprintf("%d", 1800+i)
		if i%10 == 0 {
			date += "-05-01"
		}
		f.Timeline = append(f.Timeline, document.Event{Date: date})
		speaker := ""
		if i%3 == 0 {
			speaker = "S"
		}
		f.Quotations = append(f.Quotations, document.Quotation{Text: fmt.Sprint("q", i), Speaker: speaker})
	}
	l := FactLimits{Tiles: 8, Timeline: 10, People: 5, Places: 5, Organizations: 5, Quotations: 15, Refs: 8}
	got, shown := KeyFacts(f, l)
	if len(got.People) != 5 || len(got.People[0].Paragraphs) != 7 || len(got.People[4].Paragraphs) != 7 {
		t.Errorf("people: %+v", got.People)
	}
	if shown["people"] != (Shown{5, 40}) || !shown["people"].Capped() {
		t.Errorf("shown people %v", shown["people"])
	}
	// The four full dates are kept, and the rest are years; all in date order.
	full := 0
	for i, e := range got.Timeline {
		if len(e.Date) == 10 {
			full++
		}
		if i > 0 && got.Timeline[i-1].Date > e.Date {
			t.Errorf("timeline out of order: %v", got.Timeline)
		}
	}
	if len(got.Timeline) != 10 || full != 4 {
		t.Errorf("timeline %v", got.Timeline)
	}
	// All 14 quotations with a speaker, then one more, in document order.
	with := 0
	for i, q := range got.Quotations {
		if q.Speaker != "" {
			with++
		}
		if i > 0 && q.Text < got.Quotations[i-1].Text && len(q.Text) == len(got.Quotations[i-1].Text) {
			t.Errorf("quotations out of order")
		}
	}
	if len(got.Quotations) != 15 || with != 14 {
		t.Errorf("quotations: %d, %d with a speaker", len(got.Quotations), with)
	}
}

func TestKeyFactsHeadlineTiles(t *testing.T) {
	f := document.Facts{Figures: []document.Figure{
		{Value: 2, Unit: "footmen"}, {Value: 40000, Kind: document.KindMoney, Unit: "RUB"}, {Value: 3, Unit: "groups"},
		{Value: 70, Bound: document.BoundAbout, Qualifier: "nearly", Unit: "organisations"}, {Value: 5, Kind: document.KindPercent, Unit: "%"},
	}}
	got, shown := KeyFacts(f, FactLimits{Tiles: 3})
	var units []string
	for _, g := range got.Figures {
		units = append(units, g.Unit)
	}
	if fmt.Sprint(units) != "[RUB organisations %]" || shown["figures"] != (Shown{3, 5}) {
		t.Errorf("tiles %v, shown %v", units, shown["figures"])
	}
}
