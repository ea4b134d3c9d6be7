package analyze

import (
	"math"
	"sort"
	"strconv"
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
	// paras is the number of the section's chunks that hold the phrase.
	paras int
	// fallback marks a poor title, used only when a section has no other
	// candidate: a bare acronym, a phrase with a verb in it, or a name
	// (every word capitalised) said in one paragraph of a longer section.
	fallback bool
}

const maxTitleWords = 4

// singleMargin is how much of the best single word's score a multi-word
// candidate needs to be preferred to it: titles should be phrases.
const singleMargin = 0.5

// sectionTitles returns one title per section (bounds as from
// segmentChunks): the best phrase of the section by TF-IDF against the other
// sections, favouring its first sentences, phrases whose words recur and
// spread over the section's paragraphs (see topicality), distinct across
// sections. Poor candidates (see phrase.fallback) are used only when
// nothing else is left, and a single word only when no phrase of two or
// more words scores within singleMargin of it.
func sectionTitles(cs []chunk, bounds []int, st stemmer) []string {
	ns := len(bounds)
	ends := make([]int, ns)
	for i := range bounds {
		ends[i] = len(cs)
		if i+1 < ns {
			ends[i] = bounds[i+1]
		}
	}
	cands := make([][]*phrase, ns)
	tf := make([]map[string]float64, ns)
	df := map[string]int{}
	for i, b := range bounds {
		cands[i] = sectionPhrases(cs[b:ends[i]], st)
		tf[i] = map[string]float64{}
		for _, c := range cs[b:ends[i]] {
			for t, n := range c.terms {
				tf[i][t] += float64(n)
			}
		}
		for t := range tf[i] {
			df[t]++
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
		chunks := ends[i] - bounds[i]
		// In how many of the section's chunks each term occurs, counted
		// once rather than per phrase.
		chunkFreq := map[string]int{}
		for _, c := range cs[bounds[i]:ends[i]] {
			for t := range c.terms {
				chunkFreq[t]++
			}
		}
		var ss []scoredPhrase
		for _, p := range cands[i] {
			sum := 0.0
			for _, st := range p.stems {
				idf := math.Log(float64(ns+1) / float64(df[st]))
				sum += math.Log1p(tf[i][st]) * idf
			}
			lenf := map[int]float64{1: 0.45, 2: 1, 3: 0.95, 4: 0.75}[len(p.stems)]
			lenf *= topicality(p.stems, tf[i], chunkFreq, chunks, df, ns)
			lenf *= particularity(p.stems, docFreq, len(cs))
			if p.adjEnd {
				lenf *= 0.3
			}
			if p.verbStart {
				lenf *= 0.3
			}
			if chunks > 1 {
				// A phrase said across the section names it better than one
				// said in a single paragraph.
				lenf *= 0.7 + 0.3*float64(p.paras)/float64(chunks)
			}
			ss = append(ss, scoredPhrase{p, sum / math.Sqrt(float64(len(p.stems))) * lenf * math.Sqrt(p.weight)})
		}
		sort.SliceStable(ss, func(a, b int) bool {
			if ss[a].p.fallback != ss[b].p.fallback {
				return !ss[a].p.fallback
			}
			if ss[a].s != ss[b].s {
				return ss[a].s > ss[b].s
			}
			return ss[a].p.first < ss[b].p.first
		})
		if p := pickTitle(ss, used); p != nil {
			titles[i] = capitalizeFirst(p.surface)
			for _, st := range p.stems {
				used[st] = true
			}
		} else {
			titles[i] = "Part " + strconv.Itoa(i+1)
		}
	}
	return titles
}

// scoredPhrase is a title candidate with its score.
type scoredPhrase struct {
	p *phrase
	s float64
}

// pickTitle returns the first candidate of ss (sorted best first, fallback
// candidates last) that does not repeat a title already used, or a phrase
// of several words from the same class within singleMargin of it when that
// candidate is a single word; nil when every candidate is used.
func pickTitle(ss []scoredPhrase, used map[string]bool) *phrase {
	for k, c := range ss {
		if overlapsUsed(c.p.stems, used) {
			continue
		}
		if len(c.p.stems) > 1 {
			return c.p
		}
		for _, d := range ss[k+1:] {
			if d.p.fallback != c.p.fallback || d.s < singleMargin*c.s {
				break
			}
			if len(d.p.stems) > 1 && !overlapsUsed(d.p.stems, used) {
				return d.p
			}
		}
		return c.p
	}
	return nil
}

// sectionPhrases lists the title candidates of a section's chunks, each
// once, in order of first occurrence, with the number of chunks that hold
// each (phrase.paras). A candidate counts as a verb phrase (verbStart) only
// when every occurrence reads so, and as a name said once (fallback) only
// when the section has several chunks and the name is in one of them.
func sectionPhrases(cs []chunk, st stemmer) []*phrase {
	byKey := map[string]*phrase{}
	var out []*phrase
	for _, c := range cs {
		for _, q := range candidatePhrases(c.text, st) {
			p := byKey[q.key]
			if p == nil {
				p = q
				p.paras = 0
				p.first = len(out)
				byKey[q.key] = p
				out = append(out, p)
			} else {
				p.weight += q.weight
				p.verbStart = p.verbStart && q.verbStart
				p.fallback = p.fallback && q.fallback
			}
			p.paras++
		}
	}
	for _, p := range out {
		if !p.fallback && len(cs) > 1 && p.paras == 1 && allCapitalized(p.surface) {
			p.fallback = true
		}
	}
	return out
}

// allCapitalized reports whether every word of s starts with a capital:
// a name ("Poplar Springs Drive"), not what a section is about.
func allCapitalized(s string) bool {
	for _, w := range words(s) {
		if !isCapitalized(w.Text) {
			return false
		}
	}
	return true
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
					prev, next := "", ""
					if k := run[i]; k > 0 {
						prev = ws[k-1].Text
						if k == 1 && isStop(strings.ToLower(prev)) {
							prev = "" // "In Germany": a capital only because it opens the sentence
						}
					}
					if k := run[i] + n; k < len(ws) {
						next = ws[k].Text
					}
					addPhrase(byKey, &out, s.Text, ws[run[i]:run[i]+n], prev, next, weight, st)
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

// nonHeads are common English adjectives that are not also nouns: a phrase
// that ends in one ("daughter's best") has no head noun.
var nonHeads = wordSet("best worst better worse good bad great greater high higher low lower large larger " +
	"small smaller big bigger early earlier late major minor various certain different similar " +
	"important possible available likely recent current entire significant")

func looksAdjective(w string) bool {
	lw := strings.ToLower(w)
	if nonHeads[lw] {
		return true
	}
	if w != lw {
		// A capitalised adjective of nationality: "Indonesian", "Korean".
		return len(lw) >= 5 && (strings.HasSuffix(lw, "ian") || strings.HasSuffix(lw, "ean") || strings.HasSuffix(lw, "ese"))
	}
	if len(lw) < 5 {
		return false
	}
	for _, s := range adjSuffixes {
		if strings.HasSuffix(lw, s) {
			return true
		}
	}
	return false
}

// lyNouns are common nouns that end like adverbs in -ly.
var lyNouns = wordSet("supply family assembly ally rally reply monopoly anomaly butterfly jelly belly fly")

// commonVerbs are frequent English verb forms that are seldom nouns; a
// phrase holding one ("runs north", "took place") is a clause fragment,
// not a name for a topic.
var commonVerbs = wordSet("run runs ran take takes took taken become became begin begins began begun " +
	"remain remains serve serves continue continues provide provides require requires allow allows " +
	"lead leads led move moves show shows shown seem come comes came went gave held built won wrote written " +
	"saw seen known found cease ceases consist consists contain contains describe describes receive receives " +
	"represent represents refer refers occur occurs exist exists appear appears create creates keep keeps kept " +
	"bring brings brought think thinks thought felt meant stood rose fell grew grows knew spent sent paid met " +
	"dominate dominates tend tends includes including argue argues argued caught taught bought fought sought " +
	"drew drove threw wore chose spoke broke struck sang sold told")

// ruVerbEndings are endings of Russian infinitives, reflexive and
// present-tense verbs (5 letters or more), for the head of a phrase.
var ruVerbEndings = []string{"ться", "тся", "ать", "ять", "ить", "еть", "ует", "уют", "ает", "яет", "ают", "яют"}

// looksVerb reports whether w is a common English verb form or, as the head
// of a phrase, a Russian verb.
func looksVerb(w string, head bool) bool {
	lw := strings.ToLower(w)
	if commonVerbs[lw] {
		return true
	}
	if !head || !isCyrillic(lw) || utf8.RuneCountInString(lw) < 5 {
		return false
	}
	for _, e := range ruVerbEndings {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}

// functionWords delimit title phrases like stop words: prepositions and
// adverbs that the stop list lacks.
var functionWords = wordSet("alongside despite henceforth hitherto afterward onward onwards inside outside " +
	"near nearly around amid amidst beneath unlike versus already ago else")

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// looksVerbAfterSubject reports whether w, following prev, reads as a verb
// in the third person: "Kazakhstan develops", "successfully develops".
//
// After a personal pronoun or a modal verb ("he caught", "must pay") any
// lower-case word reads as a verb.
func looksVerbAfterSubject(prev, w string) bool {
	lw := strings.ToLower(w)
	if w != lw || prev == "" {
		return false
	}
	lp := strings.ToLower(prev)
	if verbLeads[lp] {
		return true
	}
	if !strings.HasSuffix(lw, "s") || strings.HasSuffix(lw, "ss") {
		return false
	}
	switch lp {
	case "it", "he", "she", "which", "who", "that", "this":
		return true
	}
	return strings.HasSuffix(lp, "ly") || (isCapitalized(prev) && !isStop(lp) && !possessive(lp))
}

// verbLeads are the words after which a lower-case word is a verb: personal
// pronouns and modal verbs.
var verbLeads = wordSet("i he she we they you will would can could may might must should shall cannot did does do")

// possessive reports whether the lower-case word w ends in 's.
func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// innerVerb reports whether a phrase holds, after its first word, a verb
// read from the word before it (see looksVerbAfterSubject; a capitalised
// word at the start of the sentence, atStart, is no subject then) or a
// lower-case past form after a name ("Turan cited").
func innerVerb(ws []word, atStart bool) bool {
	for i := 1; i < len(ws); i++ {
		prev, w := ws[i-1].Text, ws[i].Text
		if verbLeads[strings.ToLower(prev)] || (!(atStart && i == 1) && pastAfterName(prev, w)) {
			return true
		}
	}
	return false
}

// pastAfterName reports whether w is a lower-case word in -ed after a
// capitalised word that is not a possessive: "Cannava selected".
func pastAfterName(prev, w string) bool {
	lw, lp := strings.ToLower(w), strings.ToLower(prev)
	return w == lw && strings.HasSuffix(lw, "ed") && isCapitalized(prev) && !possessive(lp)
}

func addPhrase(byKey map[string]*phrase, out *[]*phrase, text string, ws []word, prev, next string, weight float64, st stemmer) {
	first, last := ws[0].Text, ws[len(ws)-1].Text
	if !nounPhrase(ws, prev, next) {
		return
	}
	// A title names what a section is about; an evaluative word ("good
	// relations", "major problems", "new ideas") says what someone thinks
	// of it, and the phrase's other candidates are better titles.
	if len(ws) > 1 && evaluative[strings.ToLower(first)] {
		return
	}
	// Adverbs and participles make poor titles at either end of a phrase.
	for _, e := range []string{first, last} {
		le := strings.ToLower(e)
		if e == le && ((strings.HasSuffix(le, "ly") && !lyNouns[le]) || strings.HasSuffix(le, "ed") || strings.HasSuffix(le, "ing")) {
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
		// A bare acronym, an inner verb or a possessive head ("Lester's")
		// make poor titles.
		fallback := (len(ws) == 1 && isAcronym(first)) || innerVerb(ws, prev == "") || possessive(strings.ToLower(last))
		for i, w := range ws {
			fallback = fallback || looksVerb(w.Text, i == len(ws)-1) || mostlyVerb(w.Text)
		}
		p = &phrase{key: key, stems: stems, surface: text[ws[0].Start:ws[len(ws)-1].End], first: len(*out),
			adjEnd: adjectiveHead(last), verbStart: looksVerbAfterSubject(prev, first), fallback: fallback}
		byKey[key] = p
		*out = append(*out, p)
	}
	p.weight += weight
}

// titleWord reports whether w may be part of a title phrase: a word with
// letters and no digits that is not a stop or function word, nor a
// lower-case word of two letters (a unit: "km", "sq mi").
func titleWord(w string) bool {
	lw := strings.ToLower(w)
	n := utf8.RuneCountInString(w)
	if !hasLetter(w) || isStop(lw) || functionWords[lw] || n < 2 || (n == 2 && w == lw) {
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

// evaluative are English adjectives that judge, rank or quantify rather
// than classify: "good" or "major" relations say nothing of which
// relations a section is about; "diplomatic" ones do.
var evaluative = map[string]bool{
	"good": true, "bad": true, "better": true, "best": true, "worse": true, "worst": true,
	"great": true, "greater": true, "greatest": true, "new": true, "old": true, "big": true,
	"small": true, "large": true, "little": true, "major": true, "minor": true, "main": true,
	"important": true, "significant": true, "key": true, "real": true, "true": true,
	"various": true, "different": true, "other": true, "certain": true, "several": true,
	"many": true, "numerous": true, "further": true, "additional": true, "special": true,
	"particular": true, "general": true, "whole": true, "full": true, "high": true, "low": true,
	"strong": true, "weak": true, "successful": true, "active": true, "positive": true,
	"negative": true, "nice": true, "fine": true, "excellent": true, "huge": true, "serious": true,
	"necessary": true, "possible": true, "obvious": true, "clear": true, "simple": true,
	"friendly": true, "close": true, "same": true, "similar": true, "own": true, "entire": true,
}
