package analyze

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// TestEvalNameTables scores the people, organisation and place tables
// against the names of a CoNLL file of documents ("-DOCSTART-" lines
// between them), each document rebuilt as text, one block per sentence:
//
//	BRIEFBOOK_EVAL_NAMES=FILE go test -run TestEvalNameTables -v ./internal/analyze
//
// A table entry matches a gold name when their words agree ignoring case
// and a leading "the" (Russian words by their stems); people also match by
// their last word. It is for
// development sets only: the verbose output lists every miss and extra.
func TestEvalNameTables(t *testing.T) {
	path := os.Getenv("BRIEFBOOK_EVAL_NAMES")
	if path == "" {
		t.Skip("BRIEFBOOK_EVAL_NAMES not set")
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type doc struct {
		sents []string
		gold  map[string]map[string]bool // type → normalised names
	}
	var docs []*doc
	var toks, labels []string
	cur := &doc{gold: map[string]map[string]bool{}}
	flushSent := func() {
		if len(toks) == 0 {
			return
		}
		cur.sents = append(cur.sents, detokenize(toks))
		for i := 0; i < len(labels); i++ {
			l := labels[i]
			if len(l) < 3 || l == "O" {
				continue
			}
			typ := l[2:]
			j := i + 1
			for j < len(labels) && labels[j] == "I-"+typ {
				j++
			}
			if cur.gold[typ] == nil {
				cur.gold[typ] = map[string]bool{}
			}
			cur.gold[typ][normName(detokenize(toks[i:j]))] = true
			i = j - 1
		}
		toks, labels = nil, nil
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		switch {
		case len(fs) == 0:
			flushSent()
		case fs[0] == "-DOCSTART-":
			flushSent()
			if len(cur.sents) > 0 {
				docs = append(docs, cur)
			}
			cur = &doc{gold: map[string]map[string]bool{}}
		case len(fs) == 2:
			toks = append(toks, fs[0])
			l := fs[1]
			if prev := ""; strings.HasPrefix(l, "I-") {
				if len(labels) > 0 && len(labels[len(labels)-1]) > 2 {
					prev = labels[len(labels)-1][2:]
				}
				if prev != l[2:] {
					l = "B-" + l[2:]
				}
			}
			if false {
				l = "B-" + l[2:]
			}
			labels = append(labels, l)
		}
	}
	flushSent()
	if len(cur.sents) > 0 {
		docs = append(docs, cur)
	}
	var tp, fp, fn = map[string]int{}, map[string]int{}, map[string]int{}
	for _, d := range docs {
		var us []unit
		for i, s := range d.sents {
			us = append(us, unit{ID: fmt.Sprintf("p%d", i+1), Text: s, Sents: Sentences(s, "en")})
		}
		facts := extractFacts(us)
		got := map[string][]string{}
		for _, p := range facts.People {
			got["PER"] = append(got["PER"], p.Name)
		}
		for _, o := range facts.Organizations {
			got["ORG"] = append(got["ORG"], o.Name)
		}
		for _, p := range facts.Places {
			got["LOC"] = append(got["LOC"], p.Name)
		}
		for _, typ := range []string{"PER", "ORG", "LOC"} {
			gold := d.gold[typ]
			matched := map[string]bool{}
			for _, g := range got[typ] {
				n := normName(g)
				hit := ""
				for k := range gold {
					if k == n || typ == "PER" && lastWordOf(k) == lastWordOf(n) {
						hit = k
						break
					}
				}
				if hit != "" {
					tp[typ]++
					matched[hit] = true
				} else {
					fp[typ]++
					t.Logf("%s extra: %q", typ, g)
				}
			}
			var miss []string
			for k := range gold {
				if !matched[k] {
					miss = append(miss, k)
				}
			}
			sort.Strings(miss)
			fn[typ] += len(miss)
			if len(miss) > 0 {
				t.Logf("%s missed: %q", typ, miss)
			}
		}
	}
	for _, typ := range []string{"PER", "ORG", "LOC"} {
		t.Logf("%s: found %d of %d gold names (recall %.2f), %d extra (precision %.2f)", typ, tp[typ], tp[typ]+fn[typ],
			float64(tp[typ])/float64(max(1, tp[typ]+fn[typ])), fp[typ], float64(tp[typ])/float64(max(1, tp[typ]+fp[typ])))
	}
}

// detokenize joins tokens with spaces, none before closing marks or after
// opening ones.
func detokenize(toks []string) string {
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && !strings.Contains(".,;:!?)]}'", t[:1]) && !strings.HasPrefix(t, "'") && !strings.HasSuffix(toks[i-1], "(") && toks[i-1] != "-" && t != "-" {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	return b.String()
}

func normName(s string) string {
	s = strings.ToLower(ruNominative(strings.TrimSpace(s)))
	s = strings.TrimPrefix(s, "the ")
	f := strings.Fields(s)
	// Russian names are compared by stems: the gold keeps the case the
	// text uses ("Евросоюзом"), the tables the nominative.
	for i, w := range f {
		if isCyrillic(w) {
			f[i] = stem(w)
		}
	}
	return strings.Join(f, " ")
}
