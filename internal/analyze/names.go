package analyze

import (
	"sort"
	"unicode"

	"github.com/briefbook/briefbook/internal/ner"
)

// taggedName is a name the statistical tagger (internal/ner) found in a
// block: its type and byte span in the block's text.
type taggedName struct {
	typ        ner.Type
	start, end int
}

// nameTags holds the tagger's names of each block (indexed like the
// blocks) and which blocks it read: blocks mostly in Cyrillic are read by the
// Russian model, the others by the English one.
type nameTags struct {
	names [][]taggedName
	read  []bool
}

// tagNames runs the name tagger (English, or Russian for a block mostly in
// Cyrillic) over the sentences of the blocks and makes its answers agree across the document: a name written the same
// way takes the type it was given most often, and a word that is the last
// word of a person's fuller name is that person ("Merkel" after "Angela
// Merkel").
func tagNames(us []unit) nameTags {
	nt := nameTags{names: make([][]taggedName, len(us)), read: make([]bool, len(us))}
	var texts []string
	for ui, u := range us {
		// Each model is read the first time a block needs it: an English
		// document never loads the Russian one.
		m := ner.English
		if cyrillicShare(u.Text) > 0.3 {
			m = ner.Russian
		}
		model := m()
		if model == nil {
			continue
		}
		nt.read[ui] = true
		for _, s := range u.Sents {
			if !anyUpper(s.Text) {
				continue
			}
			toks := ner.Tokenize(s.Text)
			texts = texts[:0]
			for _, t := range toks {
				texts = append(texts, t.Text)
			}
			for _, sp := range model.Tag(texts) {
				nt.names[ui] = append(nt.names[ui], taggedName{sp.Type, s.Start + toks[sp.Start].Start, s.Start + toks[sp.End-1].End})
			}
		}
	}
	nt.agree(us)
	return nt
}

// agree gives every name the type its written form was given most often
// in the document (the first such type on a tie), and the type PER to a
// lone word that ends a person's name of two words or more.
func (nt nameTags) agree(us []unit) {
	var votes map[string]*[4]int
	surnames := map[string]bool{}
	for ui, ns := range nt.names {
		for _, n := range ns {
			text := us[ui].Text[n.start:n.end]
			if votes == nil {
				votes = map[string]*[4]int{}
			}
			v := votes[text]
			if v == nil {
				v = &[4]int{}
				votes[text] = v
			}
			v[n.typ]++
			if n.typ == ner.PER {
				if ws := words(text); len(ws) >= 2 {
					surnames[ws[len(ws)-1].Text] = true
				}
			}
		}
	}
	for ui, ns := range nt.names {
		for k := range ns {
			n := &ns[k]
			text := us[ui].Text[n.start:n.end]
			if surnames[text] {
				n.typ = ner.PER
				continue
			}
			v := votes[text]
			best := n.typ
			for t := ner.PER; t <= ner.LOC; t++ {
				if v[t] > v[best] {
					best = t
				}
			}
			n.typ = best
		}
	}
}

// overlapping returns the tagged names of block ui that overlap the byte
// span [start, end). A block's names are in text order and do not overlap,
// so their ends rise too, and a binary search finds the first: a long
// block with many names costs a logarithm per look-up, not a scan.
func (nt nameTags) overlapping(ui, start, end int) []taggedName {
	ns := nt.names[ui]
	i := sort.Search(len(ns), func(k int) bool { return ns[k].end > start })
	j := i
	for j < len(ns) && ns[j].start < end {
		j++
	}
	return ns[i:j]
}

// typeAt returns the type of the tagged name that overlaps the byte span
// [start, end) of block ui most, or ner.None when none does.
func (nt nameTags) typeAt(ui, start, end int) ner.Type {
	best, most := ner.None, 0
	for _, n := range nt.overlapping(ui, start, end) {
		if o := min(end, n.end) - max(start, n.start); o > most {
			best, most = n.typ, o
		}
	}
	return best
}

// personBefore reports whether the byte span [start, end) of block ui
// ends a tagged person's name that starts before it.
func (nt nameTags) personBefore(ui, start, end int) bool {
	for _, n := range nt.overlapping(ui, start, end) {
		if n.typ == ner.PER && n.start < start && n.end >= end {
			return true
		}
	}
	return false
}

// personAt returns the end of a tagged person's name of two words or more
// that starts at byte start of block ui.
func (nt nameTags) personAt(us []unit, ui, start int) (int, bool) {
	for _, n := range nt.overlapping(ui, start, start+1) {
		if n.start == start && n.typ == ner.PER && len(words(us[ui].Text[n.start:n.end])) >= 2 {
			return n.end, true
		}
	}
	return 0, false
}

func anyUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}

// cyrillicShare is the share of the letters of s that are Cyrillic.
func cyrillicShare(s string) float64 {
	letters, cyr := 0, 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.Is(unicode.Cyrillic, r) {
				cyr++
			}
		}
	}
	if letters == 0 {
		return 0
	}
	return float64(cyr) / float64(letters)
}
