package epub

import (
	"fmt"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/html"
)

// maxChunk is the most body bytes put into one XHTML file before the
// section is continued in the next file; with the page wrapper every file
// stays well under 300 KB.
const maxChunk = 280 << 10

// Small top-level sections share files: a section whose XHTML is under
// groupMin bytes joins the file of the small sections before it while that
// file stays within groupMax bytes; a larger section has a file of its own
// (several when it passes maxChunk). So a book has at most about one file
// per groupMin bytes of body, however many sections it has: go-epub's
// AddSection compares each file with every earlier one, and 96 000 tiny
// sections in as many files took minutes.
const (
	groupMin = 4 << 10
	groupMax = 64 << 10
)

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

	// lang is the BCP 47 tag of the book; l its labels and front its
	// front matter, shared with the PDF edition.
	lang       string
	l          *render.Labels
	front      *render.Front
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
	// userFonts are the user's font files (render.Options.Fonts); nil
	// for none.
	userFonts *fonts.User
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
	// pictures are the picture files of the body by file name (see
	// addPictures).
	pictures map[string]asset
	// shownPictures counts the pictures shown; picturesWithoutAlt those
	// of them with no text alternative.
	shownPictures, picturesWithoutAlt int
	// omit names the front-matter chapters left out (render.Omit).
	omit render.Omit
}

// addBody splits the document's sections into pages, renders footnotes
// into a notes page and records which page holds each element ID.
func (b *book) addBody(doc *document.Document) error {
	sections := doc.SectionAnchors()
	r := html.New(html.Options{PageBreaks: b.print.breaks, TableCaption: b.l.TableCaption, FigureCaption: b.l.FigureCaption, PictureSrc: b.pictureSrc, Href: func(id string) string {
		if strings.HasPrefix(id, "fnref") {
			if f, ok := b.fileOf[id]; ok {
				return f + "#" + id
			}
			return ""
		}
		return notesFile + "#" + id
	}, Internal: func(frag string) (string, bool) {
		// The file of a later section is not known yet: a placeholder
		// that resolveXrefs replaces once every section is placed.
		if s := sections[frag]; s != nil && s.ID != "" {
			return xrefPrefix + s.ID, true
		}
		return "", false
	}})
	defer b.resolveXrefs()
	n := 0
	// group is the open file of small sections (nil when none), its
	// parts and their length; closeGroup joins the parts into its body.
	var (
		group     *page
		groupPart []string
		groupLen  int
	)
	closeGroup := func() {
		if group != nil {
			group.body = strings.Join(groupPart, "")
		}
		group, groupPart, groupLen = nil, nil, 0
	}
	for i, s := range doc.Sections {
		chunks := r.Chunks(s, maxChunk)
		var item *navItem
		for j, c := range chunks {
			title := s.Title
			if title == "" {
				title = b.meta.Title
			}
			if title == "" {
				title = b.l.Text
			}
			if i == 0 && j == 0 && s.Title == "" && b.meta.Title != "" {
				c = `<h1 class="doc-title">` + html.Escape(b.meta.Title) + "</h1>\n" + c
			}
			if err := html.Check(c); err != nil {
				return fmt.Errorf("section %s (%s): %w", s.ID, s.Pos, err)
			}
			small := len(chunks) == 1 && len(c) < groupMin
			var p *page
			if small && group != nil && groupLen+len(c) <= groupMax {
				p = group
			} else {
				closeGroup()
				n++
				p = &page{name: fmt.Sprintf("text-%04d.xhtml", n), kind: kindBody, part: partBody, title: title, body: c}
				if j > 0 {
					p.title = fmt.Sprintf("%s (%s %d)", title, b.l.Continued, j+1)
				}
				b.pages = append(b.pages, p)
				if small {
					group = p
				}
			}
			if p == group {
				groupPart = append(groupPart, c)
				groupLen += len(c)
			}
			b.recordIDsIn(c, p.name)
			if j == 0 {
				item = &navItem{label: sectionLabel(s, title), href: "xhtml/" + p.name + "#" + s.ID}
			}
		}
		if item != nil {
			item.children = b.subNav(s.Sections)
			b.nav = append(b.nav, item)
		}
	}
	closeGroup()
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

// xrefPrefix starts the placeholder href of a cross-reference to a
// section. Text is escaped, so `href="#xref:` only comes from here.
const xrefPrefix = "#xref:"

// resolveXrefs replaces each cross-reference placeholder in the pages by
// the file and ID of its section (see addBody), in one scan of each page.
func (b *book) resolveXrefs() {
	const mark = `href="` + xrefPrefix
	for _, p := range b.pages {
		if !strings.Contains(p.body, mark) {
			continue
		}
		var out strings.Builder
		rest := p.body
		for {
			i := strings.Index(rest, mark)
			if i < 0 {
				break
			}
			out.WriteString(rest[:i+len(`href="`)])
			rest = rest[i+len(mark):]
			end := strings.IndexByte(rest, '"')
			if end < 0 {
				break
			}
			id := rest[:end]
			f := b.fileOf[id]
			if f == "" {
				f = p.name // not placed: stays a link within the page
			}
			out.WriteString(f + "#" + id)
			rest = rest[end:]
		}
		out.WriteString(rest)
		p.body = out.String()
	}
}

func (b *book) recordIDs(p *page) { b.recordIDsIn(p.body, p.name) }

// recordIDsIn records that the element IDs in body (every ` id="…"`) are
// in file name, keeping the first file of an ID seen twice. It scans body
// once.
func (b *book) recordIDsIn(body, name string) {
	for off := 0; ; {
		i := strings.Index(body[off:], `id="`)
		if i < 0 {
			return
		}
		start := off + i + len(`id="`)
		end := strings.IndexByte(body[start:], '"')
		if end < 0 {
			return
		}
		off = start + end
		// An attribute: after white space, with a value.
		if at := start - len(`id="`); at == 0 || !isXMLSpace(body[at-1]) || end == 0 {
			off = start
			continue
		}
		if id := body[start : start+end]; b.fileOf[id] == "" {
			b.fileOf[id] = name
		}
	}
}

// isXMLSpace reports whether c is white space as \s matches it.
func isXMLSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'
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

// setFront builds the front matter of in (render.NewFront, at the default
// reading speed) and takes the book's language and labels from it.
func (b *book) setFront(in *render.Input) {
	b.front = render.NewFront(in, 0)
	b.lang, b.l = b.front.Lang, b.front.Labels
}
