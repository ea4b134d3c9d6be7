// Command poslex builds internal/analyze/data/pos_en.tsv, the English
// part-of-speech lexicon the analysis uses to keep generated section
// titles to noun phrases, from the Universal Dependencies English Web
// Treebank (CC BY-SA 4.0). It reads every .conllu file under the folders
// given and counts, for each lower-cased word form, how often it is tagged
// a noun (NOUN, PROPN), a verb (VERB), an adjective (ADJ) or anything else.
// Forms seen fewer than twice, with digits or without letters are left out.
//
//	go run ./scripts/poslex DIR... > internal/analyze/data/pos_en.tsv
//
// See internal/analyze/data/pos_en.SOURCE.md for the data's origin.
package main

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

type counts [4]int // noun, verb, adjective, other

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: poslex DIR... > pos_en.tsv")
		os.Exit(2)
	}
	lex := map[string]*counts{}
	files := 0
	for _, dir := range os.Args[1:] {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".conllu") {
				return err
			}
			files++
			return read(p, lex)
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "poslex:", err)
			os.Exit(1)
		}
	}
	words := make([]string, 0, len(lex))
	for w, c := range lex {
		if c[0]+c[1]+c[2]+c[3] >= 2 {
			words = append(words, w)
		}
	}
	slices.Sort(words)
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintf(out, "# word\tnoun\tverb\tadj\tother — from %d files of UD English-EWT; see pos_en.SOURCE.md\n", files)
	for _, w := range words {
		c := lex[w]
		fmt.Fprintf(out, "%s\t%d\t%d\t%d\t%d\n", w, c[0], c[1], c[2], c[3])
	}
	out.Flush()
}

func read(path string, lex map[string]*counts) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 || strings.ContainsAny(cols[0], "-.") {
			continue // multiword token ranges and empty nodes
		}
		form := strings.ToLower(cols[1])
		if !usable(form) {
			continue
		}
		c := lex[form]
		if c == nil {
			c = &counts{}
			lex[form] = c
		}
		switch cols[3] {
		case "NOUN", "PROPN":
			c[0]++
		case "VERB":
			c[1]++
		case "ADJ":
			c[2]++
		default:
			c[3]++
		}
	}
	return sc.Err()
}

func usable(w string) bool {
	letter := false
	for _, r := range w {
		switch {
		case unicode.IsDigit(r), r == '\t', r == ' ':
			return false
		case unicode.IsLetter(r):
			letter = true
		}
	}
	return letter
}
