package analyze

import (
	"math"
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
	text  string
	para  string
	pos   int // index among all sentences of the document
	vec   map[string]float64
	score float64
}

// summarize picks n sentences (0 = automatic) by LexRank-style centrality
// — the sum of TF-IDF cosine similarities to every other sentence, computed
// in linear time through the sum of the normalised vectors — times a
// position prior, then removes redundancy with MMR. The result is in source
// order.
func summarize(us []unit, n int) []document.SummarySentence {
	var cands []*candidate
	words := 0
	pos := 0
	for _, u := range us {
		for _, s := range u.Sents {
			pos++
			nw := document.CountWords(s.Text)
			words += nw
			if nw < 4 || !hasLetter(s.Text) {
				continue
			}
			cands = append(cands, &candidate{text: strings.Join(strings.Fields(s.Text), " "), para: u.ID, pos: pos - 1})
		}
	}
	if n <= 0 {
		n = summaryCount(words)
	}
	if len(cands) == 0 {
		return nil
	}
	// TF-IDF vectors, each normalised to length 1.
	df := map[string]int{}
	tfs := make([]map[string]int, len(cands))
	for i, c := range cands {
		tf := map[string]int{}
		for _, t := range terms(c.text) {
			tf[t]++
		}
		tfs[i] = tf
		for t := range tf {
			df[t]++
		}
	}
	N := float64(len(cands))
	centroid := map[string]float64{}
	for i, c := range cands {
		v := make(map[string]float64, len(tfs[i]))
		norm := 0.0
		for _, t := range sortedKeys(tfs[i]) {
			f := tfs[i][t]
			w := (1 + math.Log(float64(f))) * math.Log(1+N/float64(df[t]))
			v[t] = w
			norm += w * w
		}
		norm = math.Sqrt(norm)
		for t := range v {
			v[t] /= norm
			centroid[t] += v[t]
		}
		c.vec = v
	}
	maxC := 0.0
	cent := make([]float64, len(cands))
	for i, c := range cands {
		cent[i] = dotSorted(c.vec, centroid) - dotSorted(c.vec, c.vec)
		maxC = math.Max(maxC, cent[i])
	}
	total := float64(pos)
	for i, c := range cands {
		cn := 0.0
		if maxC > 0 {
			cn = cent[i] / maxC
		}
		// Position prior: early sentences carry the point of most documents.
		prior := 1 / math.Sqrt(1+float64(c.pos)*10/math.Max(total, 10))
		nw := document.CountWords(c.text)
		lenf := 1.0
		switch {
		case nw < 8:
			lenf = 0.6
		case nw > 55:
			lenf = 0.75
		}
		c.score = (0.5*cn + 0.5*prior) * lenf
	}
	// MMR over the best candidates.
	pool := make([]*candidate, len(cands))
	copy(pool, cands)
	sort.SliceStable(pool, func(a, b int) bool { return pool[a].score > pool[b].score })
	if len(pool) > 60 {
		pool = pool[:60]
	}
	const lambda = 0.7
	var picked []*candidate
	used := make([]bool, len(pool))
	for len(picked) < n {
		best, bestV := -1, math.Inf(-1)
		for i, c := range pool {
			if used[i] {
				continue
			}
			red := 0.0
			for _, p := range picked {
				red = math.Max(red, dotSorted(c.vec, p.vec))
			}
			v := lambda*c.score - (1-lambda)*red
			if v > bestV || (v == bestV && c.pos < pool[best].pos) {
				best, bestV = i, v
			}
		}
		if best < 0 {
			break
		}
		used[best] = true
		picked = append(picked, pool[best])
	}
	sort.Slice(picked, func(a, b int) bool { return picked[a].pos < picked[b].pos })
	out := make([]document.SummarySentence, len(picked))
	for i, p := range picked {
		out[i] = document.SummarySentence{Text: p.text, Paragraph: p.para}
	}
	return out
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

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
