// Command igo writes internal/analyze/data/igo.tsv, the international
// organisations briefbook knows by name, from SupraVerden's curated list
// (github:confirmordeny/supraverden, data/general_list.yaml, CC BY-SA 4.0;
// see internal/analyze/data/igo.SOURCE.md):
//
//	git -C MIRROR show HEAD:data/general_list.yaml > /tmp/general_list.yaml
//	go run ./scripts/igo /tmp/general_list.yaml > internal/analyze/data/igo.tsv
//
// Each line is: English name, English abbreviation (may be empty), other
// English names joined by "|", Russian name. Entries are sorted by English
// name, so the same list gives the same file.
package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
)

type entry struct {
	name, abbrev, ru string
	others           []string
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/igo general_list.yaml > igo.tsv")
		os.Exit(2)
	}
	es, err := read(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "igo:", err)
		os.Exit(1)
	}
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "# International organisations: English name, abbreviation, other English names (|), Russian name.")
	fmt.Fprintln(w, "# Built by scripts/igo from SupraVerden (CC BY-SA 4.0); see igo.SOURCE.md.")
	for _, e := range es {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", e.name, e.abbrev, strings.Join(e.others, "|"), e.ru)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "igo:", err)
		os.Exit(1)
	}
}

// read parses the list: a top-level key per organisation, then two-space
// indented "Field: value" lines. Only the fields used are read.
func read(path string) ([]entry, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []entry
	var cur *entry
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !strings.HasPrefix(line, " ") {
			if cur != nil && cur.name != "" {
				out = append(out, *cur)
			}
			cur = &entry{}
			continue
		}
		if cur == nil || strings.HasPrefix(line, "   ") {
			continue // a list item or a nested value
		}
		k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok {
			continue
		}
		v = unquote(strings.TrimSpace(v))
		if v == "" || v == "null" || v == "~" || strings.HasPrefix(v, "[") {
			continue
		}
		switch {
		case k == "Name_en":
			cur.name = v
		case k == "Abbreviation_en":
			cur.abbrev = v
		case k == "Name_ru":
			cur.ru = v
		case strings.HasPrefix(k, "Name_other") && strings.HasSuffix(k, "_en"):
			cur.others = append(cur.others, v)
		}
	}
	if cur != nil && cur.name != "" {
		out = append(out, *cur)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, sc.Err()
}

func unquote(v string) string {
	if len(v) >= 2 && (v[0] == '\'' && v[len(v)-1] == '\'' || v[0] == '"' && v[len(v)-1] == '"') {
		v = v[1 : len(v)-1]
	}
	return strings.ReplaceAll(v, "\t", " ")
}
