package pdf

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/textgen"
)

// gapRatio is the widest word gap of a justified line as drawLine sets it,
// over the normal space, and the same without drawLine's cap (how far the
// breaker left the line short).
func gapRatio(ln line, width float64) (drawn, uncapped float64) {
	if ln.last || len(ln.words) < 2 {
		return 1, 1
	}
	gaps := 0.0
	for _, w := range ln.words[:len(ln.words)-1] {
		gaps += w.space
	}
	diff := width - ln.w
	if gaps <= 0 || diff <= 0 {
		return 1, 1
	}
	r := diff / (gaps*kpStretch + ln.inner)
	return 1 + min(r, maxJustifyStretch)*kpStretch, 1 + r*kpStretch
}

// typoStats breaks each paragraph of text with both breakers at body width
// and returns the largest gap ratios: total fit as drawn, total fit
// uncapped, and first fit with the gaps spread evenly as before.
func typoStats(t *testing.T, l *layout, lang, text string) (kp, kpRaw, ff float64, hyphRun int) {
	var err error
	if l.hy, err = newHyphenator(lang); err != nil {
		t.Fatal(err)
	}
	f := l.bodyFrame()
	kp, kpRaw, ff = 1, 1, 1
	for _, p := range strings.Split(text, "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			continue
		}
		ws := l.words([]run{{text: p, face: serif, size: f.size}})
		run := 0
		for _, ln := range l.breakTotal(ws, f.w, 0, 0, -1) {
			d, u := gapRatio(ln, f.w)
			kp, kpRaw = max(kp, d), max(kpRaw, u)
			if ln.flag {
				run++
				hyphRun = max(hyphRun, run)
			} else {
				run = 0
			}
		}
		for _, ln := range l.breakLines(ws, f.w) {
			if !ln.last && len(ln.words) > 1 {
				extra := (f.w - ln.w) / float64(len(ln.words)-1)
				ff = max(ff, (ln.words[0].space+extra)/ln.words[0].space)
			}
		}
	}
	return kp, kpRaw, ff, hyphRun
}

// urlProse is prose full of long addresses, as in the example.
func urlProse(n int) string {
	urls := []string{
		"https://github.com/google/glog/blob/master/src/logging.cc?plain=1&line=1024",
		"https://pkg.go.dev/golang.org/x/text/unicode/norm#Form.NextBoundaryInString",
		"http://www.example.org/a_very_long_path/with-many_parts/index.html?query=value&other=thing",
		"https://docs.example.com/reference/configuration/advanced_options.html#section-4.2",
	}
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString("The logging library is described at ")
		b.WriteString(urls[i%len(urls)])
		b.WriteString(" and Google's own glog, whose sources live at ")
		b.WriteString(urls[(i+1)%len(urls)])
		b.WriteString(", is what most of these programs use.")
		if i%3 == 2 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	return b.String()
}

// TestTotalFitGaps: no justified line's gap exceeds 3 normal spaces as
// drawn, and total fit leaves lines no looser than first fit did, on
// prose, on prose full of URLs and on Chinese.
func TestTotalFitGaps(t *testing.T) {
	l := testLayout(t)
	chinese := strings.Repeat("北京是中华人民共和国的首都，也是全国的政治、文化中心。", 30)
	texts := map[string]string{
		"lorem":   strings.Repeat(lorem, 20),
		"russian": strings.Repeat(russian, 40),
		"urls":    urlProse(40),
		"chinese": chinese + " Some English words follow the Chinese text here. " + chinese,
	}
	for _, name := range []string{"chinese", "lorem", "russian", "urls"} {
		kp, raw, ff, run := typoStats(t, l, "en", texts[name])
		t.Logf("%s: largest gap %.2f× the space (%.2f× before the cap); first fit %.2f×; %d hyphenated lines in a row",
			name, kp, raw, ff, run)
		if kp > 3+1e-9 {
			t.Errorf("%s: a gap of %.2f× the space", name, kp)
		}
		if raw > ff+1e-9 && raw > 1.5 {
			t.Errorf("%s: total fit's widest gap %.2f× is wider than first fit's %.2f×", name, raw, ff)
		}
		if run > maxHyphenRun {
			t.Errorf("%s: %d hyphenated lines in a row", name, run)
		}
	}
}

// TestTotalFitCorpus reports the gaps in War and Peace (../shared); it
// skips when the corpus is absent.
func TestTotalFitCorpus(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "..", "..", "shared", "corpus", "large", "war-and-peace.txt"))
	if err != nil {
		t.Skip("no War and Peace in ../shared:", err)
	}
	if testing.Short() {
		t.Skip("short")
	}
	l := testLayout(t)
	kp, raw, ff, run := typoStats(t, l, "en", string(data))
	t.Logf("War and Peace: largest gap %.2f× the space (%.2f× before the cap); first fit %.2f×; %d hyphenated lines in a row", kp, raw, ff, run)
	if kp > 3+1e-9 || run > maxHyphenRun {
		t.Errorf("gap %.2f×, %d hyphenated lines in a row", kp, run)
	}
}

// TestTotalFitLines checks the lines total fit makes: all words in order,
// none wider than the line beyond what spaces can shrink, breaks at URL
// punctuation without an added hyphen, Chinese broken between ideographs,
// and a line that must not end with a hyphen does not.
func TestTotalFitLines(t *testing.T) {
	l := testLayout(t)
	mk := func(s string) []word { return l.words([]run{{text: s, face: serif, size: 10.5}}) }
	tests := []struct {
		name  string
		text  string
		width float64
	}{
		{"prose", strings.Repeat(lorem, 3), 80},
		{"longer than a window", strings.Repeat(lorem, 300), 80},
		{"url", urlProse(3), 60},
		{"chinese", strings.Repeat("北京是中华人民共和国的首都", 10), 40},
		{"one long token", strings.Repeat("x", 400), 30},
		{"narrower than a letter", "abc def", 0.5},
		{"hard break", "a b\u2028c", 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := mk(tt.text)
			lines := l.breakTotal(ws, tt.width, 0, 0, -1)
			var got, want strings.Builder
			for _, w := range ws {
				s, _ := wordText(w)
				want.WriteString(s)
			}
			for i, ln := range lines {
				if len(ln.words) == 0 {
					t.Fatalf("line %d is empty", i)
				}
				gaps := 0.0
				for _, w := range ln.words[:len(ln.words)-1] {
					gaps += w.space
				}
				if ln.w-gaps*kpShrink > tt.width+1e-6 && tt.width > 1 {
					t.Errorf("line %d is %.2f mm, more than %.2f even shrunk", i, ln.w, tt.width)
				}
				for _, w := range ln.words {
					for _, f := range w.frags {
						if s, _ := wordText(w); f.extra && strings.ContainsAny(s, "/=") {
							t.Errorf("line %d: a hyphen added in an address: %q", i, s)
						}
						if !f.extra {
							got.WriteString(f.text)
						} else if f.text != "-" {
							t.Errorf("line %d: added %q", i, f.text)
						}
					}
				}
			}
			if got.String() != want.String() {
				t.Errorf("text changed:\n got %.80q\nwant %.80q", got.String(), want.String())
			}
			if len(lines) > 0 && !lines[len(lines)-1].last {
				t.Error("last line not marked last")
			}
			if tt.name == "chinese" && len(lines) < 3 {
				t.Errorf("Chinese set in %d lines, want it wrapped", len(lines))
			}
		})
	}
	// A line asked to end without a hyphen.
	l.hy, _ = newHyphenator("en")
	ws := mk(strings.Repeat(lorem, 6))
	lines := l.breakTotal(ws, 70, 0, 0, -1)
	for i, ln := range lines {
		if !ln.flag {
			continue
		}
		again := l.breakTotal(ws, 70, 0, 0, i)
		if again[i].flag {
			t.Errorf("line %d still ends with a hyphen", i)
		}
		from := lines[i+1]
		rest := l.breakTotal(ws, 70, from.from, from.fromAt, 0)
		if len(rest) == 0 || rest[0].flag {
			t.Errorf("re-breaking from line %d: %d lines, first flagged", i+1, len(rest))
		}
		return
	}
	t.Error("no hyphenated line to test the rule on")
}

// TestTotalFitLinear breaks a paragraph of n and 2n words: the runes
// measured and the time must about double, not quadruple.
func TestTotalFitLinear(t *testing.T) {
	l := testLayout(t)
	cost := func(n int) int {
		ws := l.words([]run{{text: textgen.Words(n*7, 9, mixedLetters) + " " + urlProse(n/40), face: serif, size: 10.5}})
		before := l.m.measured
		lines := l.breakTotal(ws, l.bodyFrame().w, 0, 0, -1)
		if len(lines) < n/30 {
			t.Fatalf("%d words in %d lines", n, len(lines))
		}
		return l.m.measured - before + len(lines)
	}
	c1, c2 := cost(5_000), cost(10_000)
	t.Logf("5 000 words: %d; 10 000 words: %d", c1, c2)
	if r := float64(c2) / float64(c1); r > 2.5 {
		t.Errorf("twice the words cost %.1f× the work, want ≤ 2.5×", r)
	}
}

// TestNoHyphenAtPageEnd lays out many pages of justified English and
// Russian and reads them back: no page's last body line ends with a
// hyphenated word, while lines inside pages still do (so the rule is at
// work, not hyphenation switched off).
func TestNoHyphenAtPageEnd(t *testing.T) {
	needTool(t, "pdftotext")
	in := fixtureInput()
	doc := &document.Document{Meta: in.Doc.Meta}
	doc.Meta.Marking = "" // the footer's last line then is the page number alone
	s := &document.Section{Title: "Text", Level: 1}
	filler := strings.Fields(lorem + russian)
	for i := 0; i < 80; i++ {
		text := strings.Repeat(lorem, 3)
		if i%2 == 1 {
			text = strings.Repeat(russian, 7)
		}
		// A few more words each time, so that page breaks fall anywhere.
		text += strings.Join(filler[:i%len(filler)], " ")
		s.Blocks = append(s.Blocks, para(text, i+1))
	}
	doc.Sections = []*document.Section{s}
	doc.Number()
	in.Doc, in.Analysis = doc, nil
	res, err := Layout(in)
	if err != nil {
		t.Fatal(err)
	}
	file := writeTemp(t, res.PDF)
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	hyphenEnd := regexp.MustCompile(`\pL-$`)
	footer := regexp.MustCompile(`^\S+ \d+ \S+ \d+$`)
	pages, inside, bad := 0, 0, 0
	for n, page := range strings.Split(string(out), "\f") {
		var lines []string
		for _, ln := range strings.Split(page, "\n") {
			if ln = strings.TrimSpace(ln); ln != "" && !footer.MatchString(ln) {
				lines = append(lines, ln)
			}
		}
		if len(lines) == 0 {
			continue
		}
		pages++
		for _, ln := range lines[:len(lines)-1] {
			if hyphenEnd.MatchString(ln) {
				inside++
			}
		}
		if last := lines[len(lines)-1]; hyphenEnd.MatchString(last) {
			bad++
			t.Errorf("page %d ends with %q", n+1, last)
		}
	}
	t.Logf("%d pages, %d hyphenated lines inside pages, %d pages ending with a hyphen", pages, inside, bad)
	if pages < 20 || inside == 0 {
		t.Fatalf("%d pages, %d hyphenated lines: the test has nothing to check", pages, inside)
	}
}

// TestTotalFitLongWord: a word of n and 2n letters (cut between
// characters, as nothing else fits) must take about twice the time, not
// four times (the pattern hyphenator is quadratic in the word's length and
// is not asked about words longer than hyphMaxWord). Best of three runs.
func TestTotalFitLongWord(t *testing.T) {
	l := testLayout(t)
	l.hy, _ = newHyphenator("en")
	f := l.bodyFrame()
	best := func(n int) time.Duration {
		ws := l.words([]run{{text: strings.Repeat("x", n) + " end.", face: serif, size: f.size}})
		d := time.Duration(math.MaxInt64)
		for range 3 {
			t0 := time.Now()
			lines := l.breakTotal(ws, f.w, 0, 0, -1)
			d = min(d, time.Since(t0))
			if len(lines) < n/100 {
				t.Fatalf("%d letters in %d lines", n, len(lines))
			}
		}
		return d
	}
	d1, d2 := best(10_000), best(20_000)
	t.Logf("10 000 letters: %v; 20 000: %v", d1, d2)
	if d2 > 3*d1 && d2 > 200*time.Millisecond {
		t.Errorf("twice the letters took %v → %v", d1, d2)
	}
}
