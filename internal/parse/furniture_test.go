package parse

import (
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// page builds one page of 24 lines of a paginated text: a running header
// (from page 2 on), the body lines, blank lines and a footer with the
// page number, then a form feed.
func page(n int, body ...string) string {
	var b strings.Builder
	lines := 0
	if n > 1 {
		b.WriteString("RFC 9999            Example Protocol            May 2020\n\n")
		lines = 2
	}
	for _, l := range body {
		b.WriteString(l + "\n")
		lines++
	}
	for ; lines < 22; lines++ {
		b.WriteString("\n")
	}
	b.WriteString("Doe                 Informational               [Page " + strconv.Itoa(n) + "]\n\f\n")
	return b.String()
}

// TestTextFurniture: running headers and footers at page breaks are
// removed (found by their recurrence, with form feeds or without), and a
// paragraph cut by a break is joined again.
func TestTextFurniture(t *testing.T) {
	paged := "Title line\n\n" +
		page(1, "   The first paragraph runs over the page", "   break and goes on") +
		page(2, "   on the next page, where it ends.", "", "   A second paragraph ends here.") +
		page(3, "   A third one starts a page.", "", "1.  Heading", "", "   Text under it.") +
		page(4, "   Last words.")
	want := []string{
		"The first paragraph runs over the page break and goes on on the next page, where it ends.",
		"A second paragraph ends here.",
		"A third one starts a page.",
		"Text under it.",
		"Last words.",
	}
	tests := []struct{ name, in string }{
		{"form feeds", paged},
		{"no form feeds", strings.ReplaceAll(paged, "\f", "")},
		{"CRLF", strings.ReplaceAll(paged, "\n", "\r\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ws := parseTextString(t, tt.in)
			got := paras(doc)
			if strings.Join(got, "|") != strings.Join(want, "|") {
				t.Errorf("paragraphs =\n%q\nwant\n%q", got, want)
			}
			if len(ws.List) != 1 || !strings.Contains(ws.List[0].Msg, "running header and footer lines") {
				t.Errorf("warnings = %v, want one about running lines", ws.List)
			}
		})
	}
}

// TestTextFurnitureKeepsText: lines that recur without pages are text.
func TestTextFurnitureKeepsText(t *testing.T) {
	var b strings.Builder
	b.WriteString("Book\n\n")
	for i := 1; i <= 6; i++ {
		b.WriteString("Chapter " + strconv.Itoa(i) + "\n\n")
		for k := 0; k < 20; k++ {
			b.WriteString("Some words of the chapter go here and on.\n")
		}
		b.WriteString("\n")
	}
	doc, ws := parseTextString(t, b.String())
	if n := len(outline(doc)); n != 6 {
		t.Errorf("outline = %q, want 6 chapters", outline(doc))
	}
	if len(ws.List) != 0 {
		t.Errorf("warnings = %v", ws.List)
	}
	// A text with a few form feeds and nothing recurring keeps every word.
	in := "T\n\nOne line.\n\fTwo line.\n\fThree line.\n"
	doc, _ = parseTextString(t, in)
	if got := strings.Join(paras(doc), " "); got != "One line. Two line. Three line." {
		t.Errorf("text = %q", got)
	}
}

// TestRFCExcerptFurniture reads the RFC 6455 excerpt: no running line is
// left in any block, and the text without its form feeds reads the same.
func TestRFCExcerptFurniture(t *testing.T) {
	data, err := os.ReadFile("testdata/rfc6455-excerpt.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, _ := parseTextString(t, string(data))
	noFF, _ := parseTextString(t, strings.ReplaceAll(string(data), "\f", ""))
	a, b := paras(doc), paras(noFF)
	if strings.Join(a, "\n") != strings.Join(b, "\n") {
		t.Errorf("without form feeds the blocks differ:\n%q\n%q", a, b)
	}
	for _, p := range a {
		if strings.Contains(p, "[Page") || strings.Contains(p, "December 2011") {
			t.Errorf("running line left: %q", p)
		}
	}
	doc.WalkSections(func(s *document.Section) bool {
		for _, bl := range s.Blocks {
			if p, ok := bl.(*document.Paragraph); ok && strings.HasPrefix(document.BlockText(p), "include Simplified BSD") {
				t.Errorf("paragraph cut at the first page break: %q", document.BlockText(p))
			}
		}
		return true
	})
}

// TestTextFurnitureFalseFriends: numbered lines that recur regularly but
// are not page numbers, and chapter headings after form feeds, are text.
func TestTextFurnitureFalseFriends(t *testing.T) {
	var b strings.Builder
	b.WriteString("Report\n\n")
	words := []string{"state", "policy", "treaty", "border", "trade"}
	for i := range 60 {
		b.WriteString("Paragraph " + strconv.Itoa(i) + " about the " + words[i%5] + " in " + strconv.Itoa(1990+i%30) + ".\n\n")
	}
	doc, ws := parseTextString(t, b.String())
	if n := len(paras(doc)); n != 60 || len(ws.List) != 0 {
		t.Errorf("%d paragraphs, warnings %v; want 60 and none", n, ws.List)
	}
	b.Reset()
	b.WriteString("Book\n\n")
	for i := 1; i <= 6; i++ {
		b.WriteString("\fChapter " + strconv.Itoa(i) + "\n\nThe text of chapter " + strconv.Itoa(i) + " is here.\n\n")
	}
	doc, ws = parseTextString(t, b.String())
	if n := len(outline(doc)); n != 6 || len(ws.List) != 0 {
		t.Errorf("outline %q, warnings %v; want 6 chapters and none", outline(doc), ws.List)
	}
}
