package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentence is one sentence of a text, with its byte span in that text:
// text[Start:End] == Text.
type Sentence struct {
	Text       string
	Start, End int
}

// closers may follow a sentence's final stop and still belong to it.
const closers = "\"'»”’)]}›"

// openers may precede the first letter of the next sentence.
const openers = "\"'«“‘„([{‹"

// Sentences splits text into sentences. lang is a BCP 47 tag ("en", "ru",
// "kk"); "" means unknown, and the rules for every language apply.
//
// A full stop does not end a sentence after a known abbreviation ("Mr.",
// "e.g.", "U.S.", Russian "т.е.", "им."), after an initial ("J. Smith"), or
// inside a number ("1.5"); a sentence ends only where the next one starts
// with an upper-case letter, a digit or an opening quote. Closing quotes and
// brackets after the stop belong to the sentence that ends. A blank line
// always ends a sentence.
func Sentences(text string, lang string) []Sentence {
	_ = lang // the rules below are shared by the supported languages
	var out []Sentence
	start := 0
	emit := func(end int) {
		s, e := trimSpan(text, start, end)
		if e > s {
			out = append(out, Sentence{Text: text[s:e], Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && blankLineAfter(text, i) {
			emit(i)
			i += n
			continue
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += n
			continue
		}
		// Take the whole run of terminators, then closing quotes/brackets.
		end := i
		for end < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if r2 == '.' || r2 == '!' || r2 == '?' || r2 == '…' {
				end += n2
				continue
			}
			break
		}
		term := text[i:end]
		for end < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[end:])
			if strings.ContainsRune(closers, r2) {
				end += n2
				continue
			}
			break
		}
		if end < len(text) && !startsNewSentence(text[end:]) {
			i = end
			continue
		}
		if term == "." && end < len(text) && !isStopEnding(text[start:i], text[end:]) {
			i = end
			continue
		}
		emit(end)
		i = end
	}
	emit(len(text))
	return out
}

// blankLineAfter reports whether the newline at i is followed by another
// newline with only spaces between.
func blankLineAfter(text string, i int) bool {
	for j := i + 1; j < len(text); j++ {
		switch text[j] {
		case '\n':
			return true
		case ' ', '\t', '\r':
		default:
			return false
		}
	}
	return false
}

// startsNewSentence reports whether rest (the text after a terminator)
// begins with space and then something that can start a sentence.
func startsNewSentence(rest string) bool {
	r, n := utf8.DecodeRuneInString(rest)
	if !unicode.IsSpace(r) {
		return false
	}
	rest = strings.TrimLeftFunc(rest[n:], unicode.IsSpace)
	for rest != "" {
		r, n = utf8.DecodeRuneInString(rest)
		if strings.ContainsRune(openers, r) || r == '—' || r == '–' || r == '-' {
			rest = strings.TrimLeftFunc(rest[n:], unicode.IsSpace)
			continue
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r) || unicode.IsTitle(r)
	}
	return false
}

// isStopEnding decides whether a single full stop ends the sentence, given
// the text before the stop and the text after it.
func isStopEnding(before, after string) bool {
	// The token before the stop: letters and inner dots ("U.S", "т.е").
	j := len(before)
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(before[:j])
		if isWordRune(r) || r == '.' || r == '-' {
			j -= n
			continue
		}
		break
	}
	tok := before[j:]
	if tok == "" {
		return true
	}
	low := strings.ToLower(tok)
	if numberAbbrev[low] {
		// "No. 5", "p. 12": an abbreviation only before a number; "the
		// answer was no. Then …" ends.
		return !startsWithDigit(after)
	}
	if sentenceFinalAbbrev[low] {
		// "etc." and "al." end a sentence when a capital follows (the
		// caller has checked that one does).
		return true
	}
	if lex().abbrev[low] {
		// "г." after a year ends a Russian sentence: "в 1991 г. Затем …".
		if (low == "г" || low == "гг") && endsWithYear(before[:j]) {
			return true
		}
		return false
	}
	// Initials: one upper-case letter ("J."), or dotted capitals ("U.S").
	if utf8.RuneCountInString(tok) == 1 {
		r, _ := utf8.DecodeRuneInString(tok)
		if unicode.IsUpper(r) {
			return false
		}
	}
	if strings.Contains(tok, ".") && !strings.Contains(tok, "..") {
		allShort := true
		for _, p := range strings.Split(tok, ".") {
			if utf8.RuneCountInString(p) > 2 || !hasLetter(p) && p != "" {
				allShort = false
			}
		}
		if allShort {
			return false
		}
	}
	return true
}

// numberAbbrev are abbreviations that stand before a number.
var numberAbbrev = map[string]bool{"no": true, "nos": true, "pp": true, "fig": true, "figs": true, "vol": true, "vols": true, "№": true}

// sentenceFinalAbbrev are abbreviations that often end a sentence.
var sentenceFinalAbbrev = map[string]bool{"etc": true, "и т.д": true, "т.д": true, "т.п": true}

// startsWithDigit reports whether s, after spaces, starts with a digit.
func startsWithDigit(s string) bool {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsDigit(r)
}

func endsWithYear(s string) bool {
	s = strings.TrimRight(s, " \u00a0")
	n := 0
	for n < len(s) && n < 5 && s[len(s)-1-n] >= '0' && s[len(s)-1-n] <= '9' {
		n++
	}
	return n == 4
}

// trimSpan narrows [s,e) of text to exclude surrounding white space.
func trimSpan(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}
