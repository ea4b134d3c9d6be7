package analyze

import (
	"strings"
	"testing"
)

func TestStem(t *testing.T) {
	tests := []struct{ a, b string }{
		{"relations", "relation"}, {"Kazakhstan's", "Kazakhstan"}, {"decisions", "decision"},
		{"developing", "develops"}, {"политики", "политика"}, {"отношения", "отношений"},
	}
	for _, tt := range tests {
		if stem(tt.a) != stem(tt.b) {
			t.Errorf("stem(%q) = %q, stem(%q) = %q; want equal", tt.a, stem(tt.a), tt.b, stem(tt.b))
		}
	}
	for _, w := range []string{"", "Қазақстан", "ұлттық", "🙂", "x", "日本"} {
		stem(w) // must not panic
	}
}

func TestSeedTitles(t *testing.T) {
	d := seedDoc(t)
	Segment(d)
	seen := map[string]bool{}
	nuclear := false
	for _, s := range d.Sections {
		checkTitle(t, s.Title)
		if n := len(strings.Fields(s.Title)); n < 2 || n > 6 {
			t.Errorf("title %q has %d words, want 2–6", s.Title, n)
		}
		k := strings.ToLower(s.Title)
		if seen[k] {
			t.Errorf("title %q repeated", s.Title)
		}
		seen[k] = true
		if strings.Contains(k, "nuclear") {
			nuclear = true
		}
	}
	if !nuclear {
		t.Errorf("no section title names the nuclear topic of ¶3")
	}
}

func TestSegmentDeterministic(t *testing.T) {
	d1, d2 := seedDoc(t), seedDoc(t)
	Segment(d1)
	Segment(d2)
	for i := range d1.Sections {
		if d1.Sections[i].Title != d2.Sections[i].Title || len(d1.Sections[i].Blocks) != len(d2.Sections[i].Blocks) {
			t.Fatalf("two runs differ at section %d", i+1)
		}
	}
}

func TestTopicality(t *testing.T) {
	st := stemmer{}
	mk := func(texts ...string) []chunk {
		var cs []chunk
		for _, x := range texts {
			c := chunk{text: x, terms: map[string]int{}}
			for _, tm := range st.terms(x) {
				c.terms[tm]++
			}
			cs = append(cs, c)
		}
		return cs
	}
	cs := mk("Diplomatic relations with many countries were built.",
		"Relations with neighbours are friendly; a necessary requirement of trade.")
	tf := map[string]float64{}
	cf := map[string]int{}
	for _, c := range cs {
		for k, v := range c.terms {
			tf[k] += float64(v)
			cf[k]++
		}
	}
	stems := func(s string) []string {
		var out []string
		for _, w := range strings.Fields(s) {
			out = append(out, st.stem(w))
		}
		return out
	}
	df := map[string]int{st.stem("relations"): 1, st.stem("necessary"): 1, st.stem("requirement"): 1, st.stem("countries"): 3}
	good := topicality(stems("diplomatic relations"), tf, cf, len(cs), df, 3)
	once := topicality(stems("necessary requirement"), tf, cf, len(cs), df, 3)
	everywhere := topicality(stems("countries"), tf, cf, len(cs), df, 3)
	if !(good > once) {
		t.Errorf("recurring, spread phrase %v should beat a one-clause phrase %v", good, once)
	}
	if !(good > everywhere) {
		t.Errorf("section phrase %v should beat a word found in every section %v", good, everywhere)
	}
}

func TestSectionTitlesPreferRecurringPhrase(t *testing.T) {
	st := stemmer{}
	texts := []string{
		"The river floods the valley every spring. The river banks hold the water.",
		"The river feeds the fields. Farmers use the river water for wheat.",
		"Diplomatic relations began in 1992. Diplomatic relations now cover many states, a main achievement.",
		"Diplomatic missions keep the relations alive. The relations grew with trade.",
	}
	var cs []chunk
	for _, x := range texts {
		c := chunk{text: x, terms: map[string]int{}}
		for _, tm := range st.terms(x) {
			c.terms[tm]++
		}
		cs = append(cs, c)
	}
	got := sectionTitles(cs, []int{0, 2}, st)
	if got[1] != "Diplomatic relations" {
		t.Errorf("titles = %q, want the second to be \"Diplomatic relations\"", got)
	}
	for _, ti := range got {
		checkTitle(t, ti)
	}
}

// chunksOf builds chunks from texts, one a paragraph.
func chunksOf(st stemmer, texts ...string) []chunk {
	var cs []chunk
	for _, x := range texts {
		c := chunk{text: x, terms: map[string]int{}}
		for _, tm := range st.terms(x) {
			c.terms[tm]++
		}
		cs = append(cs, c)
	}
	return cs
}

func TestTitleCandidateFlags(t *testing.T) {
	tests := []struct {
		text, surface string
		fallback      bool // want the candidate marked as a poor title
		absent        bool // want no such candidate at all
	}{
		{"The old road runs north to the lake.", "runs north", true, false},
		{"The old road runs north to the lake.", "old road", false, true},
		{"The old road runs north to the lake.", "road", false, false},
		{"Kazakhstan develops good relations and diplomatic relations.", "good relations", false, true},
		{"Kazakhstan develops good relations and diplomatic relations.", "diplomatic relations", false, false},
		{"The FM station plays jazz.", "FM", true, false},
		{"The FM station plays jazz.", "FM station", false, false},
		{"The park covers 12 sq mi of woodland.", "sq mi", false, true},
		{"Critic Turan cited reviews of the score.", "Turan cited reviews", false, true},
		{"The colony of New South Wales grew quickly.", "South Wales", false, true},
		{"The Commonwealth Naval Board met in May.", "Commonwealth Naval", false, true},
		{"Leaders deserve credit for the treaty.", "Leaders deserve credit", true, false},
		{"In the end Mabel's choice was Harold's.", "Harold's", true, false},
		{"Река течёт через город и питает каналы.", "питает каналы", false, false},
		{"Город должен строить мосты.", "должен строить", true, false},
	}
	for _, tt := range tests {
		var got *phrase
		for _, p := range candidatePhrases(tt.text, stemmer{}) {
			if p.surface == tt.surface {
				got = p
			}
		}
		switch {
		case tt.absent && got != nil:
			t.Errorf("%q: unwanted candidate %q", tt.text, tt.surface)
		case !tt.absent && got == nil:
			t.Errorf("%q: no candidate %q", tt.text, tt.surface)
		case got != nil && got.fallback != tt.fallback:
			t.Errorf("%q: candidate %q fallback = %v, want %v", tt.text, tt.surface, got.fallback, tt.fallback)
		}
	}
}

func TestSectionTitlesRules(t *testing.T) {
	st := stemmer{}
	tests := []struct {
		name   string
		texts  []string
		bounds []int
		want   []string
	}{
		{
			name: "a name in one paragraph loses to a phrase spread over the section",
			texts: []string{
				"The orchard grows apples and pears. The orchard sells cider in autumn.",
				"Orchard workers pick the apples by hand.",
				"The water supply comes from a well near Maple Grove Lane. Twice, the water supply failed.",
				"A new pump feeds the water supply; the water supply now serves every farm.",
			},
			bounds: []int{0, 2},
			want:   []string{"", "Water supply"},
		},
		{
			name: "a phrase within the margin beats a single word",
			texts: []string{
				"Bridges cross the river. Bridges carry the trains. Stone bridges stand downstream.",
				"The stone bridges were repaired; bridges need care.",
				"The museum opened in spring. The museum holds old maps and coins.",
				"Museum guides lead tours of the old maps.",
			},
			bounds: []int{0, 2},
			want:   []string{"Stone bridges", ""},
		},
		{
			name: "a bare acronym only when nothing else is left",
			texts: []string{
				"In May, NATO met in the capital. NATO agreed on the defence budget.",
				"NATO, again, debated the defence budget.",
				"The harbour ships grain. The harbour cranes lift containers.",
				"Harbour cranes work all night.",
			},
			bounds: []int{0, 2},
			want:   []string{"Defence budget", "Harbour cranes"},
		},
	}
	for _, tt := range tests {
		got := sectionTitles(chunksOf(st, tt.texts...), tt.bounds, st)
		for i, w := range tt.want {
			checkTitle(t, got[i])
			if w != "" && got[i] != w {
				t.Errorf("%s: title %d = %q, want %q (all: %q)", tt.name, i+1, got[i], w, got)
			}
		}
		if strings.EqualFold(got[0], got[1]) {
			t.Errorf("%s: titles repeat: %q", tt.name, got)
		}
	}
}
