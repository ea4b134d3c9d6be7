package epub

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render/html"
)

// maxChunk is the most body bytes put into one XHTML file before the
// section is continued in the next file; with the page wrapper every file
// stays well under 300 KB.
const maxChunk = 280 << 10

// Landmark kinds of a content file.
const (
	kindCover   = "cover"
	kindTitle   = "titlepage"
	kindFront   = "frontmatter"
	kindBody    = "bodymatter"
	kindNotes   = "backmatter"
	navFileName = "nav.xhtml"
	notesFile   = "notes.xhtml"
)

// page is one XHTML content document of the book, in reading order.
type page struct {
	// name is the file name inside EPUB/xhtml/.
	name string
	// title is the text of <title>.
	title string
	// body is the content of <body>, checked with html.Check.
	body string
	kind string
	// part is the part of the print edition the page matches: "cover"
	// (also the title page), "summary", "facts" or "body" (also the notes).
	part string
}

// navItem is one entry of the table of contents.
type navItem struct {
	label string
	// href is relative to the EPUB/ folder: "xhtml/text-0001.xhtml#s2".
	href     string
	children []*navItem
}

// book is everything the EPUB holds, before packaging.
type book struct {
	// idOffsets and spinePos serve readingPos; they are filled on first use.
	idOffsets map[string]map[string]int
	spinePos  map[string]int

	lang       string
	l          labels
	identifier string
	meta       document.Meta
	pages      []*page
	nav        []*navItem
	// fileOf maps an element ID in the body ("p7", "s3", "fnref1") to the
	// page file holding it.
	fileOf map[string]string
	// cover is the PNG cover image, nil when there is none.
	cover    []byte
	coverAlt string
	// summary is the text used for dc:description; "" when there is none.
	summary string
	fonts   bool
	// print is where the pages of the PDF edition begin; nil when the
	// book is made without a PDF page map.
	print *pageList
	// navExtra holds page markers that have no other place than the
	// contents page.
	navExtra string
	// paper is the paper size of the PDF edition ("a4", "letter").
	paper string
	// hasTables, hasNotes record what the content holds, for the
	// accessibility metadata.
	hasTables, hasNotes bool
}

var idAttr = regexp.MustCompile(`\sid="([^"]+)"`)

// addBody splits the document's sections into pages, renders footnotes
// into a notes page and records which page holds each element ID.
func (b *book) addBody(doc *document.Document) error {
	r := html.New(html.Options{PageBreaks: b.print.breaks, TableLabel: b.l.Table, Href: func(id string) string {
		if strings.HasPrefix(id, "fnref") {
			if f, ok := b.fileOf[id]; ok {
				return f + "#" + id
			}
			return ""
		}
		return notesFile + "#" + id
	}})
	n := 0
	for i, s := range doc.Sections {
		chunks := r.Chunks(s, maxChunk)
		var item *navItem
		for j, c := range chunks {
			n++
			p := &page{name: fmt.Sprintf("text-%04d.xhtml", n), kind: kindBody, part: partBody}
			title := s.Title
			if title == "" {
				title = b.meta.Title
			}
			if title == "" {
				title = b.l.Text
			}
			p.title = title
			if j > 0 {
				p.title = fmt.Sprintf("%s (%s %d)", title, b.l.Continued, j+1)
			}
			if i == 0 && j == 0 && s.Title == "" && b.meta.Title != "" {
				c = `<h1 class="doc-title">` + html.Escape(b.meta.Title) + "</h1>\n" + c
			}
			if err := html.Check(c); err != nil {
				return fmt.Errorf("section %s (%s): %w", s.ID, s.Pos, err)
			}
			p.body = c
			b.pages = append(b.pages, p)
			b.recordIDs(p)
			if j == 0 {
				item = &navItem{label: sectionLabel(s, title), href: "xhtml/" + p.name + "#" + s.ID}
			}
		}
		if item != nil {
			item.children = b.subNav(s.Sections)
			b.nav = append(b.nav, item)
		}
	}
	if len(doc.Footnotes) == 0 {
		return nil
	}
	var nb strings.Builder
	nb.WriteString(`<section epub:type="footnotes" aria-labelledby="notes-h">` + "\n")
	nb.WriteString(`<h1 id="notes-h">` + html.Escape(b.l.Notes) + "</h1>\n")
	for _, f := range doc.Footnotes {
		nb.WriteString(r.Footnote(f))
	}
	nb.WriteString("</section>\n")
	if err := html.Check(nb.String()); err != nil {
		return fmt.Errorf("footnotes: %w", err)
	}
	p := &page{name: notesFile, title: b.l.Notes, body: nb.String(), kind: kindNotes, part: partBody}
	b.hasNotes = true
	b.pages = append(b.pages, p)
	b.nav = append(b.nav, &navItem{label: b.l.Notes, href: "xhtml/" + notesFile})
	return nil
}

func (b *book) recordIDs(p *page) {
	for _, m := range idAttr.FindAllStringSubmatch(p.body, -1) {
		if _, ok := b.fileOf[m[1]]; !ok {
			b.fileOf[m[1]] = p.name
		}
	}
}

// subNav returns the table-of-contents entries of titled subsections.
// An untitled subsection contributes its own subsections in its place.
func (b *book) subNav(ss []*document.Section) []*navItem {
	var out []*navItem
	for _, s := range ss {
		if s.Title == "" {
			out = append(out, b.subNav(s.Sections)...)
			continue
		}
		f, ok := b.fileOf[s.ID]
		if !ok {
			continue
		}
		out = append(out, &navItem{
			label:    sectionLabel(s, s.Title),
			href:     "xhtml/" + f + "#" + s.ID,
			children: b.subNav(s.Sections),
		})
	}
	return out
}

func sectionLabel(s *document.Section, title string) string {
	if s.Number != "" && s.Title != "" {
		return s.Number + " " + title
	}
	return title
}
