package parse

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/util"
)

// placeholder stands, in the bytes given to goldmark, for a "(" after "]"
// that cannot open a link destination. clean removes every control
// character, so the byte is free; goldmark reads it as an ordinary text
// character, and restore turns it back into "(" in everything the reader
// takes from the source. Replacing one byte with one byte keeps every
// offset, so positions are unchanged.
const placeholder = 0x01

// neutralizeDestinations returns src with each "(" that directly follows a
// "]" and cannot start a link destination replaced by placeholder. Bytes
// before from (the front matter) are never changed. src itself is not
// modified; a copy is made on the first change.
//
// Why: for "](" goldmark (v1.8.7, parser/link.go parseLinkDestination)
// scans the destination to the first white space or unbalanced ")" and,
// when the link then fails, starts again at the next "](" — so a line of
// n "[x](" (or "[x](<") costs n² steps. The outcome of every attempt is
// decided here, in linear time, by the same rules goldmark applies (see
// linkOutcome); only attempts that must fail are removed, so real links
// are parsed exactly as before. A "(" is kept even when its link must fail
// if the placeholder could change how something else reads it: when it is
// followed by an emphasis or strikethrough delimiter ("*", "_", "~": the
// placeholder is not punctuation, which changes flanking), when an autolink
// could start at it or run through it, or when it may sit inside raw HTML
// or an <autolink> (a "<" before it not yet closed and a ">" after it).
func neutralizeDestinations(src []byte, from int) []byte {
	if bytes.Index(src[from:], []byte("](")) < 0 {
		return src
	}
	o := &outcomes{src: src, cont: map[int]bool{}}
	out := src
	lastGT := bytes.LastIndexByte(src, '>')
	openLT := -1     // offset of a "<" that may open HTML or an autolink, not yet followed by ">"
	runStart := from // start of the current run of non-space bytes
	urlIn := -1      // offset where "://" or "www." occurs in the current run
	blank := true    // the current line is blank so far
	for p := from; p < len(src); p++ {
		c := src[p]
		lineHead := blank // only white space before c on its line
		if c == '\n' {
			if blank {
				openLT = -1 // neither raw HTML nor an autolink spans a blank line
			}
			blank = true
		} else if !util.IsSpace(c) {
			blank = false
		}
		switch {
		case util.IsSpace(c):
			runStart, urlIn = p+1, -1
		case c == '<':
			if p+1 < len(src) && mayOpenTag(src[p+1]) {
				openLT = p
			}
		case c == '>' && !lineHead: // a ">" at a line head may be a block quote marker
			openLT = -1
		case c == '/' && urlIn < 0 && p >= runStart+2 && src[p-1] == '/' && src[p-2] == ':':
			urlIn = p
		case c == '.' && urlIn < 0 && p >= runStart+3 && bytes.Equal(src[p-3:p], []byte("www")):
			urlIn = p
		case c == '(' && p > from && src[p-1] == ']':
			if urlIn >= 0 || (openLT >= 0 && lastGT > p) || !o.fails(p) || keepParen(src, p) {
				continue
			}
			if &out[0] == &src[0] {
				out = bytes.Clone(src)
			}
			out[p] = placeholder
		}
	}
	return out
}

// mayOpenTag reports whether a "<" followed by c may start raw HTML (a tag
// name, "/", "!" or "?") or an autolink (a scheme or an e-mail address).
func mayOpenTag(c byte) bool {
	return c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' ||
		strings.IndexByte(".!#$%&'*+/=?^_`{|}~-", c) >= 0)
}

// emailWindow bounds what keepParen reads after a "(".
const emailWindow = 400

// keepParen reports whether the "(" at p must stay although its link
// fails: goldmark's linkify extension may start an autolink at it, or a
// delimiter run follows it.
func keepParen(src []byte, p int) bool {
	// util.FindEmailIndex reads at most 64+1+256 bytes: a window of
	// emailWindow bytes gives its answer without scanning the whole line.
	rest := src[p+1 : min(len(src), p+1+emailWindow)]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		rest = rest[:i]
	}
	if len(rest) == 0 {
		return false
	}
	switch rest[0] {
	case '*', '_', '~':
		return true
	}
	for _, prefix := range []string{"http:", "https:", "ftp:", "www."} {
		if bytes.HasPrefix(rest, []byte(prefix)) {
			return true
		}
	}
	return !util.IsPunct(rest[0]) && util.FindEmailIndex(rest) >= 0
}

// outcomes decides goldmark's parseLink for "(" positions, sharing work
// between attempts so that the total cost stays linear.
type outcomes struct {
	src []byte
	// cont memoizes continuation results by the offset of the first
	// non-space byte after a destination.
	cont map[int]bool
	// line caches destination ends for the line that starts at lineStart.
	lineStart, lineEnd int
	ends               []int // destination end for a start at lineStart+k
	gts                []int // next unescaped ">" at or after lineStart+k, or -1
}

// fails reports whether goldmark's parseLink, started at the "(" at p,
// certainly fails. It answers false ("may succeed") when unsure.
func (o *outcomes) fails(p int) bool {
	s, st := o.skipSpaces(p + 1)
	switch st {
	case ended:
		return true // no destination and no ")"
	case unsure:
		return false
	}
	if o.src[s] == '<' {
		g := o.closeAngle(s + 1)
		if g < 0 {
			return true
		}
		return !o.continuation(g + 1)
	}
	e := o.destEnd(s)
	if e < len(o.src) && o.src[e] == ')' {
		return false // an unbalanced ")" ends the destination: a link
	}
	return !o.continuation(e)
}

// Results of skipSpaces.
const (
	found  = iota // a non-space byte in the same paragraph
	ended         // the paragraph ends first (end of input or a blank line)
	unsure        // a line starting with ">" comes first: goldmark strips
	// block quote markers, which this byte-level view cannot follow
)

// skipSpaces returns the first non-space offset at or after i, as
// goldmark's SkipSpaces would reach it, and whether it was found.
func (o *outcomes) skipSpaces(i int) (int, int) {
	nl := false
	for ; i < len(o.src); i++ {
		c := o.src[i]
		if c == '\n' {
			if nl {
				return i, ended
			}
			nl = true
			continue
		}
		if !util.IsSpace(c) {
			if nl && c == '>' {
				return i, unsure
			}
			return i, found
		}
	}
	return i, ended
}

// lineBounds returns the line holding offset i: [start, end), end at the
// "\n" or the end of input.
func (o *outcomes) lineBounds(i int) (int, int) {
	start := bytes.LastIndexByte(o.src[:i], '\n') + 1
	end := bytes.IndexByte(o.src[i:], '\n')
	if end < 0 {
		return start, len(o.src)
	}
	return start, i + end
}

// closeAngle returns the offset of the ">" that ends a "<…>" destination
// whose content starts at i (goldmark looks on the same line only, with
// backslash escapes), or -1. Like destEnd it is answered from the line's
// tables, so many "](<" on one line cost O(line).
func (o *outcomes) closeAngle(i int) int {
	o.useLine(i)
	if i >= o.lineEnd {
		return -1
	}
	return o.gts[i-o.lineStart]
}

// destEnd returns where goldmark's destination scan from s stops: the first
// white space, the first ")" that closes more parentheses than were opened
// since s, or the end of the line. All starts on one line are answered by
// one pass over it (see fillLine), so many "](" on one line cost O(line).
func (o *outcomes) destEnd(s int) int {
	o.useLine(s)
	return o.ends[s-o.lineStart]
}

// useLine makes the tables describe the line holding offset i.
func (o *outcomes) useLine(i int) {
	if i < o.lineStart || i > o.lineEnd || o.ends == nil {
		o.fillLine(i)
	}
}

// fillLine computes destination ends for every offset of the line holding
// s. Escapes ("\" + punctuation) are paired from the line start; every
// start goldmark uses follows "(" or white space, so it pairs them the same
// way. Scanning right to left, next[d] holds the nearest ")" after which the
// depth is d; a start whose depth before it is d stops at next[d-1] or at
// the nearest white space, whichever comes first.
func (o *outcomes) fillLine(s int) {
	start, end := o.lineBounds(s)
	line := o.src[start:end]
	n := len(line)
	escaped := make([]bool, n) // second byte of an escape pair
	before := make([]int, n+1) // depth before each offset
	d := 0
	for i := 0; i < n; i++ {
		before[i] = d
		c := line[i]
		if c == '\\' && i+1 < n && util.IsPunct(line[i+1]) {
			before[i+1] = d
			escaped[i+1] = true
			i++
			continue
		}
		switch c {
		case '(':
			d++
		case ')':
			d--
		}
	}
	before[n] = d
	next := make([]int, 2*n+3) // by depth + n + 1; 0 means none
	ends := make([]int, n)
	gts := make([]int, n)
	space, gt := n, -1
	for i := n - 1; i >= 0; i-- {
		c := line[i]
		if c == '>' && !escaped[i] {
			gt = start + i
		}
		gts[i] = gt
		if util.IsSpace(c) && !escaped[i] {
			space = i
		}
		if c == ')' && !escaped[i] {
			next[before[i]-1+n+1] = i + 1
		}
		e := space
		if k := before[i] - 1 + n + 1; k >= 0 && next[k] != 0 && next[k]-1 < e {
			e = next[k] - 1
		}
		ends[i] = start + e
	}
	o.lineStart, o.lineEnd, o.ends, o.gts = start, end, ends, gts
}

// continuation reports whether a link may still succeed after its
// destination ended at offset i: after optional white space comes ")", or
// a title ("…", '…' or (…), no nesting, escapes allowed) and then ")".
func (o *outcomes) continuation(i int) bool {
	y, st := o.skipSpaces(i)
	switch st {
	case ended:
		return false
	case unsure:
		return true
	}
	if r, seen := o.cont[y]; seen {
		return r
	}
	r := o.title(y)
	o.cont[y] = r
	return r
}

func (o *outcomes) title(y int) bool {
	opener := o.src[y]
	closer := opener
	switch opener {
	case ')':
		return true
	case '"', '\'':
	case '(':
		closer = ')'
	default:
		return false
	}
	for j := y + 1; j < len(o.src); j++ {
		c := o.src[j]
		switch {
		case c == '\n':
			if _, st := o.skipSpaces(j); st == ended {
				return false // the paragraph ends inside the title
			}
		case c == '\\' && j+1 < len(o.src) && o.src[j+1] != '\n' && util.IsPunct(o.src[j+1]):
			j++
		case c == closer:
			z, st := o.skipSpaces(j + 1)
			return st == unsure || st == found && o.src[z] == ')'
		case c == opener:
			return false // goldmark does not nest title brackets
		}
	}
	return false
}

// restore turns placeholders back into "(".
func restore(b []byte) []byte {
	if bytes.IndexByte(b, placeholder) < 0 {
		return b
	}
	out := bytes.Clone(b)
	for i, c := range out {
		if c == placeholder {
			out[i] = '('
		}
	}
	return out
}

// restoreString is restore for strings.
func restoreString(s string) string {
	return string(restore([]byte(s)))
}
