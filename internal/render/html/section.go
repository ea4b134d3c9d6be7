package html

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// Section renders s with its subsections as one fragment:
// <section id="s3" aria-labelledby="s3-h"> with an h1–h6 heading chosen
// by the section level. An untitled section has no heading.
func (r *Renderer) Section(s *document.Section) string {
	return strings.Join(r.Chunks(s, 0), "")
}

// Heading renders the heading of s ("" for an untitled section): the
// printed number in a span of class "secnum", then the title.
func (r *Renderer) Heading(s *document.Section) string {
	if s.Title == "" {
		return ""
	}
	var b strings.Builder
	tag := headingTag(s.Level)
	b.WriteString("<" + tag)
	writeID(&b, s.ID+"-h")
	b.WriteString(">")
	if s.Number != "" {
		b.WriteString(`<span class="secnum">`)
		writeEscaped(&b, s.Number)
		b.WriteString("</span> ")
	}
	writeEscaped(&b, s.Title)
	b.WriteString("</" + tag + ">\n")
	return b.String()
}

func (r *Renderer) openSection(s *document.Section) string {
	var b strings.Builder
	b.WriteString("<section")
	writeID(&b, s.ID)
	if s.Title != "" {
		b.WriteString(` aria-labelledby="`)
		writeEscaped(&b, s.ID+"-h")
		b.WriteString(`"`)
	}
	b.WriteString(">\n")
	for _, p := range r.breaksOf(s.ID, -1) {
		b.WriteString(PageBreakMarker(p.Page))
		b.WriteString("\n")
	}
	b.WriteString(r.Heading(s))
	return b.String()
}

// breaksOf returns the page breaks in block i of section id.
func (r *Renderer) breaksOf(id string, i int) []PageBreak {
	if r.opt.PageBreaks == nil {
		return nil
	}
	return r.opt.PageBreaks(id, i)
}

// blockWithBreaks renders a block of a section with the markers of the
// pages that begin in it; breaks past its last word follow it.
func (r *Renderer) blockWithBreaks(bl document.Block, breaks []PageBreak) string {
	if len(breaks) == 0 {
		return r.Block(bl)
	}
	var b strings.Builder
	r.startBlock(breaks)
	r.writeBlock(&b, bl)
	if len(r.cur.pending) > 0 {
		r.flushAll(&b)
		b.WriteString("\n")
	}
	r.cur = cursor{}
	return b.String()
}

// piece is one unit of a section's output: the opening of a section (with
// its heading), one block, or the closing of a section.
type piece struct {
	open  *document.Section
	close bool
	text  string
}

func (r *Renderer) pieces(s *document.Section, out []piece) []piece {
	out = append(out, piece{open: s, text: r.openSection(s)})
	for i, bl := range s.Blocks {
		out = append(out, piece{text: r.blockWithBreaks(bl, r.breaksOf(s.ID, i))})
	}
	for _, c := range s.Sections {
		out = append(out, r.pieces(c, nil)...)
	}
	return append(out, piece{close: true, text: "</section>\n"})
}

// Chunks renders s with its subsections as one or more well-formed
// fragments, each at most about limit bytes: a fragment is closed before a
// block or subsection that would take it past limit. A single block larger
// than limit gets a fragment of its own. Sections that continue into the
// next fragment are reopened there as <div class="continued">, without ID
// or heading, so IDs stay unique. limit <= 0 means one fragment.
func (r *Renderer) Chunks(s *document.Section, limit int) []string {
	ps := r.pieces(s, nil)
	var (
		chunks  []string
		cur     strings.Builder
		closers []string // closing tags of the elements open in cur
		content bool     // cur holds more than reopened wrappers
	)
	flush := func() {
		for i := len(closers) - 1; i >= 0; i-- {
			cur.WriteString(closers[i])
		}
		chunks = append(chunks, cur.String())
		cur.Reset()
		for i := range closers {
			cur.WriteString("<div class=\"continued\">\n")
			closers[i] = "</div>\n"
		}
		content = false
	}
	for _, p := range ps {
		if p.close {
			cur.WriteString(closers[len(closers)-1])
			closers = closers[:len(closers)-1]
			continue
		}
		if limit > 0 && content && cur.Len()+len(p.text) > limit {
			flush()
		}
		cur.WriteString(p.text)
		content = true
		if p.open != nil {
			closers = append(closers, "</section>\n")
		}
	}
	if cur.Len() > 0 {
		chunks = append(chunks, cur.String())
	}
	return chunks
}

// Footnote renders a footnote definition as
// <aside epub:type="footnote" role="doc-footnote" id="fn1">, starting with
// its number as a link back to the first reference ("fnref1"); when
// Options.Href returns "" for that reference the number is plain text.
func (r *Renderer) Footnote(f *document.Footnote) string {
	var b strings.Builder
	num := strings.TrimPrefix(f.ID, "fn")
	b.WriteString(`<aside epub:type="footnote" role="doc-footnote"`)
	writeID(&b, f.ID)
	b.WriteString(">\n")
	if back := r.href("fnref" + num); back != "" {
		b.WriteString(`<p class="fn-label"><a role="doc-backlink" href="`)
		writeEscaped(&b, back)
		b.WriteString(`">`)
		writeEscaped(&b, num)
		b.WriteString("</a></p>\n")
	} else {
		b.WriteString(`<p class="fn-label">`)
		writeEscaped(&b, num)
		b.WriteString("</p>\n")
	}
	for _, bl := range f.Blocks {
		r.writeBlock(&b, bl)
	}
	b.WriteString("</aside>\n")
	return b.String()
}
