package gazetteer

import (
	"unicode"
	"unicode/utf8"
)

// Words splits text into words the way briefbook's tokeniser does
// (internal/analyze/token.go): a word is a run of letters, digits and
// combining marks, with an apostrophe or hyphen kept inside it when a letter
// or digit follows ("Nur-Sultan", "Kazakhstan's", "Côte d'Ivoire" → "Côte",
// "d'Ivoire"). Everything else separates words. Match takes words split
// this way; the place names in the gazetteer are stored split this way.
func Words(text string) []string {
	var out []string
	start := -1
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && isJoiner(r) && i+n < len(text):
			next, _ := utf8.DecodeRuneInString(text[i+n:])
			if !isWordRune(next) {
				out = append(out, text[start:i])
				start = -1
			}
		default:
			if start >= 0 {
				out = append(out, text[start:i])
				start = -1
			}
		}
		i += n
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '‑' }
