package epub

import (
	stdhtml "html"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/html"
)

// fixturePageMap is a hand-made page map of the fixture: front matter on
// pages 1–5 (key facts on two pages), then body pages that begin at a
// heading, at a block, inside a paragraph, a list and a table, and one in
// a section the document does not have.
func fixturePageMap() *render.PageMap {
	return &render.PageMap{Pages: 11, Starts: []render.PageStart{
		{Page: 1, Part: "cover"},
		{Page: 2, Part: "summary"},
		{Page: 3, Part: "facts"},
		{Page: 4, Part: "facts"},
		{Page: 5, Part: "contents"},
		{Page: 6, Part: "body", Section: "s1", Block: 0},
		{Page: 7, Part: "body", Section: "s1", Block: 1, Word: 2},
		{Page: 8, Part: "body", Section: "s2", Block: -1},
		{Page: 9, Part: "body", Section: "s2", Block: 1, Word: 2},
		{Page: 10, Part: "body", Section: "s3", Block: 0, Word: 3},
		{Page: 11, Part: "body", Section: "s99", Block: 4},
	}}
}

func pagedInput() *render.Input {
	in := fixtureInput()
	in.PageMap = fixturePageMap()
	return in
}

var (
	markupRe = regexp.MustCompile(`<[^>]*>`)
	markerRe = regexp.MustCompile(`<span epub:type="pagebreak" role="doc-pagebreak" id="page-(\d+)" aria-label="(\d+)"/>`)
)

// wordsAfter returns the first n words of the text that follows the
// marker of page in doc, tags removed.
func wordsAfter(doc string, page, n int) string {
	i := strings.Index(doc, html.PageBreakMarker(page))
	if i < 0 {
		return ""
	}
	rest := doc[i:]
	rest = regexp.MustCompile(`<span class="pnum"[^>]*>[^<]*</span>`).ReplaceAllString(rest, "")
	rest = stdhtml.UnescapeString(markupRe.ReplaceAllString(rest, " "))
	f := strings.Fields(rest)
	return strings.Join(f[:min(n, len(f))], " ")
}

func TestPageList(t *testing.T) {
	_, files := entries(t, renderBytes(t, pagedInput()))
	nav := files["EPUB/nav.xhtml"]
	items := regexp.MustCompile(`<li><a href="([^"]+)">(\d+)</a></li>`).FindAllStringSubmatch(nav[strings.Index(nav, `epub:type="page-list"`):], -1)
	if len(items) != 11 {
		t.Fatalf("page-list has %d entries, want 11\n%s", len(items), nav)
	}
	for i, it := range items {
		page := i + 1
		if it[2] != strconv.Itoa(page) {
			t.Errorf("entry %d is page %s", i, it[2])
		}
		file, frag, _ := strings.Cut(it[1], "#")
		body, ok := files["EPUB/"+file]
		if !ok || frag != "page-"+strconv.Itoa(page) || strings.Count(body, html.PageBreakMarker(page)) != 1 {
			t.Errorf("page %d: href %s does not reach exactly one marker", page, it[1])
		}
	}
	var all int
	for name, body := range files {
		if strings.HasSuffix(name, ".xhtml") {
			all += len(markerRe.FindAllString(body, -1))
		}
	}
	if all != 11 {
		t.Errorf("%d markers in the book, want 11", all)
	}
	tests := []struct {
		page int
		file string
		want string
	}{
		{1, "cover.xhtml", ""},
		{2, "summary.xhtml", "Қысқаша мазмұны"},
		{3, "facts.xhtml", ""},
		{4, "facts.xhtml", "Негізгі деректер"},
		// The fixture's sections are small: they share text-0001.xhtml.
		{6, "text-0001.xhtml", "Қазақстан 1991"},
		{7, "text-0001.xhtml", "Россия, «кавычки»"},
		{8, "text-0001.xhtml", "1 Көпвекторлы"},
		{9, "text-0001.xhtml", "ішкі тізім"},
		{10, "text-0001.xhtml", "Еуропа 30"},
		{11, "text-0001.xhtml", ""},
	}
	for _, tc := range tests {
		body := files["EPUB/xhtml/"+tc.file]
		if !strings.Contains(body, html.PageBreakMarker(tc.page)) {
			t.Errorf("page %d: no marker in %s", tc.page, tc.file)
			continue
		}
		if tc.want != "" {
			if got := wordsAfter(body, tc.page, len(strings.Fields(tc.want))); got != tc.want {
				t.Errorf("page %d: marker before %q, want %q", tc.page, got, tc.want)
			}
		}
	}
	if !strings.Contains(nav, html.PageBreakMarker(5)) {
		t.Error("page 5 (contents) has no marker in the nav")
	}
	opf := files["EPUB/package.opf"]
	for _, want := range []string{
		`<dc:source id="print-source">vectors.pdf (briefbook PDF edition, A4, 11 pages)</dc:source>`,
		`<meta refines="#print-source" property="source-of">pagination</meta>`,
		`<meta property="schema:accessibilityFeature">pageBreakMarkers</meta>`,
		`<meta property="schema:accessibilityFeature">pageNavigation</meta>`,
		`page numbers of the 11-page PDF edition`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package.opf lacks %s", want)
		}
	}
	// The contents follow the key facts, as in the PDF.
	spine := opf[strings.Index(opf, "<spine"):]
	if !(strings.Index(spine, "facts") < strings.Index(spine, `idref="nav"`) && strings.Index(spine, `idref="nav"`) < strings.Index(spine, "text-0001")) {
		t.Errorf("nav not between the key facts and the body:\n%s", spine)
	}
}

func TestNoPageMapNoClaims(t *testing.T) {
	_, files := entries(t, renderBytes(t, fixtureInput()))
	for name, body := range files {
		for _, bad := range []string{"pagebreak", "page-list", "pageBreak", "pageNavigation", "source-of"} {
			if strings.Contains(body, bad) {
				t.Errorf("%s mentions %s without a page map", name, bad)
			}
		}
	}
}

func TestPageListEdgeCases(t *testing.T) {
	doc := fixtureDoc()
	tests := []struct {
		name  string
		m     *render.PageMap
		pages []int
	}{
		{"nil", nil, nil},
		{"empty", &render.PageMap{}, nil},
		{"bad entries", &render.PageMap{Pages: 3, Starts: []render.PageStart{{Page: 0}, {Page: 2, Part: "body", Section: "s1", Block: 99}, {Page: 2, Part: "cover"}, {Page: -4}, {Page: 3, Part: "?"}}}, []int{2, 3}},
		{"unordered", &render.PageMap{Pages: 2, Starts: []render.PageStart{{Page: 2, Part: "body", Section: "s1", Block: 0, Word: 5}, {Page: 1, Part: "body", Section: "s1", Block: 0, Word: 1}}}, []int{1, 2}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pl := newPageList(tc.m, doc)
			if tc.pages == nil {
				if pl != nil {
					t.Fatalf("got a page list %+v", pl)
				}
				return
			}
			if pl == nil || !equalInts(pl.pages, tc.pages) {
				t.Fatalf("pages %v, want %v", pl, tc.pages)
			}
			in := fixtureInput()
			in.Doc, in.PageMap = doc, tc.m
			var sb strings.Builder
			if err := Render(&nopWriter{&sb}, in); err != nil {
				t.Fatal(err)
			}
		})
	}
	if got := newPageList(tests[3].m, doc).body[blockKey{"s1", 0}]; got[0].Page != 1 {
		t.Errorf("breaks not in word order: %v", got)
	}
}

type nopWriter struct{ *strings.Builder }

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestNCXPageList checks the EPUB 2 pageList: one pageTarget per page of the
// nav page-list, page counts in the head, and playOrder values that follow
// reading order across navPoints and pageTargets.
func TestNCXPageList(t *testing.T) {
	_, files := entries(t, renderBytes(t, pagedInput()))
	ncx := files["EPUB/toc.ncx"]
	targets := regexp.MustCompile(`<pageTarget id="pt\d+" type="normal" value="(\d+)" playOrder="(\d+)">`).FindAllStringSubmatch(ncx, -1)
	if len(targets) != 11 || !strings.Contains(ncx, `name="dtb:totalPageCount" content="11"`) || !strings.Contains(ncx, `name="dtb:maxPageNumber" content="11"`) {
		t.Fatalf("pageList has %d targets:\n%s", len(targets), ncx)
	}
	last := 0
	for i, tg := range targets {
		if tg[1] != strconv.Itoa(i+1) {
			t.Errorf("target %d has value %s", i, tg[1])
		}
		order, _ := strconv.Atoi(tg[2])
		if order <= last {
			t.Errorf("page %s: playOrder %d does not follow %d", tg[1], order, last)
		}
		last = order
	}
	// Without a page map there is no pageList.
	_, plain := entries(t, renderBytes(t, fixtureInput()))
	if strings.Contains(plain["EPUB/toc.ncx"], "pageList") {
		t.Error("pageList without a page map")
	}
}

// TestContentsPlacementInSpine checks that the nav (the contents page)
// takes the place the PDF gives the contents — on the summary page, on a
// page of its own after the summary, or after the key facts — and that
// the page-list still reaches exactly one marker per page.
func TestContentsPlacementInSpine(t *testing.T) {
	body := fixturePageMap().Starts[5:]
	front := func(after string, parts ...string) *render.PageMap {
		m := &render.PageMap{ContentsAfter: after}
		for i, p := range parts {
			m.Starts = append(m.Starts, render.PageStart{Page: i + 1, Part: p})
		}
		for _, b := range body {
			b.Page = len(m.Starts) + 1
			m.Starts = append(m.Starts, b)
		}
		m.Pages = len(m.Starts)
		return m
	}
	tests := []struct {
		name         string
		m            *render.PageMap
		before, next string // the spine items around the nav
	}{
		{"on summary page", front("summary", "cover", "summary", "facts", "facts"), "summary", "facts"},
		{"own page before facts", front("summary", "cover", "summary", "contents", "facts", "facts"), "summary", "facts"},
		{"after facts", front("facts", "cover", "summary", "facts", "facts", "contents"), "facts", "text-0001"},
		{"map without ContentsAfter", front("", "cover", "summary", "facts", "facts", "contents"), "facts", "text-0001"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := fixtureInput()
			in.PageMap = tc.m
			_, files := entries(t, renderBytes(t, in))
			opf := files["EPUB/package.opf"]
			var spine []string
			for _, m := range regexp.MustCompile(`<itemref idref="([^"]+)"`).FindAllStringSubmatch(opf, -1) {
				spine = append(spine, m[1])
			}
			i := slices.Index(spine, "nav")
			if i < 1 || i+1 >= len(spine) || !strings.Contains(spine[i-1], tc.before) || !strings.Contains(spine[i+1], tc.next) {
				t.Errorf("spine %v: want the nav between %s and %s", spine, tc.before, tc.next)
			}
			nav := files["EPUB/nav.xhtml"]
			items := regexp.MustCompile(`<li><a href="([^"]+)">(\d+)</a></li>`).FindAllStringSubmatch(nav[strings.Index(nav, `epub:type="page-list"`):], -1)
			if len(items) != tc.m.Pages {
				t.Fatalf("page-list has %d entries, want %d", len(items), tc.m.Pages)
			}
			for i, it := range items {
				page := i + 1
				file, frag, _ := strings.Cut(it[1], "#")
				body, ok := files["EPUB/"+file]
				if it[2] != strconv.Itoa(page) || !ok || frag != "page-"+strconv.Itoa(page) || strings.Count(body, html.PageBreakMarker(page)) != 1 {
					t.Errorf("page %d: entry %s → %s does not reach exactly one marker", page, it[2], it[1])
				}
			}
			var all int
			for name, body := range files {
				if strings.HasSuffix(name, ".xhtml") {
					all += len(markerRe.FindAllString(body, -1))
				}
			}
			if all != tc.m.Pages {
				t.Errorf("%d markers in the book, want %d", all, tc.m.Pages)
			}
		})
	}
}
