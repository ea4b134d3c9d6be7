package analyze

// This file holds what makes a sentence specific in an expository text: the
// facts it states (figures, dates, people, named bodies and places that are
// not the subject of the whole document).

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// factSpans maps a paragraph ID to the fact texts found in it, as written
// with runs of white space made single spaces. Places and organisations
// named in more than half of the paragraphs (the document's own subject) are
// left out: they make no sentence specific.
func factSpans(f *document.Facts, paras int) map[string][]string {
	out := map[string][]string{}
	add := func(para, text string) {
		text = strings.Join(strings.Fields(text), " ")
		if para != "" && text != "" {
			out[para] = append(out[para], text)
		}
	}
	if f == nil {
		return out
	}
	for _, x := range f.Figures {
		add(x.Paragraph, x.Text)
	}
	for _, x := range f.Timeline {
		add(x.Paragraph, x.Text)
	}
	local := func(ps []string) bool { return 2*len(ps) <= paras }
	for _, x := range f.People {
		for _, p := range x.Paragraphs {
			add(p, lastWord(x.Name))
		}
	}
	for _, x := range f.Organizations {
		if !local(x.Paragraphs) {
			continue
		}
		for _, p := range x.Paragraphs {
			add(p, x.Name)
			if x.Acronym != "" {
				add(p, x.Acronym)
			}
		}
	}
	for _, x := range f.Places {
		if !local(x.Paragraphs) {
			continue
		}
		for _, p := range x.Paragraphs {
			add(p, x.Name)
		}
	}
	return out
}

// lastWord is the last word of a name ("Nazarbayev"), which every mention
// of the person holds.
func lastWord(name string) string {
	fs := strings.Fields(name)
	if len(fs) == 0 {
		return ""
	}
	return fs[len(fs)-1]
}

// factCount is the number of distinct fact texts of its paragraph that a
// sentence holds.
func factCount(text string, spans []string) int {
	n := 0
	seen := map[string]bool{}
	for _, s := range spans {
		if !seen[s] && strings.Contains(text, s) {
			seen[s] = true
			n++
		}
	}
	return n
}

// rareShare is the share of a sentence's terms (stems of content words)
// found in at most a quarter of the paragraphs (at least one): words that
// say something particular rather than the document's running subject.
// paraDF counts paragraphs by stem.
func rareShare(text string, paraDF map[string]int, paras int, st stemmer) float64 {
	ts := st.terms(text)
	if len(ts) == 0 {
		return 0
	}
	limit := max(1, paras/4)
	n := 0
	for _, t := range ts {
		if paraDF[t] <= limit {
			n++
		}
	}
	return float64(n) / float64(len(ts))
}

// paragraphFrequency counts, for every stem, the units that hold it.
func paragraphFrequency(us []unit, st stemmer) map[string]int {
	df := map[string]int{}
	for _, u := range us {
		seen := map[string]bool{}
		for _, t := range st.terms(u.Text) {
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	return df
}
