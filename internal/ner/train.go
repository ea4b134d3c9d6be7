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

// Train learns a model from examples with the averaged perceptron. The
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
	var buf []uint64
	for epoch := 1; epoch <= opt.Epochs; epoch++ {
		rng.Shuffle(len(items), func(i, j int) { items[i], items[j] = items[j], items[i] })
		errors := 0
		for _, it := range items {
			var prev, prev2 tag
			for i := range it.gold {
				buf = it.s.features(buf[:0], i, prev, prev2)
				guess := predictTrain(rows, buf, prev)
				truth := it.gold[i]
				if guess != truth {
					errors++
					for _, f := range buf {
						r := rows[f]
						if r == nil {
							r = &row{}
							rows[f] = r
						}
						r.update(truth, +1, step)
						r.update(guess, -1, step)
					}
				}
				step++
				// Greedy training: later decisions see the tagger's own
				// earlier ones, as they will when tagging.
				prev2, prev = prev, guess
			}
		}
		m := average(rows, step, opt.MinWeight, opt.Gazetteer)
		if opt.Log != nil {
			line := fmt.Sprintf("epoch %d: %d errors, %d features", epoch, errors, len(m.index))
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

func predictTrain(rows map[uint64]*row, feats []uint64, prev tag) tag {
	var score [nTags]float64
	for _, f := range feats {
		if r := rows[f]; r != nil {
			for c := range score {
				score[c] += r.w[c]
			}
		}
	}
	best := tag(0)
	for c := tag(1); c < nTags; c++ {
		if allowed(prev, c) && score[c] > score[best] {
			best = c
		}
	}
	return best
}

func (r *row) update(c tag, delta float64, step int) {
	r.total[c] += float64(step-r.stamp[c]) * r.w[c]
	r.stamp[c] = step
	r.w[c] += delta
}

// average builds a model of the averaged weights, leaving out features
// whose weights are all smaller than minWeight in size.
func average(rows map[uint64]*row, step int, minWeight float64, gz Gazetteer) *Model {
	m := &Model{index: make(map[uint64]int32, len(rows)), gaz: gz}
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
		m.index[k] = int32(len(m.weights))
		m.weights = append(m.weights, avg[:]...)
	}
	return m.seal()
}
