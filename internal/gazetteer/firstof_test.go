package gazetteer

import (
	"slices"
	"strings"
	"testing"
)

// TestFirstOfAsOneMap: the split index (Latin first words at load, Cyrillic
// ones on first need) gives every first word the aliases one map over all
// aliases gives, in the same order.
func TestFirstOfAsOneMap(t *testing.T) {
	ix, err := parse(dataFS)
	if err != nil {
		t.Fatal(err)
	}
	if ix.cyrFirst != nil {
		t.Fatal("the Cyrillic index is built at load")
	}
	ref := map[string][]int32{}
	for k, al := range ix.aliases {
		w, _, _ := strings.Cut(al.words, " ")
		ref[w] = append(ref[w], int32(k))
	}
	cyr := 0
	for w, want := range ref {
		if isCyrillic(w) {
			cyr++
		}
		if got := ix.firstOf(w); !slices.Equal(got, want) {
			t.Fatalf("firstOf(%q) = %v, want %v", w, got, want)
		}
	}
	if cyr == 0 || cyr == len(ref) {
		t.Fatalf("%d of %d first words are Cyrillic: the test does not try both maps", cyr, len(ref))
	}
	for _, w := range []string{"", "Nowhereland", "Нигдения", "123"} {
		if got := ix.firstOf(w); got != nil {
			t.Errorf("firstOf(%q) = %v, want none", w, got)
		}
	}
}
