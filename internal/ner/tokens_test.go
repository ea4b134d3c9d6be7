package ner

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Al-Zaman: American forces killed Shaikh Abdullah al-Ani.", "Al|-|Zaman|:|American|forces|killed|Shaikh|Abdullah|al|-|Ani|."},
		{"I don't find the U.S. FBI's view hopeful...", "I|do|n't|find|the|U.S.|FBI|'s|view|hopeful|..."},
		{"Some 2,000 officers; 3.5 percent (Dec. 15)", "Some|2,000|officers|;|3.5|percent|(|Dec.|15|)"},
		{"J. Edgar Hoover and O'Brien", "J.|Edgar|Hoover|and|O'Brien"},
		{"«Қазақстан» және Өзбекстан", "«|Қазақстан|»|және|Өзбекстан"},
		{"", ""},
		{"  \t ", ""},
		{"can't", "ca|n't"},
		{"rock 'n' roll 's", "rock|'|n|'|roll|'s"},
	}
	for _, tt := range tests {
		toks := Tokenize(tt.in)
		var got []string
		for _, tk := range toks {
			if tt.in[tk.Start:tk.End] != tk.Text {
				t.Errorf("%q: token %q has span %d:%d", tt.in, tk.Text, tk.Start, tk.End)
			}
			got = append(got, tk.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("Tokenize(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"U.S. don't", "2,000.5", "a'", "'s", "n't", "Mr.", "\xff'", "é́'t"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		last := 0
		for _, tk := range Tokenize(s) {
			if tk.Start < last || tk.End <= tk.Start || tk.End > len(s) || s[tk.Start:tk.End] != tk.Text {
				t.Fatalf("%q: bad token %+v after %d", s, tk, last)
			}
			last = tk.End
		}
	})
}
