package analyze

import "testing"

func TestWordClasses(t *testing.T) {
	for _, c := range []struct {
		w                 string
		verb, noun, adjHd bool
	}{
		{"deserve", true, false, false},
		{"emerged", true, false, false},
		{"play", false, true, false},
		{"history", false, true, false},
		{"money", false, true, false},
		{"significant", false, false, true},
		{"Wales", false, true, false},
		{"zzyzxq", false, true, false}, // unknown: the rules of thumb decide
	} {
		if got := mostlyVerb(c.w); got != c.verb {
			t.Errorf("mostlyVerb(%q) = %v, want %v", c.w, got, c.verb)
		}
		if got := nounable(c.w); got != c.noun {
			t.Errorf("nounable(%q) = %v, want %v", c.w, got, c.noun)
		}
		if got := adjectiveHead(c.w); got != c.adjHd {
			t.Errorf("adjectiveHead(%q) = %v, want %v", c.w, got, c.adjHd)
		}
	}
}
