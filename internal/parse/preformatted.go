package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// Preformatted text. A plain text keeps diagrams, tables of aligned
// columns, grammars (ABNF), code and contents lists with dot leaders in
// blocks that must not be re-flowed. They are told from prose by their
// shape, never by their words:
//
//   - a line is "preformatted-looking" when it has a dot leader (". . ."
//     or "...." before a page number), a gap of three or more spaces inside it (or of two
//     spaces not after a sentence's end: aligned columns), fewer letters
//     and digits than half its visible characters (box drawing, +-|/\
//     art, ABNF operators), or starts or ends with a box edge (| +);
//   - a block is preformatted when more than half its lines look so (or
//     half, in a block of four lines or more; both, in a block of two
//     lines that is not indented deeper than usual), or
//     when it is indented deeper than the text's usual indentation (see
//     baseIndent) and either a quarter of its lines look so or its lines
//     do not have the even right edge of a hard-wrapped paragraph — unless
//     no line looks preformatted and the block reads as a sentence.
//
// A single line is preformatted only when it is indented deeper than usual
// and has fewer letters and digits than half its visible characters, or
// is an entry of a contents list (see contentsEntry). Preformatted blocks
// with only blank lines between them join into one.

// minProseRunes is the shortest line counted when measuring the usual
// indentation of prose.
const minProseRunes = 40

// indentOf returns the width of l's leading white space, a tab counting
// to the next multiple of 8.
func indentOf(l string) int {
	w := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case ' ':
			w++
		case '\t':
			w += 8 - w%8
		default:
			return w
		}
	}
	return w
}

// baseIndent returns the indentation most lines of prose have: 0 for most
// texts, 3 for an RFC. Prose lines are at least 40 characters long, mostly
// letters and not preformatted-looking.
func baseIndent(lines []srcLine) int {
	var hist [17]int
	for _, l := range lines {
		if utf8.RuneCountInString(l.text) < minProseRunes || preLine(l.text) {
			continue
		}
		hist[min(indentOf(l.text), 16)]++
	}
	best := 0
	for i, c := range hist {
		if c > hist[best] {
			best = i
		}
	}
	return best
}

// preLine reports whether a line looks preformatted by itself.
func preLine(l string) bool {
	t := strings.TrimSpace(l)
	if t == "" || rule(t) != 0 || underline(t) != 0 {
		return false
	}
	if dotLeader(t) {
		return true
	}
	switch t[0] {
	case '|', '+':
		return true
	}
	switch t[len(t)-1] {
	case '|', '+':
		return true
	}
	return sparse(t) || alignedGap(t)
}

// dotLeader reports whether t has a dot leader: a run of four or more
// dots, or of three or more spaced ones (". . ."), followed by nothing
// but a short page reference ("12", "xiv").
func dotLeader(t string) bool {
	i := strings.Index(t, "....")
	if j := strings.Index(t, ". . ."); j >= 0 && (i < 0 || j < i) {
		i = j
	}
	if i < 0 {
		return false
	}
	rest := strings.TrimLeft(t[i:], ". ")
	return len(rest) <= 6 && strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) < 0
}

// alignedGap reports whether t (trimmed) has a run of three or more
// spaces, or of two spaces not after a sentence's end, past its first
// word when that word is a short list marker ("o  item", "1.  Intro").
func alignedGap(t string) bool {
	start := 0
	if i := strings.IndexByte(t, ' '); i > 0 && i <= 4 {
		start = i
		for start < len(t) && t[start] == ' ' {
			start++
		}
	}
	for i := start; i < len(t); i++ {
		if t[i] != ' ' && t[i] != '\t' {
			continue
		}
		j := i
		for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
			j++
		}
		gap := j - i
		if t[i] == '\t' || gap >= 3 {
			return true
		}
		if gap == 2 && i > 0 && !strings.ContainsRune(".?!:;)\"'", rune(t[i-1])) {
			return true
		}
		i = j
	}
	return false
}

// preformatted reports whether block b is preformatted text (see the
// comment at the top of this file).
func (r *textReader) preformatted(b *textBlock) bool {
	minInd := -1
	pre := 0
	for _, l := range b.lines {
		ind := indentOf(l)
		if minInd < 0 || ind < minInd {
			minInd = ind
		}
		if preLine(l) {
			pre++
		}
	}
	deeper := minInd >= r.base+2
	n := len(b.lines)
	if n == 1 {
		return deeper && sparse(b.lines[0]) || contentsEntry(b.lines[0])
	}
	if (pre*2 > n && (n >= 3 || deeper)) || (pre*2 == n && n >= 4) {
		return true
	}
	if !deeper {
		return false
	}
	if pre == 0 && sentence(b.lines) {
		return false
	}
	return pre*4 >= n || !evenEdge(b.lines)
}

// contentsEntry reports whether l is a line of a contents list or list of
// illustrations: a dot leader, or an aligned gap before a page number at
// the end after at least six letters ("The arrival of the Gardiners
// 294").
func contentsEntry(l string) bool {
	t := strings.TrimSpace(l)
	if dotLeader(t) {
		return true
	}
	i := strings.LastIndex(t, "   ")
	if i < 0 {
		return false
	}
	num := strings.TrimSpace(t[i:])
	letters := 0
	for _, r := range t[:i] {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 6 && len(num) <= 6 && (allDigits(num) || isRoman(strings.ToUpper(num)))
}

// sparse reports whether l has at least four visible characters and fewer
// than half of them are letters or digits.
func sparse(l string) bool {
	alnum, visible := 0, 0
	for _, r := range l {
		if unicode.IsSpace(r) {
			continue
		}
		visible++
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			alnum++
		}
	}
	return visible >= 4 && alnum*2 < visible
}

// sentence reports whether lines read as a sentence: the first starts
// with a capital letter, the last ends with . ! or ? (also before a
// closing bracket or quote) and no line has a sign of code or grammar
// (= { } ;).
func sentence(lines []string) bool {
	for _, l := range lines {
		if strings.ContainsAny(l, "={};") {
			return false
		}
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(lines[0]))
	last := strings.TrimRight(lines[len(lines)-1], " )]>\"'»”")
	return unicode.IsUpper(first) && (strings.HasSuffix(last, ".") || strings.HasSuffix(last, "!") || strings.HasSuffix(last, "?"))
}

// evenEdge reports whether lines have the right edge of a hard-wrapped
// paragraph: the longest is at least 40 characters and at least 70% of
// the lines before the last reach 70% of its length.
func evenEdge(lines []string) bool {
	longest := 0
	for _, l := range lines {
		longest = max(longest, utf8.RuneCountInString(strings.TrimSpace(l)))
	}
	if longest < minProseRunes {
		return false
	}
	full := 0
	for _, l := range lines[:len(lines)-1] {
		if utf8.RuneCountInString(strings.TrimSpace(l))*10 >= longest*7 {
			full++
		}
	}
	return full*10 >= (len(lines)-1)*7
}

// code adds a preformatted block as a code item; one that follows another
// with only blank lines between them (a diagram or grammar with blank
// lines inside) joins it.
func (r *textReader) code(b *textBlock) {
	if k := len(r.items) - 1; k >= 0 && r.items[k].kind == itemCode && r.lastCodeEnd > 0 && b.at(0)-r.lastCodeEnd <= 3 {
		for n := r.lastCodeEnd + 1; n < b.at(0); n++ {
			r.items[k].code = append(r.items[k].code, "")
		}
		r.items[k].code = append(r.items[k].code, b.lines...)
		r.lastCodeEnd = b.at(len(b.lines) - 1)
		return
	}
	r.items = append(r.items, textItem{kind: itemCode, line: b.at(0), code: append([]string(nil), b.lines...)})
	r.lastCodeEnd = b.at(len(b.lines) - 1)
}

// dedent joins lines with "\n" after removing the indentation they all
// share; tabs are expanded to spaces first so columns stay aligned.
func dedent(lines []string) string {
	exp := make([]string, len(lines))
	common := -1
	for i, l := range lines {
		if strings.ContainsRune(l, '\t') {
			l = document.ExpandTabs(l, 8)
		}
		exp[i] = l
		if strings.TrimSpace(l) == "" {
			continue
		}
		if ind := indentOf(l); common < 0 || ind < common {
			common = ind
		}
	}
	common = max(common, 0)
	var sb strings.Builder
	for i, l := range exp {
		if i > 0 {
			sb.WriteByte('\n')
		}
		if len(l) >= common {
			sb.WriteString(l[common:])
		}
	}
	return sb.String()
}
