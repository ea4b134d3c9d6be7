package json

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

func fixture() (*document.Document, *document.Analysis) {
	p := func(line int, s string) *document.Paragraph {
		return &document.Paragraph{Pos: source.Pos{File: "f.md", Line: line}, Inlines: []document.Inline{document.Text(s)}}
	}
	d := &document.Document{
		Meta: document.Meta{Title: "Қазақстан & <friends>", Language: "kk", Date: "2008-05", Source: "f.md"},
		Sections: []*document.Section{
			{Title: "One", Blocks: []document.Block{p(3, "Over 1600 agreements."), &document.Table{}},
				Sections: []*document.Section{{Title: "One A", TitleGenerated: true, Blocks: []document.Block{p(7, "By 2008 there were 35% more.")}}}},
			{Title: "Two"},
		},
	}
	d.Number()
	a := &document.Analysis{
		Summary: []document.SummarySentence{{Text: "Over 1600 agreements.", Paragraph: "p1"}},
		Facts: document.Facts{
			Figures: []document.Figure{
				{Value: 1600, Bound: document.BoundAtLeast, Qualifier: "over", Unit: "agreements", Text: "Over 1600", Paragraph: "p1"},
				{Value: 35, Kind: document.KindPercent, Unit: "%", Text: "35%", Paragraph: "p2"},
				{Value: 10, High: 20, HasRange: true, Kind: document.KindMoney, Unit: "USD", Text: "$10–20", Paragraph: "p2"},
			},
			Timeline:      []document.Event{{Date: "2008", Text: "By 2008", Event: "there were more", Paragraph: "p2"}},
			People:        []document.Person{{Name: "Nurlan Ermekbayev", Role: "Deputy Foreign Minister", Paragraphs: []string{"p1"}}},
			Places:        []document.Place{{Name: "Kazakhstan"}},
			Organizations: []document.Organization{{Name: "Organization for Security and Co-operation in Europe", Acronym: "OSCE", Paragraphs: []string{"p1", "p2"}}},
			Quotations:    []document.Quotation{{Text: "generals always prepare for the last war", Speaker: "Winston Churchill", Paragraph: "p1"}},
		},
	}
	return d, a
}

func render1(t *testing.T, d *document.Document, a *document.Analysis) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, &render.Input{Doc: d, Analysis: a}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGolden(t *testing.T) {
	d, a := fixture()
	got := render1(t, d, a)
	golden := filepath.Join("testdata", "fixture.json")
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("JSON differs from %s (run go test -update):\n%s", golden, got)
	}
}

// TestEveryKeyAlwaysPresent checks the contract: an empty document and no
// analysis still give every key, and lists are [] rather than null.
func TestEveryKeyAlwaysPresent(t *testing.T) {
	d := &document.Document{Sections: []*document.Section{{Title: "Only"}}}
	d.Number()
	out := render1(t, d, nil)
	var m map[string]any
	if err := json.Unmarshal(out, &m); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("null")) {
		t.Errorf("null in output:\n%s", out)
	}
	meta := m["meta"].(map[string]any)
	for _, k := range []string{"title", "subtitle", "author", "date", "language", "marking", "keywords", "source", "words"} {
		if _, ok := meta[k]; !ok {
			t.Errorf("meta.%s missing", k)
		}
	}
	facts := m["facts"].(map[string]any)
	for _, k := range []string{"figures", "timeline", "people", "places", "organizations", "quotations"} {
		if v, ok := facts[k].([]any); !ok || v == nil {
			t.Errorf("facts.%s = %#v, want []", k, facts[k])
		}
	}
	sec := m["sections"].([]any)[0].(map[string]any)
	for _, k := range []string{"id", "number", "title", "title_generated", "level", "paragraphs", "blocks", "sections"} {
		if _, ok := sec[k]; !ok {
			t.Errorf("sections[0].%s missing", k)
		}
	}
	if m["version"].(float64) != Version {
		t.Errorf("version = %v", m["version"])
	}
}

func TestFigureValueShapes(t *testing.T) {
	d, a := fixture()
	var x struct {
		Facts struct {
			Figures []struct {
				Value     any     `json:"value"`
				Kind      string  `json:"kind"`
				Bound     string  `json:"bound"`
				Qualifier *string `json:"qualifier"`
			} `json:"figures"`
		} `json:"facts"`
	}
	if err := json.Unmarshal(render1(t, d, a), &x); err != nil {
		t.Fatal(err)
	}
	f := x.Facts.Figures
	if f[0].Value.(float64) != 1600 || *f[0].Qualifier != "over" {
		t.Errorf("figure 0 = %#v", f[0])
	}
	if f[1].Qualifier != nil {
		t.Errorf("figure 1 qualifier = %v, want null", *f[1].Qualifier)
	}
	if r, ok := f[2].Value.([]any); !ok || len(r) != 2 || r[0].(float64) != 10 || r[1].(float64) != 20 {
		t.Errorf("figure 2 value = %#v, want [10, 20]", f[2].Value)
	}
	// Kind and bound are always written; unset ones read as a count and
	// an exact figure, a range as a range.
	for i, want := range [][2]string{{"count", "at_least"}, {"percent", "exact"}, {"money", "range"}} {
		if f[i].Kind != want[0] || f[i].Bound != want[1] {
			t.Errorf("figure %d kind, bound = %q, %q, want %q, %q", i, f[i].Kind, f[i].Bound, want[0], want[1])
		}
	}
}

func TestEventEnd(t *testing.T) {
	d, a := fixture()
	a.Facts.Timeline = append(a.Facts.Timeline, document.Event{Date: "1997", End: "2019-05", Text: "from 1997 to May 2019", Event: "talks", Paragraph: "p2"})
	var x struct {
		Facts struct {
			Timeline []map[string]any `json:"timeline"`
		} `json:"facts"`
	}
	if err := json.Unmarshal(render1(t, d, a), &x); err != nil {
		t.Fatal(err)
	}
	tl := x.Facts.Timeline
	if _, ok := tl[0]["end"]; ok {
		t.Errorf("a single date has an end: %v", tl[0])
	}
	if tl[1]["end"] != "2019-05" {
		t.Errorf("range end = %v, want 2019-05", tl[1]["end"])
	}
}

func TestBlocksKeepUnnumbered(t *testing.T) {
	d, a := fixture()
	d.Sections[0].Blocks = append(d.Sections[0].Blocks, &document.CodeBlock{Text: "+--+\n|  |\n+--+"}, &document.Rule{})
	d.Number()
	var x struct {
		Sections []struct {
			Blocks []Block `json:"blocks"`
		} `json:"sections"`
	}
	if err := json.Unmarshal(render1(t, d, a), &x); err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, b := range x.Sections[0].Blocks {
		kinds = append(kinds, b.Kind+":"+b.ID)
	}
	if got, want := strings.Join(kinds, " "), "paragraph:p1 table: code: rule:"; got != want {
		t.Errorf("blocks = %q, want %q", got, want)
	}
	if b := x.Sections[0].Blocks[2]; b.Text != "+--+\n|  |\n+--+" {
		t.Errorf("code block text = %q, want it verbatim", b.Text)
	}
}

func TestPictureBlocks(t *testing.T) {
	d, a := fixture()
	shown := &document.Picture{Path: "img/chart.png", Alt: "Bars", Title: "Sales by year",
		Image: &document.Image{Format: "png", Width: 640, Height: 480, Data: []byte("\x89PNG not for the export"), Hash: "ab"}}
	missing := &document.Picture{Path: "https://x.org/a.png", Alt: "Remote"}
	d.Sections[0].Blocks = append(d.Sections[0].Blocks, shown, missing)
	d.Number()
	out := render1(t, d, a)
	if bytes.Contains(out, []byte("not for the export")) || bytes.Contains(out, []byte(`"ab"`)) {
		t.Fatalf("picture bytes in the export:\n%s", out)
	}
	var x struct {
		Sections []struct {
			Blocks []map[string]any `json:"blocks"`
		} `json:"sections"`
	}
	if err := json.Unmarshal(out, &x); err != nil {
		t.Fatal(err)
	}
	bs := x.Sections[0].Blocks
	if _, ok := bs[0]["picture"]; ok {
		t.Errorf("a paragraph has a picture key: %v", bs[0])
	}
	got, _ := json.Marshal(bs[len(bs)-2:])
	want := `[{"id":"","kind":"picture","line":0,"picture":{"alt":"Bars","caption":"Sales by year","format":"png","height":480,"number":1,"path":"img/chart.png","title":"Sales by year","width":640},"text":"Sales by year"},` +
		`{"id":"","kind":"picture","line":0,"picture":{"alt":"Remote","caption":"Remote","format":"","height":0,"number":0,"path":"https://x.org/a.png","title":"","width":0},"text":"Remote"}]`
	if string(got) != want {
		t.Errorf("picture blocks\n%s\nwant\n%s", got, want)
	}
}
