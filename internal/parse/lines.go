package parse

import "sort"

// lineIndex maps byte offsets to 1-based line numbers in linear-time setup
// and logarithmic lookups.
type lineIndex []int

// newLineIndex records the offset where each line of src starts.
func newLineIndex(src []byte) lineIndex {
	starts := lineIndex{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line returns the 1-based line holding byte offset off.
func (li lineIndex) line(off int) int {
	if off < 0 {
		return 1
	}
	return sort.Search(len(li), func(i int) bool { return li[i] > off })
}
