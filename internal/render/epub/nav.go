package epub

import (
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/render/html"
)

// navXHTML writes the EPUB 3 navigation document: the table of contents
// (role="doc-toc", heading in the book's language), nested like the
// sections, and the landmarks. The nav is in the spine as the contents
// page, so the "toc" landmark may point at it.
func (b *book) navXHTML() []byte {
	var w strings.Builder
	lang := html.Escape(b.lang)
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	w.WriteString(`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="` + lang + `" xml:lang="` + lang + `">` + "\n")
	w.WriteString("<head>\n  <title>" + html.Escape(b.l.Contents) + "</title>\n")
	w.WriteString(`  <link rel="stylesheet" type="text/css" href="css/book.css"/>` + "\n</head>\n<body>\n")
	w.WriteString(b.print.markers(partContents))
	w.WriteString(b.navExtra)
	w.WriteString(`<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-h">` + "\n")
	w.WriteString(`<h1 id="toc-h">` + html.Escape(b.l.Contents) + "</h1>\n")
	writeNavList(&w, b.nav)
	w.WriteString("</nav>\n")
	w.WriteString(`<nav epub:type="landmarks" id="landmarks" aria-labelledby="landmarks-h" hidden="hidden">` + "\n")
	w.WriteString(`<h2 id="landmarks-h">` + html.Escape(b.l.Landmarks) + "</h2>\n<ol>\n")
	for _, lm := range b.landmarks() {
		w.WriteString(`<li><a epub:type="` + lm[0] + `" href="` + html.Escape(lm[1]) + `">` + html.Escape(lm[2]) + "</a></li>\n")
	}
	w.WriteString("</ol>\n</nav>\n")
	if items := b.pageListItems(); len(items) > 0 {
		w.WriteString(`<nav epub:type="page-list" id="page-list" aria-labelledby="page-list-h" hidden="hidden">` + "\n")
		w.WriteString(`<h2 id="page-list-h">` + html.Escape(b.l.Pages) + "</h2>\n")
		writeNavList(&w, items)
		w.WriteString("</nav>\n")
	}
	w.WriteString("</body>\n</html>\n")
	return []byte(w.String())
}

func writeNavList(w *strings.Builder, items []*navItem) {
	if len(items) == 0 {
		return
	}
	w.WriteString("<ol>\n")
	for _, it := range items {
		w.WriteString(`<li><a href="` + html.Escape(it.href) + `">` + html.Escape(it.label) + "</a>")
		if len(it.children) > 0 {
			w.WriteString("\n")
			writeNavList(w, it.children)
		}
		w.WriteString("</li>\n")
	}
	w.WriteString("</ol>\n")
}

// landmarks returns epub:type, href and label of each landmark: the
// cover, the contents (the nav itself) and the start of the body.
func (b *book) landmarks() [][3]string {
	var out [][3]string
	for _, p := range b.pages {
		if p.kind == kindCover {
			out = append(out, [3]string{"cover", "xhtml/" + p.name, b.l.Cover})
			break
		}
	}
	out = append(out, [3]string{"toc", navFileName + "#toc", b.l.Contents})
	for _, p := range b.pages {
		if p.kind == kindBody {
			out = append(out, [3]string{"bodymatter", "xhtml/" + p.name, b.title()})
			break
		}
	}
	return out
}

// tocNCX writes the EPUB 2 NCX for older readers: dtb:uid, the real depth,
// the author, and nested navPoints in play order.
func (b *book) tocNCX() []byte {
	var w strings.Builder
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="` + html.Escape(b.lang) + `">` + "\n")
	w.WriteString("  <head>\n")
	w.WriteString(`    <meta name="dtb:uid" content="` + html.Escape(b.identifier) + `"/>` + "\n")
	w.WriteString(`    <meta name="dtb:depth" content="` + strconv.Itoa(max(1, navDepth(b.nav))) + `"/>` + "\n")
	w.WriteString(`    <meta name="dtb:totalPageCount" content="0"/>` + "\n")
	w.WriteString(`    <meta name="dtb:maxPageNumber" content="0"/>` + "\n")
	w.WriteString("  </head>\n")
	w.WriteString("  <docTitle><text>" + html.Escape(b.title()) + "</text></docTitle>\n")
	for _, a := range b.authors() {
		w.WriteString("  <docAuthor><text>" + html.Escape(a) + "</text></docAuthor>\n")
	}
	w.WriteString("  <navMap>\n")
	order := 0
	var walk func(items []*navItem, indent string)
	walk = func(items []*navItem, indent string) {
		for _, it := range items {
			order++
			n := strconv.Itoa(order)
			w.WriteString(indent + `<navPoint id="np` + n + `" playOrder="` + n + `">` + "\n")
			w.WriteString(indent + "  <navLabel><text>" + html.Escape(it.label) + "</text></navLabel>\n")
			w.WriteString(indent + `  <content src="` + html.Escape(it.href) + `"/>` + "\n")
			walk(it.children, indent+"  ")
			w.WriteString(indent + "</navPoint>\n")
		}
	}
	walk(b.nav, "    ")
	w.WriteString("  </navMap>\n</ncx>\n")
	return []byte(w.String())
}

func navDepth(items []*navItem) int {
	d := 0
	for _, it := range items {
		d = max(d, 1+navDepth(it.children))
	}
	return d
}
