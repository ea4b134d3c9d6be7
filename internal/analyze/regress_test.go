package analyze

import (
	"slices"
	"strings"
	"testing"
)

// TestReviewFindings pins the review's findings on figures: text that
// changes byte length when lower-cased (B1), overflowing values (B2) and
// the shared list of time units (D1).
func TestReviewFindings(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // Figure.Text of every figure
	}{
		{"B1 Ⱥ before a qualifier", "The " + strings.Repeat("Ⱥ", 60) + " over 5 people.", []string{"over 5 people"}},
		{"B1 İ before a qualifier", "The " + strings.Repeat("İ", 30) + " over 5 people.", []string{"over 5 people"}},
		{"B1 upper-case qualifier", "İİ NEARLY 70 organizations joined.", []string{"NEARLY 70 organizations"}},
		{"B1 spelled-out number", strings.Repeat("İ", 30) + " at least four sailors died.", []string{"at least four sailors"}},
		{"B1 upper-case per cent", "Prices rose 4.5 PER CENT.", []string{"4.5 PER CENT"}},
		{"B2 overflow with scale word", "It counted " + strings.Repeat("9", 300) + " billion people.", nil},
		{"B2 overflow with glued scale", "It counted " + strings.Repeat("9", 300) + "bn people.", nil},
		{"B2 too long to parse", "It counted " + strings.Repeat("9", 320) + " people.", nil},
		{"D1 minutes ago", "The talks ended 5 minutes ago.", nil},
		{"D1 Minutes AGO", "The talks ended 5 Minutes AGO.", nil},
		{"D1 centuries later", "The fort fell two centuries later.", nil},
		{"D1 a duration is a figure", "The talks lasted 45 minutes.", []string{"45 minutes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range findFigures(units1(tt.text)) {
				got = append(got, f.Text)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("figures %q, want %q", got, tt.want)
			}
		})
	}
}

func TestWindows(t *testing.T) {
	long := strings.Repeat("word ", 100) + "Kazakhstan’s non-proliferation " + strings.Repeat("ȺȺ ", 100)
	// Windows (longer than any word) split into words exactly as the whole.
	for n := 40; n < len(long); n += 7 {
		all := words(long)
		h := head(long, n)
		for i, w := range words(h) {
			if w != all[i] {
				t.Fatalf("head(%d): word %d is %q, want %q", n, i, w.Text, all[i].Text)
			}
		}
		off := tailStart(long, n)
		tw := words(long[off:])
		for i, w := range tw {
			want := all[len(all)-len(tw)+i]
			if w.Text != want.Text || w.Start+off != want.Start {
				t.Fatalf("tailStart(%d): word %q, want %q", n, w.Text, want.Text)
			}
		}
	}
	folds := []struct {
		s, p         string
		prefix, suff bool
	}{
		{"AGO now", "ago", true, false},
		{"İİ according to THE", "according to the", false, true},
		{"ȺȺ", "ⱥⱥ", true, true},
		{"a", "ab", false, false},
		{"", "", true, true},
	}
	for _, f := range folds {
		if hasPrefixFold(f.s, f.p) != f.prefix || hasSuffixFold(f.s, f.p) != f.suff {
			t.Errorf("fold %q %q: prefix %v suffix %v", f.s, f.p, hasPrefixFold(f.s, f.p), hasSuffixFold(f.s, f.p))
		}
	}
	if n := prefixFold("ȺȺx", "ⱥⱥ"); n != len("ȺȺ") {
		t.Errorf("prefixFold length %d, want %d", n, len("ȺȺ"))
	}
}

// TestGroups checks that short sections share a group, long ones are
// split, and no group exceeds graphGroup.
func TestGroups(t *testing.T) {
	mk := func(sizes ...int) []*candidate {
		var cs []*candidate
		for s, n := range sizes {
			for range n {
				cs = append(cs, &candidate{sec: s, pos: len(cs)})
			}
		}
		return cs
	}
	tests := []struct {
		sizes []int
		want  []int
	}{
		{[]int{3, 3, 3}, []int{9}},
		{[]int{100, 100}, []int{100, 100}},
		{[]int{400}, []int{150, 150, 100}},
		{[]int{140, 20, 5}, []int{140, 25}},
		{slices.Repeat([]int{3}, 120), []int{150, 150, 60}},
	}
	for _, tt := range tests {
		var got []int
		n := 0
		for _, g := range groups(mk(tt.sizes...)) {
			got = append(got, len(g))
			n += len(g)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("groups(%v) sizes %v, want %v", tt.sizes, got, tt.want)
		}
	}
}
