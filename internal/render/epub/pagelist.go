package epub

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/html"
)

// Parts of the print edition, as render.PageStart names them.
const (
	partCover    = "cover"
	partSummary  = "summary"
	partFacts    = "facts"
	partContents = "contents"
	partBody     = "body"
)

// blockKey names one block of a body section.
type blockKey struct {
	section string
	block   int
}

// pageList is where the pages of the print edition begin in the book. It
// is made from the PDF's render.PageMap; a book without one has no
// page-list and claims no page navigation.
type pageList struct {
	// total is the page count of the PDF.
	total int
	// pages are the page numbers that have a marker, ascending.
	pages []int
	// body holds the pages that begin inside a body block, in word order.
	body map[blockKey][]html.PageBreak
	// front holds, per part, the pages that begin at the start of that
	// part's chapter in the book (several pages of one part all begin
	// there, since the PDF map does not say where inside a front-matter
	// part they begin).
	front map[string][]int
	// first is the first page of each part, for placing the contents.
	first map[string]int
	// contentsAfter is the part the contents follow in the print edition
	// (render.PageMap.ContentsAfter); "" when the map does not say.
	contentsAfter string
}

// newPageList checks m against doc and returns the page list, or nil when
// m is nil or names no page. Entries that name an unknown section or
// block are not dropped: their marker follows the previous page's, so
// that every page of the PDF can be reached and the page-list stays in
// reading order (epubcheck NAV-011). An unknown part counts as body.
func newPageList(m *render.PageMap, doc *document.Document) *pageList {
	if m == nil || len(m.Starts) == 0 {
		return nil
	}
	blocks := map[string]int{}
	doc.WalkSections(func(s *document.Section) bool {
		blocks[s.ID] = len(s.Blocks)
		return true
	})
	pl := &pageList{total: m.Pages, body: map[blockKey][]html.PageBreak{}, front: map[string][]int{}, first: map[string]int{},
		contentsAfter: m.ContentsAfter}
	starts := append([]render.PageStart(nil), m.Starts...)
	sort.SliceStable(starts, func(i, j int) bool { return starts[i].Page < starts[j].Page })
	seen := map[int]bool{}
	// prev is where the previous page was placed: a front part, or a body
	// block and word.
	var prev struct {
		part string
		key  blockKey
		word int
	}
	prev.part = partCover
	for _, st := range starts {
		if st.Page < 1 || seen[st.Page] {
			continue
		}
		seen[st.Page] = true
		pl.pages = append(pl.pages, st.Page)
		part := st.Part
		switch part {
		case partCover, partSummary, partFacts, partContents:
			pl.front[part] = append(pl.front[part], st.Page)
			prev.part = part
		default:
			part = partBody
			k := blockKey{st.Section, st.Block}
			word := max(0, st.Word)
			if n, ok := blocks[st.Section]; !ok || st.Block < -1 || st.Block >= n {
				// Unknown place: right after the previous page's marker,
				// so that the page-list stays in reading order.
				if prev.part != partBody {
					pl.front[prev.part] = append(pl.front[prev.part], st.Page)
					break
				}
				k, word = prev.key, prev.word
			}
			pl.body[k] = append(pl.body[k], html.PageBreak{Page: st.Page, Word: word})
			prev.part, prev.key, prev.word = partBody, k, word
		}
		if f, ok := pl.first[part]; !ok || st.Page < f {
			pl.first[part] = st.Page
		}
	}
	if len(pl.pages) == 0 {
		return nil
	}
	sort.Ints(pl.pages)
	pl.total = max(pl.total, pl.pages[len(pl.pages)-1])
	for _, v := range pl.front {
		sort.Ints(v)
	}
	for _, v := range pl.body {
		sort.Slice(v, func(i, j int) bool {
			if v[i].Word != v[j].Word {
				return v[i].Word < v[j].Word
			}
			return v[i].Page < v[j].Page
		})
	}
	return pl
}

// breaks is the html.Options.PageBreaks function of the page list.
func (pl *pageList) breaks(section string, block int) []html.PageBreak {
	if pl == nil {
		return nil
	}
	return pl.body[blockKey{section, block}]
}

// markers returns the page-break markers of the pages of part, one per
// line; "" when there are none.
func (pl *pageList) markers(part string) string {
	if pl == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range pl.front[part] {
		b.WriteString(html.PageBreakMarker(p))
		b.WriteString("\n")
	}
	return b.String()
}

// navFirst reports whether the contents come before the pages of part in
// the print edition, so that the nav document can take the same place
// in the spine. When the page map names the part the contents follow,
// they come before every later part (the contents may share the summary's
// page, so no page need begin with them); otherwise they come before the
// first part whose pages follow the first contents page. Without a page
// map the contents follow the title page.
func (pl *pageList) navFirst(part string) bool {
	if pl == nil {
		return true
	}
	if r, ok := partRank[pl.contentsAfter]; ok {
		p, ok := partRank[part]
		if !ok {
			p = partRank[partBody]
		}
		return p > r
	}
	c, ok := pl.first[partContents]
	if !ok {
		return true
	}
	f, ok := pl.first[part]
	return !ok || c < f
}

// partRank is the reading order of the parts of the print edition.
var partRank = map[string]int{partCover: 0, partSummary: 1, partFacts: 2, partBody: 3}

// placeFrontMarkers puts the markers of the front-matter parts at the
// start of their chapters; those of a part the book lacks go to the start
// of the body (or, failing that, to the contents). The contents' own markers are written by
// navXHTML.
func (b *book) placeFrontMarkers() {
	pl := b.print
	if pl == nil {
		return
	}
	byPart := map[string]*page{}
	for _, p := range b.pages {
		if _, ok := byPart[p.part]; !ok && p.part != "" {
			byPart[p.part] = p
		}
	}
	b.navExtra = ""
	for _, part := range []string{partCover, partSummary, partFacts} {
		m := pl.markers(part)
		if m == "" {
			continue
		}
		p, ok := byPart[part]
		if !ok {
			p, ok = byPart[partBody]
		}
		if !ok {
			b.navExtra += m
			continue
		}
		if open := `<div class="cover" epub:type="cover">`; part == partCover && strings.HasPrefix(p.body, open) {
			// On the image's own line: a line of its own before the
			// full-page image would push the image to the next page.
			p.body = open + strings.ReplaceAll(m, "\n", "") + p.body[len(open):]
			continue
		}
		p.body = m + p.body
	}
}

// pageListItems returns the page-list entries: label and href (relative
// to EPUB/) of every page marker, in page order.
func (b *book) pageListItems() []*navItem {
	if b.print == nil {
		return nil
	}
	var out []*navItem
	for _, n := range b.print.pages {
		id := html.PageBreakID(n)
		href := navFileName + "#" + id
		if f, ok := b.fileOf[id]; ok {
			href = "xhtml/" + f + "#" + id
		}
		out = append(out, &navItem{label: fmt.Sprint(n), href: href})
	}
	return out
}
