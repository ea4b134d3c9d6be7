package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// hostileURLs are link targets a model may hold (whatever the reader
// does) that must never become a PDF /URI action.
var hostileURLs = []string{
	"javascript:app.alert(1)",
	"JaVaScRiPt:app.alert(2)",
	" javascript:app.alert(3)",
	"java\tscript:app.alert(4)",
	"vbscript:msgbox(5)",
	"data:text/html,6",
	"file:///etc/passwd",
	`\\host\share`,
	`http:\\host\share`,
	"//evil.example/7",
	"notes.md",
}

// pdfURIs returns the /URI strings of a PDF written by fpdf (annotation
// dictionaries are not compressed), with PDF string escapes resolved.
func pdfURIs(pdf []byte) []string {
	var out []string
	for rest := pdf; ; {
		i := bytes.Index(rest, []byte("/URI ("))
		if i < 0 {
			return out
		}
		rest = rest[i+len("/URI ("):]
		var b strings.Builder
		j := 0
		for ; j < len(rest) && rest[j] != ')'; j++ {
			if rest[j] == '\\' && j+1 < len(rest) {
				j++
			}
			b.WriteByte(rest[j])
		}
		out = append(out, b.String())
		rest = rest[j:]
	}
}

// TestPDFLinkGuard renders a model holding disallowed link targets and
// checks that the PDF has a /URI action for the allowed one only, written
// percent-encoded, and that the link texts are still printed.
func TestPDFLinkGuard(t *testing.T) {
	in := fixtureInput()
	var ins []document.Inline
	for i, u := range append(hostileURLs, "https://x.example/a b/{c}") {
		ins = append(ins, document.Text(" see "), &document.Link{URL: u, Inlines: []document.Inline{document.Text("link" + string(rune('A'+i)))}})
	}
	s := in.Doc.Sections[len(in.Doc.Sections)-1]
	s.Blocks = append(s.Blocks, &document.Paragraph{Pos: source.Pos{File: "fixture.md", Line: 99}, Inlines: ins})
	in.Doc.Number()
	res := mustLayout(t, in)
	uris := pdfURIs(res.PDF)
	found := false
	for _, u := range uris {
		if _, kind := document.CheckLink(u); kind != document.LinkExternal {
			t.Errorf("PDF has /URI (%s)", u)
		}
		for _, bad := range []string{"javascript", "script", "file:", "data:", `\`, "//evil", "notes.md"} {
			if strings.Contains(strings.ToLower(u), bad) {
				t.Errorf("PDF has /URI (%s)", u)
			}
		}
		if u == "https://x.example/a%20b/%7Bc%7D" {
			found = true
		}
	}
	if !found {
		t.Errorf("the allowed link is missing or not percent-encoded: %q", uris)
	}
}
