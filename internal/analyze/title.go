package analyze

import (
	"math"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// phrase is a candidate title: a run of 1–4 content words inside one
// sentence, delimited by stop words, numbers and punctuation.
type phrase struct {
	key     string   // stems joined by spaces
	stems   []string //
	surface string   // first occurrence as written
	weight  float64  // occurrences, earlier sentences weigh more
	first   int      // order of first occurrence, for ties
	// adjEnd: the last word looks like an English adjective; verbStart: the
	// first word looks like a verb after its subject ("Kazakhstan develops").
	adjEnd, verbStart bool
}

const maxTitleWords = 4

// sectionTitles returns one title per section (bounds as from
// segmentChunks): the best phrase of the section by TF-IDF against the other
// sections, favouring its first sentences, phrases whose words recur and
// spread over the section's paragraphs (see topicality), distinct across
// sections.
func sectionTitles(cs []chunk, bounds []int, st stemmer) []string {
	ns := len(bounds)
	cands := make([][]*phrase, ns)
	tf := make([]map[string]float64, ns)
	df := map[string]int{}
	for i, b := range bounds {
		end := len(cs)
		if i+1 < ns {
			end = bounds[i+1]
		}
		var text strings.Builder
		for _, c := range cs[b:end] {
			text.WriteString(c.text)
			text.WriteString("\n\n")
		}
		cands[i] = candidatePhrases(text.String(), st)
		tf[i] = map[string]float64{}
		seen := map[string]bool{}
		for _, t := range st.terms(text.String()) {
			tf[i][t]++
			if !seen[t] {
				seen[t] = true
				df[t]++
			}
		}
	}
	ends := make([]int, ns)
	for i := range bounds {
		ends[i] = len(cs)
		if i+1 < ns {
			ends[i] = bounds[i+1]
		}
	}
	// In how many chunks of the whole document each term occurs.
	docFreq := map[string]int{}
	for _, c := range cs {
		for t := range c.terms {
			docFreq[t]++
		}
	}
	used := map[string]bool{}
	titles := make([]string, ns)
	for i := range bounds {
		// In how many of the section's chunks each term occurs, counted
		// once rather than per phrase.
		chunkFreq := map[string]int{}
		for _, c := range cs[bounds[i]:ends[i]] {
			for t := range c.terms {
				chunkFreq[t]++
			}
		}
		type scored struct {
			p *phrase
			s float64
		}
		var ss []scored
		for _, p := range cands[i] {
			sum := 0.0
			for _, st := range p.stems {
				idf := math.Log(float64(ns+1) / float64(df[st]))
				sum += math.Log1p(tf[i][st]) * idf
			}
			lenf := map[int]float64{1: 0.45, 2: 1, 3: 0.95, 4: 0.75}[len(p.stems)]
			lenf *= topicality(p.stems, tf[i], chunkFreq, ends[i]-bounds[i], df, ns)
			lenf *= particularity(p.stems, docFreq, len(cs))
			if p.adjEnd {
				lenf *= 0.3
			}
			if p.verbStart {
				lenf *= 0.3
			}
			ss = append(ss, scored{p, sum / math.Sqrt(float64(len(p.stems))) * lenf * math.Sqrt(p.weight)})
		}
		sort.SliceStable(ss, func(a, b int) bool {
			if ss[a].s != ss[b].s {
				return ss[a].s > ss[b].s
			}
			return ss[a].p.first < ss[b].p.first
		})
		for _, c := range ss {
			if overlapsUsed(c.p.stems, used) {
				continue
			}
			titles[i] = capitalizeFirst(c.p.surface)
			for _, st := range c.p.stems {
				used[st] = true
			}
			break
		}
		if titles[i] == "" {
			titles[i] = "Part " + string(rune('0'+min(i+1, 9)))
			if i+1 > 9 {
				titles[i] = "Part " + itoa(i+1)
			}
		}
	}
	return titles
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

// overlapsUsed reports whether every stem of a candidate is already in a
// title, or its head (last) word is: titles should differ in substance.
func overlapsUsed(stems []string, used map[string]bool) bool {
	if used[stems[len(stems)-1]] {
		return true
	}
	for _, s := range stems {
		if !used[s] {
			return false
		}
	}
	return true
}

// candidatePhrases lists the title candidates of a text, each once, in order
// of first occurrence.
func candidatePhrases(text string, st stemmer) []*phrase {
	byKey := map[string]*phrase{}
	var out []*phrase
	for si, s := range Sentences(text, "") {
		ws := words(s.Text)
		weight := 1.0
		if si < 2 {
			weight = 1.25
		}
		var run []int // indexes into ws of the current run of title words
		flush := func() {
			for i := range run {
				for n := 1; n <= maxTitleWords && i+n <= len(run); n++ {
					prev := ""
					if k := run[i]; k > 0 {
						prev = ws[k-1].Text
					}
					addPhrase(byKey, &out, s.Text, ws[run[i]:run[i]+n], prev, weight, st)
				}
			}
			run = run[:0]
		}
		for j, w := range ws {
			if j > 0 && !onlySpace(s.Text[ws[j-1].End:w.Start]) {
				flush()
			}
			if !titleWord(w.Text) {
				flush()
				continue
			}
			run = append(run, j)
		}
		flush()
	}
	return out
}

var adjSuffixes = []string{"al", "ic", "ive", "ous", "ful", "able", "ible", "ary", "less", "ian", "ish"}

func looksAdjective(w string) bool {
	lw := strings.ToLower(w)
	if w != lw || len(lw) < 5 {
		return false
	}
	for _, s := range adjSuffixes {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

// looksVerbAfterSubject reports whether w, following prev, reads as a verb
// in the third person: "Kazakhstan develops", "successfully develops".
func looksVerbAfterSubject(prev, w string) bool {
	lw := strings.ToLower(w)
	if w != lw || !strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ss") || prev == "" {
		return false
	}
	lp := strings.ToLower(prev)
	switch lp {
	case "it", "he", "she", "which", "who", "that", "this":
		return true
	}
	return strings.HasSuffix(lp, "ly") || (isCapitalized(prev) && !isStop(lp))
}

func addPhrase(byKey map[string]*phrase, out *[]*phrase, text string, ws []word, prev string, weight float64, st stemmer) {
	first, last := ws[0].Text, ws[len(ws)-1].Text
	// Adverbs and participles make poor titles at either end of a phrase.
	for _, e := range []string{first, last} {
		le := strings.ToLower(e)
		if e == le && (strings.HasSuffix(le, "ly") || strings.HasSuffix(le, "ed") || strings.HasSuffix(le, "ing")) {
			return
		}
	}
	stems := make([]string, len(ws))
	for i, w := range ws {
		stems[i] = st.stem(w.Text)
	}
	key := strings.Join(stems, " ")
	p := byKey[key]
	if p == nil {
		p = &phrase{key: key, stems: stems, surface: text[ws[0].Start:ws[len(ws)-1].End], first: len(*out),
			adjEnd: looksAdjective(last), verbStart: looksVerbAfterSubject(prev, first)}
		byKey[key] = p
		*out = append(*out, p)
	}
	p.weight += weight
}

// titleWord reports whether w may be part of a title phrase: a word with
// letters that is not a stop word.
func titleWord(w string) bool {
	lw := strings.ToLower(w)
	if !hasLetter(w) || isStop(lw) || utf8.RuneCountInString(w) < 2 {
		return false
	}
	for _, r := range w {
		if unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func onlySpace(s string) bool {
	for _, r := range s {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

func capitalizeFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// topicality scales a title candidate by how much it names what the section
// is about. A phrase none of whose words recurs in the section (tf < 2) is
// a phrase from a single clause ("necessary requirement") and weighs a
// third; the phrase gains with the share of the section's paragraphs that
// hold its head (last) word; and a phrase made only of words found in
// every section ("Kazakhstan") names the document, not the section.
func topicality(stems []string, tf map[string]float64, chunkFreq map[string]int, chunks int, df map[string]int, ns int) float64 {
	f := 1.0
	recurs, everywhere := false, true
	for _, s := range stems {
		if tf[s] >= 2 {
			recurs = true
		}
		if df[s] < ns {
			everywhere = false
		}
	}
	if !recurs {
		f *= 0.35
	}
	if everywhere && ns > 1 {
		f *= 0.3
	}
	if chunks > 1 {
		in := chunkFreq[stems[len(stems)-1]]
		f *= 0.6 + 0.4*float64(in)/float64(chunks)
	}
	return f
}

// particularity scales a title candidate by how particular its words are
// to a few paragraphs: 1 minus half the mean share of the document's chunks
// that hold each word (halved so that a section about the document's
// subject may still be titled by it). A modifier from the document's running vocabulary
// ("economic", said in most paragraphs) names the section less well than
// one said in few, even when sections as wholes share both.
func particularity(stems []string, docFreq map[string]int, chunks int) float64 {
	if chunks < 2 || len(stems) == 0 {
		return 1
	}
	share := 0.0
	for _, s := range stems {
		share += float64(docFreq[s]) / float64(chunks)
	}
	return 1 - 0.5*share/float64(len(stems))
}
