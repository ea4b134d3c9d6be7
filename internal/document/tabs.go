package document

import "strings"

// ExpandTabs replaces the tabs of a line by spaces up to the next multiple
// of width columns (a rune counts one column).
func ExpandTabs(s string, width int) string {
	if !strings.Contains(s, "\t") || width < 1 {
		return s
	}
	var b strings.Builder
	col := 0
	for _, r := range s {
		if r == '\t' {
			n := width - col%width
			b.WriteString(strings.Repeat(" ", n))
			col += n
			continue
		}
		b.WriteRune(r)
		col++
	}
	return b.String()
}
