package parse

import (
	"strings"
	"testing"
)

func TestFoldLookalikes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ЧАСТЬ BTОРАЯ", "ЧАСТЬ ВТОРАЯ"},     // Latin B, T in a mostly Cyrillic word
		{"ЧACTЬ", "ЧАСТЬ"},                   // mostly Latin, but Ч and Ь are Cyrillic only
		{"ГЛABA 3", "ГЛАВА 3"},               // Г and Л decide
		{"Chаpter 2", "Chapter 2"},           // Cyrillic а in a Latin word with h
		{"Том II", "Том II"},                 // words in one script each
		{"Москва и Paris", "Москва и Paris"}, // idem
		{"AВ", "AВ"},                         // a tie with no deciding letter
		{"", ""},
	}
	for _, tt := range tests {
		if got := foldLookalikes(tt.in); got != tt.want {
			t.Errorf("foldLookalikes(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestLookalikeHeadings: headings typed with Latin look-alikes in Cyrillic
// words are found, with the title folded to Cyrillic in the model.
func TestLookalikeHeadings(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"part two", "ЧАСТЬ ПЕРВАЯ\n\nI\n\nx\n\nЧАСТЬ BTОРАЯ\n\nI\n\ny", []string{"1:ЧАСТЬ ПЕРВАЯ", "2:I", "1:ЧАСТЬ ВТОРАЯ", "2:I"}},
		{"latin P in ЧАСТЬ", "ЧACTЬ ПЕРВАЯ\n\nx\n\nЧАСТЬ ВТОРАЯ\n\ny", []string{"1:ЧАСТЬ ПЕРВАЯ", "1:ЧАСТЬ ВТОРАЯ"}},
		{"cyrillic roman numeral", "ГЛАВА І\n\nx\n\nГЛАВА ХІ\n\ny", []string{"1:ГЛАВА І", "1:ГЛАВА ХІ"}},
		{"cyrillic а in chapter", "T\n\nChаpter 1\n\nx", []string{"1:Chapter 1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseTextString(t, tt.in)
			var titled []string
			for _, s := range outline(doc) {
				if !strings.HasSuffix(s, ":") {
					titled = append(titled, s)
				}
			}
			if strings.Join(titled, "|") != strings.Join(tt.want, "|") {
				t.Errorf("outline = %q, want %q", titled, tt.want)
			}
		})
	}
}
