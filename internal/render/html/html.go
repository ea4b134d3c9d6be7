// Package html turns the briefbook document model into XHTML fragments:
// sections with real headings, ¶-numbered paragraphs, lists, quotes,
// tables, code, footnote references and footnotes. Every fragment is
// well-formed XML (checked by Check) so that EPUB and a future HTML export
// can use it unchanged.
//
// Fragments use the XHTML and EPUB namespaces (epub:type); the document
// that embeds them must declare xmlns:epub="http://www.idpf.org/2007/ops".
// Text is escaped and characters that XML 1.0 forbids are dropped.
package html

// Options controls how fragments link to things outside themselves. The
// zero value links within the same document ("#fn1").
type Options struct {
	// Href returns the href of the element with the given ID ("fn1" for a
	// footnote, "fnref1" for the first reference to it) as seen from the
	// fragment being rendered, e.g. "notes.xhtml#fn1". nil means "#" + id.
	Href func(id string) string
	// PageBreaks returns the pages of the print edition that begin in
	// block i of the section with the given ID (block -1: the page begins
	// with the section's heading), in page order. The renderer writes a
	// page-break marker (see PageBreakMarker) before the word each one
	// names, or at the nearest place before it where a span is allowed.
	// nil means no page breaks.
	PageBreaks func(section string, block int) []PageBreak
	// Internal returns the href of a "#fragment" link's target as seen
	// from the fragment being rendered, and false when the fragment names
	// nothing that can be linked to (the link then keeps only its text).
	// nil means internal links keep only their text.
	Internal func(fragment string) (href string, ok bool)
	// TableCaption returns the numbered label of the n-th table's caption
	// ("Table 3."), in the book's language. nil: "Table 3.".
	TableCaption func(n int) string
}

// Renderer renders document nodes to XHTML. It remembers which footnote
// references it has already written, so that only the first reference to
// a footnote carries the "fnrefN" anchor; use one Renderer per document.
type Renderer struct {
	opt     Options
	seenRef map[string]bool
	// cur places the page breaks of the block being rendered.
	cur cursor
	// tables counts the captioned tables written so far; captions are
	// numbered in document order, as in the PDF.
	tables int
}

// New returns a Renderer with the given options.
func New(opt Options) *Renderer {
	return &Renderer{opt: opt, seenRef: map[string]bool{}}
}

func (r *Renderer) href(id string) string {
	if r.opt.Href != nil {
		return r.opt.Href(id)
	}
	return "#" + id
}

// headingTag returns the heading element for a section level (1 → h1),
// capped at h6.
func headingTag(level int) string {
	switch {
	case level < 1:
		level = 1
	case level > 6:
		level = 6
	}
	return "h" + string(rune('0'+level))
}
