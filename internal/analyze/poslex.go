package analyze

import (
	_ "embed"
	"strconv"
	"strings"
)

//go:embed data/pos_en.tsv
var posData string

// posTable is the English part-of-speech lexicon (data/pos_en.tsv: a word
// form and its noun, verb, adjective and other counts a line, sorted by
// the word in byte order, as scripts/poslex writes it) searched where it
// lies: opening it finds where its lines start, and a look-up is a binary
// search over them that parses the one line it finds. Parsing its 9 600
// lines into a map took a third of the fixed cost of the analysis.
type posTable struct {
	data  string
	lines []uint32 // where each line that is not blank or a "#" comment starts
}

func openPosTable(data string) posTable {
	t := posTable{data: data, lines: make([]uint32, 0, strings.Count(data, "\n")+1)}
	for at := 0; at < len(data); {
		end := strings.IndexByte(data[at:], '\n')
		if end < 0 {
			end = len(data) - at
		}
		if l := strings.TrimSpace(data[at : at+end]); l != "" && l[0] != '#' {
			t.lines = append(t.lines, uint32(at))
		}
		at += end + 1
	}
	return t
}

// line returns line i, trimmed, and its word.
func (t posTable) line(i int) (line, word string) {
	l := t.data[t.lines[i]:]
	if n := strings.IndexByte(l, '\n'); n >= 0 {
		l = l[:n]
	}
	l = strings.TrimSpace(l)
	w, _, _ := strings.Cut(l, "\t")
	return l, w
}

// get returns the counts of word form w. A line of other than five fields
// counts as absent; a count that is not a number ends the line's counts,
// leaving the rest zero.
func (t posTable) get(w string) (posCounts, bool) {
	i, j := 0, len(t.lines)
	for i < j {
		h := int(uint(i+j) >> 1)
		if _, k := t.line(h); k < w {
			i = h + 1
		} else {
			j = h
		}
	}
	if i == len(t.lines) {
		return posCounts{}, false
	}
	l, k := t.line(i)
	if k != w {
		return posCounts{}, false
	}
	f := strings.Split(l, "\t")
	if len(f) != 5 {
		return posCounts{}, false
	}
	var c [4]int32
	for k := range c {
		n, err := strconv.Atoi(f[k+1])
		if err != nil {
			break
		}
		c[k] = int32(n)
	}
	return posCounts{c[0], c[1], c[2], c[3]}, true
}
