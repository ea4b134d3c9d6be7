package analyze

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// lighthouse is an invented expository report: multi-sentence paragraphs,
// no direct speech, and in its second paragraph a generic evaluative
// sentence made of the report's running vocabulary.
const lighthouse = "The lighthouse service\n\n" +
	"The lighthouse service of the islands was founded on March 3rd 1872 by the harbour board. " +
	"Its keepers tended the lamps of the coast. The coast of the islands is long and the service grew with it. " +
	"The service has kept the coast of the islands safe.\n\n" +
	"The service of the islands grew with the trade of the coast. The keepers of the islands served the coast well. " +
	"Good conditions have been created for the service of the coast of the islands. The harbour board paid the keepers.\n\n" +
	"By 1910 the board ran 46 towers and 12 fog stations along 900 kilometres of shoreline. " +
	"Keepers were trained at Port Avel. Each tower had two keepers. The towers of the coast were painted white.\n\n" +
	"Electric lamps replaced the oil lamps of the service in 1931. The keepers of the coast left the towers. " +
	"The coast of the islands is now watched by the service from one room. The towers of the islands still stand."

func TestExpositorySummaryPrefersSpecific(t *testing.T) {
	d := plainDoc("lighthouse.txt", lighthouse, true)
	a := Analyze(d, Options{SummarySentences: 3})
	var got []string
	for _, s := range a.Summary {
		got = append(got, s.Text)
	}
	joined := strings.Join(got, "\n")
	if strings.Contains(joined, "Good conditions have been created") {
		t.Errorf("generic sentence picked:\n%s", joined)
	}
	if !strings.Contains(joined, "By 1910 the board ran 46 towers") {
		t.Errorf("specific sentence with figures not picked:\n%s", joined)
	}
}

func TestExpositoryShape(t *testing.T) {
	para := func(n int) unit {
		var ss []Sentence
		for i := 0; i < n; i++ {
			ss = append(ss, Sentence{Text: "The keepers tended the lamps."})
		}
		return unit{Sents: ss}
	}
	tests := []struct {
		name string
		us   []unit
		want bool
	}{
		{"report", []unit{para(3), para(3), para(4), para(3)}, true},
		{"news lede", []unit{para(1), para(4), para(4), para(4)}, false},
		{"short paragraphs", []unit{para(2), para(2), para(2), para(2)}, false},
		{"too few paragraphs", []unit{para(4), para(4), para(4)}, false},
	}
	for _, tt := range tests {
		if got := expository(tt.us); got != tt.want {
			t.Errorf("%s: expository = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestRareShare(t *testing.T) {
	st := stemmer{}
	us := []unit{
		{Text: "The river floods the valley."}, {Text: "The river feeds the valley farms."},
		{Text: "The river dam was built in stone."}, {Text: "The valley river is wide."},
	}
	pdf := paragraphFrequency(us, st)
	tests := []struct {
		text string
		want float64
	}{
		{"The river valley.", 0},
		{"The dam was built in stone.", 1},
		{"The river dam.", 0.5},
		{"", 0},
	}
	for _, tt := range tests {
		if got := rareShare(tt.text, pdf, len(us), st); got != tt.want {
			t.Errorf("rareShare(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestFactSpans(t *testing.T) {
	f := &document.Facts{
		Figures:  []document.Figure{{Text: "46  towers", Paragraph: "p3"}},
		Timeline: []document.Event{{Text: "1931", Paragraph: "p4"}},
		People:   []document.Person{{Name: "Anna Vell", Paragraphs: []string{"p2"}}},
		Places: []document.Place{
			{Name: "Avel", Paragraphs: []string{"p3"}},
			{Name: "Islands", Paragraphs: []string{"p1", "p2", "p3"}}, // the subject: left out
		},
	}
	spans := factSpans(f, 4)
	tests := []struct {
		text, para string
		want       int
	}{
		{"The board ran 46 towers near Avel.", "p3", 2},
		{"Keeper Vell lit the lamp.", "p2", 1},
		{"The Islands were dark.", "p2", 0},
		{"Lamps came in 1931 and again in 1931.", "p4", 1},
		{"Nothing here.", "p9", 0},
	}
	for _, tt := range tests {
		if got := factCount(tt.text, spans[tt.para]); got != tt.want {
			t.Errorf("factCount(%q, %s) = %d, want %d", tt.text, tt.para, got, tt.want)
		}
	}
	if len(factSpans(nil, 3)) != 0 {
		t.Error("factSpans(nil) not empty")
	}
}

func TestParticularity(t *testing.T) {
	df := map[string]int{"econom": 5, "region": 2, "organ": 2}
	if a, b := particularity([]string{"econom", "organ"}, df, 8), particularity([]string{"region", "organ"}, df, 8); a >= b {
		t.Errorf("widespread modifier not lower: %v >= %v", a, b)
	}
	if got := particularity([]string{"x"}, df, 1); got != 1 {
		t.Errorf("one chunk: %v, want 1", got)
	}
}
