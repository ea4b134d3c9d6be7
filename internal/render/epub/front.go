package epub

import (
	"fmt"
	"github.com/briefbook/briefbook/internal/render"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render/html"
)

// Front matter file names inside EPUB/xhtml/.
const (
	coverFile   = "cover.xhtml"
	titleFile   = "title.xhtml"
	summaryFile = "summary.xhtml"
	factsFile   = "facts.xhtml"
)

// addFront puts the front matter before the body pages: the cover image
// and its page, the title page, and — from the analysis, which may be nil
// — the summary and key facts. Empty parts are left out.
func (b *book) addFront(a *document.Analysis) error {
	var pages []*page
	var nav []*navItem
	meta := b.metaLines()
	img, err := coverPNG(b.l.Briefing, b.meta.Marking, b.title(), b.meta.Subtitle, meta, b.userFonts.Fallbacks()...)
	if err != nil {
		return err
	}
	b.cover, b.coverAlt = img, b.title()
	pages = append(pages, &page{name: coverFile, title: b.l.Cover, kind: kindCover, part: partCover,
		body: `<div class="cover" epub:type="cover"><img src="../images/` + coverImageName + `" alt="` + html.Escape(b.coverAlt) + `"/></div>` + "\n"})
	pages = append(pages, &page{name: titleFile, title: b.title(), kind: kindTitle, part: partCover, body: b.titlePage(meta)})
	if a != nil {
		if body := b.summaryPage(a.Summary); body != "" {
			pages = append(pages, &page{name: summaryFile, title: b.l.Summary, kind: kindFront, part: partSummary, body: body})
			nav = append(nav, &navItem{label: b.l.Summary, href: "xhtml/" + summaryFile})
			var sum []string
			for _, s := range a.Summary {
				sum = append(sum, strings.TrimSpace(s.Text))
			}
			b.summary = strings.Join(sum, " ")
		}
		if body := b.factsPage(&a.Facts); body != "" {
			pages = append(pages, &page{name: factsFile, title: b.l.KeyFacts, kind: kindFront, part: partFacts, body: body})
			nav = append(nav, &navItem{label: b.l.KeyFacts, href: "xhtml/" + factsFile})
		}
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
	var out []string
	var first []string
	if b.meta.Date != "" {
		first = append(first, b.meta.Date)
	}
	if b.meta.Author != "" {
		first = append(first, strings.Join(b.authors(), ", "))
	}
	if len(first) > 0 {
		out = append(out, strings.Join(first, " · "))
	}
	var second []string
	if b.meta.Source != "" {
		second = append(second, b.l.Source+": "+b.meta.Source)
	}
	if b.meta.Words > 0 {
		minutes := (b.meta.Words + 229) / 230
		second = append(second, strconv.Itoa(b.meta.Words)+" "+b.l.Words, strconv.Itoa(minutes)+" "+b.l.Minutes)
	}
	if len(second) > 0 {
		out = append(out, strings.Join(second, " · "))
	}
	return out
}

func (b *book) titlePage(meta []string) string {
	var w strings.Builder
	w.WriteString(`<section class="titlepage" epub:type="titlepage" aria-labelledby="title-h">` + "\n")
	if b.meta.Marking != "" {
		w.WriteString(`<p class="marking">` + html.Escape(render.Clip(b.meta.Marking, render.MaxMarking)) + "</p>\n")
	}
	w.WriteString(`<p class="label">` + html.Escape(b.l.Briefing) + "</p>\n")
	w.WriteString(`<h1 id="title-h">` + html.Escape(b.title()) + "</h1>\n")
	if b.meta.Subtitle != "" {
		w.WriteString(`<p class="subtitle">` + html.Escape(b.meta.Subtitle) + "</p>\n")
	}
	w.WriteString(`<hr class="rule"/>` + "\n")
	for _, m := range meta {
		w.WriteString(`<p class="meta">` + html.Escape(m) + "</p>\n")
	}
	w.WriteString("</section>\n")
	return w.String()
}

// pref returns a link to a numbered paragraph ("¶7") or, when the
// paragraph is not in the book, the bare number.
func (b *book) pref(id string) string {
	n, err := strconv.Atoi(strings.TrimPrefix(id, "p"))
	if err != nil || !strings.HasPrefix(id, "p") {
		return ""
	}
	label := "¶" + strconv.Itoa(n)
	f, ok := b.fileOf[id]
	if !ok {
		return `<span class="pref">` + label + "</span>"
	}
	return `<a class="pref" href="` + html.Escape(f+"#"+id) + `" aria-label="` + html.Escape(b.l.Paragraph+" "+strconv.Itoa(n)) + `">` + label + "</a>"
}

// maxRefs is the number of ¶ links in one fact-table row; the rows and
// tiles shown are chosen by render.KeyFacts, as in the PDF.
var maxRefs = render.DefaultFactLimits.Refs

func (b *book) prefs(ids []string) string {
	var out []string
	more := 0
	if len(ids) > maxRefs {
		ids, more = ids[:maxRefs], len(ids)-maxRefs
	}
	for _, id := range ids {
		if p := b.pref(id); p != "" {
			out = append(out, p)
		}
	}
	if more > 0 {
		out = append(out, "+"+strconv.Itoa(more))
	}
	return strings.Join(out, ", ")
}

// summaryPage is the "Summary" chapter: the summary sentences as the Key
// points box, each ending in a link to its paragraph.
func (b *book) summaryPage(sum []document.SummarySentence) string {
	var items []string
	for _, s := range sum {
		t := strings.TrimSpace(s.Text)
		if t == "" {
			continue
		}
		item := html.Escape(t)
		if p := b.pref(s.Paragraph); p != "" {
			item += " " + p
		}
		items = append(items, "<li>"+item+"</li>\n")
	}
	if len(items) == 0 {
		return ""
	}
	var w strings.Builder
	w.WriteString(`<h1 id="summary-h">` + html.Escape(b.l.Summary) + "</h1>\n")
	w.WriteString(`<aside class="keypoints" aria-labelledby="keypoints-h">` + "\n")
	w.WriteString(`<h2 id="keypoints-h">` + html.Escape(b.l.KeyPoints) + "</h2>\n<ul>\n")
	for _, it := range items {
		w.WriteString(it)
	}
	w.WriteString("</ul>\n</aside>\n")
	return w.String()
}

// factTable writes one fact table with a heading, header cells and rows
// whose cells are already XHTML.
func factTable(w *strings.Builder, id, heading string, header []string, rows [][]string) {
	if len(rows) == 0 {
		return
	}
	w.WriteString(`<h2 id="` + id + `">` + html.Escape(heading) + "</h2>\n")
	w.WriteString(`<div class="table-wrap"><table class="facts" aria-labelledby="` + id + `">` + "\n<thead><tr>")
	for _, h := range header {
		w.WriteString(`<th scope="col">` + html.Escape(h) + "</th>")
	}
	w.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range rows {
		w.WriteString("<tr>")
		for i, c := range r {
			if i == len(r)-1 {
				w.WriteString(`<td class="ref">` + c + "</td>")
			} else {
				w.WriteString("<td>" + c + "</td>")
			}
		}
		w.WriteString("</tr>\n")
	}
	w.WriteString("</tbody>\n</table></div>\n")
}

// factsPage is the "Key facts" chapter: figure tiles, then tables for the
// timeline, people, organisations, places and quotations.
func (b *book) factsPage(all *document.Facts) string {
	kf, shown := render.KeyFacts(*all, render.DefaultFactLimits)
	f := &kf
	// heading names a table, with "(25 / 312)" when it shows only some facts.
	heading := func(name, key string) string {
		if sh := shown[key]; sh.Capped() {
			return name + " (" + strconv.Itoa(sh.Shown) + " / " + strconv.Itoa(sh.Found) + ")"
		}
		return name
	}
	var w strings.Builder
	if len(f.Figures) > 0 {
		w.WriteString(`<h2 id="figures-h">` + html.Escape(b.l.Figures) + "</h2>\n<div class=\"tiles\">\n")
		fw := render.FigureWordsFor(b.lang)
		for _, fig := range f.Figures {
			t := render.FigureTile(fig, fw)
			value := html.Escape(t.Number)
			if t.Bound != "" {
				value = `<span class="bound">` + html.Escape(t.Bound) + "</span> " + value
			}
			w.WriteString(`<div class="tile"><span class="value">` + value + `</span> <span class="label">` + html.Escape(t.Label))
			if p := b.pref(fig.Paragraph); p != "" {
				w.WriteString(" " + p)
			}
			w.WriteString("</span></div>\n")
		}
		w.WriteString("</div>\n")
	}
	var rows [][]string
	for _, e := range f.Timeline {
		date := e.Text
		if date == "" {
			date = e.Date
		}
		rows = append(rows, []string{html.Escape(date), html.Escape(e.Event), b.pref(e.Paragraph)})
	}
	factTable(&w, "timeline-h", heading(b.l.Timeline, "timeline"), []string{b.l.Date, b.l.Event, "¶"}, rows)
	rows = nil
	for _, p := range f.People {
		rows = append(rows, []string{html.Escape(p.Name), html.Escape(p.Role), b.prefs(p.Paragraphs)})
	}
	factTable(&w, "people-h", heading(b.l.People, "people"), []string{b.l.Name, b.l.Role, "¶"}, rows)
	rows = nil
	for _, o := range f.Organizations {
		full := o.Expansion
		if full == "" {
			full = o.Name
		}
		rows = append(rows, []string{html.Escape(o.Acronym), html.Escape(full), b.prefs(o.Paragraphs)})
	}
	factTable(&w, "orgs-h", heading(b.l.Organizations, "organizations"), []string{b.l.Acronym, b.l.FullName, "¶"}, rows)
	rows = nil
	for _, p := range f.Places {
		rows = append(rows, []string{html.Escape(p.Name), b.prefs(p.Paragraphs)})
	}
	factTable(&w, "places-h", heading(b.l.Places, "places"), []string{b.l.Name, b.l.Mentions}, rows)
	rows = nil
	for _, q := range f.Quotations {
		rows = append(rows, []string{"«" + html.Escape(q.Text) + "»", html.Escape(q.Speaker), b.pref(q.Paragraph)})
	}
	factTable(&w, "quotes-h", heading(b.l.Quotations, "quotations"), []string{b.l.Quote, b.l.Speaker, "¶"}, rows)
	if w.Len() == 0 {
		return ""
	}
	return `<h1 id="facts-h">` + html.Escape(b.l.KeyFacts) + "</h1>\n" + w.String()
}
