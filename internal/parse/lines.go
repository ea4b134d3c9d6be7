package parse

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
)

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

// srcLine is one line of a plain text: its 1-based number and its text
// without trailing white space ("" for a blank line).
type srcLine struct {
	n    int
	text string
}

// splitLines cuts text into numbered lines.
func splitLines(text string) []srcLine {
	lines := make([]srcLine, 0, strings.Count(text, "\n")+1)
	for n := 1; len(text) > 0; n++ {
		var l string
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			l, text = text[:i], text[i+1:]
		} else {
			l, text = text, ""
		}
		lines = append(lines, srcLine{n: n, text: strings.TrimRightFunc(l, unicode.IsSpace)})
	}
	return lines
}

// formFeeds returns the 1-based numbers of the lines that hold a form feed
// (a page break before the rest of that line) and data without its form
// feeds, so that they are neither warned about nor kept. The line
// structure is unchanged.
func formFeeds(data []byte) (map[int]bool, []byte) {
	if bytes.IndexByte(data, '\f') < 0 {
		return nil, data
	}
	breaks := map[int]bool{}
	out := make([]byte, 0, len(data))
	line := 1
	for i, c := range data {
		switch c {
		case '\f':
			breaks[line] = true
			continue
		case '\n':
			line++
		case '\r':
			if i+1 >= len(data) || data[i+1] != '\n' {
				line++
			}
		}
		out = append(out, c)
	}
	return breaks, out
}
