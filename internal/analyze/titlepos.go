package analyze

import "strings"

// English word classes from the part-of-speech lexicon (data/pos_en.tsv),
// for the shape of generated titles: a title is a noun phrase. Words the
// lexicon lacks (rare words, names, other languages) are judged by the
// older rules of thumb in title.go.

// posOf returns the part-of-speech counts of a lower-case word form.
func posOf(lw string) (posCounts, bool) {
	return lex().pos.get(lw)
}

func (c posCounts) total() float64 { return float64(c.noun + c.verb + c.adj + c.other) }

// mostlyVerb reports whether a lower-case word is nearly always a verb
// ("deserve", "emerge", "accused"); capitalised words are names.
func mostlyVerb(w string) bool {
	if w != strings.ToLower(w) {
		return false
	}
	c, ok := posOf(w)
	return ok && float64(c.verb) >= 0.6*c.total() && float64(c.noun) < 0.25*c.total()
}

// nounable reports whether a word can head a noun phrase: a name, a word
// the lexicon does not know, or one tagged a noun at least a quarter of
// the time.
func nounable(w string) bool {
	lw := strings.ToLower(w)
	if w != lw {
		return true
	}
	c, ok := posOf(lw)
	return !ok || float64(c.noun) >= 0.25*c.total()
}

// adjectiveHead reports whether a phrase ending in w lacks a head noun: w
// is mostly an adjective, or, for words the lexicon lacks, looks like one.
func adjectiveHead(w string) bool {
	lw := strings.ToLower(w)
	if c, ok := posOf(lw); ok && w == lw {
		return float64(c.adj) > float64(c.noun)
	}
	return looksAdjective(w)
}

// nounPhrase reports whether the words ws, between prev and next in their
// sentence (prev is "" at the start of the sentence, and for a stop word
// that opens it), can be a title: the last word can head a noun phrase, no word
// is a function word the stop list lacks (an adverb, a pronoun), and the
// phrase does not cut a name in two ("South Wales" out of "New South
// Wales", "Commonwealth Naval" out of "Commonwealth Naval Board").
func nounPhrase(ws []word, prev, next string) bool {
	last := ws[len(ws)-1].Text
	if !nounable(last) {
		return false
	}
	for _, w := range ws {
		lw := strings.ToLower(w.Text)
		if c, ok := posOf(lw); ok && w.Text == lw && float64(c.other) >= 0.7*c.total() {
			return false
		}
	}
	if isCapitalized(ws[0].Text) && prev != "" && isCapitalized(prev) {
		return false
	}
	if isCapitalized(last) && next != "" && isCapitalized(next) {
		return false
	}
	return true
}
