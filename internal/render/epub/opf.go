package epub

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/briefbook/briefbook/internal/render/html"
)

// manifestItem is one entry of the package manifest.
type manifestItem struct {
	id, href, mediaType, properties string
}

var mediaTypes = map[string]string{
	".xhtml": "application/xhtml+xml",
	".css":   "text/css",
	".png":   "image/png",
	".jpg":   "image/jpeg",
	".gif":   "image/gif",
	".ttf":   "font/ttf",
	".ncx":   "application/x-dtbncx+xml",
}

// manifestID turns an href into an XML ID: "xhtml/text-0001.xhtml" →
// "xhtml-text-0001-xhtml".
func manifestID(href string) string {
	var b strings.Builder
	for _, r := range href {
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		} else {
			b.WriteByte('-')
		}
	}
	return b.String()
}

// manifest lists every file under EPUB/ except the package file, sorted
// by href, with the media type taken from the extension.
func (b *book) manifest(files []string) []manifestItem {
	var items []manifestItem
	for _, f := range files {
		href, ok := strings.CutPrefix(f, "EPUB/")
		if !ok || href == "package.opf" {
			continue
		}
		it := manifestItem{id: manifestID(href), href: href, mediaType: mediaTypes[path.Ext(href)]}
		switch {
		case href == navFileName:
			it.id, it.properties = "nav", "nav"
		case href == "toc.ncx":
			it.id = "ncx"
		case href == "images/"+coverImageName && b.cover != nil:
			it.id, it.properties = "cover-image", "cover-image"
		}
		if it.mediaType == "" {
			it.mediaType = "application/octet-stream"
		}
		items = append(items, it)
	}
	sort.Slice(items, func(i, j int) bool { return items[i].href < items[j].href })
	return items
}

// spine returns the hrefs (relative to EPUB/) in reading order: the cover
// and title page, then the other pages with the nav as the contents page
// where the PDF edition has its contents (see pageList.navFirst).
func (b *book) spine() []string {
	var out []string
	navDone := false
	for _, p := range b.pages {
		if !navDone && p.kind != kindCover && p.kind != kindTitle && b.print.navFirst(p.part) {
			out = append(out, navFileName)
			navDone = true
		}
		out = append(out, "xhtml/"+p.name)
	}
	if !navDone {
		out = append(out, navFileName)
	}
	return out
}

// modified formats t as dcterms:modified wants it.
func modified(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

type xmlWriter struct{ strings.Builder }

func (w *xmlWriter) elem(indent, open, text, close string) {
	w.WriteString(indent + open)
	w.WriteString(html.Escape(text))
	w.WriteString(close + "\n")
}

// packageOPF writes the package document: metadata that tells the truth
// about the book (including its accessibility), the sorted manifest and
// the spine.
func (b *book) packageOPF(files []string, t time.Time) []byte {
	var w xmlWriter
	lang := html.Escape(b.lang)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="` + lang + `"`)
	w.WriteString(">\n")
	w.WriteString(`  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	w.elem("    ", `<dc:identifier id="uid">`, b.identifier, "</dc:identifier>")
	w.elem("    ", `<dc:title id="title">`, b.title(), "</dc:title>")
	w.WriteString(`    <meta refines="#title" property="title-type">main</meta>` + "\n")
	if b.meta.Subtitle != "" {
		w.elem("    ", `<dc:title id="subtitle">`, b.meta.Subtitle, "</dc:title>")
		w.WriteString(`    <meta refines="#subtitle" property="title-type">subtitle</meta>` + "\n")
	}
	w.elem("    ", "<dc:language>", b.lang, "</dc:language>")
	for i, a := range b.authors() {
		id := "creator" + string(rune('1'+i))
		w.elem("    ", `<dc:creator id="`+id+`">`, a, "</dc:creator>")
		w.WriteString(`    <meta refines="#` + id + `" property="role" scheme="marc:relators">aut</meta>` + "\n")
	}
	if b.meta.Date != "" {
		w.elem("    ", "<dc:date>", b.meta.Date, "</dc:date>")
	}
	if b.summary != "" {
		w.elem("    ", "<dc:description>", b.summary, "</dc:description>")
	}
	for _, k := range b.meta.Keywords {
		if k = strings.TrimSpace(k); k != "" {
			w.elem("    ", "<dc:subject>", k, "</dc:subject>")
		}
	}
	if b.meta.Source != "" {
		w.elem("    ", "<dc:source>", b.meta.Source, "</dc:source>")
	}
	if b.print != nil {
		// The print edition is named the EPUB 3.2 way (source-of
		// pagination). EPUB Accessibility 1.1's a11y:pageBreakSource is
		// newer than epubcheck 4.2.6, which rejects it (OPF-027) even under
		// a prefix of our own for the same vocabulary.
		w.elem("    ", `<dc:source id="print-source">`, b.printEdition(), "</dc:source>")
		w.WriteString(`    <meta refines="#print-source" property="source-of">pagination</meta>` + "\n")
	}
	w.elem("    ", `<meta property="dcterms:modified">`, modified(t), "</meta>")
	for _, m := range b.accessibility() {
		w.elem("    ", `<meta property="schema:`+m[0]+`">`, m[1], "</meta>")
	}
	if b.cover != nil {
		w.WriteString(`    <meta name="cover" content="cover-image"/>` + "\n")
	}
	w.WriteString("  </metadata>\n  <manifest>\n")
	items := b.manifest(files)
	ids := map[string]string{}
	for _, it := range items {
		ids[it.href] = it.id
		w.WriteString(`    <item id="` + html.Escape(it.id) + `" href="` + html.Escape(it.href) + `" media-type="` + it.mediaType + `"`)
		if it.properties != "" {
			w.WriteString(` properties="` + it.properties + `"`)
		}
		w.WriteString("/>\n")
	}
	w.WriteString("  </manifest>\n  <spine toc=\"ncx\">\n")
	for _, href := range b.spine() {
		w.WriteString(`    <itemref idref="` + html.Escape(ids[href]) + `"/>` + "\n")
	}
	w.WriteString("  </spine>\n</package>\n")
	return []byte(w.String())
}

// title is the book title: the document title, else the source file
// name, else the word "Text" in the book's language.
func (b *book) title() string {
	switch {
	case strings.TrimSpace(b.meta.Title) != "":
		return b.meta.Title
	case b.meta.Source != "":
		return b.meta.Source
	}
	return b.l.Text
}

// authors splits Meta.Author at semicolons.
func (b *book) authors() []string {
	var out []string
	for _, a := range strings.Split(b.meta.Author, ";") {
		if a = strings.TrimSpace(a); a != "" && len(out) < 9 {
			out = append(out, a)
		}
	}
	return out
}

// printEdition names the PDF edition the page-list comes from:
// "<source stem>.pdf (briefbook PDF edition, A4, 8 pages)".
func (b *book) printEdition() string {
	name := b.title()
	if src := b.meta.Source; src != "" {
		name = strings.TrimSuffix(src, path.Ext(src)) + ".pdf"
	}
	paper := "A4"
	if strings.EqualFold(strings.TrimSpace(b.paper), "letter") {
		paper = "US Letter"
	}
	return fmt.Sprintf("%s (briefbook PDF edition, %s, %d pages)", name, paper, b.print.total)
}

// accessibility returns the schema.org accessibility metadata as
// property/value pairs, derived from what the book really holds: text
// throughout, images (the cover, the body's pictures) as visual content,
// headings and a table of contents, page-break markers and a page-list
// only when the book was made with the PDF's page map, and no hazards.
// Text alone suffices, and alternative text is a feature, only when every
// image has a text alternative. The summary sentence says what the book
// provides.
func (b *book) accessibility() [][2]string {
	images := b.cover != nil || b.shownPictures > 0
	allAlt := b.picturesWithoutAlt == 0
	m := [][2]string{{"accessMode", "textual"}}
	if images {
		m = append(m, [2]string{"accessMode", "visual"})
	}
	if allAlt {
		m = append(m, [2]string{"accessModeSufficient", "textual"})
	} else {
		m = append(m, [2]string{"accessModeSufficient", "textual,visual"})
	}
	feats := []string{"structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability", "ARIA"}
	if images && allAlt {
		feats = append(feats, "alternativeText")
	}
	if b.print != nil {
		feats = append(feats, "pageBreakMarkers", "pageNavigation")
	}
	for _, f := range feats {
		m = append(m, [2]string{"accessibilityFeature", f})
	}
	m = append(m, [2]string{"accessibilityHazard", "none"})
	return append(m, [2]string{"accessibilitySummary", b.a11ySummary()})
}

// a11ySummary is the accessibility summary: one sentence listing what the
// book provides, then how it behaves.
func (b *book) a11ySummary() string {
	has := []string{"real headings", "a table of contents"}
	for _, p := range b.pages {
		switch p.part {
		case partSummary:
			has = append(has, "a summary whose points link to the paragraphs they come from")
		case partFacts:
			has = append(has, "key facts in tables with header cells, each linking to its paragraph")
		}
	}
	if b.hasTables {
		has = append(has, "body tables with captions and header cells")
	}
	if b.hasNotes {
		has = append(has, "footnotes marked up as notes with links back to their references")
	}
	if b.print != nil {
		has = append(has, fmt.Sprintf("the page numbers of the %d-page PDF edition as page-break markers and a page list", b.print.total))
	}
	s := "This briefing provides " + strings.Join(has[:len(has)-1], ", ") + " and " + has[len(has)-1] + "."
	s += " The reading order is logical; the layout reflows and follows the reader's font and colour settings; paragraph numbers are hidden from screen readers."
	s += b.imagesSentence()
	return s
}

// imagesSentence is the part of the accessibility summary about images:
// the cover's text alternative and the pictures in the text.
func (b *book) imagesSentence() string {
	n, without := b.shownPictures, b.picturesWithoutAlt
	cover := ""
	if b.cover != nil {
		cover = "the cover's text alternative gives the title"
	}
	pics := ""
	switch {
	case n == 1 && without == 0:
		pics = "the picture in the text has a text alternative and a numbered caption"
	case n > 1 && without == 0:
		pics = fmt.Sprintf("each of the %d pictures in the text has a text alternative and a numbered caption", n)
	case n > 0:
		pics = fmt.Sprintf("%d of the %d pictures in the text %s no text alternative, only a numbered caption", without, n, map[bool]string{true: "has", false: "have"}[without == 1])
	}
	switch {
	case n == 0 && cover != "":
		return " The only image, the cover, has a text alternative that gives the title."
	case cover != "":
		return " Images: " + cover + "; " + pics + "."
	case pics != "":
		return " Images: " + pics + "."
	}
	return ""
}
