package epub

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/pdf"
)

// TestChaptersAreTheBook checks that RenderChapters gives the content
// documents of the EPUB that Render writes, in spine order, with or
// without a page map, and the book's style sheet and cover.
func TestChaptersAreTheBook(t *testing.T) {
	for _, withMap := range []bool{false, true} {
		in := fixtureInput()
		if withMap {
			res, err := pdf.Layout(in)
			if err != nil {
				t.Fatal(err)
			}
			in.PageMap = res.PageMap
		}
		var buf bytes.Buffer
		if err := Render(&buf, in); err != nil {
			t.Fatal(err)
		}
		files, err := readZip(buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		ch, err := RenderChapters(in)
		if err != nil {
			t.Fatal(err)
		}
		opf := string(files["EPUB/package.opf"])
		var spine []string
		for _, m := range regexp.MustCompile(`<itemref idref="([^"]+)"`).FindAllStringSubmatch(opf, -1) {
			href := regexp.MustCompile(`<item [^>]*href="([^"]+)" id="` + regexp.QuoteMeta(m[1]) + `"|<item [^>]*id="` + regexp.QuoteMeta(m[1]) + `"[^>]*href="([^"]+)"`).FindStringSubmatch(opf)
			if href == nil {
				t.Fatalf("no manifest item for %s", m[1])
			}
			spine = append(spine, href[1]+href[2])
		}
		if len(spine) != len(ch.Chapters) {
			t.Fatalf("map %v: spine has %d documents %v, chapters %d", withMap, len(spine), spine, len(ch.Chapters))
		}
		for i, c := range ch.Chapters {
			want := "xhtml/" + c.Name
			if c.Kind == KindContents {
				want = navFileName
			}
			if spine[i] != want {
				t.Errorf("map %v: chapter %d is %s, spine has %s", withMap, i, want, spine[i])
			}
			if doc := string(files["EPUB/"+want]); !strings.Contains(doc, c.Body) {
				t.Errorf("map %v: body of %s is not the book's", withMap, c.Name)
			}
		}
		if css := files["EPUB/css/book.css"]; !bytes.Equal(css, ch.CSS) {
			t.Errorf("map %v: style sheet differs from the book's", withMap)
		}
		if !bytes.Equal(files["EPUB/images/"+coverImageName], ch.Cover) {
			t.Errorf("map %v: cover differs from the book's", withMap)
		}
		if withMap != (ch.Pages > 0) {
			t.Errorf("map %v: Pages = %d", withMap, ch.Pages)
		}
	}
}

// TestOnePageLinks checks that the chapters joined into one page link
// only within it: every internal href names an ID of the page, the cover
// image has the given source, and external links are kept.
func TestOnePageLinks(t *testing.T) {
	in := fixtureInput()
	res, err := pdf.Layout(in)
	if err != nil {
		t.Fatal(err)
	}
	in.PageMap = res.PageMap
	ch, err := RenderChapters(in)
	if err != nil {
		t.Fatal(err)
	}
	var page strings.Builder
	for i, c := range ch.Chapters {
		page.WriteString(`<div id="` + ChapterID(c.Name) + `">` + ch.OnePage(i, "/doc/x/cover.png?v=1&a=2", "/doc/x/images") + "</div>")
	}
	s := page.String()
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllStringSubmatch(s, -1) {
		ids[m[1]] = true
	}
	hrefs := regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(s, -1)
	internal, pagesSeen := 0, 0
	for _, m := range hrefs {
		h := m[1]
		switch {
		case strings.HasPrefix(h, "#"):
			internal++
			if !ids[h[1:]] {
				t.Errorf("link %s names no element of the page", h)
			}
		case strings.Contains(h, ".xhtml"):
			t.Errorf("link %s still names a book file", h)
		}
	}
	for id := range ids {
		if strings.HasPrefix(id, "page-") {
			pagesSeen++
		}
	}
	if internal < 10 {
		t.Errorf("only %d internal links", internal)
	}
	if pagesSeen != ch.Pages {
		t.Errorf("%d page markers, print edition has %d pages", pagesSeen, ch.Pages)
	}
	if !strings.Contains(s, `href="https://mfa.gov.kz/?a=1&amp;b=2"`) {
		t.Error("external link changed")
	}
	if !strings.Contains(s, `src="/doc/x/cover.png?v=1&amp;a=2"`) {
		t.Error("cover image source not replaced")
	}
}

// TestRenderChaptersNoDocument refuses a missing document.
func TestRenderChaptersNoDocument(t *testing.T) {
	for _, in := range []*render.Input{nil, {}} {
		if _, err := RenderChapters(in); err == nil {
			t.Error("no error without a document")
		}
	}
}
