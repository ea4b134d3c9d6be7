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
func words(text string) []word {
	var out []word
	start := -1
	for i := 0; i < len(text); {
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
	if start >= 0 {
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

// stem reduces a word to a crude stem: lower case, possessive removed, and a
// light suffix stripper for English or Russian endings. It only has to map
// the forms of one word to the same key; the stems are never shown.
func stem(w string) string {
	w = strings.ToLower(w)
	for _, p := range []string{"'s", "’s"} {
		w = strings.TrimSuffix(w, p)
	}
	w = strings.TrimRight(w, "'’")
	if isCyrillic(w) {
		return stemRussian(w)
	}
	n := len(w)
	switch {
	case n > 7 && strings.HasSuffix(w, "ations"):
		w = w[:n-6]
	case n > 6 && strings.HasSuffix(w, "ation"):
		w = w[:n-5]
	case n > 4 && strings.HasSuffix(w, "ies"):
		w = w[:n-3] + "y"
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "xes")):
		w = w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 5 && strings.HasSuffix(w, "ly"):
		w = w[:n-2]
	case n > 6 && strings.HasSuffix(w, "ment"):
		w = w[:n-4]
	}
	return strings.TrimSuffix(w, "e")
}

var ruEndings = []string{
	"иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "ыми",
	"ая", "яя", "ое", "ее", "ые", "ие", "ой", "ей", "ий", "ый", "ом", "ем",
	"ах", "ях", "ов", "ев", "ам", "ям", "ию", "ия", "ии", "ть",
	"а", "я", "о", "е", "ы", "и", "у", "ю", "ь", "й",
}

func stemRussian(w string) string {
	for _, e := range ruEndings {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w)-utf8.RuneCountInString(e) >= 3 {
			return w[:len(w)-len(e)]
		}
	}
	return w
}

// terms returns the stems of the content words of text: no stop words, no
// numbers, no one-letter words.
func terms(text string) []string {
	ws := words(text)
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		lw := strings.ToLower(w.Text)
		if !hasLetter(lw) || utf8.RuneCountInString(lw) < 2 || isStop(lw) {
			continue
		}
		s := stem(lw)
		if isStop(s) {
			continue
		}
		out = append(out, s)
	}
	return out
}
