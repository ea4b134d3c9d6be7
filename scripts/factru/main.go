// Command factru converts a folder of the FactRuEval-2016 corpus
// (github:dialogue-evaluation/factRuEval-2016, MIT; devset/ or testset/) into
// the IOB2 files scripts/nertrain reads: one token and its label a line, a
// blank line between sentences, a "-DOCSTART-" line before each document
// (for TestEvalNameTables of internal/analyze, which scores documents).
//
//	git -C MIRROR archive HEAD devset testset | tar -x -C /tmp/ru
//	go run ./scripts/factru /tmp/ru/devset > /tmp/ru/train.iob2
//	go run ./scripts/factru -every 5 /tmp/ru/testset >> /tmp/ru/train.iob2
//	go run ./scripts/factru -every 5 -held /tmp/ru/testset > /tmp/ru/test.iob2
//
// The corpus marks names in three layers: token spans (.spans) make up
// objects (.objects) of the types Person, Org, Location and LocOrg (a place
// that acts as a body, such as "России" in "правительство России"). Each
// object becomes one name running from its first token to its last: Person
// gives PER, Org gives ORG, Location and LocOrg give LOC (Universal NER reads
// such names as places too). Descriptions ("компании" in "компании
// Газпром") are left out of a name, as in the CoNLL-style corpora the English
// tagger learns from; an Org made of a description and a place ("мэрии
// Москвы") leaves the place to its own object. Where names still overlap, the
// longest is kept.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

func main() {
	every := flag.Int("every", 0, "with -held, write only every n-th document (in name order); without, all the others")
	held := flag.Bool("held", false, "write the held-apart documents that -every picks")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/factru [-every N [-held]] FOLDER > out.iob2")
		os.Exit(2)
	}
	books, err := filepath.Glob(filepath.Join(flag.Arg(0), "*.tokens"))
	if err != nil || len(books) == 0 {
		fmt.Fprintf(os.Stderr, "factru: %s: no .tokens files\n", flag.Arg(0))
		os.Exit(1)
	}
	sort.Strings(books)
	w := bufio.NewWriter(os.Stdout)
	for i, b := range books {
		if *every > 0 && (i%*every == *every-1) != *held {
			continue
		}
		if err := convert(w, strings.TrimSuffix(b, ".tokens")); err != nil {
			fmt.Fprintln(os.Stderr, "factru:", err)
			os.Exit(1)
		}
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "factru:", err)
		os.Exit(1)
	}
}

type token struct {
	id   int
	text string
}

// convert writes the sentences of one document with their labels.
func convert(w *bufio.Writer, base string) error {
	sents, err := readTokens(base + ".tokens")
	if err != nil {
		return err
	}
	spans, err := readSpans(base + ".spans")
	if err != nil {
		return err
	}
	names, err := readObjects(base+".objects", spans)
	if err != nil {
		return err
	}
	// Longest names first; a token keeps the first name that claims it.
	sort.SliceStable(names, func(i, j int) bool {
		return names[i].last-names[i].first > names[j].last-names[j].first
	})
	label := map[int]string{}
	for _, n := range names {
		free := true
		for id := n.first; id <= n.last; id++ {
			if label[id] != "" {
				free = false
				break
			}
		}
		if !free {
			continue
		}
		for id := n.first; id <= n.last; id++ {
			label[id] = "I-" + n.typ
		}
		label[n.first] = "B-" + n.typ
	}
	fmt.Fprint(w, "-DOCSTART-\tO\n\n")
	for _, s := range sents {
		for _, t := range s {
			l := label[t.id]
			if l == "" {
				l = "O"
			}
			fmt.Fprintf(w, "%s\t%s\n", t.text, l)
		}
		fmt.Fprintln(w)
	}
	return nil
}

// readTokens reads "id start length text" lines, sentences separated by
// blank lines.
func readTokens(file string) ([][]token, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out [][]token
	var cur []token
	for n, l := range strings.Split(string(data), "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			if len(cur) > 0 {
				out = append(out, cur)
				cur = nil
			}
			continue
		}
		f := strings.SplitN(l, " ", 4)
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: want id, start, length, text", file, n+1)
		}
		id, err := strconv.Atoi(f[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", file, n+1, err)
		}
		cur = append(cur, token{id: id, text: f[3]})
	}
	if len(cur) > 0 {
		out = append(out, cur)
	}
	return out, nil
}

// tokenRange is the first and last token ids of a span, and its type
// ("org_name", "org_descr", "surname"…).
type tokenRange struct {
	first, last int
	typ         string
}

// readSpans reads "id type start length firstToken tokens  # …" lines.
func readSpans(file string) (map[string]tokenRange, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	out := map[string]tokenRange{}
	for n, l := range strings.Split(string(data), "\n") {
		l, _, _ = strings.Cut(l, "#")
		f := strings.Fields(l)
		if len(f) == 0 {
			continue
		}
		if len(f) < 6 {
			return nil, fmt.Errorf("%s:%d: want six fields", file, n+1)
		}
		first, err1 := strconv.Atoi(f[4])
		count, err2 := strconv.Atoi(f[5])
		if err1 != nil || err2 != nil || count < 1 {
			return nil, fmt.Errorf("%s:%d: bad token range", file, n+1)
		}
		out[f[0]] = tokenRange{first, first + count - 1, f[1]}
	}
	return out, nil
}

type name struct {
	typ         string
	first, last int
}

// countDescr counts the description spans among ids.
func countDescr(ids []string, spans map[string]tokenRange) int {
	n := 0
	for _, id := range ids {
		if r := spans[id]; strings.HasSuffix(r.typ, "_descr") || r.typ == "job" {
			n++
		}
	}
	return n
}

var types = map[string]string{"Person": "PER", "Org": "ORG", "Location": "LOC", "LocOrg": "LOC"}

// readObjects reads "id Type span span …  # text" lines. Token ids run in
// text order, so an object's name covers its spans' smallest to largest id.
func readObjects(file string, spans map[string]tokenRange) ([]name, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	var out []name
	for n, l := range strings.Split(string(data), "\n") {
		l, _, _ = strings.Cut(l, "#")
		f := strings.Fields(l)
		if len(f) < 3 {
			continue
		}
		typ, ok := types[f[1]]
		if !ok {
			continue
		}
		nm := name{typ: typ, first: -1}
		places := 0
		for _, sid := range f[2:] {
			r, ok := spans[sid]
			if !ok {
				return nil, fmt.Errorf("%s:%d: unknown span %s", file, n+1, sid)
			}
			// A description ("компании", "мэрии") is not part of the
			// name, as in every NER corpus of the CoNLL kind.
			if strings.HasSuffix(r.typ, "_descr") || r.typ == "job" {
				continue
			}
			if r.typ == "loc_name" {
				places++
			}
			if nm.first < 0 || r.first < nm.first {
				nm.first = r.first
			}
			if r.last > nm.last {
				nm.last = r.last
			}
		}
		// Nothing but a description, or a description of a place's body
		// ("мэрии Москвы": the place is its own object), or spans so far
		// apart that they are no single name.
		if nm.first < 0 || (typ == "ORG" && places > 0 && places == len(f)-2-countDescr(f[2:], spans)) || nm.last-nm.first > 10 {
			continue
		}
		out = append(out, nm)
	}
	return out, nil
}
