package pdf

import (
	"reflect"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

func TestUniqueEvents(t *testing.T) {
	es := []document.Event{
		{Date: "1991-12-16", Text: "16 December 1991", Event: "Independence of Kazakhstan", Paragraph: "p1"},
		{Date: "1992", Text: "1992", Event: "Admission to the UN", Paragraph: "p2"},
		{Date: "1991-12-16", Text: "December 16th 1991", Event: "independence of  Kazakhstan", Paragraph: "p4"},
		{Date: "1991-12-16", Text: "16 December 1991", Event: "Independence of Kazakhstan", Paragraph: "p1"},
		{Date: "1991-12-16", Text: "16 December 1991", Event: "Alma-Ata Protocol", Paragraph: "p5"},
		{Date: "2010", Event: "OSCE chairmanship"},
	}
	got := uniqueEvents(es)
	want := []event{
		{date: "1991-12-16", text: "16 December 1991", what: "Independence of Kazakhstan", paras: []string{"p1", "p4"}},
		{date: "1992", text: "1992", what: "Admission to the UN", paras: []string{"p2"}},
		{date: "1991-12-16", text: "16 December 1991", what: "Alma-Ata Protocol", paras: []string{"p5"}},
		{date: "2010", text: "2010", what: "OSCE chairmanship"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("uniqueEvents:\n got %+v\nwant %+v", got, want)
	}
}

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
