package analyze

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

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

// The number of sections follows the number of topics, not the length.
func TestSegmentCountFollowsTopics(t *testing.T) {
	topics := []string{
		"The river floods the valley every spring. Farmers watch the river banks and the water level rises over the fields of wheat and barley.",
		"The orchestra played a symphony by the composer. Violins and cellos filled the concert hall while the conductor led the musicians.",
		"Engineers built the railway bridge from steel girders. The bridge carries trains across the gorge and the railway links two cities.",
		"The hospital opened a new ward for children. Nurses and doctors treat patients and the hospital trains young doctors in surgery.",
		"Astronomers pointed the telescope at a distant galaxy. The observatory records the light of stars and comets through the night.",
	}
	for _, k := range []int{1, 2, 3, 5} {
		d := topicDoc(topics[:k], 6)
		Segment(d)
		if len(d.Sections) != k {
			t.Errorf("%d topics of 6 paragraphs: got %d sections, want %d", k, len(d.Sections), k)
		}
	}
}

// A run of dialogue is never cut, even where its subject changes.
func TestSegmentNeverInsideDialogue(t *testing.T) {
	river := "The river floods the valley every spring. Farmers watch the river banks and the water level rises over the fields of wheat and barley."
	music := "The orchestra played a symphony by the composer. Violins and cellos filled the concert hall while the conductor led the musicians."
	var ps []string
	for i := 0; i < 5; i++ {
		ps = append(ps, river)
	}
	for i := 0; i < 4; i++ {
		ps = append(ps, "“"+river+"”")
	}
	for i := 0; i < 4; i++ {
		ps = append(ps, "— "+music)
	}
	for i := 0; i < 5; i++ {
		ps = append(ps, music)
	}
	d := plainDoc("t.txt", "Title\n\n"+strings.Join(ps, "\n\n"), true)
	Segment(d)
	if len(d.Sections) < 2 {
		t.Fatalf("got %d sections, want the two subjects apart", len(d.Sections))
	}
	at := 0
	for _, s := range d.Sections {
		if at > 0 && dialogue(ps[at-1]) && dialogue(ps[at]) {
			t.Errorf("a section starts inside a run of dialogue, at ¶%d", at+1)
		}
		at += len(s.Numbered())
	}
}
