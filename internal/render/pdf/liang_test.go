package pdf

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/briefbook/briefbook/assets"
	"github.com/speedata/hyphenation"
)

// patternText returns a pattern file of assets.FS without its comments,
// as loadPatterns gives it to newLiang.
func patternText(t testing.TB, file string) string {
	t.Helper()
	data, err := fs.ReadFile(assets.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, ln := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(ln, "%") {
			b.WriteString(ln + "\n")
		}
	}
	return b.String()
}

// TestLiangAsSpeedata: the pattern matcher gives, for both embedded
// pattern files, the break points github.com/speedata/hyphenation (which
// hyphenated before it) gives: on every word of the test documents and the
// seed, and on the letters of every pattern as a word of its own, in lower
// case and capitalised.
func TestLiangAsSpeedata(t *testing.T) {
	var words []string
	for _, glob := range []string{"testdata/*.md", "../../../source/*.txt"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			words = append(words, strings.FieldsFunc(string(b), func(r rune) bool { return !unicode.IsLetter(r) })...)
		}
	}
	if len(words) < 1000 {
		t.Fatalf("%d words: the test documents are missing", len(words))
	}
	for _, file := range []string{hyphEnglish, hyphRussian} {
		text := patternText(t, file)
		ref, err := hyphenation.New(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		l, err := loadPatterns(file)
		if err != nil {
			t.Fatal(err)
		}
		ws := slices.Clone(words)
		for _, p := range strings.Fields(text) {
			w := strings.Map(func(r rune) rune {
				if unicode.IsDigit(r) || r == '.' {
					return -1
				}
				return r
			}, p)
			ws = append(ws, w, "x"+w+"y", strings.ToUpper(w[:1])+w[1:])
		}
		breaks := 0
		for _, w := range ws {
			if w == "" {
				continue
			}
			want, got := ref.Hyphenate(w), l.hyphenate(w)
			if !slices.Equal(got, want) {
				t.Fatalf("%s: %q breaks at %v, want %v", file, w, got, want)
			}
			breaks += len(got)
		}
		if breaks < len(ws)/2 {
			t.Errorf("%s: %d breaks in %d words: the patterns do not apply", file, breaks, len(ws))
		}
	}
}

// TestLiangPatterns: how a pattern's digits and dots become priorities, and
// that a later pattern of the same letters replaces an earlier one.
func TestLiangPatterns(t *testing.T) {
	l := newLiang(".ach4 at3est 4if. h2en. uto1 .un3g\n zz1 z3z")
	for key, want := range map[string][]byte{
		".ach": {0, 0, 0, 4}, "atest": {0, 0, 3, 0, 0, 0}, "if.": {4, 0, 0},
		"hen.": {0, 2, 0, 0}, "uto": {0, 0, 0, 1}, ".ung": {0, 0, 3, 0}, "zz": {0, 3, 0},
	} {
		if got, _ := l.lookup(key); !slices.Equal(got, want) {
			t.Errorf("%q: %v, want %v", key, got, want)
		}
	}
	if l.longest != 5 {
		t.Errorf("longest = %d, want 5", l.longest)
	}
	for word, want := range map[string][]int{"zz": {1}, "azzb": {2}, "Ungrateful": {2}, "zoo": nil} {
		if got := l.hyphenate(word); !slices.Equal(got, want) {
			t.Errorf("hyphenate(%q) = %v, want %v", word, got, want)
		}
	}
}

// BenchmarkLoadPatterns reads the English patterns, as the first PDF of a
// process does.
func BenchmarkLoadPatterns(b *testing.B) {
	for b.Loop() {
		if _, err := loadPatterns(hyphEnglish); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadPatternsSpeedata reads them with the package that
// hyphenated before.
func BenchmarkLoadPatternsSpeedata(b *testing.B) {
	text := patternText(b, hyphEnglish)
	for b.Loop() {
		if _, err := hyphenation.New(strings.NewReader(text)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestHyphenatorScripts: an English document's hyphenator breaks a
// Russian word (reading the Russian patterns on first need) as a Russian
// document's does; a Kazakh document's breaks no Cyrillic word.
func TestHyphenatorScripts(t *testing.T) {
	const ru, en = "государственный", "international"
	want := map[string][2]bool{"en": {true, true}, "ru": {true, true}, "kk": {true, false}, "": {true, true}}
	var ruPoints []int
	for lang, w := range want {
		h, err := newHyphenator(lang)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(h.points(en)) > 0; got != w[0] {
			t.Errorf("%q: %s broken %v, want %v", lang, en, got, w[0])
		}
		p := h.points(ru)
		if got := len(p) > 0; got != w[1] {
			t.Errorf("%q: %s broken %v, want %v", lang, ru, got, w[1])
		}
		if len(p) > 0 {
			if ruPoints != nil && !slices.Equal(p, ruPoints) {
				t.Errorf("%q: %s broken at %v, elsewhere at %v", lang, ru, p, ruPoints)
			}
			ruPoints = p
		}
	}
}
