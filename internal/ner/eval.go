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
// separated by tabs, a blank line after each sentence. Lines of two
// fields, form and label separated by white space (the CoNLL 2003 layout
// of Wikigold and the Broad Twitter Corpus), are read too, with their
// IOB1 labels ("I-ORG" starting a name) turned into IOB2 and
// "-DOCSTART-" lines skipped.
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
		switch {
		case len(f) >= 3:
			cur.Tokens = append(cur.Tokens, f[1])
			cur.Labels = append(cur.Labels, f[2])
		case len(f) == 2 || len(strings.Fields(l)) == 2:
			if len(f) != 2 {
				f = strings.Fields(l)
			}
			if f[0] == "-DOCSTART-" || strings.TrimSpace(f[0]) == "" {
				continue // a document mark, or a token of white space only
			}
			cur.Tokens = append(cur.Tokens, f[0])
			cur.Labels = append(cur.Labels, f[1])
		default:
			return nil, fmt.Errorf("line %d: want ID, form and label separated by tabs, or form and label", line)
		}
	}
	flush()
	for k := range out {
		toIOB2(out[k].Labels)
	}
	return out, sc.Err()
}

// toIOB2 rewrites IOB1 labels as IOB2: an inside label that does not
// continue a name of its type begins one.
func toIOB2(labels []string) {
	prev := "O"
	for i, l := range labels {
		if t, ok := strings.CutPrefix(l, "I-"); ok && prev != "B-"+t && prev != "I-"+t {
			labels[i] = "B-" + t
		}
		prev = l
	}
}
