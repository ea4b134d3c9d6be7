package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// word is a run of letters and digits in a text, with internal apostrophes
// and hyphens ("Kazakhstan's", "non-proliferation"), and its byte span.
type word struct {
	Text       string
	Start, End int
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// words splits text into words.
func words(text string) []word { return wordsN(text, -1) }

// wordsN returns the first limit words of text (all of them when limit <
// 0); it reads no further than the end of the last word it returns.
func wordsN(text string, limit int) []word {
	var out []word
	if limit < 0 {
		out = make([]word, 0, len(text)/6+1) // about one word in six bytes
	}
	start := -1
	for i := 0; i < len(text) && len(out) != limit; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && (r == '\'' || r == '’' || r == '-' || r == '‑') && i+n < len(text):
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if !isWordRune(next) {
				out = append(out, word{text[start:i], start, i})
				start = -1
			}
		default:
			if start >= 0 {
				out = append(out, word{text[start:i], start, i})
				start = -1
			}
		}
		i += n
	}
	if start >= 0 && len(out) != limit {
		out = append(out, word{text[start:], start, len(text)})
	}
	return out
}

// isStop reports whether the lower-cased word w is a stop word.
func isStop(w string) bool { return lex().stop[w] }

// hasLetter reports whether s contains a letter.
func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isCapitalized reports whether s starts with an upper-case letter.
func isCapitalized(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// isCyrillic reports whether s starts with a Cyrillic letter.
func isCyrillic(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Cyrillic, r)
}

// terms returns the stems of the content words of text: no stop words, no
// numbers, no one-letter words.
func (st stemmer) terms(text string) []string {
	ws := words(text)
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		lw := strings.ToLower(w.Text)
		if !hasLetter(lw) || utf8.RuneCountInString(lw) < 2 || isStop(lw) {
			continue
		}
		s := st.stem(lw)
		if isStop(s) {
			continue
		}
		out = append(out, s)
	}
	return out
}
