package ner

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
)

// Example is one annotated sentence: tokens and their IOB2 labels
// ("B-PER", "I-ORG", "O"; labels of other types count as O).
type Example struct {
	Tokens []string
	Labels []string
}

// TrainOptions are the settings of Train.
type TrainOptions struct {
	Epochs int // passes over the examples; default 10
	// MinWeight drops features whose largest averaged weight is smaller
	// in size; default 0 keeps them all.
	MinWeight float64
	// CapsEvery adds a copy in capitals of every CapsEvery-th example,
	// so that the model learns to read text written in capitals; 0 adds
	// none.
	CapsEvery int
	Gazetteer Gazetteer
	Log       io.Writer // progress, one line per epoch; nil for none
	// Dev, when set, is tagged after each epoch and its F1 logged.
	Dev []Example
}

// row is a feature's weights during training, with what averaging needs.
type row struct {
	w, total [nTags]float64
	stamp    [nTags]int
}

// Train learns a model from examples with the averaged structured
// perceptron. The
// order of examples is shuffled with a fixed seed: the same examples and
// options give the same model.
func Train(examples []Example, opt TrainOptions) *Model {
	if opt.Epochs <= 0 {
		opt.Epochs = 10
	}
	type item struct {
		s    *sentence
		gold []tag
	}
	var items []item
	for k, ex := range examples {
		gold := make([]tag, len(ex.Labels))
		for i, l := range ex.Labels {
			gold[i] = parseTag(l)
		}
		items = append(items, item{newSentence(ex.Tokens, opt.Gazetteer), gold})
		if opt.CapsEvery > 0 && k%opt.CapsEvery == 0 {
			up := make([]string, len(ex.Tokens))
			for i, t := range ex.Tokens {
				up[i] = toUpper(t)
			}
			items = append(items, item{newSentence(up, opt.Gazetteer), gold})
		}
	}
	rows := map[uint64]*row{}
	step := 1
	rng := rand.New(rand.NewPCG(1, 2))
	add := func(f uint64, score *[nTags]float64) {
		if r := rows[f]; r != nil {
			for c := range score {
				score[c] += r.w[c]
			}
		}
	}
	update := func(f uint64, c tag, delta float64) {
		r := rows[f]
		if r == nil {
			r = &row{}
			rows[f] = r
		}
		r.update(c, delta, step)
	}
	var guess []tag
	var buf []uint64
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		errors := 0
		for _, it := range items {
			// The structured perceptron: decode the whole sentence, then
			// move the weights towards the gold sequence's features and
			// away from the guess's, where the two differ.
			guess = append(guess[:0], make([]tag, len(it.gold))...)
			decode(it.s, 0, len(it.gold), add, guess)
			var gp, pp tag // previous gold and guessed tags
			for i, truth := range it.gold {
				g := guess[i]
				if g != truth || gp != pp {
					if g != truth {
						errors++
					}
					buf = it.s.emission(buf[:0], i)
					if g != truth {
						for _, f := range buf {
							update(f, truth, +1)
							update(f, g, -1)
						}
					}
					for _, f := range it.s.transition(buf[:0], i, gp) {
						update(f, truth, +1)
					}
					for _, f := range it.s.transition(buf[:0], i, pp) {
						update(f, g, -1)
					}
				}
				gp, pp = truth, g
			}
			step++
		}
		m := average(rows, step, opt.MinWeight, opt.Gazetteer)
		if opt.Log != nil {
			line := fmt.Sprintf("epoch %d: %d errors, %d features", epoch, errors, m.Features())
			if len(opt.Dev) > 0 {
				line += fmt.Sprintf(", dev %s", Evaluate(m, opt.Dev).Micro())
			}
			fmt.Fprintln(opt.Log, line)
		}
		if epoch == opt.Epochs {
			return m
		}
	}
	return nil
}

func toUpper(t string) string {
	b := []rune(t)
	for i, r := range b {
		if r >= 'a' && r <= 'z' {
			b[i] = r - 'a' + 'A'
		}
	}
	return string(b)
}

func (r *row) update(c tag, delta float64, step int) {
	r.total[c] += float64(step-r.stamp[c]) * r.w[c]
	r.stamp[c] = step
	r.w[c] += delta
}

// average builds a model of the averaged weights, leaving out features
// whose weights are all smaller than minWeight in size.
func average(rows map[uint64]*row, step int, minWeight float64, gz Gazetteer) *Model {
	m := &Model{gaz: gz}
	for k, r := range rows {
		var avg [nTags]float32
		keep := false
		for c := range avg {
			total := r.total[c] + float64(step-r.stamp[c])*r.w[c]
			v := total / float64(step)
			avg[c] = float32(v)
			if math.Abs(v) >= minWeight && v != 0 {
				keep = true
			}
		}
		if !keep {
			continue
		}
		m.keys = append(m.keys, k)
		m.weights = append(m.weights, avg[:]...)
	}
	return m.seal()
}
