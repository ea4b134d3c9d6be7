package parse

import (
	"strings"
	"testing"
)

// TestGutenberg: the header and licence around the START and END lines are
// left out with a warning, and the header's fields fill the metadata.
func TestGutenberg(t *testing.T) {
	in := "The Project Gutenberg eBook of Anna Karenina\n\nThis ebook is for the use of anyone anywhere.\n\n" +
		"Title: Anna Karenina\n        A Novel\n\nAuthor: Leo Tolstoy\n\nTranslator: Constance Garnett\n\n" +
		"Release date: July 1, 1998 [eBook #1399]\n                Most recently updated: May 1, 2023\n\nLanguage: English\n\n" +
		"*** START OF THE PROJECT GUTENBERG EBOOK ANNA KARENINA ***\n\nPART ONE\n\nChapter 1\n\nHappy families are all alike.\n\n" +
		"End of the Project Gutenberg EBook of Anna Karenina\n\n*** END OF THE PROJECT GUTENBERG EBOOK ANNA KARENINA ***\n\n" +
		"Section 1. General Terms of Use and Redistributing Project Gutenberg electronic works\n\nMore licence text.\n"
	doc, ws := parseTextString(t, in)
	m := doc.Meta
	if m.Title != "Anna Karenina A Novel" || m.Author != "Leo Tolstoy" || m.Date != "1998-07-01" || m.Language != "en" {
		t.Errorf("meta = %+v", m)
	}
	body := strings.Join(paras(doc), "|")
	if body != "Happy families are all alike." {
		t.Errorf("body = %q", body)
	}
	if got := strings.Join(outline(doc), "|"); got != "1:PART ONE|2:Chapter 1" {
		t.Errorf("outline = %q", got)
	}
	if len(ws.List) != 1 || !strings.Contains(ws.List[0].Msg, "Project Gutenberg boilerplate left out: lines 1–17 (header) and 25–31 (licence)") {
		t.Errorf("warnings = %v", ws.List)
	}
	// Without a START line nothing is cut.
	doc, ws = parseTextString(t, "Title: Notes\n\nThe Project Gutenberg site was mentioned.\n")
	if len(ws.List) != 0 || doc.Meta.Title != "Title: Notes" || len(paras(doc)) != 1 {
		t.Errorf("plain text changed: %q %v", paras(doc), ws.List)
	}
}
