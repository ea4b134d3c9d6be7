package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Token is a word, number or punctuation mark and its byte span in the
// text it was cut from.
type Token struct {
	Text       string
	Start, End int
}

// abbrevs keep their full stop as part of the token ("Mr.", "Dec.").
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true, "inc": true,
	"ltd": true, "co": true, "corp": true, "gen": true, "sen": true, "rep": true, "gov": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "mt": true, "ft": true,
	"vs": true, "etc": true, "no": true, "prof": true, "capt": true, "lt": true, "col": true,
	"sgt": true, "rev": true, "messrs": true, "bros": true, "ave": true, "blvd": true, "dept": true,
	"univ": true, "assn": true, "est": true, "approx": true, "fig": true, "gov't": true,
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// Tokenize splits text into tokens: runs of letters and digits (with the
// inner marks of "2,000", "3.5", "U.S.", "O'Brien"), clitics "'s" and
// "n't" apart, and every other non-space character as a token of its own
// (a run of the same mark, "..." or "--", as one).
func Tokenize(text string) []Token {
	var out []Token
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case isWordRune(r):
			out, i = appendWord(out, text, i, wordEnd(text, i))
		case r == '\'' || r == '’':
			// "'s" after a word that ended at a hyphen or a quote.
			if j := i + n; j < len(text) && (text[j] == 's' || text[j] == 'S') && (j+1 == len(text) || !isWordRuneAt(text, j+1)) {
				out = append(out, Token{text[i : j+1], i, j + 1})
				i = j + 1
				continue
			}
			out = append(out, Token{text[i : i+n], i, i + n})
			i += n
		default:
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 != r {
					break
				}
				j += n2
			}
			out = append(out, Token{text[i:j], i, j})
			i = j
		}
	}
	return out
}

func isWordRuneAt(text string, i int) bool {
	r, _ := utf8.DecodeRuneInString(text[i:])
	return isWordRune(r)
}

// wordEnd returns where the word starting at text[i] ends.
func wordEnd(text string, i int) int {
	j := i
	segStart := i
	for j < len(text) {
		r, n := utf8.DecodeRuneInString(text[j:])
		if isWordRune(r) {
			j += n
			continue
		}
		if j+n >= len(text) {
			break
		}
		next, _ := utf8.DecodeRuneInString(text[j+n:])
		prev, _ := utf8.DecodeLastRuneInString(text[:j])
		switch {
		case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
			j += n
			continue
		case r == '.' && unicode.IsLetter(next) && utf8.RuneCountInString(text[segStart:j]) == 1:
			// "U.S", "e.g": single letters joined by full stops.
			j += n
			segStart = j
			continue
		case (r == '\'' || r == '’') && unicode.IsLetter(next) && !clitic(text[j+n:]):
			j += n
			continue
		}
		break
	}
	// A full stop after an initial, an abbreviation or "U.S" belongs to it.
	if j < len(text) && text[j] == '.' {
		w := text[i:j]
		if utf8.RuneCountInString(w) == 1 && unicode.IsUpper(firstRune(w)) || abbrevs[strings.ToLower(w)] || strings.Contains(w, ".") {
			j++
		}
	}
	return j
}

// clitic reports whether s (the text after an apostrophe) starts with the
// clitic "s" or "t" followed by no letter.
func clitic(s string) bool {
	if s == "" || (s[0] != 's' && s[0] != 'S' && s[0] != 't') {
		return false
	}
	return len(s) == 1 || !isWordRuneAt(s, 1)
}

// appendWord appends text[i:end], splitting "n't" off ("don't" → "do",
// "n't"): the apostrophe stopped the word before "t" when the clitic
// follows, so only the "n" needs moving. It returns where the next token
// may start.
func appendWord(out []Token, text string, i, end int) ([]Token, int) {
	w := text[i:end]
	if end < len(text) && len(w) > 1 && (w[len(w)-1] == 'n' || w[len(w)-1] == 'N') {
		rest := text[end:]
		for _, ap := range []string{"'t", "’t", "'T"} {
			if strings.HasPrefix(rest, ap) && (len(rest) == len(ap) || !isWordRuneAt(rest, len(ap))) {
				out = append(out, Token{w[:len(w)-1], i, end - 1})
				return append(out, Token{text[end-1 : end+len(ap)], end - 1, end + len(ap)}), end + len(ap)
			}
		}
	}
	return append(out, Token{w, i, end}), end
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}
