package render

import "unicode/utf8"

// MaxMarking is the most runes of a front-matter marking ("OFFICIAL-
// SENSITIVE") that a renderer prints; a longer marking is cut with an
// ellipsis. Real markings are a few dozen characters; the bound keeps a
// hostile one from being drawn on every page.
const MaxMarking = 200

// Clip returns s cut to at most max runes, the last of them an ellipsis
// when s was longer. It reads no more of s than it keeps.
func Clip(s string, max int) string {
	if max <= 0 {
		return ""
	}
	n := 0
	for i := range s {
		if n == max-1 {
			// s[i:] must be a single rune to be kept whole.
			if _, size := utf8.DecodeRuneInString(s[i:]); i+size == len(s) {
				return s
			}
			return s[:i] + "…"
		}
		n++
	}
	return s
}
