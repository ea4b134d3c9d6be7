package analyze

import (
	"strconv"
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
	// marker is the list marker ("1", "b") that opens the current
	// sentence, if any: the next one in sequence ("2", "c") starts a new
	// sentence even inside a line ("1. The first item 2. The second item").
	marker := ""
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' && blankLineAfter(text, i) {
			emit(i)
			marker = ""
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
		if term == "." {
			// A list marker: at the start of the sentence it belongs to the
			// item; the next marker in sequence starts a new item.
			if tok, at, ok := listMarker(text, start, i); ok {
				if at == -1 {
					marker = tok
					i = end
					continue
				}
				if marker != "" && nextMarker(marker) == tok {
					emit(at)
					marker = tok
					i = end
					continue
				}
			}
			// "world.Today": a stop between two words with no space.
			if end == i+1 && gluedSentence(text[start:i], text[end:]) {
				emit(end)
				marker = ""
				i = end
				continue
			}
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
		marker = ""
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
		// "Jane and co. They should know.": an abbreviation ends the
		// sentence when the next word is one that starts sentences, not a
		// name — except after a title, which always stands before a name.
		return !nameTitles[low] && startsWithStarter(after)
	}
	// Initials: one upper-case letter ("J."), or dotted capitals ("U.S").
	if utf8.RuneCountInString(tok) == 1 {
		r, _ := utf8.DecodeRuneInString(tok)
		if unicode.IsUpper(r) {
			// "you and I. Did you see Albert I. Jones?" An initial that
			// opens the sentence ("Q. What is his name?") is a label.
			return strings.TrimSpace(before[:j]) != "" && startsWithStarter(after)
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
			// "I live in the U.S. How about you?"
			return startsWithStarter(after)
		}
	}
	return true
}

// nameTitles are abbreviations that stand before a name ("Mr. I. Jones"):
// a stop after them never ends a sentence.
var nameTitles = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"sr": true, "jr": true, "gen": true, "col": true, "capt": true, "lt": true, "sgt": true, "rev": true,
	"hon": true, "gov": true, "sen": true, "rep": true, "pres": true, "messrs": true, "mme": true, "mlle": true,
	"г-н": true, "г-жа": true, "тов": true, "проф": true, "акад": true, "им": true}

// sentenceStarters are English words that open sentences far more often
// than they follow an abbreviation inside one: pronouns, determiners,
// question words, auxiliaries and sentence adverbs. After an abbreviation
// or an initial, one of them means a new sentence ("… the U.S. How …"),
// where a name does not ("… Albert I. Jones …").
var sentenceStarters = wordSet("i he she it we they you this that these those there the a an " +
	"how what when where who whom whose why which did do does is are was were has have had can could " +
	"will would should may might must however then but and so yet thus also still meanwhile moreover " +
	"nevertheless instead indeed besides furthermore in on at for if as after before since while " +
	"although though because once")

// startsWithStarter reports whether after, past spaces and opening quotes,
// starts with a capitalised sentence starter followed by a non-letter.
func startsWithStarter(after string) bool {
	after = strings.TrimLeftFunc(after, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(openers, r) })
	k := 0
	for k < len(after) {
		r, n := utf8.DecodeRuneInString(after[k:])
		if !unicode.IsLetter(r) && r != '\'' && r != '’' {
			break
		}
		k += n
	}
	w := after[:k]
	r, _ := utf8.DecodeRuneInString(w)
	return w != "" && unicode.IsUpper(r) && sentenceStarters[strings.ToLower(w)]
}

// listMarker reports whether the stop at i ends a list marker: a number of
// one to three digits or a single letter, alone after white space or a
// bullet ("1.", "b.", "• 9."). tok is the marker; at is -1 when it opens
// the sentence that starts at start, else the offset where the marker (and
// its bullet) starts.
func listMarker(text string, start, i int) (tok string, at int, ok bool) {
	j := i
	for j > start {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			break
		}
		j -= n
	}
	tok = text[j:i]
	if !isMarkerToken(tok) {
		return "", 0, false
	}
	k := j
	for k > start {
		r, n := utf8.DecodeLastRuneInString(text[:k])
		if !strings.ContainsRune(bullets+"–—-*", r) && !unicode.IsSpace(r) {
			break
		}
		k -= n
	}
	if k == start || strings.TrimSpace(text[start:k]) == "" {
		return tok, -1, true
	}
	if r, _ := utf8.DecodeLastRuneInString(text[:j]); !unicode.IsSpace(r) && !strings.ContainsRune(bullets, r) {
		return "", 0, false
	}
	// The marker's bullet, if any, goes with it.
	at = j
	for at > k {
		r, n := utf8.DecodeLastRuneInString(text[:at])
		if unicode.IsSpace(r) {
			break
		}
		at -= n
	}
	if b, n := utf8.DecodeLastRuneInString(text[:at]); unicode.IsSpace(b) {
		if r2, n2 := utf8.DecodeLastRuneInString(text[:at-n]); strings.ContainsRune(bullets, r2) {
			at -= n + n2
		}
	}
	return tok, at, true
}

// bullets are the characters that may stand before a list marker.
const bullets = "•‣⁃◦▪"

// isMarkerToken: one to three digits, or one lower-case Latin letter.
func isMarkerToken(tok string) bool {
	if tok == "" || len(tok) > 3 {
		return false
	}
	if len(tok) == 1 && tok[0] >= 'a' && tok[0] <= 'z' {
		return true
	}
	for k := 0; k < len(tok); k++ {
		if tok[k] < '0' || tok[k] > '9' {
			return false
		}
	}
	return true
}

// nextMarker is the marker that follows m in a list: "2" after "1", "c"
// after "b".
func nextMarker(m string) string {
	if len(m) == 1 && m[0] >= 'a' && m[0] < 'z' {
		return string(m[0] + 1)
	}
	n, _ := strconv.Atoi(m) // isMarkerToken: one to three digits
	return strconv.Itoa(n + 1)
}

// gluedSentence reports whether a stop with no space after it ends a
// sentence: the word before it is two letters or more ending in a
// lower-case letter, or a number ("bought 1,000.That"), and the word after
// it is a capitalised word of two letters or more ("world.Today", but not
// "U.S", "Node.js" or "3.5").
func gluedSentence(before, after string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	if !unicode.IsLower(r) && !unicode.IsDigit(r) {
		return false
	}
	if unicode.IsLower(r) {
		l, _ := utf8.DecodeLastRuneInString(before[:len(before)-utf8.RuneLen(r)])
		if !unicode.IsLetter(l) {
			return false
		}
	}
	if strings.Contains(before, "://") || strings.Contains(before, "www.") || strings.Contains(before, "@") {
		return false // a web or mail address
	}
	a, n := utf8.DecodeRuneInString(after)
	b, _ := utf8.DecodeRuneInString(after[n:])
	if !unicode.IsUpper(a) || !unicode.IsLower(b) {
		return false
	}
	// The word after ends at a space, or at punctuation that ends where a
	// space or the text does ("Tuesday.Mr. Smith"), not inside an address
	// ("Jane.Doe@example.com", "testurl.Awesome.com").
	k := 0
	for k < len(after) {
		r, m := utf8.DecodeRuneInString(after[k:])
		if !unicode.IsLetter(r) {
			break
		}
		k += m
	}
	rest := after[k:]
	for rest != "" {
		r, m := utf8.DecodeRuneInString(rest)
		if unicode.IsSpace(r) {
			return true
		}
		if !strings.ContainsRune(".,;:!?", r) {
			return false
		}
		rest = rest[m:]
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
