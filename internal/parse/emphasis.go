package parse

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Why this file exists: goldmark (v1.8.7, parser/delimiter.go
// ProcessDelimiters) matches emphasis and strikethrough delimiters the way
// the CommonMark spec describes, but without the spec's "openers bottom"
// optimisation: every closer scans back through all the delimiters before
// it, and a closer that finds no opener is removed while the openers stay.
// "*a_ " repeated 10 000, 20 000 and 40 000 times took 0.4, 1.9 and 11 s:
// each "_" scans back over every "*". See testdata/goldmark-emphasis for a
// reproducer and the fix proposed upstream.
//
// The guard wraps goldmark's emphasis and strikethrough parsers. When a
// delimiter run that can only close (not open) is scanned, and no run of
// the same character that could open it is still unmatched before it, the
// run can never be matched: the guard returns it as plain text instead of
// a delimiter, which is exactly what goldmark would turn it into in the
// end, only without the scans. Everything goldmark parses is otherwise
// unchanged — code spans, links, autolinks and raw HTML are parsed by
// goldmark itself, so the guard sees only real delimiter runs.
//
// "Still unmatched" is tracked with counts: a run that can only open adds
// its length; a run that can only close, scanned outside any "[", takes
// min(its length, the count) away — goldmark will match it with that many
// opener characters, since two such runs always match (the "multiple of 3"
// rule needs a run that can both open and close). Inside "[…]" a closer
// may be cut off from the openers outside (if the brackets become a link),
// so there it only takes from the openers inside the brackets; when the
// brackets close, what is left inside is added to the outside count (the
// link may have failed). Once a run of a character that can both open and
// close has been seen in the block, closers of that character no longer
// take from the count. All of this only ever overestimates what is left,
// so no run that could be matched is turned into text.
//
// What the counts cannot decide (closers inside brackets facing openers
// outside them, or facing runs that can both open and close) keeps
// goldmark's cost; that cost is bounded per block by maxUndecidedWork
// (the delimiters such closers may scan), and past it further undecided
// closers are read as text, with a warning: only crafted input gets there.

// maxUndecidedWork bounds, per block, the sum over undecided closers of
// the delimiters before them (what goldmark may scan for them).
const maxUndecidedWork = 4_000_000

// emphasisChars are the delimiter characters the guard tracks.
const emphasisChars = "*_~"

// emFrame holds the unmatched opener characters of one bracket level.
type emFrame struct {
	avail [3]int
}

// emphasisGuard is the state shared by the wrapped parsers for one parse.
type emphasisGuard struct {
	block  ast.Node  // the block being parsed; the state is reset when it changes
	frames []emFrame // frames[0] is the block; one more per "[" not yet closed
	both   [3]bool   // a run of the character that can both open and close was seen
	pushed int       // delimiters pushed in this block (bounds the list length)
	work   int       // undecided work spent in this block
	// cut holds the offsets of blocks where undecided closers were read as
	// text, for the reader's warnings.
	cut      []int
	cutBlock bool
}

func (g *emphasisGuard) enter(block ast.Node) {
	if block == g.block {
		return
	}
	g.block = block
	g.frames = append(g.frames[:0], emFrame{})
	g.both = [3]bool{}
	g.pushed, g.work, g.cutBlock = 0, 0, false
}

// decide returns whether a delimiter run d (scanned at offset off) must be
// read as text.
func (g *emphasisGuard) decide(d *parser.Delimiter, off int) bool {
	k := 0
	for k < len(emphasisChars) && emphasisChars[k] != d.Char {
		k++
	}
	if k == len(emphasisChars) {
		return false
	}
	top := &g.frames[len(g.frames)-1]
	switch {
	case d.CanOpen:
		top.avail[k] += d.OriginalLength
		if d.CanClose {
			g.both[k] = true
		}
		return false
	case !d.CanClose:
		return false
	}
	total := 0
	for _, f := range g.frames {
		total += f.avail[k]
	}
	if total == 0 {
		return true // nothing it could close: goldmark would make it text
	}
	if !g.both[k] && top.avail[k] > 0 {
		take := min(d.OriginalLength, top.avail[k])
		top.avail[k] -= take
		if take == d.OriginalLength || len(g.frames) == 1 {
			return false
		}
	}
	// Undecided: goldmark may scan every delimiter before it.
	g.work += g.pushed
	if g.work <= maxUndecidedWork {
		return false
	}
	if !g.cutBlock {
		g.cutBlock = true
		g.cut = append(g.cut, off)
	}
	return true
}

// openBracket and closeBracket follow "[" and "]" in the block.
func (g *emphasisGuard) openBracket() { g.frames = append(g.frames, emFrame{}) }

func (g *emphasisGuard) closeBracket() {
	if len(g.frames) < 2 {
		return
	}
	in := g.frames[len(g.frames)-1]
	g.frames = g.frames[:len(g.frames)-1]
	top := &g.frames[len(g.frames)-1]
	for k := range in.avail {
		top.avail[k] += in.avail[k]
	}
}

// guardedDelimiters wraps goldmark's emphasis or strikethrough parser.
type guardedDelimiters struct {
	inner parser.InlineParser
	g     *emphasisGuard
	// maxLen and noTildeBefore mirror the strikethrough parser's own
	// refusals (runs longer than 2, a run after "~").
	maxLen        int
	noTildeBefore bool
}

func (p *guardedDelimiters) Trigger() []byte { return p.inner.Trigger() }

func (p *guardedDelimiters) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	p.g.enter(parent)
	before := block.PrecendingCharacter()
	line, segment := block.PeekLine()
	d, ok := scanRun(line, before)
	if !ok || p.maxLen > 0 && d.OriginalLength > p.maxLen || p.noTildeBefore && before == '~' {
		return p.inner.Parse(parent, block, pc)
	}
	if p.g.decide(&d, segment.Start) {
		// Text, merged into the text before it as goldmark merges a
		// delimiter it gives up on (ast.MergeOrReplaceTextSegment), so
		// that a "\" before the run still escapes its first character.
		block.Advance(d.OriginalLength)
		run := segment.WithStop(segment.Start + d.OriginalLength)
		if t, ok := parent.LastChild().(*ast.Text); ok && t.Segment.Stop == run.Start && !t.SoftLineBreak() {
			t.Segment = t.Segment.WithStop(run.Stop)
			return ast.NewTextSegment(text.NewSegment(run.Stop, run.Stop))
		}
		return ast.NewTextSegment(run)
	}
	n := p.inner.Parse(parent, block, pc)
	if _, ok := n.(*parser.Delimiter); ok {
		p.g.pushed++
	}
	return n
}

// bracketTracker tells the guard about "[", "![" and "]"; it never parses
// anything itself (Parse returns nil, so goldmark's link parser runs next).
type bracketTracker struct{ g *emphasisGuard }

func (t *bracketTracker) Trigger() []byte { return []byte{'[', ']', '!'} }

func (t *bracketTracker) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	t.g.enter(parent)
	line, _ := block.PeekLine()
	switch {
	case len(line) > 0 && line[0] == '[', len(line) > 1 && line[0] == '!' && line[1] == '[':
		t.g.openBracket()
	case len(line) > 0 && line[0] == ']':
		t.g.closeBracket()
	}
	return nil
}

// scanRun reads the delimiter run at the start of line as
// parser.ScanDelimiter does (the CommonMark flanking rules, with the
// stricter ones for "_"), without allocating: only Char, OriginalLength,
// Length, CanOpen and CanClose are set. before is the character before
// the run.
func scanRun(line []byte, before rune) (parser.Delimiter, bool) {
	if len(line) == 0 {
		return parser.Delimiter{}, false
	}
	c := line[0]
	j := 1
	for j < len(line) && line[j] == c {
		j++
	}
	after := ' '
	if j < len(line) {
		after = util.ToRune(line, j)
	}
	beforePunct, beforeSpace := util.IsPunctRune(before), util.IsSpaceRune(before)
	afterPunct, afterSpace := util.IsPunctRune(after), util.IsSpaceRune(after)
	left := !afterSpace && (!afterPunct || beforeSpace || beforePunct)
	right := !beforeSpace && (!beforePunct || afterSpace || afterPunct)
	d := parser.Delimiter{Char: c, OriginalLength: j, Length: j, CanOpen: left, CanClose: right}
	if c == '_' {
		d.CanOpen = left && (!right || beforePunct)
		d.CanClose = right && (!left || afterPunct)
	}
	return d, true
}

// guardedParser returns goldmark's default parser with the emphasis parser
// wrapped, plus the wrapped strikethrough parser and the bracket tracker,
// all sharing g. Use it instead of extension.Strikethrough.
func guardedParser(g *emphasisGuard) parser.Parser {
	var inlines []util.PrioritizedValue
	for _, v := range parser.DefaultInlineParsers() {
		if ip, ok := v.Value.(parser.InlineParser); ok && string(ip.Trigger()) == "*_" {
			v.Value = &guardedDelimiters{inner: ip, g: g}
		}
		inlines = append(inlines, v)
	}
	inlines = append(inlines,
		util.Prioritized(&guardedDelimiters{inner: extension.NewStrikethroughParser(), g: g, maxLen: 2, noTildeBefore: true}, 500),
		// goldmark tries lower priorities first: after the footnote
		// parser (101, which takes "[^1]" whole), before the link parser
		// (200). It never returns a node, so the others run as before.
		util.Prioritized(&bracketTracker{g: g}, 150),
	)
	return parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(inlines...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
}
