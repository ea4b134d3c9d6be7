package pdf

import (
	"strings"
	"testing"
)

// TestLabelsNotHyphenated checks that clamped labels (timeline, tiles)
// break only between words and end in an ellipsis when cut.
func TestLabelsNotHyphenated(t *testing.T) {
	l := testLayout(t)
	tests := []struct {
		text  string
		width float64
		lines int
	}{
		{"At the Proliferation Security Initiative 5th Anniversary Conference Kazakhstan's Deputy Foreign Minister", tlLabelMax, 2},
		{"international and intergovernmental contracts and agreements", 38, 2},
		{"Қазақстан Республикасының сыртқы саясаты және халықаралық ынтымақтастығы", tlLabelMax, 2},
		{"Kazakhstan gained its independence", tlLabelMax, 2},
	}
	for _, tt := range tests {
		runs := []run{{text: tt.text, face: sans, size: tlSize, color: l.grey}}
		lines := l.clampLines(runs, tt.width, tt.lines)
		if len(lines) > tt.lines {
			t.Errorf("%q: %d lines", tt.text, len(lines))
		}
		var words []string
		for _, ln := range lines {
			var s []string
			for _, w := range ln.words {
				var b strings.Builder
				for _, f := range w.frags {
					b.WriteString(f.text)
				}
				s = append(s, b.String())
			}
			if ln.w > tt.width+1e-6 {
				t.Errorf("%q: line %q is %.1f mm wide, room %.1f", tt.text, strings.Join(s, " "), ln.w, tt.width)
			}
			words = append(words, s...)
		}
		src := strings.Fields(tt.text)
		for i, w := range words {
			w = strings.TrimSuffix(w, "…")
			if i >= len(src) || w != src[i] {
				t.Errorf("%q: word %d is %q, not a whole word of the label", tt.text, i, w)
			}
		}
		ell := len(words) > 0 && strings.HasSuffix(words[len(words)-1], "…")
		if cut := len(words) < len(src); cut != ell {
			t.Errorf("%q: cut %v but ellipsis %v: %q", tt.text, cut, ell, words)
		}
	}
}
