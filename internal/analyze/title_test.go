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
