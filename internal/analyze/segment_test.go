package analyze

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

func TestSectionCount(t *testing.T) {
	tests := []struct{ words, lo, hi int }{
		{100, 1, 1}, {650, 3, 5}, {5000, 6, 9}, {20000, 9, 14},
	}
	for _, tt := range tests {
		if n := sectionCount(tt.words); n < tt.lo || n > tt.hi {
			t.Errorf("sectionCount(%d) = %d, want %d–%d", tt.words, n, tt.lo, tt.hi)
		}
	}
}

// topicDoc builds a document of paragraphs on alternating topics.
func topicDoc(topics []string, parasPerTopic int) *document.Document {
	var b strings.Builder
	b.WriteString("Title\n\n")
	for _, tp := range topics {
		for i := 0; i < parasPerTopic; i++ {
			b.WriteString(tp + "\n\n")
		}
	}
	return plainDoc("t.txt", b.String(), true)
}

func TestSegmentTopics(t *testing.T) {
	topics := []string{
		"The river floods the valley every spring. Farmers watch the river banks and the water level rises over the fields of wheat and barley.",
		"The orchestra played a symphony by the composer. Violins and cellos filled the concert hall while the conductor led the musicians.",
		"Engineers built the railway bridge from steel girders. The bridge carries trains across the gorge and the railway links two cities.",
		"The hospital opened a new ward for children. Nurses and doctors treat patients and the hospital trains young doctors in surgery.",
	}
	d := topicDoc(topics, 4)
	Segment(d)
	if len(d.Sections) < 3 || len(d.Sections) > 5 {
		t.Fatalf("got %d sections, want 3–5", len(d.Sections))
	}
	seen := map[string]bool{}
	para := 0
	for _, s := range d.Sections {
		if !s.TitleGenerated || s.Title == "" || s.ID == "" {
			t.Errorf("section %+v lacks a generated title or ID", s)
		}
		checkTitle(t, s.Title)
		if seen[strings.ToLower(s.Title)] {
			t.Errorf("title %q repeated", s.Title)
		}
		seen[strings.ToLower(s.Title)] = true
		for _, b := range s.Numbered() {
			para++
			if r := document.RefOf(b); r.Number != para {
				t.Errorf("¶ %d numbered %d after Segment", para, r.Number)
			}
		}
	}
	if para != 16 {
		t.Errorf("got %d paragraphs, want 16", para)
	}
}

// checkTitle checks the title rules: 1–6 words, first letter upper case,
// not only stop words, not a whole sentence.
func checkTitle(t *testing.T, title string) {
	t.Helper()
	ws := strings.Fields(title)
	if len(ws) == 0 || len(ws) > 6 {
		t.Errorf("title %q has %d words", title, len(ws))
	}
	if !isCapitalized(title) {
		t.Errorf("title %q does not start with a capital", title)
	}
	content := 0
	for _, w := range words(title) {
		if !isStop(strings.ToLower(w.Text)) {
			content++
		}
	}
	if content == 0 {
		t.Errorf("title %q is only stop words", title)
	}
	if strings.HasSuffix(title, ".") {
		t.Errorf("title %q is a sentence", title)
	}
}

func TestSegmentLeavesHeadedAndShortDocs(t *testing.T) {
	d := plainDoc("x.txt", "T\n\nOne paragraph only.\n\nAnd another.", true)
	Segment(d)
	if len(d.Sections) != 1 || d.Sections[0].Title != "" {
		t.Errorf("short document was segmented: %+v", d.Sections)
	}
	d = topicDoc([]string{"Alpha beta gamma delta words here and there again."}, 12)
	d.Sections[0].Title = "Given"
	Segment(d)
	if len(d.Sections) != 1 || d.Sections[0].Title != "Given" {
		t.Errorf("document with headings was changed")
	}
	Segment(nil)
	Segment(&document.Document{})
}

func TestTitleCandidates(t *testing.T) {
	ps := candidatePhrases("Kazakhstan successfully develops good relations with the nuclear non-proliferation regime.", stemmer{})
	for _, p := range ps {
		for _, w := range strings.Fields(p.surface) {
			if isStop(strings.ToLower(w)) {
				t.Errorf("candidate %q contains stop word %q", p.surface, w)
			}
		}
		if len(p.stems) > maxTitleWords {
			t.Errorf("candidate %q too long", p.surface)
		}
	}
	found := false
	for _, p := range ps {
		if p.surface == "nuclear non-proliferation" {
			found = true
		}
		if p.surface == "develops good relations" && !p.verbStart {
			t.Errorf("%q not marked as starting with a verb", p.surface)
		}
	}
	if !found {
		t.Error("no candidate \"nuclear non-proliferation\"")
	}
}
