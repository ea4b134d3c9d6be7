package epub

import (
	"sort"
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
	w.WriteString(b.contentsBody())
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

// contentsBody is the visible part of the navigation document: the page
// markers of the contents and the table of contents.
func (b *book) contentsBody() string {
	var w strings.Builder
	w.WriteString(b.print.markers(partContents))
	w.WriteString(b.navExtra)
	w.WriteString(`<nav epub:type="toc" id="toc" role="doc-toc" aria-labelledby="toc-h">` + "\n")
	w.WriteString(`<h1 id="toc-h">` + html.Escape(b.l.Contents) + "</h1>\n")
	writeNavList(&w, b.nav)
	w.WriteString("</nav>\n")
	return w.String()
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
// the author, nested navPoints in play order and, when the book follows a
// print edition, a pageList of its pages.
func (b *book) tocNCX() []byte {
	pages := b.pageListItems()
	maxPage := 0
	if len(pages) > 0 {
		maxPage = b.print.pages[len(b.print.pages)-1]
	}
	var w strings.Builder
	w.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	w.WriteString(`<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1" xml:lang="` + html.Escape(b.lang) + `">` + "\n")
	w.WriteString("  <head>\n")
	w.WriteString(`    <meta name="dtb:uid" content="` + html.Escape(b.identifier) + `"/>` + "\n")
	w.WriteString(`    <meta name="dtb:depth" content="` + strconv.Itoa(max(1, navDepth(b.nav))) + `"/>` + "\n")
	w.WriteString(`    <meta name="dtb:totalPageCount" content="` + strconv.Itoa(len(pages)) + `"/>` + "\n")
	w.WriteString(`    <meta name="dtb:maxPageNumber" content="` + strconv.Itoa(maxPage) + `"/>` + "\n")
	w.WriteString("  </head>\n")
	w.WriteString("  <docTitle><text>" + html.Escape(b.title()) + "</text></docTitle>\n")
	for _, a := range b.authors() {
		w.WriteString("  <docAuthor><text>" + html.Escape(a) + "</text></docAuthor>\n")
	}
	// playOrder follows the reading order of every target, navPoints and
	// pageTargets together, as the NCX specification asks.
	type target struct {
		href string
		pos  [2]int
	}
	var targets []target
	var collect func(items []*navItem)
	collect = func(items []*navItem) {
		for _, it := range items {
			targets = append(targets, target{it.href, b.readingPos(it.href)})
			collect(it.children)
		}
	}
	collect(b.nav)
	for _, p := range pages {
		targets = append(targets, target{p.href, b.readingPos(p.href)})
	}
	sorted := append([]target(nil), targets...)
	sort.SliceStable(sorted, func(i, j int) bool {
		a, c := sorted[i].pos, sorted[j].pos
		return a[0] < c[0] || a[0] == c[0] && a[1] < c[1]
	})
	playOrder := map[string]string{}
	for _, t := range sorted {
		if _, ok := playOrder[t.href]; !ok {
			playOrder[t.href] = strconv.Itoa(len(playOrder) + 1)
		}
	}
	w.WriteString("  <navMap>\n")
	np := 0
	var walk func(items []*navItem, indent string)
	walk = func(items []*navItem, indent string) {
		for _, it := range items {
			np++
			w.WriteString(indent + `<navPoint id="np` + strconv.Itoa(np) + `" playOrder="` + playOrder[it.href] + `">` + "\n")
			w.WriteString(indent + "  <navLabel><text>" + html.Escape(it.label) + "</text></navLabel>\n")
			w.WriteString(indent + `  <content src="` + html.Escape(it.href) + `"/>` + "\n")
			walk(it.children, indent+"  ")
			w.WriteString(indent + "</navPoint>\n")
		}
	}
	walk(b.nav, "    ")
	w.WriteString("  </navMap>\n")
	if len(pages) > 0 {
		w.WriteString("  <pageList>\n    <navLabel><text>" + html.Escape(b.l.Pages) + "</text></navLabel>\n")
		for i, p := range pages {
			w.WriteString(`    <pageTarget id="pt` + strconv.Itoa(i+1) + `" type="normal" value="` + p.label + `" playOrder="` + playOrder[p.href] + `">` + "\n")
			w.WriteString("      <navLabel><text>" + html.Escape(p.label) + "</text></navLabel>\n")
			w.WriteString(`      <content src="` + html.Escape(p.href) + `"/>` + "\n    </pageTarget>\n")
		}
		w.WriteString("  </pageList>\n")
	}
	w.WriteString("</ncx>\n")
	return []byte(w.String())
}

func navDepth(items []*navItem) int {
	d := 0
	for _, it := range items {
		d = max(d, 1+navDepth(it.children))
	}
	return d
}

// readingPos returns where href (relative to EPUB/, with an optional
// #fragment) lies in reading order: its file's index in the spine and the
// byte offset of the fragment's id in that file (0 without a fragment).
func (b *book) readingPos(href string) [2]int {
	if b.idOffsets == nil {
		b.idOffsets = map[string]map[string]int{}
		for i, f := range b.spine() {
			b.spineIndex(f, i)
		}
		for _, p := range b.pages {
			b.idOffsets["xhtml/"+p.name] = idOffsets(p.body)
		}
		b.idOffsets[navFileName] = idOffsets(string(b.navXHTML()))
	}
	file, frag, _ := strings.Cut(href, "#")
	return [2]int{b.spinePos[file], b.idOffsets[file][frag]}
}

func (b *book) spineIndex(file string, i int) {
	if b.spinePos == nil {
		b.spinePos = map[string]int{}
	}
	b.spinePos[file] = i
}

// idOffsets maps every id="…" in an XHTML text to its byte offset, in one
// pass.
func idOffsets(doc string) map[string]int {
	out := map[string]int{}
	for off := 0; ; {
		i := strings.Index(doc[off:], ` id="`)
		if i < 0 {
			return out
		}
		start := off + i + len(` id="`)
		end := strings.IndexByte(doc[start:], '"')
		if end < 0 {
			return out
		}
		if _, dup := out[doc[start:start+end]]; !dup {
			out[doc[start:start+end]] = off + i
		}
		off = start + end
	}
}
