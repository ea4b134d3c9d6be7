package pdf

import (
	"github.com/briefbook/briefbook/internal/textgen"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

// fitByDropping is the fitting rule, written the slow way: drop one rune
// at a time from the end until the rest and "…" fit.
// mixedLetters are Latin, Cyrillic and Kazakh letters with some punctuation.
const mixedLetters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZабвгдежзийклмнопрстуфхцчшщыэюяӘҒҚҢӨҰҮҺІ.,-"

func fitByDropping(l *layout, s string, f face, size, w float64) string {
	if l.m.width(l.c, f, size, s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 {
		r = r[:len(r)-1]
		if t := string(r) + "…"; l.m.width(l.c, f, size, t) <= w {
			return t
		}
	}
	if s != "" {
		return "…"
	}
	return ""
}

// TestFitSameResult checks that fit gives what dropping one rune at a time
// gives, for texts that fit, texts a little too long and long texts.
func TestFitSameResult(t *testing.T) {
	l := testLayout(t)
	texts := []string{"", "a", "…", "Report", "Main vectors of Kazakhstan's foreign policy",
		kazakh, russian + russian, lorem, textgen.Words(600, 1, mixedLetters), strings.Repeat("W", 300), strings.Repeat("i", 300)}
	for _, s := range texts {
		for _, f := range []face{sans, sansBold, serif} {
			for _, w := range []float64{0, 1, 3, 20, 40, 83.5, 170} {
				for _, size := range []float64{7.5, 8, 12} {
					want := fitByDropping(l, s, f, size, w)
					if got := l.fit(s, f, size, w); got != want {
						t.Errorf("fit(%.30q…, face %d, %v pt, %v mm) = %.30q…, want %.30q…", s, f, size, w, got, want)
					}
				}
			}
		}
	}
}

// TestFitCost: issue 11, a 6 000-character heading took 25 s and a
// 20 000-character title 16 s, the header fit dropping one rune at a time
// and measuring the rest again. fit must measure about as many runes as
// fit in the width, however long the text.
func TestFitCost(t *testing.T) {
	l := testLayout(t)
	for _, n := range []int{2_000, 20_000} {
		s := textgen.Words(n, 3, mixedLetters)
		for _, zeroWidth := range []bool{false, true} {
			if zeroWidth {
				s = "A" + strings.Repeat("\u200B", n) + "B" // runes the font draws with no width
			}
			before := l.m.measured
			got := l.fit(s, sans, 8, 83.5)
			cost := l.m.measured - before
			if cost > 2_000 {
				t.Errorf("%d runes (zero width %v): fit measured %d runes, want ≤ 2 000", utf8.RuneCountInString(s), zeroWidth, cost)
			}
			if !strings.HasSuffix(got, "…") || l.m.width(l.c, sans, 8, got) > 83.5 {
				t.Errorf("fit = %.40q…, want a prefix with an ellipsis within 83.5 mm", got)
			}
		}
	}
}

// countedLayout lays out in as layoutPasses does (two passes) and returns
// the runes measured, the page count and the PDF size.
func countedLayout(t *testing.T, in *render.Input) (measured, pages int) {
	t.Helper()
	st, fs := testStyleFonts(t)
	z := newSanitizer(fs, nil)
	d, fm := prepare(in.Doc, st, z), prepareFront(in, st, z)
	hy, err := newHyphenator(in.Doc.Meta.Language)
	if err != nil {
		t.Fatal(err)
	}
	m := &metrics{}
	var prev *record
	for pass := 0; pass < 2; pass++ {
		l, err := newLayout(in, st, fs, m, d, fm, "A4", prev)
		if err != nil {
			t.Fatal(err)
		}
		l.hy = hy
		l.run()
		if err := l.c.Error(); err != nil {
			t.Fatal(err)
		}
		prev = l.rec
	}
	return m.measured, prev.pages
}

// longHeadingInput is a document of one section titled with n bytes of
// words and about 12 pages of text, with a title of titleN bytes.
func longHeadingInput(n, titleN int) *render.Input {
	in := fixtureInput()
	doc := &document.Document{Meta: in.Doc.Meta}
	doc.Meta.Title = textgen.Words(titleN, 5, mixedLetters)
	s := &document.Section{Title: textgen.Words(n, 4, mixedLetters), Level: 1}
	for i := 0; i < 60; i++ {
		s.Blocks = append(s.Blocks, para(lorem+lorem+lorem, i+1))
	}
	doc.Sections = []*document.Section{s}
	doc.Number()
	in.Doc, in.Analysis = doc, nil
	return in
}

// TestLongHeadingCost lays out a long heading and a long title at n and
// 2n bytes: the runes measured must grow at most 2.5×, as the text itself
// is measured once or twice (heading, contents, cover) while each page's
// running header measures only what fits.
func TestLongHeadingCost(t *testing.T) {
	tests := []struct {
		name           string
		heading, title int
	}{
		{"heading", 1_500, 20},
		{"title", 10, 2_500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m1, p1 := countedLayout(t, longHeadingInput(tt.heading, tt.title))
			m2, p2 := countedLayout(t, longHeadingInput(2*tt.heading, 2*tt.title))
			t.Logf("%d pages: %d runes measured; %d pages: %d", p1, m1, p2, m2)
			if p1 < 10 {
				t.Fatalf("only %d pages", p1)
			}
			if r := float64(m2) / float64(m1); r > 2.5 {
				t.Errorf("twice the text measured %.1f× the runes (%d → %d), want ≤ 2.5×", r, m1, m2)
			}
		})
	}
}

// TestMarkingBounded: issue 11, a 300 KB marking, drawn unclipped twice a
// page, gave a 96 MB PDF. The marking is now fitted to one line: a long
// one adds little to the file.
func TestMarkingBounded(t *testing.T) {
	size := func(marking string) int {
		in := fixtureInput()
		in.Doc.Meta.Marking = marking
		res, err := Layout(in)
		if err != nil {
			t.Fatal(err)
		}
		return len(res.PDF)
	}
	base := size("OFFICIAL")
	for _, m := range []string{textgen.Words(100_000, 6, mixedLetters), strings.Repeat("S", 50_000)} {
		if got := size(m); got > base+16<<10 {
			t.Errorf("a %d KB marking gives a %d KB PDF, want at most %d KB", len(m)>>10, got>>10, (base+16<<10)>>10)
		}
	}
}

// TestCoverBounded: issue 11, the cover of a 500 KB subtitle or a 300 KB
// author was set in full, off the page. Each cover text now takes a few
// lines with an ellipsis, so neither the PDF nor the work grows with it.
func TestCoverBounded(t *testing.T) {
	type meta struct{ title, subtitle, source string }
	run := func(mt meta) (int, int) {
		in := fixtureInput()
		in.Doc.Meta.Title, in.Doc.Meta.Subtitle, in.Doc.Meta.Source = mt.title, mt.subtitle, mt.source
		measured, _ := countedLayout(t, in)
		res, err := Layout(in)
		if err != nil {
			t.Fatal(err)
		}
		return measured, len(res.PDF)
	}
	baseM, baseSize := run(meta{"Report", "A briefing", "fixture.md"})
	tests := []struct {
		name string
		meta meta
	}{
		{"subtitle 200 KB", meta{"Report", textgen.Words(200_000, 7, mixedLetters), "fixture.md"}},
		{"source 200 KB", meta{"Report", "A briefing", textgen.Words(200_000, 8, mixedLetters)}},
		{"title of one 20 000-rune word", meta{strings.Repeat("Ж", 20_000), "A briefing", "fixture.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, size := run(tt.meta)
			t.Logf("runes measured %d (ordinary cover %d), PDF %d KB (%d KB)", m, baseM, size>>10, baseSize>>10)
			if m > baseM+200_000 {
				t.Errorf("measured %d runes, want at most %d more than an ordinary cover", m, 200_000)
			}
			if size > baseSize+64<<10 {
				t.Errorf("PDF of %d KB, want at most %d KB", size>>10, (baseSize+64<<10)>>10)
			}
		})
	}
}
