package epub

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/html"
)

// Front matter file names inside EPUB/xhtml/.
const (
	coverFile   = "cover.xhtml"
	titleFile   = "title.xhtml"
	summaryFile = "summary.xhtml"
	factsFile   = "facts.xhtml"
)

// startCover starts drawing the cover image (see coverPNG) in a goroutine
// and returns a function that waits for it; nil under --no-cover. The
// image depends on the front matter alone and takes longer to draw than a
// short document's pages take to write, so the book's pages are made
// meanwhile (on a second core, a short build ends that much sooner; the
// work is the same).
func (b *book) startCover() func() ([]byte, error) {
	if b.omit.Cover {
		return nil
	}
	c, meta, fallback := b.front.Cover, b.metaLines(), b.userFonts.Fallbacks()
	type result struct {
		img []byte
		err error
	}
	ch := make(chan result, 1) // buffered: a book that fails first leaves it unread
	go func() {
		var r result
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Errorf("cover: %v", p)
			}
			ch <- r
		}()
		r.img, r.err = coverPNG(c.Label, c.Marking, c.Title, c.Subtitle, meta, fallback...)
	}()
	return func() ([]byte, error) {
		r := <-ch
		return r.img, r.err
	}
}

// addFront puts the front matter before the body pages: the cover image
// (from cover, made by startCover) and its page, the title page, and —
// when the front holds them — the summary and key facts. Empty parts are
// left out. The words and the structure come from render.Front, which the
// PDF sets too.
func (b *book) addFront(cover func() ([]byte, error)) error {
	f := b.front
	var pages []*page
	var nav []*navItem
	meta := b.metaLines()
	if cover != nil { // --no-cover: no cover image; the title page stays
		img, err := cover()
		if err != nil {
			return err
		}
		b.cover, b.coverAlt = img, f.Cover.Title
		pages = append(pages, &page{name: coverFile, title: b.l.Cover, kind: kindCover, part: partCover,
			body: `<div class="cover" epub:type="cover"><img src="../images/` + coverImageName + `" alt="` + html.Escape(b.coverAlt) + `"/></div>` + "\n"})
	}
	pages = append(pages, &page{name: titleFile, title: f.Cover.Title, kind: kindTitle, part: partCover, body: b.titlePage(meta)})
	if body := b.summaryPage(f.Summary); body != "" && !b.omit.Summary {
		pages = append(pages, &page{name: summaryFile, title: b.l.Summary, kind: kindFront, part: partSummary, body: body})
		nav = append(nav, &navItem{label: b.l.Summary, href: "xhtml/" + summaryFile})
		var sum []string
		for _, s := range f.Summary {
			sum = append(sum, s.Text)
		}
		b.summary = strings.Join(sum, " ")
	}
	if body := b.factsPage(f); body != "" && !b.omit.Facts {
		pages = append(pages, &page{name: factsFile, title: b.l.KeyFacts, kind: kindFront, part: partFacts, body: body})
		nav = append(nav, &navItem{label: b.l.KeyFacts, href: "xhtml/" + factsFile})
	}
	for _, p := range pages {
		if err := html.Check(p.body); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	b.pages = append(pages, b.pages...)
	b.nav = append(nav, b.nav...)
	return nil
}

// metaLines are the date/author line and the source/length line of the
// cover and title page.
func (b *book) metaLines() []string {
	c := b.front.Cover
	var out []string
	join := func(parts ...string) {
		var keep []string
		for _, p := range parts {
			if p != "" {
				keep = append(keep, p)
			}
		}
		if len(keep) > 0 {
			out = append(out, strings.Join(keep, " · "))
		}
	}
	join(c.Date, c.AuthorLine())
	join(c.Source, c.Length)
	return out
}

func (b *book) titlePage(meta []string) string {
	c := b.front.Cover
	var w strings.Builder
	w.WriteString(`<section class="titlepage" epub:type="titlepage" aria-labelledby="title-h">` + "\n")
	if c.Marking != "" {
		w.WriteString(`<p class="marking">` + html.Escape(c.Marking) + "</p>\n")
	}
	w.WriteString(`<p class="label">` + html.Escape(c.Label) + "</p>\n")
	w.WriteString(`<h1 id="title-h">` + html.Escape(c.Title) + "</h1>\n")
	if c.Subtitle != "" {
		w.WriteString(`<p class="subtitle">` + html.Escape(c.Subtitle) + "</p>\n")
	}
	w.WriteString(`<hr class="rule"/>` + "\n")
	for _, m := range meta {
		w.WriteString(`<p class="meta">` + html.Escape(m) + "</p>\n")
	}
	w.WriteString("</section>\n")
	return w.String()
}

// pref returns a link to a numbered paragraph ("¶7") or, when the
// paragraph is not in the book, the bare number; "" for no paragraph.
func (b *book) pref(r render.Ref) string {
	if r.ID == "" {
		return ""
	}
	label := "¶" + strconv.Itoa(r.Num)
	f, ok := b.fileOf[r.ID]
	if !ok {
		return `<span class="pref">` + label + "</span>"
	}
	return `<a class="pref" href="` + html.Escape(f+"#"+r.ID) + `" aria-label="` + html.Escape(b.l.Paragraph+" "+strconv.Itoa(r.Num)) + `">` + label + "</a>"
}

// prefs returns the references of a cell as links, as the PDF sets them:
// "¶3, ¶7, +2".
func (b *book) prefs(c render.Cell) string {
	var out []string
	for _, r := range c.Refs {
		out = append(out, b.pref(r))
	}
	if c.More > 0 {
		out = append(out, "+"+strconv.Itoa(c.More))
	}
	return strings.Join(out, ", ")
}

// summaryPage is the "Summary" chapter: the summary sentences as the Key
// points box, each ending in a link to its paragraph.
func (b *book) summaryPage(sum []render.Point) string {
	if len(sum) == 0 {
		return ""
	}
	var w strings.Builder
	w.WriteString(`<h1 id="summary-h">` + html.Escape(b.l.Summary) + "</h1>\n")
	w.WriteString(`<aside class="keypoints" aria-labelledby="keypoints-h">` + "\n")
	w.WriteString(`<h2 id="keypoints-h">` + html.Escape(b.l.KeyPoints) + "</h2>\n<ul>\n")
	for _, s := range sum {
		item := html.Escape(s.Text)
		if p := b.pref(s.Ref); p != "" {
			item += " " + p
		}
		w.WriteString("<li>" + item + "</li>\n")
	}
	w.WriteString("</ul>\n</aside>\n")
	return w.String()
}

// tableIDs are the IDs of the fact-table headings, by kind.
var tableIDs = map[render.TableKind]string{
	render.TableTimeline:      "timeline-h",
	render.TablePeople:        "people-h",
	render.TableOrganizations: "orgs-h",
	render.TablePlaces:        "places-h",
	render.TableQuotations:    "quotes-h",
}

// factTable writes one fact table: its heading, header cells and rows;
// reference cells hold links.
func (b *book) factTable(w *strings.Builder, t render.FactTable) {
	if len(t.Rows) == 0 {
		return
	}
	id := tableIDs[t.Kind]
	w.WriteString(`<h2 id="` + id + `">` + html.Escape(t.Title) + "</h2>\n")
	w.WriteString(`<div class="table-wrap"><table class="facts" aria-labelledby="` + id + `">` + "\n<thead><tr>")
	for _, c := range t.Columns {
		w.WriteString(`<th scope="col">` + html.Escape(c.Heading) + "</th>")
	}
	w.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.Rows {
		w.WriteString("<tr>")
		for i, c := range r {
			switch t.Columns[i].Part {
			case render.PartRefs:
				w.WriteString(`<td class="ref">` + b.prefs(c) + "</td>")
			case render.PartMentions:
				w.WriteString(`<td class="num">` + html.Escape(c.Text) + "</td>")
			default:
				w.WriteString("<td>" + html.Escape(c.Text) + "</td>")
			}
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n</table></div>\n")
}

// factsPage is the "Key facts" chapter: figure tiles, then the fact
// tables of the front (timeline, people, organisations, places,
// quotations).
func (b *book) factsPage(f *render.Front) string {
	var w strings.Builder
	if len(f.Tiles) > 0 {
		w.WriteString(`<h2 id="figures-h">` + html.Escape(b.l.Figures) + "</h2>\n<div class=\"tiles\">\n")
		for _, t := range f.Tiles {
			value := html.Escape(t.Number)
			if t.Tile.Bound != "" {
				value = `<span class="bound">` + html.Escape(t.Tile.Bound) + "</span> " + value
			}
			w.WriteString(`<div class="tile"><span class="value">` + value + `</span> <span class="label">` + html.Escape(t.Label))
			if p := b.pref(t.Ref); p != "" {
				w.WriteString(" " + p)
			}
			w.WriteString("</span></div>\n")
		}
		w.WriteString("</div>\n")
	}
	for _, t := range f.Tables {
		b.factTable(&w, t)
	}
	if w.Len() == 0 {
		return ""
	}
	return `<h1 id="facts-h">` + html.Escape(b.l.KeyFacts) + "</h1>\n" + w.String()
}
