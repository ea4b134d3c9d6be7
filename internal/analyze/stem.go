package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/russian"
)

// stem reduces a word to its Snowball stem: lower case, possessive removed,
// then the Porter2 English stemmer for Latin words and the Snowball Russian
// stemmer for Cyrillic ones (Kazakh words pass through the Russian rules,
// which only strip Russian endings). Stems are keys for comparing words;
// they are never shown.
func stem(w string) string {
	w = strings.ToLower(w)
	for _, p := range []string{"'s", "’s"} {
		w = strings.TrimSuffix(w, p)
	}
	w = strings.TrimRight(w, "'’")
	if w == "" {
		return w
	}
	if isCyrillic(w) {
		if hasKazakhLetter(w) {
			return w
		}
		return safeStem(russian.Stem, w)
	}
	r, _ := utf8.DecodeRuneInString(w)
	if r < unicode.MaxLatin1 || unicode.Is(unicode.Latin, r) {
		return safeStem(english.Stem, w)
	}
	return w
}

// safeStem runs a third-party stemmer and keeps the word when it panics.
func safeStem(f func(string, bool) string, w string) (out string) {
	defer func() {
		if recover() != nil {
			out = w
		}
	}()
	if s := f(w, true); s != "" {
		return s
	}
	return w
}

// hasKazakhLetter reports whether w has a letter of the Kazakh alphabet
// that Russian lacks; such words are compared whole.
func hasKazakhLetter(w string) bool {
	return strings.ContainsAny(w, "әғқңөұүһі")
}

// stemmer memoises stem for one analysis run; a long text repeats its words
// many times, and the Snowball stemmers allocate.
type stemmer map[string]string

func (s stemmer) stem(w string) string {
	if v, ok := s[w]; ok {
		return v
	}
	v := stem(w)
	s[w] = v
	return v
}
