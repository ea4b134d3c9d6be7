// Package document is briefbook's document model: plain data that the
// readers in package parse produce and the renderers read. It knows nothing
// of PDF, EPUB or JSON, does no I/O and holds no parent pointers.
//
// A Document is a tree of Sections. Each Section holds Blocks (see Block for
// the list of block types) and subsections. Body paragraphs, lists and block
// quotes directly inside a section are numbered ¶1…¶N through the whole
// document, so that "¶7" means the same in every edition.
package document

import "github.com/briefbook/briefbook/internal/source"

// Document is a whole parsed source.
type Document struct {
	Meta Meta
	// Sections are the top-level sections in source order. Text before the
	// first heading is held in a first section with an empty title.
	Sections []*Section
	// Footnotes are the footnote definitions in order of first reference.
	Footnotes []*Footnote
}

// Meta is what is known about the document as a whole.
type Meta struct {
	Title    string
	Subtitle string
	Author   string
	// Date is "YYYY", "YYYY-MM", "YYYY-MM-DD" or "" when unknown.
	Date string
	// Language is a BCP 47 tag such as "en", "ru" or "kk"; "" when unknown.
	Language string
	// Marking is a protective marking such as "OFFICIAL"; "" for none.
	Marking  string
	Keywords []string
	// Source is the input file name without its directory.
	Source string
	// Words is the number of words in the body text.
	Words int
}

// Section is a titled part of a document.
type Section struct {
	// ID is stable and unique in the document: "s1", "s2", … in document order.
	ID string
	// Number is the section's number as printed, e.g. "2.1".
	Number string
	// Label is the number the source writes before the heading ("5",
	// "1.1" in an RFC), printed as its Number so that the text's own
	// references ("see Section 5") stay true; "" to number it in order.
	// Sections without a Label among labelled siblings get no number.
	Label string
	// Title is the heading text; "" for the untitled text before the first
	// heading.
	Title string
	// Anchor is the identifier the source gives the heading ("annex" for
	// "## Annex {#annex}"), which "#annex" links point at; "" for none.
	// Unlike ID it is chosen by the author.
	Anchor string
	// TitleGenerated is true when the title was made by analysis rather
	// than read from the source.
	TitleGenerated bool
	// Level is 1 for a top-level section, 2 for its subsections, …
	Level int
	// Pos is where the heading (or the first block, for an untitled
	// section) is in the source.
	Pos source.Pos
	// Blocks are the section's own blocks, before its subsections.
	Blocks []Block
	// Sections are the subsections, in order.
	Sections []*Section
}

// Ref identifies a numbered body block: a paragraph, list or block quote
// that sits directly in a section.
type Ref struct {
	// ID is "p1", "p2", … in document order; "" for an unnumbered block.
	ID string
	// Number is the ¶ number, 1-based; 0 for an unnumbered block.
	Number int
}

// Block is a block-level element. Its implementations are *Paragraph,
// *List, *Quote, *Table, *CodeBlock, *Rule and *Picture.
type Block interface {
	block()
	// Position returns where the block starts in the source.
	Position() source.Pos
}

// Paragraph is a run of inline content.
type Paragraph struct {
	Ref
	Pos     source.Pos
	Inlines []Inline
}

// List is an ordered or bullet list.
type List struct {
	Ref
	Pos     source.Pos
	Ordered bool
	// Start is the number of the first item of an ordered list.
	Start int
	Items []*ListItem
}

// ListItem is one item of a List.
type ListItem struct {
	// Task is the state of a task-list item ("- [ ] …", "- [x] …");
	// TaskNone for an ordinary item.
	Task   Task
	Blocks []Block
}

// Task is the check box of a task-list item.
type Task int

// Task states.
const (
	TaskNone Task = iota // not a task item
	TaskOpen             // "[ ]": to do
	TaskDone             // "[x]": done
)

// Quote is a block quote.
type Quote struct {
	Ref
	Pos    source.Pos
	Blocks []Block
}

// Align is the alignment of a table column.
type Align int

// Column alignments.
const (
	AlignDefault Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a table with one header row.
type Table struct {
	Pos source.Pos
	// Caption is "" when the source gives none.
	Caption string
	Align   []Align
	Header  []Cell
	Rows    [][]Cell
}

// Cell is one table cell.
type Cell struct {
	Inlines []Inline
}

// CodeBlock is preformatted text.
type CodeBlock struct {
	Pos  source.Pos
	Lang string
	Text string
}

// Rule is a thematic break.
type Rule struct {
	Pos source.Pos
}

func (*Paragraph) block() {}
func (*List) block()      {}
func (*Quote) block()     {}
func (*Table) block()     {}
func (*CodeBlock) block() {}
func (*Rule) block()      {}

// Position implements Block.
func (b *Paragraph) Position() source.Pos { return b.Pos }

// Position implements Block.
func (b *List) Position() source.Pos { return b.Pos }

// Position implements Block.
func (b *Quote) Position() source.Pos { return b.Pos }

// Position implements Block.
func (b *Table) Position() source.Pos { return b.Pos }

// Position implements Block.
func (b *CodeBlock) Position() source.Pos { return b.Pos }

// Position implements Block.
func (b *Rule) Position() source.Pos { return b.Pos }

// Footnote is a footnote definition.
type Footnote struct {
	// ID is "fn1", "fn2", … in order of first reference.
	ID string
	// Number is the footnote's printed number, 1-based.
	Number int
	Blocks []Block
}

// Inline is inline content. Its implementations are Text, *Emph, *Strong,
// *Sup, *Sub, Code, *Link, FootnoteRef and LineBreak.
type Inline interface{ inline() }

// Text is plain text.
type Text string

// Emph is emphasised (italic) content.
type Emph struct{ Inlines []Inline }

// Strong is strongly emphasised (bold) content.
type Strong struct{ Inlines []Inline }

// Sup is superscript content ("x<sup>2</sup>").
type Sup struct{ Inlines []Inline }

// Sub is subscript content ("H<sub>2</sub>O").
type Sub struct{ Inlines []Inline }

// Code is a code span.
type Code string

// Link is a hyperlink. URL is as written in the source; a "#fragment" URL
// points at a Section's ID or Anchor, a footnote or a paragraph ID (see
// Document.SectionAnchors).
type Link struct {
	URL     string
	Inlines []Inline
}

// FootnoteRef is a reference to Document.Footnotes[Number-1].
type FootnoteRef struct {
	ID     string
	Number int
}

// LineBreak is a hard line break.
type LineBreak struct{}

func (Text) inline()        {}
func (*Emph) inline()       {}
func (*Strong) inline()     {}
func (*Sup) inline()        {}
func (*Sub) inline()        {}
func (Code) inline()        {}
func (*Link) inline()       {}
func (FootnoteRef) inline() {}
func (LineBreak) inline()   {}
