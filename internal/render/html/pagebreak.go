package html

import (
	"strconv"
	"strings"
	"unicode"
)

// PageBreak is a page of the print edition that begins inside a block.
type PageBreak struct {
	// Page is the physical page number, 1-based.
	Page int
	// Word is how many words of the block's text (document.BlockText,
	// counted like document.CountWords) lie on earlier pages; 0 when the
	// page begins with the block.
	Word int
}

// PageBreakMarker returns the EPUB page-break marker of page:
// <span epub:type="pagebreak" role="doc-pagebreak" id="page-N" aria-label="N"/>.
func PageBreakMarker(page int) string {
	n := strconv.Itoa(page)
	return `<span epub:type="pagebreak" role="doc-pagebreak" id="page-` + n + `" aria-label="` + n + `"/>`
}

// PageBreakID returns the ID of the marker of page ("page-7").
func PageBreakID(page int) string { return "page-" + strconv.Itoa(page) }

// cursor counts the words of the block being rendered, the way
// document.CountWords counts the text of document.BlockText, so that page
// breaks land before the right word.
type cursor struct {
	pending []PageBreak // breaks not yet written, in word order
	n       int         // words started so far
	in      bool        // the last counted rune was part of a word
}

// startBlock arms the cursor with the breaks of the block about to be
// rendered.
func (r *Renderer) startBlock(breaks []PageBreak) {
	r.cur = cursor{pending: breaks}
}

// flush writes the markers of every pending break that lies at or before
// the current word.
func (r *Renderer) flush(b *strings.Builder) {
	for len(r.cur.pending) > 0 && r.cur.pending[0].Word <= r.cur.n {
		b.WriteString(PageBreakMarker(r.cur.pending[0].Page))
		r.cur.pending = r.cur.pending[1:]
	}
}

// flushAll writes the markers of every pending break; it ends a block
// whose breaks point past its last word.
func (r *Renderer) flushAll(b *strings.Builder) {
	for _, p := range r.cur.pending {
		b.WriteString(PageBreakMarker(p.Page))
	}
	r.cur = cursor{}
}

// boundary marks a place where document.BlockText puts a separator
// (between list items, quote children, table cells and rows) and writes
// the markers due there. It must only be called where flow content is
// allowed.
func (r *Renderer) boundary(b *strings.Builder) {
	r.cur.in = false
	if len(r.cur.pending) > 0 {
		r.flush(b)
	}
}

// writeText writes counted text: s escaped, with the markers of pending
// breaks placed right before the word they name.
func (r *Renderer) writeText(b *strings.Builder, s string) {
	if len(r.cur.pending) == 0 {
		writeEscaped(b, s)
		return
	}
	last := 0
	for i, c := range s {
		w := unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c)
		if w && !r.cur.in {
			if len(r.cur.pending) > 0 && r.cur.pending[0].Word <= r.cur.n {
				writeEscaped(b, s[last:i])
				last = i
				r.flush(b)
			}
			r.cur.n++
		}
		r.cur.in = w
	}
	writeEscaped(b, s[last:])
}

// breakText notes text that document.BlockText turns into a separator
// (a line break becomes a space).
func (r *Renderer) breakText() { r.cur.in = false }
