package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Score counts names found and missed, per type.
type Score struct {
	TP, FP, FN [4]int // indexed by Type; None unused
}

// Evaluate tags the examples with m and compares whole names (type and
// exact token span) with their labels.
func Evaluate(m *Model, examples []Example) Score {
	var sc Score
	for _, ex := range examples {
		gold := make([]tag, len(ex.Labels))
		for i, l := range ex.Labels {
			gold[i] = parseTag(l)
		}
		want := map[Span]bool{}
		for _, s := range spans(gold) {
			want[s] = true
		}
		for _, s := range m.Tag(ex.Tokens) {
			if want[s] {
				sc.TP[s.Type]++
				delete(want, s)
			} else {
				sc.FP[s.Type]++
			}
		}
		for s := range want {
			sc.FN[s.Type]++
		}
	}
	return sc
}

// PRF returns precision, recall and F1 of one type, or of all when t is
// None.
func (s Score) PRF(t Type) (p, r, f float64) {
	var tp, fp, fn int
	for k := PER; k <= LOC; k++ {
		if t == None || t == k {
			tp += s.TP[k]
			fp += s.FP[k]
			fn += s.FN[k]
		}
	}
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// Micro formats the micro-averaged precision, recall and F1.
func (s Score) Micro() string {
	p, r, f := s.PRF(None)
	return fmt.Sprintf("P %.3f R %.3f F1 %.3f", p, r, f)
}

// String formats the scores per type and micro-averaged.
func (s Score) String() string {
	var b strings.Builder
	for t := PER; t <= LOC; t++ {
		p, r, f := s.PRF(t)
		fmt.Fprintf(&b, "%s P %.3f R %.3f F1 %.3f (%d names)\n", t, p, r, f, s.TP[t]+s.FN[t])
	}
	fmt.Fprintf(&b, "all %s\n", s.Micro())
	return b.String()
}

// ReadIOB2 reads sentences in the CoNLL-like IOB2 format of Universal
// NER: "# " comment lines, one token per line as ID, form and label
// separated by tabs, a blank line after each sentence.
func ReadIOB2(r io.Reader) ([]Example, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []Example
	var cur Example
	line := 0
	flush := func() {
		if len(cur.Tokens) > 0 {
			out = append(out, cur)
		}
		cur = Example{}
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "#"):
			continue
		case strings.TrimSpace(l) == "":
			flush()
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 3 {
			return nil, fmt.Errorf("line %d: want ID, form and label separated by tabs", line)
		}
		cur.Tokens = append(cur.Tokens, f[1])
		cur.Labels = append(cur.Labels, f[2])
	}
	flush()
	return out, sc.Err()
}
