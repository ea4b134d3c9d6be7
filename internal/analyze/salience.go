package analyze

// This file holds the sentence features the summary weighs besides
// centrality: document shape, informativeness, back references.

import (
	"strings"
	"unicode"
)

// expository reports whether a text has the shape of an expository essay or
// report — several paragraphs of several sentences each — in which a
// paragraph's first sentence usually states its topic. News copy (one or
// two sentences a paragraph, or one block) does not qualify, nor does a
// text with direct speech in a tenth or more of its sentences (reporting),
// nor one that opens with a one-sentence paragraph (a news lede).
func expository(us []unit) bool {
	paras, sents, quoted := 0, 0, 0
	for _, u := range us {
		if len(u.Sents) == 0 {
			continue
		}
		if paras == 0 && len(u.Sents) < 2 {
			return false
		}
		paras++
		sents += len(u.Sents)
		for _, s := range u.Sents {
			if strings.ContainsAny(s.Text, "\"“”«»") {
				quoted++
			}
		}
	}
	return paras >= 4 && sents >= 3*paras && 10*quoted < sents
}

// informativeness is the share of a sentence's words that carry specific
// content a briefing reader looks for — numbers and dates, and capitalised
// words inside the sentence (names of people, places, organisations) —
// scaled to 0–1, reaching 1 at one such word in four. Names that common
// reports (the document's own subject, found in many sentences) do not count.
func informativeness(text string, common func(string) bool) float64 {
	ws := words(text)
	if len(ws) == 0 {
		return 0
	}
	n := 0
	for i, w := range ws {
		switch {
		case strings.IndexFunc(w.Text, unicode.IsDigit) >= 0:
			n++
		case i > 0 && isCapitalized(w.Text) && !isStop(strings.ToLower(w.Text)) && !common(w.Text):
			n++
		}
	}
	return min(1, 4*float64(n)/float64(len(ws)))
}

// connectives are sentence openings that point back to what was said
// before ("Thus", "Therefore"); a sentence that opens with one reads badly
// on its own in a summary. Lower case; matched against the first word.
var connectives = map[string]bool{
	"thus": true, "hence": true, "therefore": true, "consequently": true, "moreover": true,
	"furthermore": true, "besides": true, "accordingly": true, "also": true,
	"поэтому": true, "следовательно": true, "кроме": true, "также": true, "итак": true,
	"сондықтан": true, "сонымен": true,
}

// demonstratives open a sentence with a noun phrase that refers back
// ("These decisions", "This policy"); "This is …" and "It …" are left alone,
// since news copy opens many good sentences that way.
var demonstratives = map[string]bool{
	"this": true, "these": true, "those": true, "such": true,
	"этот": true, "эта": true, "это": true, "эти": true, "такой": true, "такие": true,
	"бұл": true, "осы": true, "мұндай": true,
}

// refersBack reports whether a sentence opens with a connective or a
// demonstrative noun phrase that refers to earlier text.
func refersBack(text string) bool {
	ws := words(text)
	if len(ws) == 0 {
		return false
	}
	w := strings.ToLower(ws[0].Text)
	if connectives[w] {
		return true
	}
	return demonstratives[w] && len(ws) > 1 && !isStop(strings.ToLower(ws[1].Text))
}

// commonTerms returns a test for words whose stem occurs in more than a
// fifth of the candidate sentences (at least three): the subject of the
// document rather than specific content. df counts sentences by stem.
func commonTerms(df map[string]int, sentences int, st stemmer) func(string) bool {
	limit := max(3, sentences/5)
	return func(w string) bool { return df[st.stem(strings.ToLower(w))] > limit }
}
