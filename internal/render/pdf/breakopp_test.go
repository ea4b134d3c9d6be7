package pdf

import (
	"strings"
	"testing"
)

// TestOpportunitiesTied: a no-break space ties what it joins — a long
// token that contains one (a summary point's last word and its
// "¶2 · p. 5") breaks nowhere next to it — while an address still breaks
// after its punctuation.
func TestOpportunitiesTied(t *testing.T) {
	l := testLayout(t)
	tests := []struct {
		name  string
		text  string
		at    []string // the text before each break wanted, in order
		never []string // the text before which no break may fall
	}{
		{"reference tied", "(IFAS).\u00A0¶2\u00A0·\u00A0p.\u00A05", nil, []string{"\u00A0"}},
		{"address", "https://example.org/path/index.html", []string{"https://", "https://example.", "https://example.org/", "https://example.org/path/", "https://example.org/path/index."}, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ws := l.words([]run{{text: tc.text, face: serif, size: 10.5}})
			if len(ws) != 1 {
				t.Fatalf("%d words, want 1", len(ws))
			}
			var got []string
			for _, o := range l.opportunities(ws[0]) {
				got = append(got, tc.text[:o.at])
				for _, n := range tc.never {
					if strings.HasPrefix(tc.text[o.at:], n) {
						t.Errorf("a break before %q at byte %d", n, o.at)
					}
				}
			}
			if tc.at != nil && strings.Join(got, "|") != strings.Join(tc.at, "|") {
				t.Errorf("breaks after %q, want %q", got, tc.at)
			}
		})
	}
}
