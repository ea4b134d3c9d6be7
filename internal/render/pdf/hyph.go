package pdf

import (
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/assets"
)

// Pattern files in assets.FS (Liang/TeX patterns; notices beside them).
const (
	hyphEnglish = "hyph/hyph-en-us.pat.txt"
	hyphRussian = "hyph/hyph-ru.pat.txt"
)

// Shortest word hyphenated, and the fewest letters left before and after a
// break (TeX's \lefthyphenmin and \righthyphenmin).
const (
	// hyphMaxWord is the longest stretch of letters hyphenated: the
	// pattern matcher's work grows with the square of the length, and no
	// English or Russian word comes near it.
	hyphMaxWord  = 64
	hyphMinWord  = 5
	hyphMinLeft  = 2
	hyphMinRight = 3
)

// patterns loads a pattern file once per process; the parsed patterns are
// read-only afterwards and shared by every render.
var patterns = map[string]func() (*liang, error){
	hyphEnglish: sync.OnceValues(func() (*liang, error) { return loadPatterns(hyphEnglish) }),
	hyphRussian: sync.OnceValues(func() (*liang, error) { return loadPatterns(hyphRussian) }),
}

// loadPatterns reads a pattern file of assets.FS, whose lines starting
// with "%" are comments.
func loadPatterns(file string) (*liang, error) {
	data, err := fs.ReadFile(assets.FS, file)
	if err != nil {
		return nil, fmt.Errorf("hyphenation patterns %s: %v", file, err)
	}
	var b strings.Builder
	b.Grow(len(data))
	for text := string(data); text != ""; {
		var ln string
		ln, text, _ = strings.Cut(text, "\n")
		if !strings.HasPrefix(ln, "%") {
			b.WriteString(ln)
			b.WriteByte('\n')
		}
	}
	l := newLiang(b.String())
	if len(l.pats) == 0 {
		return nil, fmt.Errorf("hyphenation patterns %s: no patterns", file)
	}
	return l, nil
}

// hyphenator finds break points in words of one document. Latin words use
// the English patterns and Cyrillic words the Russian ones, except that
// Kazakh documents (and Cyrillic words with Kazakh letters) are not
// hyphenated in Cyrillic: there are no Kazakh patterns to embed. Results
// are cached per word; a hyphenator belongs to one render.
type hyphenator struct {
	latin *liang // nil: Latin script is not hyphenated
	// cyrillic returns the Russian patterns, read on the first Cyrillic
	// word (an English document seldom has one); nil when Cyrillic is
	// not hyphenated.
	cyrillic func() *liang
	cache    map[string][]int
}

// newHyphenator returns the hyphenator for a BCP 47 language tag ("" is
// treated as English).
func newHyphenator(lang string) (*hyphenator, error) {
	h := &hyphenator{cache: map[string][]int{}}
	lang = strings.ToLower(strings.TrimSpace(lang))
	primary, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	var err error
	if h.latin, err = patterns[hyphEnglish](); err != nil {
		return nil, err
	}
	if primary != "kk" {
		if primary == "ru" {
			// A Russian document needs them: read them now, so that an
			// error stops the render. Elsewhere an error (the patterns are
			// embedded and the tests read them) leaves Cyrillic unbroken.
			if _, err = patterns[hyphRussian](); err != nil {
				return nil, err
			}
		}
		h.cyrillic = func() *liang {
			l, _ := patterns[hyphRussian]()
			return l
		}
	}
	return h, nil
}

// kazakhOnly are Cyrillic letters of Kazakh that Russian lacks.
const kazakhOnly = "әғқңөұүһіӘҒҚҢӨҰҮҺІ"

// points returns the byte offsets in word at which it may be broken with
// a hyphen added. Words are hyphenated only between letters of one
// alphabetic stretch; a word that already holds a hyphen may break after
// it instead (see breaks).
func (h *hyphenator) points(word string) []int {
	if h == nil {
		return nil
	}
	if p, ok := h.cache[word]; ok {
		return p
	}
	var out []int
	// Alphabetic stretches of the word.
	start := -1
	for i, r := range word + "\x00" {
		letter := unicode.IsLetter(r)
		if letter && start < 0 {
			start = i
		}
		if !letter && start >= 0 {
			out = append(out, h.stretch(word[start:i], start)...)
			start = -1
		}
	}
	if len(h.cache) < 1<<16 {
		h.cache[word] = out
	}
	return out
}

// stretch hyphenates a run of letters that begins at byte off.
func (h *hyphenator) stretch(s string, off int) []int {
	n := utf8.RuneCountInString(s)
	if n < hyphMinWord || n > hyphMaxWord {
		return nil
	}
	var lang *liang
	var script *unicode.RangeTable
	r, _ := utf8.DecodeRuneInString(s)
	switch {
	case unicode.Is(unicode.Latin, r):
		lang, script = h.latin, unicode.Latin
	case unicode.Is(unicode.Cyrillic, r) && !strings.ContainsAny(s, kazakhOnly) && h.cyrillic != nil:
		lang, script = h.cyrillic(), unicode.Cyrillic
	}
	if lang == nil {
		return nil
	}
	// Mixed scripts (or case changes such as "iPhone", acronyms) are left alone.
	upper := 0
	for _, c := range s {
		if !unicode.Is(script, c) {
			return nil
		}
		if unicode.IsUpper(c) {
			upper++
		}
	}
	if upper > 1 {
		return nil
	}
	var out []int
	idx := runeOffsets(s)
	for _, p := range lang.hyphenate(s) {
		if p >= hyphMinLeft && p <= n-hyphMinRight {
			out = append(out, off+idx[p])
		}
	}
	return out
}

// runeOffsets returns the byte offset of every rune of s and len(s).
func runeOffsets(s string) []int {
	out := make([]int, 0, len(s)+1)
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

// maxHyphenRun is the most consecutive lines that may end with a hyphen.
const maxHyphenRun = 2

// hyphenate splits w at the last break inside it (breakopp.go) whose head,
// with a hyphen added at a hyphenation point, fits in room mm. When forbid
// is set, breaks that leave a hyphen at the end of the line are skipped.
// flag tells whether the head ends with a hyphen.
func (l *layout) hyphenate(w word, room float64, forbid bool) (head, tail word, flag, ok bool) {
	if len(w.frags) == 0 || room <= 0 {
		return word{}, word{}, false, false
	}
	ops := l.opportunities(w)
	cuts := make([]int, 0, len(ops)+1)
	for _, o := range ops {
		cuts = append(cuts, o.at)
	}
	text, _ := wordText(w)
	prefix := l.pieceWidths(w, 0, append(cuts, len(text)))
	for i := 1; i < len(prefix); i++ {
		prefix[i] += prefix[i-1]
	}
	for i := len(ops) - 1; i >= 0; i-- {
		c := ops[i]
		if forbid && c.flag {
			continue
		}
		hw := 0.0
		if c.hyphen {
			last := lastFragAt(w, c.at)
			hw = l.m.width(l.c, last.r.face, last.r.size, "-")
		}
		if prefix[i]+hw > room+1e-6 {
			continue
		}
		head, tail = l.cutWord(w, c.at)
		if c.hyphen && len(head.frags) > 0 {
			r := head.frags[len(head.frags)-1].r
			head.frags = append(head.frags, frag{r: r, text: "-", w: hw, extra: true})
			head.w += hw
		}
		return head, tail, c.flag, true
	}
	return word{}, word{}, false, false
}

// lastFragAt returns the fragment holding the byte before offset at of the
// word's text.
func lastFragAt(w word, at int) frag {
	n := 0
	for _, f := range w.frags {
		n += len(f.text)
		if n >= at {
			return f
		}
	}
	return w.frags[len(w.frags)-1]
}

// prefixWidth measures the first at bytes of the word's text.
func (l *layout) prefixWidth(w word, at int) float64 {
	t := 0.0
	for _, f := range w.frags {
		if at <= 0 {
			break
		}
		if len(f.text) <= at {
			t += f.w
			at -= len(f.text)
			continue
		}
		t += l.m.width(l.c, f.r.face, f.r.size, f.text[:at])
		break
	}
	return t
}

// cutWord splits a word at byte offset at of its text. The head keeps no
// following space; the tail keeps the word's space and hard break.
func (l *layout) cutWord(w word, at int) (head, tail word) {
	for _, f := range w.frags {
		switch {
		case at >= len(f.text):
			head.frags = append(head.frags, f)
			head.w += f.w
			at -= len(f.text)
		case at <= 0:
			tail.frags = append(tail.frags, f)
			tail.w += f.w
		default:
			a, b := f, f
			a.text, b.text = f.text[:at], f.text[at:]
			a.w = l.m.width(l.c, f.r.face, f.r.size, a.text)
			b.w = f.w - a.w
			head.frags = append(head.frags, a)
			tail.frags = append(tail.frags, b)
			head.w += a.w
			tail.w += b.w
			at = 0
		}
	}
	tail.space, tail.brk = w.space, w.brk
	return head, tail
}
