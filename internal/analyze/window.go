package analyze

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Per-match look-ups (the words around a number, a date or a name) read
// only a bounded window of the sentence, so that finding every match of a
// long sentence stays linear in its length. Case-insensitive tests compare
// rune by rune on the original text: an index found in a lower-cased copy
// is never used on the original, whose letters may have another byte
// length ("İ" is two bytes, "i" one; "Ⱥ" two, "ⱥ" three).

// windowBytes is the size of the text read before or after a match.
const windowBytes = 128

// windowWords is the number of words read before or after a match.
const windowWords = 16

// isJoiner reports whether r may join two parts of one word (see words).
func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == '-' || r == '‑' }

// head returns the start of s, about n bytes long, cut where words splits
// s the same way as the whole: before a rune that is neither a word rune
// nor a joiner. A word longer than the window is cut at a rune boundary.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	for j := i; j > 0 && j > i-windowBytes; {
		r, _ := utf8.DecodeRuneInString(s[j:])
		if !isWordRune(r) && !isJoiner(r) {
			return s[:j]
		}
		_, k := utf8.DecodeLastRuneInString(s[:j])
		j -= k
	}
	return s[:i]
}

// tailStart returns where the end of s, about n bytes long, starts: after
// a rune that is neither a word rune nor a joiner, so that words splits
// s[start:] the same way as the whole.
func tailStart(s string, n int) int {
	if len(s) <= n {
		return 0
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	for j := i; j > 0 && j > i-windowBytes; {
		r, k := utf8.DecodeLastRuneInString(s[:j])
		if !isWordRune(r) && !isJoiner(r) {
			return j
		}
		j -= k
	}
	return i
}

// prefixFold returns the length in s of a case-insensitive match of the
// lower-case prefix p at the start of s, or -1.
func prefixFold(s, p string) int {
	i := 0
	for _, pr := range p {
		if i >= len(s) {
			return -1
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r != pr && unicode.ToLower(r) != pr {
			return -1
		}
		i += n
	}
	return i
}

// hasPrefixFold reports whether s starts with the lower-case p, ignoring case.
func hasPrefixFold(s, p string) bool { return prefixFold(s, p) >= 0 }

// hasSuffixFold reports whether s ends with the lower-case p, ignoring case.
func hasSuffixFold(s, p string) bool {
	i := len(s)
	for j := len(p); j > 0; {
		pr, pn := utf8.DecodeLastRuneInString(p[:j])
		if i <= 0 {
			return false
		}
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if r != pr && unicode.ToLower(r) != pr {
			return false
		}
		i -= n
		j -= pn
	}
	return true
}

// trimLeftSpace drops the white space at the start of s.
func trimLeftSpace(s string) string { return strings.TrimLeftFunc(s, unicode.IsSpace) }

// finite reports whether v is a usable figure value: neither infinite nor
// NaN (a number of 300 digits times a billion overflows).
func finite(v float64) bool { return !math.IsInf(v, 0) && !math.IsNaN(v) }
