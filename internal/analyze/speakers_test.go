package analyze

import (
	"strings"
	"testing"
)

func TestSpeakerLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"JACK.  Why are you so fond of it?", "JACK"},
		{"LADY BRACKNELL. Good afternoon, dear Algernon.", "LADY BRACKNELL"},
		{"MR. SMITH: We disagree.", "MR. SMITH"},
		{"DEBUG: starting server", "DEBUG"},
		{"Jack. Why?", ""},
		{"A. Smith wrote it.", ""},
		{"NATO.", ""},
		{"THE END", ""},
		{"ONE TWO THREE FOUR. text", ""},
		{"", ""},
	}
	for _, tt := range tests {
		got, ok := speakerLabel(tt.in)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("speakerLabel(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSpeakerPeople(t *testing.T) {
	blocks := []string{
		"JACK.  Why are you so fond of it?",
		"ALGERNON.  My dear fellow, it is nothing.",
		"JACK.  Then I shall go.",
		"ALGERNON.  [Stiffly.]  Do.",
		"LADY BRACKNELL.  Good afternoon.",
		"LADY BRACKNELL.  Sit down.",
		"DEBUG: starting server",
		"DEBUG: listening",
		"FEATURE: export",
		"FEATURE: import",
	}
	var us []unit
	for i, b := range blocks {
		us = append(us, unit{ID: "p" + string(rune('a'+i)), Text: b, Sents: Sentences(b, "en")})
	}
	var names []string
	for _, p := range speakerPeople(us) {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "Jack,Algernon,Lady Bracknell" {
		t.Errorf("speakerPeople = %q, want Jack,Algernon,Lady Bracknell", got)
	}
}
