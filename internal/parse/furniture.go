package parse

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Page furniture. Texts printed to fixed pages (RFCs, reports saved from a
// word processor) repeat a running header and footer at every page break,
// often with the page number ("Fette & Melnikov   Standards Track   [Page
// 12]"), and may mark the break with a form feed. The reader finds page
// breaks — form feeds, or, when a text has none, a line that recurs at
// regular intervals with a page number going up by one — and removes every
// line that recurs near at least half of them (its digits aside), when it
// is the same each time or differs only by such a page number, is not a
// heading, does not end a sentence and stands between the break and the
// text. A paragraph that a page break cut in two is joined again.

// Limits of the furniture heuristics.
const (
	// furnitureWindow is how many non-blank lines on each side of a page
	// break may be running headers or footers.
	furnitureWindow = 3
	// maxFurnitureRunes is the longest running header or footer line.
	maxFurnitureRunes = 100
	// minPages is the fewest page breaks that show a running line.
	minPages = 3
)

// furnitureKey is l with runs of digits replaced by "#" and white space
// collapsed, so that "[Page 12]" and "[Page 13]" share a key; "" for a
// blank line or one too long to be a running line.
func furnitureKey(l string) string {
	t := strings.TrimSpace(l)
	if t == "" || len(t) > 4*maxFurnitureRunes || utf8.RuneCountInString(t) > maxFurnitureRunes {
		return ""
	}
	var sb strings.Builder
	digit, space := false, false
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			if !digit {
				sb.WriteByte('#')
			}
			digit, space = true, false
			continue
		case unicode.IsSpace(r):
			if !space {
				sb.WriteByte(' ')
			}
			digit, space = false, true
			continue
		}
		digit, space = false, false
		sb.WriteRune(r)
	}
	return sb.String()
}

// furniture removes running headers and footers around page breaks and
// joins paragraphs across them; breaks holds the numbers of lines that
// had a form feed. It warns once with the number of lines removed.
func (r *textReader) furniture(lines []srcLine, breaks map[int]bool) []srcLine {
	keys := make([]string, len(lines))
	for i, l := range lines {
		keys[i] = furnitureKey(l.text)
	}
	var at []int // indices of lines at page breaks
	if len(breaks) >= minPages-1 {
		for i, l := range lines {
			if breaks[l.n] {
				at = append(at, i)
			}
		}
	} else {
		at = regularLines(lines, keys)
	}
	if len(at) < minPages-1 {
		return lines
	}
	// Count, for each key, the lines near page breaks that have it (a
	// line near two breaks of short pages counts once).
	counted := make([]bool, len(lines))
	count := map[string]int{}
	window(lines, keys, at, func(_, i int) {
		if !counted[i] {
			counted[i] = true
			count[keys[i]]++
		}
	})
	need := max(minPages-1, (len(at)+1)/2)
	// A running line is the same on every page, or differs only by a
	// page number going up by one; headings ("Chapter 3") never are.
	occ := map[string][]int{}
	for i, k := range keys {
		if counted[i] && count[k] >= need {
			occ[k] = append(occ[k], i)
		}
	}
	running := map[string]bool{}
	for k, ps := range occ {
		first := collapse(lines[ps[0]].text)
		running[k] = (sameText(lines, ps) || pageNumbered(lines, ps)) && !classifyHeading(first).strong() && !terminal(first)
	}
	// Remove, on each side of each break, the running lines next to it.
	drop := make([]bool, len(lines))
	removed := 0
	for _, i0 := range at {
		for _, dir := range []int{-1, 1} {
			i := i0
			if dir < 0 {
				i--
			}
			for n := 0; i >= 0 && i < len(lines) && n < furnitureWindow; i += dir {
				if lines[i].text == "" {
					continue
				}
				if !running[keys[i]] {
					break
				}
				n++
				if !drop[i] {
					drop[i] = true
					removed++
				}
			}
		}
	}
	if removed == 0 {
		return lines
	}
	// Join paragraphs cut by a page break: drop the blank lines between
	// the last text line before a break and the first one after it.
	for _, b := range at {
		p := b - 1
		for p >= 0 && (drop[p] || lines[p].text == "") {
			p--
		}
		q := b
		for q < len(lines) && (drop[q] || lines[q].text == "") {
			q++
		}
		if p < 0 || q >= len(lines) || !continues(lines, drop, p, q) {
			continue
		}
		for k := p + 1; k < q; k++ {
			drop[k] = true
		}
	}
	out := lines[:0:0]
	for i, l := range lines {
		if !drop[i] {
			out = append(out, l)
		}
	}
	first := 0
	for i := range lines {
		if drop[i] && lines[i].text != "" {
			first = lines[i].n
			break
		}
	}
	r.w.Add(posAt(r.f, first), "%d running header and footer lines at %d page breaks removed", removed, len(at))
	return out
}

// window calls fn(b, i) for each non-blank line i among the
// furnitureWindow non-blank lines before page break b (at[b]) and the
// furnitureWindow ones from it on.
func window(lines []srcLine, keys []string, at []int, fn func(b, i int)) {
	for b, i0 := range at {
		n := 0
		for i := i0 - 1; i >= 0 && n < furnitureWindow; i-- {
			if lines[i].text == "" {
				continue
			}
			n++
			if keys[i] != "" {
				fn(b, i)
			}
		}
		n = 0
		for i := i0; i < len(lines) && n < furnitureWindow; i++ {
			if lines[i].text == "" {
				continue
			}
			n++
			if keys[i] != "" {
				fn(b, i)
			}
		}
	}
}

// regularLines finds page breaks in a text without form feeds: the lines
// of the key with a number that recurs most often, at least minPages
// times, with a page number (one number going up by one from line to
// line) and at regular intervals (70% of the gaps within 30% of the
// median gap, which is at least 10 lines). Headings are never taken.
func regularLines(lines []srcLine, keys []string) []int {
	pos := map[string][]int{}
	for i, k := range keys {
		if k != "" && strings.Contains(k, "#") && !classifyHeading(collapse(lines[i].text)).strong() {
			pos[k] = append(pos[k], i)
		}
	}
	var best []int
	bestKey := ""
	for k, ps := range pos {
		if len(ps) < minPages || len(ps) < len(best) || (len(ps) == len(best) && k > bestKey) {
			continue
		}
		if !regular(lines, ps) {
			continue
		}
		best, bestKey = ps, k
	}
	return best
}

// sameText reports whether the lines at ps are all alike (white space
// aside).
func sameText(lines []srcLine, ps []int) bool {
	for _, p := range ps[1:] {
		if collapse(lines[p].text) != collapse(lines[ps[0]].text) {
			return false
		}
	}
	return true
}

// pageNumbered reports whether the lines at ps (of one key) differ only
// in one number that goes up by one from each to the next, as page
// numbers do, in at least 70% of the steps.
func pageNumbered(lines []srcLine, ps []int) bool {
	if len(ps) < 2 {
		return false
	}
	steps := 0
	prev := numbersOf(lines[ps[0]].text)
	for _, p := range ps[1:] {
		cur := numbersOf(lines[p].text)
		if len(cur) == len(prev) {
			changed, up := 0, false
			for k := range cur {
				if cur[k] != prev[k] {
					changed++
					up = cur[k] == prev[k]+1
				}
			}
			if changed == 1 && up {
				steps++
			}
		}
		prev = cur
	}
	return steps*10 >= (len(ps)-1)*7
}

// numbersOf returns the numbers written in s (runs of up to 9 digits;
// longer runs count as 0).
func numbersOf(s string) []int {
	var out []int
	n, in, digits := 0, false, 0
	for i := 0; i <= len(s); i++ {
		if i < len(s) && s[i] >= '0' && s[i] <= '9' {
			if digits < 9 {
				n = n*10 + int(s[i]-'0')
			} else {
				n = 0
			}
			in = true
			digits++
			continue
		}
		if in {
			out = append(out, n)
		}
		n, in, digits = 0, false, 0
	}
	return out
}

// regular reports whether the lines at ps carry page numbers (see
// pageNumbered) and stand at regular intervals.
func regular(lines []srcLine, ps []int) bool {
	if !pageNumbered(lines, ps) {
		return false
	}
	gaps := make([]int, 0, len(ps)-1)
	for i := 1; i < len(ps); i++ {
		gaps = append(gaps, lines[ps[i]].n-lines[ps[i-1]].n)
	}
	sorted := append([]int(nil), gaps...)
	sort.Ints(sorted)
	med := sorted[len(sorted)/2]
	if med < 10 {
		return false
	}
	near := 0
	for _, g := range gaps {
		if g*10 >= med*7 && g*10 <= med*13 {
			near++
		}
	}
	return near*10 >= len(gaps)*7
}

// continues reports whether text line q (after a page break) continues the
// paragraph of text line p (before it): q starts with a lower-case letter,
// or p ends with a comma, semicolon or hyphen, or both look preformatted
// (see preLine), or p does not end a
// sentence and both lines have the same indentation with p inside a
// paragraph of two or more lines.
func continues(lines []srcLine, drop []bool, p, q int) bool {
	a, b := lines[p].text, strings.TrimSpace(lines[q].text)
	first, _ := utf8.DecodeRuneInString(b)
	if unicode.IsLower(first) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(a)
	switch last {
	case ',', ';', '-':
		return true
	}
	if preLine(a) && preLine(lines[q].text) {
		return true // a table or diagram going on over the page
	}
	if terminal(a) || indentOf(a) != indentOf(lines[q].text) || preLine(a) || preLine(lines[q].text) {
		return false
	}
	prev := p - 1
	for prev >= 0 && drop[prev] {
		prev--
	}
	return prev >= 0 && lines[prev].text != ""
}
