package textgen

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestWords(t *testing.T) {
	for _, n := range []int{0, 1, 100, 10_000} {
		a, b := Words(n, 7, Lower), Words(n, 7, Lower)
		if a != b {
			t.Fatalf("Words(%d, 7) differs between calls", n)
		}
		if len(a) < n-1 || len(a) > n+10 {
			t.Errorf("Words(%d) has %d bytes", n, len(a))
		}
		for _, w := range strings.Fields(a) {
			if c := utf8.RuneCountInString(w); c < 2 || c > 9 {
				t.Errorf("word %q has %d letters", w, c)
			}
		}
	}
	if Words(1000, 1, Lower) == Words(1000, 2, Lower) {
		t.Error("different seeds give the same text")
	}
}
