package parse

import (
	"os"
	"strings"
	"testing"
)

// TestRFCFrontMatter: the header block of an RFC goes into the metadata,
// not into the title or the body; its unnumbered and numbered headings are
// headings with levels.
func TestRFCFrontMatter(t *testing.T) {
	data, err := os.ReadFile("testdata/rfc6455-excerpt.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, ws := parseTextString(t, string(data))
	m := doc.Meta
	if m.Title != "The WebSocket Protocol" || m.Subtitle != "RFC 6455" || m.Author != "I. Fette, A. Melnikov" || m.Date != "2011-12" {
		t.Errorf("meta = %+v", m)
	}
	got := strings.Join(outline(doc), "|")
	want := "1:Abstract|1:Status of This Memo|1:Copyright Notice|1:Table of Contents|1:Introduction|2:Background|2:Base Framing Protocol"
	if got != want {
		t.Errorf("outline = %s\nwant      %s", got, want)
	}
	for _, p := range paras(doc) {
		for _, bad := range []string{"Request for Comments", "Isode Ltd", "ISSN"} {
			if strings.Contains(p, bad) {
				t.Errorf("header text %q left in the body: %q", bad, p)
			}
		}
	}
	found := false
	for _, w := range ws.List {
		found = found || strings.Contains(w.Msg, "RFC header")
	}
	if !found {
		t.Errorf("no warning about the RFC header: %v", ws.List)
	}
}

// TestRFCHeaderShapes: variants of the header; a two-column block that is
// not an RFC header is left alone.
func TestRFCHeaderShapes(t *testing.T) {
	tests := []struct{ name, in, title, author, date string }{
		{"old style with editor", "Network Working Group                                     J. Doe, Ed.\nRequest for Comments: 9999                                 Example Co.\nCategory: Informational                                    R. Roe\n                                                              May 2020\n\n\n                    A Protocol for\n                    Saying Hello\n\nAbstract\n\n   Text of it here.\n",
			"A Protocol for Saying Hello", "J. Doe, Ed., R. Roe", "2020-05"},
		{"internet draft", "Internet Engineering Task Force                              A. Smith\nInternet-Draft                                            Example Inc.\nIntended status: Standards Track                           June 3, 2021\n\n\n                        Hello Extensions\n                      draft-smith-hello-ext-00\n\nAbstract\n\n   Text of it here.\n",
			"Hello Extensions", "A. Smith", "2021-06-03"},
		{"not a header", "Name        Value\nAlpha       1\n\nText.\n", "", "", ""},
		{"series lines without an RFC number", "Category: Tools                                  A. Smith\nUpdates: weekly                                  May 2020\n\n                    Centred Line\n\nText.\n", "Category: Tools A. Smith", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseTextString(t, tt.in)
			m := doc.Meta
			if m.Title != tt.title || m.Author != tt.author || m.Date != tt.date {
				t.Errorf("meta title=%q author=%q date=%q, want %q %q %q", m.Title, m.Author, m.Date, tt.title, tt.author, tt.date)
			}
		})
	}
}
