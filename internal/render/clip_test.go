package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClip(t *testing.T) {
	tests := []struct {
		s    string
		max  int
		want string
	}{
		{"", 5, ""},
		{"SECRET", 6, "SECRET"},
		{"SECRET", 7, "SECRET"},
		{"SECRET", 5, "SECR…"},
		{"СЕКРЕТНО", 4, "СЕК…"},
		{"ab", 1, "…"},
		{"a", 1, "a"},
		{"abc", 0, ""},
	}
	for _, tt := range tests {
		if got := Clip(tt.s, tt.max); got != tt.want {
			t.Errorf("Clip(%q, %d) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
	}
	long := strings.Repeat("Ж", 300_000)
	if got := Clip(long, MaxMarking); utf8.RuneCountInString(got) != MaxMarking || !strings.HasSuffix(got, "…") {
		t.Errorf("Clip of 300 000 runes: %d runes", utf8.RuneCountInString(got))
	}
}
