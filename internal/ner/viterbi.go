package ner

import (
	"math"
	"slices"
	"unicode/utf8"
)

// decode finds the best tag sequence of a sentence (first-order Viterbi):
// score(i, prev, cur) is the weight of token i's emission features for
// cur plus that of its transition features given prev; an inside tag only
// follows its own type. add adds a feature's weights to a score. It
// labels tokens [a, b) of out, which has a tag for every token; the tag
// before a is taken to be O.
func decode(s *sentence, a, b int, add func(f uint64, score *[nTags]float64), out []tag) {
	n := b - a
	if n <= 0 {
		return
	}
	var delta, next [nTags]float64
	back := make([][nTags]tag, n)
	var buf []uint64
	for k := 0; k < n; k++ {
		i := a + k
		var emit [nTags]float64
		buf = s.emission(buf[:0], i)
		for _, f := range buf {
			add(f, &emit)
		}
		for c := range next {
			next[c] = math.Inf(-1)
		}
		prevs := nTags
		if k == 0 {
			prevs = 1 // the sentence starts after an O
		}
		for p := tag(0); p < tag(prevs); p++ {
			if k > 0 && math.IsInf(delta[p], -1) {
				continue
			}
			var trans [nTags]float64
			buf = s.transition(buf[:0], i, p)
			for _, f := range buf {
				add(f, &trans)
			}
			base := 0.0
			if k > 0 {
				base = delta[p]
			}
			for c := tag(0); c < nTags; c++ {
				if !allowed(p, c) {
					continue
				}
				if v := base + emit[c] + trans[c]; v > next[c] {
					next[c] = v
					back[k][c] = p
				}
			}
		}
		delta = next
	}
	best := tag(0)
	for c := tag(1); c < nTags; c++ {
		if delta[c] > delta[best] {
			best = c
		}
	}
	for k := n - 1; k >= 0; k-- {
		out[a+k] = best
		best = back[k][best]
	}
}

// windows returns the runs of tokens where a name may be: tokens with a
// capital or a digit, and the short lower-case words and marks between two
// of them ("Bank of England", "Ministry of the Interior"). In text with
// capitals a name starts with one; the rest of the sentence is O without
// decoding, which skips most of the work on long texts. A sentence in
// capitals or with none is one window.
func (s *sentence) windows() [][2]int {
	n := len(s.raw)
	if s.caps || !slices.Contains(s.upper, true) || slices.Index(s.upper, false) < 0 {
		return [][2]int{{0, n}}
	}
	var out [][2]int
	for i := 0; i < n; {
		if !s.upper[i] {
			i++
			continue
		}
		j := i + 1
		for j < n {
			if s.upper[j] {
				j++
				continue
			}
			// Up to three short words or marks, then a capital.
			k := j
			for k < n && k-j < 3 && !s.upper[k] && utf8.RuneCountInString(s.raw[k]) <= 4 {
				k++
			}
			if k < n && k > j && s.upper[k] {
				j = k
				continue
			}
			break
		}
		// The word after the window is decoded too: how a name ends is
		// read from the tag the next word takes.
		if j < n {
			j++
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}
