package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// Limits of the plain-text reader's heuristics.
const (
	// maxTitleWords is the most words a title or heading line may have.
	maxTitleWords = 12
	// maxTitleRunes is the most characters a title or heading line may have.
	maxTitleRunes = 120
	// wrapWidth is the line length (in characters) above which a line is
	// taken to be a whole paragraph rather than a hard-wrapped line.
	wrapWidth = 100
)

// ParseText reads f as plain text. First, over the whole text, in this
// order (each in its own file):
//
//   - YAML front matter at the top, as in Markdown, when it parses to a
//     mapping with a known key (frontmatter.go);
//   - a Project Gutenberg header and licence around the START/END lines:
//     left out with a warning, the header's Title/Author/Release date/
//     Language read into Meta (gutenberg.go);
//   - page furniture: running headers and footers at page breaks (form
//     feeds, or a numbered line recurring at regular intervals) removed
//     with a warning, and paragraphs cut by a break joined (furniture.go);
//   - an RFC header block: title, authors, date and "RFC N" subtitle into
//     Meta, its lines left out with a warning (rfc.go);
//   - memo header lines (Subject → title, From → author, Date → date)
//     (memo.go).
//
// Then, per block of non-blank lines:
//
//   - A block shaped like a diagram, table, grammar, code or contents list
//     is a CodeBlock, kept verbatim (preformatted.go).
//   - The first non-blank line is the document title, when Meta has none,
//     and it is short (≤ 12 words), is not a numbered or CHAPTER-style
//     heading and does not end in terminal punctuation (. ! ? : ; …, also
//     before a closing quote or parenthesis).
//   - Paragraphs are separated by blank lines. A block of long lines (most
//     over 100 characters) holds one paragraph per line, and so does every
//     block of a text where a tenth of the lines are that long (a text
//     written one paragraph per line); a block of shorter, hard-wrapped
//     lines is one paragraph whose lines are joined with a space ("word-" +
//     "next" keeps the hyphen and joins without one). Indented lines and
//     bullet lines ("- ", "* ", "• ") inside a wrapped block start new
//     paragraphs.
//   - A heading is a line alone in its block (every line, in a text
//     written one paragraph per line), or a line underlined with === or
//     ---, or an article or section heading on the line above its text.
//     Kinds, from the top of the hierarchy down: BOOK/PART/VOLUME/ЧАСТЬ/
//     ТОМ/КНИГА/РАЗДЕЛ/бөлім (and PROLOGUE/EPILOGUE), CHAPTER/ГЛАВА/тарау,
//     ARTICLE/AMENDMENT/СТАТЬЯ/бап, SECTION/§, a bare Roman numeral,
//     ===-underlined, ALL-CAPS lines, numbered lines ("1.", "1.2", "I.") by
//     depth (a line flush left in a text whose prose is indented, as RFC
//     headings are, ranks with depth 1), ---underlined. Keywords match
//     after folding Latin/Cyrillic look-alike letters (lookalike.go). Only
//     the kinds present get levels, so a text with only CHAPTERs has them
//     at level 1. ALL-CAPS lines are headings only in texts without BOOK/
//     CHAPTER/Roman-numeral headings (in a novel they are letter
//     signatures and notices).
//   - Four or more heading lines in a row with no text between them are a
//     table of contents (as in Project Gutenberg files): they are kept as
//     paragraphs, with a warning, instead of becoming empty sections.
//   - A line of three or more -, *, _ or = (optionally spaced) alone is a
//     Rule.
//
// No word of the body is dropped or reordered; what the first passes take
// out (front matter, boilerplate, furniture, header lines) is either in
// Meta or named in a warning.
func ParseText(f *source.File, w *source.Warnings) (doc *document.Document, err error) {
	breaks, raw := formFeeds(f.Data)
	data := clean(f, raw, w)
	doc = &document.Document{}
	doc.Meta.Source = f.Base()

	r := &textReader{f: f, w: w}
	lines := splitLines(string(data))
	lines = r.frontMatter(data, lines, &doc.Meta)
	lines = r.gutenberg(lines, &doc.Meta)
	lines = r.furniture(lines, breaks)
	lines = r.rfcHeader(lines, &doc.Meta)
	lines = r.memo(lines, &doc.Meta)
	r.title = doc.Meta.Title
	r.split(lines)
	r.build(doc)
	if doc.Meta.Language == "" {
		doc.Meta.Language = DetectLanguage(string(data))
	}
	doc.Number()
	return doc, nil
}

// textBlock is a run of non-blank lines; nums holds the 1-based line
// number of each (lines removed as page furniture leave gaps).
type textBlock struct {
	nums  []int
	lines []string
}

// at returns the line number of line i of the block.
func (b *textBlock) at(i int) int {
	if i < len(b.nums) {
		return b.nums[i]
	}
	if len(b.nums) > 0 {
		return b.nums[len(b.nums)-1]
	}
	return 1
}

// sub returns lines [i:j) of the block.
func (b *textBlock) sub(i, j int) *textBlock {
	return &textBlock{nums: b.nums[i:j], lines: b.lines[i:j]}
}

type itemKind int

const (
	itemPara itemKind = iota
	itemRule
	itemHeading
	itemList
	itemCode
)

// textListItem is one bullet of a list.
type textListItem struct {
	line int
	text string
}

// textItem is one paragraph, rule or heading candidate in source order.
type textItem struct {
	kind itemKind
	line int
	// text is the paragraph text, or the heading line as written.
	text string
	// head describes a heading candidate.
	head heading
	// list holds the items of a bullet list.
	list []textListItem
	// code holds the lines of a preformatted block as written.
	code []string
}

type textReader struct {
	f     *source.File
	w     *source.Warnings
	title string
	items []textItem
	// base is the usual indentation of prose lines (see baseIndent).
	base int
	// perLine is set for a text written one paragraph per line.
	perLine bool
	// lastCodeEnd is the line number of the last line of the last code
	// item, 0 before the first.
	lastCodeEnd int
}

// split cuts the lines into blocks at blank lines and turns each into
// items. Preformatted blocks (see preformatted) become code items; in a
// text written one paragraph per line (see perLineText) every line of a
// prose block is its own paragraph.
func (r *textReader) split(lines []srcLine) {
	r.base = baseIndent(lines)
	r.perLine = perLineText(lines)
	var cur *textBlock
	first := r.title == ""
	flush := func() {
		if cur == nil {
			return
		}
		switch {
		case r.preformatted(cur):
			r.code(cur)
		case first:
			r.titleBlock(cur)
		default:
			r.block(cur)
		}
		first = false
		cur = nil
	}
	for _, l := range lines {
		if strings.TrimSpace(l.text) == "" {
			flush()
			continue
		}
		if cur == nil {
			cur = &textBlock{}
		}
		cur.nums = append(cur.nums, l.n)
		cur.lines = append(cur.lines, l.text)
	}
	flush()
}

// titleBlock handles the first block: it may start with the title.
func (r *textReader) titleBlock(b *textBlock) {
	l0 := collapse(b.lines[0])
	if len(b.lines) >= 2 && underline(b.lines[1]) != 0 && titleShaped(l0) && rule(b.lines[0]) == 0 {
		r.setTitle(l0)
		r.block(b.sub(2, len(b.lines)))
		return
	}
	if !titleShaped(l0) || classifyHeading(l0).strong() {
		r.block(b)
		return
	}
	next, _ := utf8.DecodeRuneInString(strings.TrimSpace(b.lines[min(1, len(b.lines)-1)]))
	switch {
	case len(b.lines) == 1:
	case strings.HasSuffix(l0, "-") || strings.HasSuffix(l0, ",") || unicode.IsLower(next):
		// The first line runs on into the next: it is not a title.
		r.block(b)
		return
	case r.perLine || perLine(b.lines):
	default:
		longest := 0
		for _, l := range b.lines[1:] {
			longest = max(longest, utf8.RuneCountInString(l))
		}
		if utf8.RuneCountInString(l0)*10 >= longest*6 {
			r.block(b)
			return
		}
	}
	r.setTitle(l0)
	r.block(b.sub(1, len(b.lines)))
}

func (r *textReader) setTitle(t string) {
	r.title = t
}

// block turns one block into items. Rule lines split it wherever they
// stand (except an underline right under a heading line).
func (r *textReader) block(b *textBlock) {
	start := 0
	for i, l := range b.lines {
		if rule(l) == 0 || (i == start+1 && underline(l) != 0 && headingShaped(collapse(b.lines[start]))) {
			continue
		}
		r.run(b.sub(start, i))
		r.items = append(r.items, textItem{kind: itemRule, line: b.at(i)})
		start = i + 1
	}
	r.run(b.sub(start, len(b.lines)))
}

// run turns a block without rule lines (but an underline) into items.
func (r *textReader) run(b *textBlock) {
	if len(b.lines) == 0 {
		return
	}
	if len(b.lines) >= 2 {
		if u := underline(b.lines[1]); u != 0 {
			t := collapse(b.lines[0])
			if headingShaped(t) {
				kind := headEqual
				if u == '-' {
					kind = headDash
				}
				r.items = append(r.items, textItem{kind: itemHeading, line: b.at(0), text: t, head: heading{kind: kind, title: t}})
				r.run(b.sub(2, len(b.lines)))
				return
			}
		}
	}
	if len(b.lines) == 1 {
		t := collapse(b.lines[0])
		if h := r.lineHeading(b.lines[0], t); h.kind != headNone {
			r.items = append(r.items, textItem{kind: itemHeading, line: b.at(0), text: t, head: h})
			return
		}
		r.para(b.at(0), t)
		return
	}
	// A legal heading ("Section 1", "Статья 5.") may stand on the line
	// right above its text.
	for len(b.lines) >= 2 && legalLead(collapse(b.lines[0]), b.lines[1]) {
		t := collapse(b.lines[0])
		r.items = append(r.items, textItem{kind: itemHeading, line: b.at(0), text: t, head: classifyHeading(t)})
		b = b.sub(1, len(b.lines))
	}
	if len(b.lines) == 1 {
		r.run(b)
		return
	}
	if r.perLine {
		// Every line stands alone, so each may be a heading.
		for i := range b.lines {
			r.run(b.sub(i, i+1))
		}
		return
	}
	if perLine(b.lines) {
		for i, l := range b.lines {
			r.para(b.at(i), collapse(l))
		}
		return
	}
	r.wrapped(b)
}

// wrapped splits a hard-wrapped block into paragraphs and bullet lists. A
// paragraph starts at a bullet line ("- ", "* ", "• ") and, when most lines
// are not indented, at an indented line; indented lines right after a bullet
// continue it. A run of bullets becomes a List (the markers are dropped).
func (r *textReader) wrapped(b *textBlock) {
	indented := 0
	for _, l := range b.lines {
		if isIndented(l) {
			indented++
		}
	}
	// Paragraphs marked by an indented first line: the block starts with one
	// and more follow, and some lines are flush left.
	splitIndent := isIndented(b.lines[0]) && indented >= 2 && indented < len(b.lines)
	type seg struct {
		start, end int
		bullet     bool
	}
	var segs []seg
	// A single "- " at the start of a wrapped line is more likely a dash
	// than a list, unless the line before introduces a list with ":".
	nb := 0
	for _, l := range b.lines {
		if isBullet(l) {
			nb++
		}
	}
	for i, l := range b.lines {
		bullet := isBullet(l) && (nb >= 2 || (i > 0 && strings.HasSuffix(b.lines[i-1], ":")))
		last := len(segs) - 1
		switch {
		case i == 0, bullet:
			segs = append(segs, seg{i, i + 1, bullet})
		case segs[last].bullet && !isIndented(l):
			segs = append(segs, seg{i, i + 1, false})
		case !segs[last].bullet && splitIndent && isIndented(l):
			segs = append(segs, seg{i, i + 1, false})
		default:
			segs[last].end = i + 1
		}
	}
	for i := 0; i < len(segs); {
		s := segs[i]
		if !s.bullet {
			r.para(b.at(s.start), join(b.lines[s.start:s.end]))
			i++
			continue
		}
		it := textItem{kind: itemList, line: b.at(s.start)}
		for ; i < len(segs) && segs[i].bullet; i++ {
			lines := append([]string{stripBullet(b.lines[segs[i].start])}, b.lines[segs[i].start+1:segs[i].end]...)
			it.list = append(it.list, textListItem{line: b.at(segs[i].start), text: join(lines)})
		}
		r.items = append(r.items, it)
	}
}

func (r *textReader) para(line int, text string) {
	if text == "" {
		return
	}
	r.items = append(r.items, textItem{kind: itemPara, line: line, text: text})
}

// build assembles the section tree from the items.
func (r *textReader) build(doc *document.Document) {
	doc.Meta.Title = r.title
	ranks := rankHeadings(r.items)
	type open struct {
		rank int
		sec  *document.Section
	}
	var stack []open
	var lead *document.Section
	add := func(b document.Block) {
		if len(stack) > 0 {
			s := stack[len(stack)-1].sec
			s.Blocks = append(s.Blocks, b)
			return
		}
		if lead == nil {
			lead = &document.Section{Pos: b.Position()}
			doc.Sections = append(doc.Sections, lead)
		}
		lead.Blocks = append(lead.Blocks, b)
	}
	toc := r.contents(ranks)
	// A document numbered throughout ("1.  Introduction", "5.1.  Overview",
	// at least three such headings) keeps its own numbers; in other texts a
	// lone "I. Outlook" among other heading styles is numbered in order.
	numbered := 0
	for _, it := range r.items {
		if it.kind == itemHeading && it.head.kind == headNumbered && it.head.label != "" && allDigitsDots(it.head.label) {
			numbered++
		}
	}
	labels := numbered >= 3
	for i, it := range r.items {
		pos := posAt(r.f, it.line)
		switch it.kind {
		case itemRule:
			add(&document.Rule{Pos: pos})
			continue
		case itemPara:
			add(&document.Paragraph{Pos: pos, Inlines: []document.Inline{document.Text(it.text)}})
			continue
		case itemCode:
			add(&document.CodeBlock{Pos: pos, Text: dedent(it.code)})
			continue
		case itemList:
			l := &document.List{Pos: pos}
			for _, li := range it.list {
				l.Items = append(l.Items, &document.ListItem{Blocks: []document.Block{
					&document.Paragraph{Pos: posAt(r.f, li.line), Inlines: []document.Inline{document.Text(li.text)}},
				}})
			}
			add(l)
			continue
		}
		rank, ok := ranks.rank(it.head)
		if !ok || toc[i] {
			add(&document.Paragraph{Pos: pos, Inlines: []document.Inline{document.Text(it.text)}})
			continue
		}
		for len(stack) > 0 && stack[len(stack)-1].rank >= rank {
			stack = stack[:len(stack)-1]
		}
		s := &document.Section{Title: it.head.title, Pos: pos}
		if labels && allDigitsDots(it.head.label) {
			s.Label = it.head.label
		}
		if len(stack) == 0 {
			doc.Sections = append(doc.Sections, s)
		} else {
			p := stack[len(stack)-1].sec
			p.Sections = append(p.Sections, s)
		}
		stack = append(stack, open{rank, s})
	}
}

// minContents is the shortest run of headings with nothing between them
// that is read as a table of contents rather than as empty sections.
const minContents = 4

// contents marks the heading items that stand in runs of minContents or
// more with no text between them: a table of contents (as in Project
// Gutenberg files), kept as paragraphs rather than exploded into empty
// sections. The last headings of a run, each higher in the hierarchy than
// the next ("BOOK ONE: 1805" then "CHAPTER I"), head the text that follows
// and stay headings. It warns once per run.
func (r *textReader) contents(ranks headingRanks) []bool {
	toc := make([]bool, len(r.items))
	rankAt := func(k int) (int, bool) {
		if r.items[k].kind != itemHeading {
			return 0, false
		}
		return ranks.rank(r.items[k].head)
	}
	for i := 0; i < len(r.items); {
		j := i
		for j < len(r.items) {
			if _, ok := rankAt(j); !ok {
				break
			}
			j++
		}
		if j == i {
			i++
			continue
		}
		keep := j // items[keep:j] head the following text
		for next := -1; keep > i; keep-- {
			rk, _ := rankAt(keep - 1)
			if next >= 0 && rk >= next {
				break
			}
			next = rk
		}
		if keep-i >= minContents {
			r.w.Add(posAt(r.f, r.items[i].line), "%d heading lines in a row read as a table of contents, not as sections", keep-i)
			for k := i; k < keep; k++ {
				toc[k] = true
			}
		}
		i = j
	}
	return toc
}

// perLine reports whether a block holds one paragraph per line: most of its
// lines (the last excepted) are longer than a hard-wrapped line would be.
func perLine(lines []string) bool {
	if len(lines) < 2 {
		return false
	}
	long := 0
	for _, l := range lines[:len(lines)-1] {
		if utf8.RuneCountInString(l) > wrapWidth {
			long++
		}
	}
	return long*2 > len(lines)-1
}

// join re-flows hard-wrapped lines into one paragraph.
func join(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		l = collapse(l)
		if l == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			s := b.String()
			if !hyphenJoin(s, l) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(l)
	}
	return b.String()
}

// hyphenJoin reports whether prev ends with a hyphen after a letter and next
// starts with a letter, so the two join with no space ("Antichrist-" + "I").
func hyphenJoin(prev, next string) bool {
	if !strings.HasSuffix(prev, "-") || len(prev) < 2 {
		return false
	}
	before, _ := utf8.DecodeLastRuneInString(prev[:len(prev)-1])
	first, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLetter(before) && unicode.IsLetter(first)
}

// collapse trims s and turns runs of white space into one space.
func collapse(s string) string {
	s = strings.TrimSpace(s)
	simple := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\t' || c == '\v' || c == '\f' || (c == ' ' && i+1 < len(s) && s[i+1] == ' ') || c >= utf8.RuneSelf {
			simple = false
			break
		}
	}
	if simple {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

func isIndented(l string) bool {
	return strings.HasPrefix(l, "\t") || strings.HasPrefix(l, "  ")
}

var bullets = []string{"- ", "* ", "• ", "· "}

func isBullet(l string) bool {
	return stripBullet(l) != l
}

// stripBullet removes a leading bullet marker from l.
func stripBullet(l string) string {
	t := strings.TrimLeft(l, " \t")
	for _, p := range bullets {
		if strings.HasPrefix(t, p) && strings.TrimSpace(t[len(p):]) != "" {
			return t[len(p):]
		}
	}
	return l
}

// rule returns the character of a rule line ("---", "* * *", "===") or 0.
func rule(l string) byte {
	var c byte
	n := 0
	for i := 0; i < len(l); i++ {
		switch l[i] {
		case ' ', '\t':
		case '-', '*', '_', '=':
			if c != 0 && l[i] != c {
				return 0
			}
			c = l[i]
			n++
		default:
			return 0
		}
	}
	if n < 3 {
		return 0
	}
	return c
}

// underline returns '=' or '-' when l is an unspaced run of three or more
// of them (an underline under a heading), else 0.
func underline(l string) byte {
	l = strings.TrimSpace(l)
	if len(l) < 3 || (l[0] != '=' && l[0] != '-') {
		return 0
	}
	for i := 1; i < len(l); i++ {
		if l[i] != l[0] {
			return 0
		}
	}
	return l[0]
}

// perLineText reports whether a text is written one paragraph per line,
// as novels saved from e-book formats often are: at least a tenth of its
// non-blank lines (and three) are longer than a hard-wrapped line would
// be. In such a text the short lines between the long ones (dialogue,
// above all) are paragraphs of their own, not parts of one paragraph.
func perLineText(lines []srcLine) bool {
	nonBlank, long := 0, 0
	for _, l := range lines {
		if l.text == "" {
			continue
		}
		nonBlank++
		if len(l.text) > wrapWidth && utf8.RuneCountInString(l.text) > wrapWidth {
			long++
		}
	}
	return long >= 3 && long*10 >= nonBlank
}

// allDigitsDots reports whether s is a section number of digits and full
// stops ("5", "1.1").
func allDigitsDots(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r != '.' && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}
