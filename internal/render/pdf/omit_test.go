package pdf

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/render"
)

// TestOmitFrontParts lays out the fixture with each front-matter part left
// out and checks the parts of the page map, the page count and, with
// pdftotext, that page 1 still names the document.
func TestOmitFrontParts(t *testing.T) {
	full := mustLayout(t, fixtureInput())
	fullParts := partsOf(full)
	for _, want := range []string{"cover", "summary", "facts", "body"} {
		if !fullParts[want] {
			t.Fatalf("fixture PDF lacks part %q: %v", want, fullParts)
		}
	}
	tests := []struct {
		name    string
		omit    render.Omit
		gone    []string // parts no page may belong to
		present []string
		// fewer: the PDF has fewer pages than the full one. Without the
		// summary the fixture's contents, which shared its page, take a
		// page of their own: as many pages.
		fewer bool
	}{
		{"no-cover", render.Omit{Cover: true}, []string{"cover"}, []string{"summary", "facts", "body"}, true},
		{"no-summary", render.Omit{Summary: true}, []string{"summary"}, []string{"cover", "facts", "contents", "body"}, false},
		{"no-facts", render.Omit{Facts: true}, []string{"facts"}, []string{"cover", "summary", "body"}, true},
		{"brief", render.Omit{Cover: true, Summary: true, Facts: true}, []string{"cover", "summary", "facts"}, []string{"contents", "body"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := fixtureInput()
			in.Options.Omit = tc.omit
			res := mustLayout(t, in)
			parts := partsOf(res)
			for _, p := range tc.gone {
				if parts[p] {
					t.Errorf("a page still belongs to %q: %v", p, parts)
				}
			}
			for _, p := range tc.present {
				if !parts[p] {
					t.Errorf("no page belongs to %q: %v", p, parts)
				}
			}
			if res.Pages > full.Pages || tc.fewer && res.Pages == full.Pages {
				t.Errorf("%d pages, the full briefing has %d", res.Pages, full.Pages)
			}
			if len(res.PageMap.Starts) != res.Pages {
				t.Errorf("page map has %d starts for %d pages", len(res.PageMap.Starts), res.Pages)
			}
			if !tc.omit.Cover {
				return
			}
			if _, err := exec.LookPath("pdftotext"); err != nil {
				return // the page-map checks above ran; the text check needs pdftotext
			}
			page1 := squash(pdfText(t, writeTemp(t, res.PDF), 1, 1))
			if title := in.Doc.Meta.Title; strings.Count(page1, squash(title)) < 2 {
				// Once in the running header, once in the title block.
				t.Errorf("page 1 names %q fewer than twice:\n%s", title, page1)
			}
			if !strings.Contains(page1, in.Doc.Meta.Subtitle) {
				t.Errorf("page 1 lacks the subtitle %q:\n%s", in.Doc.Meta.Subtitle, page1)
			}
		})
	}
}

// partsOf returns the parts the pages of res belong to.
func partsOf(res *Result) map[string]bool {
	parts := map[string]bool{}
	for _, s := range res.PageMap.Starts {
		parts[s.Part] = true
	}
	return parts
}
