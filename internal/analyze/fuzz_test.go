package analyze

import (
	"math"
	"os"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// FuzzAnalyze runs sectioning and the whole analysis on arbitrary text: it
// must never panic, every string it returns is valid UTF-8, every figure is
// finite, and every fact and summary sentence points at a paragraph that
// exists.
func FuzzAnalyze(f *testing.F) {
	if b, err := os.ReadFile(seedPath); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{
		"Title\n\nOver 1600 agreements were signed by 2008. Mr. Smith said «it works».\n\nNearly 70 organisations; about 80 missions.",
		"Заголовок\n\n16 декабря 1991 года Казахстан обрёл независимость. Более 140 стран.\n\nҚазақстан Әлем Өзбекстан.",
		"T\n\n" + "1 2 3 4 5 6 7 8 9 over 10 billion people 99999999999999999999999 billion ",
		"T\n\nⱺȺȺȺ over 5 people İİİ nearly 3 dogs",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		doc := plainDoc("fuzz.txt", text, true)
		Segment(doc)
		a := Analyze(doc, Options{})
		checkStrings(t, "Analysis", reflect.ValueOf(a))
		ids := map[string]bool{}
		doc.WalkSections(func(s *document.Section) bool {
			for _, b := range s.Numbered() {
				ids[document.RefOf(b).ID] = true
			}
			return true
		})
		for _, s := range a.Summary {
			if !ids[s.Paragraph] {
				t.Errorf("summary points at missing paragraph %q", s.Paragraph)
			}
		}
		for _, g := range a.Facts.Figures {
			if math.IsInf(g.Value, 0) || math.IsNaN(g.Value) || math.IsInf(g.High, 0) || math.IsNaN(g.High) {
				t.Errorf("figure %q is not finite", g.Text)
			}
			if !ids[g.Paragraph] {
				t.Errorf("figure points at missing paragraph %q", g.Paragraph)
			}
		}
		for _, e := range a.Facts.Timeline {
			if !ids[e.Paragraph] {
				t.Errorf("event points at missing paragraph %q", e.Paragraph)
			}
		}
		for _, q := range a.Facts.Quotations {
			if !ids[q.Paragraph] {
				t.Errorf("quotation points at missing paragraph %q", q.Paragraph)
			}
		}
	})
}
