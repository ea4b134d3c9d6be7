package epub

import (
	"errors"
	"fmt"
	"strings"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/html"
)

// Chapter is one content document of the book, in reading order.
type Chapter struct {
	// Name is the document's file name in the book ("text-0001.xhtml",
	// "nav.xhtml" for the contents).
	Name string
	// Title is the text of its <title>.
	Title string
	// Kind is its landmark kind: "cover", "titlepage", "frontmatter",
	// "toc", "bodymatter" or "backmatter".
	Kind string
	// Body is the XHTML content of its <body>, exactly as the book holds
	// it (the contents: its visible table of contents, without the hidden
	// landmarks and page-list).
	Body string
}

// KindContents is the Kind of the contents chapter.
const KindContents = "toc"

// Chapters is the content of the EPUB edition without its packaging: the
// same XHTML bodies and style sheet, for showing the briefing elsewhere (a
// preview page in a browser).
type Chapters struct {
	// Lang is the book's BCP 47 language tag.
	Lang string
	// Title is the title on the cover; Length is the cover's length line
	// ("4,250 words · 19 min read", "" when the document has no words).
	Title, Length string
	// Chapters are the content documents in spine order.
	Chapters []Chapter
	// CSS is the book's style sheet (without embedded fonts).
	CSS []byte
	// Cover is the PNG cover image; CoverAlt its text alternative.
	Cover    []byte
	CoverAlt string
	// Images are the body's picture files by file name ("pic-….png"),
	// as the chapters' img elements name them.
	Images map[string]Image
	// Pages is the page count of the print edition the page markers
	// follow; 0 when in had no page map.
	Pages int
	// names are the chapter file names, for OnePage.
	names map[string]bool
}

// Image is a picture file of the book: its media type and bytes.
type Image struct {
	Mime string
	Data []byte
}

// RenderChapters makes the content documents of the EPUB that Render would
// write for in, in spine order.
func RenderChapters(in *render.Input) (*Chapters, error) {
	if in == nil || in.Doc == nil {
		return nil, errors.New("render epub: no document")
	}
	b, err := newBook(in)
	if err != nil {
		return nil, fmt.Errorf("render epub: %w", err)
	}
	css, _, err := styleSheet(false, b.userFonts)
	if err != nil {
		return nil, fmt.Errorf("render epub: %w", err)
	}
	c := &Chapters{Lang: b.lang, Title: b.front.Cover.Title, Length: b.front.Cover.Length, CSS: css,
		Cover: b.cover, CoverAlt: b.coverAlt, Images: map[string]Image{}, names: map[string]bool{}}
	for name, a := range b.pictures {
		c.Images[name] = Image{Mime: a.mime, Data: a.data}
	}
	if b.print != nil {
		c.Pages = b.print.total
	}
	byName := map[string]*page{}
	for _, p := range b.pages {
		byName["xhtml/"+p.name] = p
	}
	for _, f := range b.spine() {
		if f == navFileName {
			c.Chapters = append(c.Chapters, Chapter{Name: navFileName, Title: b.l.Contents, Kind: KindContents, Body: b.contentsBody()})
			c.names[navFileName] = true
			continue
		}
		p := byName[f]
		c.Chapters = append(c.Chapters, Chapter{Name: p.name, Title: p.title, Kind: p.kind, Body: p.body})
		c.names[p.name] = true
	}
	return c, nil
}

// ChapterID is the element ID that OnePage gives links to a chapter as a
// whole: "chapter-" and its file name without extension.
func ChapterID(name string) string {
	return "chapter-" + strings.TrimSuffix(name, ".xhtml")
}

// OnePage returns the body of chapter i for a page that holds every
// chapter: a link to another chapter's element ("text-0002.xhtml#p7",
// "xhtml/notes.xhtml#fn1") becomes a link within the page ("#p7"), a link
// to a whole chapter points at ChapterID of it, and the cover image's
// source becomes coverURL, and a picture's imagesURL + "/" + its file
// name (see Images). Other links are left as they are.
func (c *Chapters) OnePage(i int, coverURL, imagesURL string) string {
	body := c.Chapters[i].Body
	if c.Chapters[i].Kind == kindCover {
		body = strings.ReplaceAll(body, `src="../images/`+coverImageName+`"`, `src="`+html.Escape(coverURL)+`"`)
	}
	body = strings.ReplaceAll(body, `src="../images/`, `src="`+html.Escape(imagesURL)+`/`)
	const mark = `href="`
	var out strings.Builder
	out.Grow(len(body))
	for {
		j := strings.Index(body, mark)
		if j < 0 {
			break
		}
		out.WriteString(body[:j+len(mark)])
		body = body[j+len(mark):]
		end := strings.IndexByte(body, '"')
		if end < 0 {
			break
		}
		out.WriteString(c.localHref(body[:end]))
		body = body[end:]
	}
	out.WriteString(body)
	return out.String()
}

// localHref turns an href between the book's files into one within a
// single page.
func (c *Chapters) localHref(href string) string {
	file, frag, hasFrag := strings.Cut(href, "#")
	file = strings.TrimPrefix(file, "xhtml/")
	if !c.names[file] {
		return href
	}
	if hasFrag && frag != "" {
		return "#" + frag
	}
	return "#" + ChapterID(file)
}
