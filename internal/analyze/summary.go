package analyze

import (
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// summaryCount is the automatic number of summary sentences for a text of
// the given length: 3 up to 2000 words, one more each time the length
// doubles, at most 7.
func summaryCount(words int) int {
	n := 3
	for w := 2000; w <= words && n < 7; w *= 2 {
		n++
	}
	return n
}

// candidate is a sentence that may enter the summary.
type candidate struct {
	text string
	para string
	unit int  // index of its paragraph among the units
	sec  int  // index of its top-level section
	pos  int  // index among all sentences of the document
	lead bool // first sentence of its paragraph
	// abstract is set for a sentence of the document's own summary (an
	// Abstract, Executive summary… section): such sentences come first.
	abstract bool
	vec      sparse
	cent     float64 // centrality, 0–1
	facts    int     // facts the sentence states (expository texts)
	rare     float64 // share of its terms rare in the document (expository texts)
	score    float64
}

// Summary tuning. The graph is built in groups of at most graphGroup
// sentences so that the cost stays linear in the length of a book.
const (
	graphGroup    = 150  // sentences per LexRank graph
	groupKeep     = 6    // best sentences a group passes on to the final graph
	finalGraph    = 600  // most sentences in the final graph across groups
	simThreshold  = 0.08 // cosine below which two sentences are not linked
	damping       = 0.85
	lexRankRounds = 40
	mmrPool       = 60
	// priorWeight is the weight of the position prior against centrality
	// in a text that is one paragraph; with p paragraphs it is divided by
	// √p, since the key points of a structured text are spread over it.
	priorWeight = 0.6
	priorDecay  = 10   // the prior halves about 0.3 of the way into the text
	mmrLambda   = 0.7  // weight of relevance against redundancy
	redFloor    = 0.25 // similarity below which sentences are not redundant
	paraPenalty = 0.1  // for a second sentence from one paragraph
	// nearDuplicate is the similarity at which a sentence repeats one
	// already chosen and is never picked.
	nearDuplicate = 0.9
	// topicBonus is added to the score of a paragraph's first sentence in
	// an expository text (see expository): there it states the topic.
	// Larger values cost news-like texts on the dev set.
	topicBonus = 0.07
	// infoWeight is the weight of informativeness (numbers, names).
	infoWeight = 0.05
	// backPenalty is the share of the score a sentence loses when it opens
	// by referring back ("Thus", "These decisions").
	backPenalty = 0.3
	// genericPenalty is the share of the score an expository sentence loses
	// when it states no fact (figure, date, person, local name; see
	// factSpans) and holds no number or name. A bonus for facts instead
	// cost Wikipedia leads on the dev set.
	genericPenalty = 0.3
	// rareWeight is the weight, in an expository text, of the share of a
	// sentence's terms that are rare in the document (see rareShare).
	// Evaluative sentences made of the document's running vocabulary
	// ("Favourable conditions have been created for the development of …")
	// score low; on the dev set this raised Wikipedia leads.
	rareWeight = 0.3
)

// summarize picks n sentences (0 = automatic) by LexRank centrality over
// TF-IDF cosine similarities, blended with a position prior, a topic-sentence
// prior for expository texts and a small bonus for informative sentences,
// less for sentences that open by referring back; in expository texts,
// sentences with specific content (facts, words rare in the document) gain
// over generic ones; then it removes
// redundancy with MMR and spreads the picks over the paragraphs. The result
// is in source order; ties are broken by position.
func summarize(us []unit, n int, facts *document.Facts) []document.SummarySentence {
	cands, words := scoreCandidates(us, facts)
	if n <= 0 {
		n = summaryCount(words)
	}
	if len(cands) == 0 {
		return nil
	}
	paras := len(us)
	// The document's own summary is the strongest candidate: its best
	// sentences come first, the rest of the text fills what is left.
	var own, rest []*candidate
	for _, c := range cands {
		if c.abstract {
			own = append(own, c)
		} else {
			rest = append(rest, c)
		}
	}
	picked := pickMMR(own, n, paras, nil)
	picked = pickMMR(rest, n, paras, picked)
	sort.Slice(picked, func(a, b int) bool { return picked[a].pos < picked[b].pos })
	out := make([]document.SummarySentence, len(picked))
	for i, p := range picked {
		out[i] = document.SummarySentence{Text: p.text, Paragraph: p.para}
	}
	return out
}

// scoreCandidates lists the sentences that may enter the summary with their
// scores, and counts the words of the text.
func scoreCandidates(us []unit, facts *document.Facts) ([]*candidate, int) {
	st := stemmer{}
	var cands []*candidate
	words, pos := 0, 0
	for ui, u := range us {
		for si, s := range u.Sents {
			pos++
			nw := document.CountWords(s.Text)
			words += nw
			if nw < 4 || !hasLetter(s.Text) || u.Role == roleMatter || u.Short || notKeyPoint(s.Text) {
				continue
			}
			cands = append(cands, &candidate{text: strings.Join(strings.Fields(s.Text), " "), para: u.ID, unit: ui, sec: u.Sec, pos: pos - 1, lead: si == 0,
				abstract: u.Role == roleAbstract})
		}
	}
	if len(cands) == 0 {
		return nil, words
	}
	df := vectorize(cands, st)
	rankCandidates(cands)

	total := float64(pos)
	paras := len(us)
	// The position prior matters for news (the point comes first) and
	// fades for long, many-paragraph documents, whose key points are spread.
	alpha := priorWeight
	if paras > 1 {
		alpha /= math.Sqrt(float64(paras))
	}
	expo := expository(us)
	common := commonTerms(df, len(cands), st)
	var spans map[string][]string
	var pdf map[string]int
	if expo {
		spans = factSpans(facts, paras)
		pdf = paragraphFrequency(us, st)
	}
	for _, c := range cands {
		prior := 1 / math.Sqrt(1+float64(c.pos)*priorDecay/math.Max(total, 10))
		nw := document.CountWords(c.text)
		lenf := 1.0
		switch {
		case nw < 8:
			lenf = 0.6
		case nw > 55:
			lenf = 0.75
		}
		c.score = ((1-alpha)*c.cent + alpha*prior) * lenf
		if expo && c.lead {
			c.score += topicBonus
		}
		if expo {
			k := factCount(c.text, spans[c.para])
			c.facts = k
			c.rare = rareShare(c.text, pdf, paras, st)
			c.score += rareWeight * c.rare
			if k == 0 && informativeness(c.text, common) == 0 {
				c.score *= 1 - genericPenalty
			}
		}
		c.score += infoWeight * informativeness(c.text, common)
		if refersBack(c.text) {
			c.score *= 1 - backPenalty
		}
	}
	return cands, words
}

// vectorize gives every candidate its TF-IDF vector, normalised to length 1,
// and returns the number of candidates each stem occurs in.
func vectorize(cands []*candidate, st stemmer) map[string]int {
	ids := map[string]int32{}
	var df []int
	// Each candidate's term IDs, sorted: equal IDs are adjacent, so their
	// counts are run lengths (no map per sentence).
	termIDs := make([][]int32, len(cands))
	for i, c := range cands {
		ts := st.terms(c.text)
		row := make([]int32, 0, len(ts))
		for _, t := range ts {
			id, ok := ids[t]
			if !ok {
				id = int32(len(df))
				ids[t] = id
				df = append(df, 0)
			}
			row = append(row, id)
		}
		slices.Sort(row)
		for k, id := range row {
			if k == 0 || row[k-1] != id {
				df[id]++
			}
		}
		termIDs[i] = row
	}
	N := float64(len(cands))
	for i, c := range cands {
		row := termIDs[i]
		v := make(sparse, 0, len(row))
		for k := 0; k < len(row); {
			id, f := row[k], 0
			for k < len(row) && row[k] == id {
				f++
				k++
			}
			w := (1 + math.Log(float64(f))) * math.Log(1+N/float64(df[id]))
			v = append(v, entry{id, w})
		}
		norm := 0.0
		for _, e := range v {
			norm += e.w * e.w
		}
		if norm > 0 {
			norm = math.Sqrt(norm)
			for k := range v {
				v[k].w /= norm
			}
		}
		c.vec = v
	}
	byStem := make(map[string]int, len(ids))
	for t, id := range ids {
		byStem[t] = df[id]
	}
	return byStem
}

// sparse is a vector as (term ID, weight) entries sorted by ID.
type sparse []entry

type entry struct {
	id int32
	w  float64
}

// dot is the dot product of two sparse vectors, by merging their entries.
func (a sparse) dot(b sparse) float64 {
	s := 0.0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			s += a[i].w * b[j].w
			i++
			j++
		}
	}
	return s
}

// rankCandidates sets cent of every candidate: LexRank within groups of at
// most graphGroup consecutive sentences (see groups), then, for long texts,
// LexRank again over the best groupKeep of each group, at most finalGraph
// of them (the most central within their groups). Building a graph is
// quadratic in its size, so the cost is O(sentences × graphGroup) for the
// groups plus O(finalGraph²) for the final graph: linear in the length of
// the text however many sections it has.
func rankCandidates(cands []*candidate) {
	if len(cands) <= graphGroup {
		setCentrality(cands, lexRank(cands))
		return
	}
	var finals []*candidate
	for _, g := range groups(cands) {
		setCentrality(g, lexRank(g))
		best := make([]*candidate, len(g))
		copy(best, g)
		sort.SliceStable(best, func(a, b int) bool { return best[a].cent > best[b].cent })
		finals = append(finals, best[:min(groupKeep, len(best))]...)
	}
	if len(finals) > finalGraph {
		sort.SliceStable(finals, func(a, b int) bool {
			if finals[a].cent != finals[b].cent {
				return finals[a].cent > finals[b].cent
			}
			return finals[a].pos < finals[b].pos
		})
		finals = finals[:finalGraph]
	}
	for _, c := range cands {
		c.cent *= 0.5 // local centrality counts half
	}
	sort.Slice(finals, func(a, b int) bool { return finals[a].pos < finals[b].pos })
	global := lexRank(finals)
	mx := maxOf(global)
	for i, c := range finals {
		if mx > 0 {
			c.cent += 0.5 * global[i] / mx
		}
	}
}

func setCentrality(cs []*candidate, r []float64) {
	mx := maxOf(r)
	for i, c := range cs {
		c.cent = 0
		if mx > 0 {
			c.cent = r[i] / mx
		}
	}
}

func maxOf(xs []float64) float64 {
	m := 0.0
	for _, x := range xs {
		m = math.Max(m, x)
	}
	return m
}

// lexRank is continuous LexRank (Erkan & Radev 2004): the stationary
// distribution of a random walk over the cosine-similarity graph of the
// sentences, with links below simThreshold dropped.
func lexRank(cs []*candidate) []float64 {
	n := len(cs)
	type link struct {
		j int
		w float64
	}
	adj := make([][]link, n) // adj[i]: the sentences linked to i
	deg := make([]float64, n)
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := cs[i].vec.dot(cs[j].vec)
			if s < simThreshold {
				continue
			}
			adj[i] = append(adj[i], link{j, s})
			adj[j] = append(adj[j], link{i, s})
			deg[i] += s
			deg[j] += s
		}
	}
	// Turn weights into transition probabilities w(j→i)/deg(j).
	for i := range adj {
		for k := range adj[i] {
			adj[i][k].w /= deg[adj[i][k].j]
		}
	}
	p := make([]float64, n)
	for i := range p {
		p[i] = 1 / float64(n)
	}
	next := make([]float64, n)
	for round := 0; round < lexRankRounds; round++ {
		dangling := 0.0
		for j := 0; j < n; j++ {
			if deg[j] == 0 {
				dangling += p[j]
			}
		}
		for i := 0; i < n; i++ {
			s := 0.0
			for _, l := range adj[i] {
				s += l.w * p[l.j]
			}
			next[i] = (1-damping)/float64(n) + damping*(s+dangling/float64(n))
		}
		p, next = next, p
	}
	return p
}

// pickMMR chooses n candidates by maximal marginal relevance: score minus
// the similarity to what is already chosen, minus a small penalty for a
// paragraph that already gave a sentence when the text has paragraphs to
// spare.
// The candidates already picked count as chosen: pickMMR adds to them
// until there are n.
func pickMMR(cands []*candidate, n, paras int, picked []*candidate) []*candidate {
	pool := make([]*candidate, len(cands))
	copy(pool, cands)
	sort.SliceStable(pool, func(a, b int) bool { return pool[a].score > pool[b].score })
	if len(pool) > mmrPool {
		pool = pool[:mmrPool]
	}
	penalty := 0.0
	if paras >= 2*n {
		penalty = paraPenalty
	}
	usedPara := map[int]bool{}
	for _, p := range picked {
		usedPara[p.unit] = true
	}
	used := make([]bool, len(pool))
	for len(picked) < n {
		best, bestV := -1, math.Inf(-1)
		for i, c := range pool {
			if used[i] {
				continue
			}
			red := 0.0
			for _, p := range picked {
				red = math.Max(red, c.vec.dot(p.vec))
			}
			if red >= nearDuplicate {
				continue
			}
			red = math.Max(0, red-redFloor) / (1 - redFloor)
			v := mmrLambda*c.score - (1-mmrLambda)*red
			if usedPara[c.unit] {
				v -= penalty
			}
			if v > bestV || (v == bestV && c.pos < pool[best].pos) {
				best, bestV = i, v
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		usedPara[pool[best].unit] = true
		picked = append(picked, pool[best])
	}
	return picked
}

// dotSorted is the dot product of two sparse vectors, summed in key order
// so that the result does not depend on map iteration.
func dotSorted(a, b map[string]float64) float64 {
	if len(a) > len(b) {
		a, b = b, a
	}
	keys := make([]string, 0, len(a))
	for k := range a {
		if _, ok := b[k]; ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	s := 0.0
	for _, k := range keys {
		s += a[k] * b[k]
	}
	return s
}

// groups splits the candidates into runs of consecutive sentences of at
// most graphGroup sentences, so a book is summarised part by part and then
// across. A group ends at a top-level section boundary unless the next
// section still fits in it: short consecutive sections (a book of many
// brief chapters) share a group, and a long section fills groups of its own.
func groups(cands []*candidate) [][]*candidate {
	var out [][]*candidate
	lo := 0
	for i := 0; i < len(cands); {
		// The section that starts at i ends at j.
		j := i + 1
		for j < len(cands) && cands[j].sec == cands[i].sec {
			j++
		}
		if i > lo && j-lo > graphGroup {
			out = append(out, cands[lo:i])
			lo = i
		}
		for j-lo > graphGroup {
			out = append(out, cands[lo:lo+graphGroup])
			lo += graphGroup
		}
		i = j
	}
	if lo < len(cands) {
		out = append(out, cands[lo:])
	}
	return out
}
