package epub

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

// xrefDoc has a paragraph linking forward to a section by its anchor,
// to another by its ID and to nothing, and sections long enough to sit
// in files of their own.
func xrefDoc() *document.Document {
	long := strings.Repeat("Words to fill the section so that it needs a file of its own. ", 400)
	link := func(url, s string) document.Inline {
		return &document.Link{URL: url, Inlines: []document.Inline{document.Text(s)}}
	}
	d := &document.Document{
		Meta: document.Meta{Title: "Cross references", Language: "en"},
		Sections: []*document.Section{
			{Title: "Intro", Anchor: "intro", Blocks: []document.Block{
				&document.Paragraph{Inlines: []document.Inline{document.Text("See "), link("#annex", "the annex"),
					document.Text(", "), link("#s3", "part three"), document.Text(" and "), link("#missing", "nothing"), document.Text(". " + long)}},
			}},
			{Title: "Middle", Anchor: "middle", Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text(long)}}}},
			{Title: "Annex", Anchor: "annex", Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text(long)}}}},
		},
	}
	d.Number()
	return d
}

// TestCrossReferences checks that "#anchor" links become links to the
// file and ID of their section, and that links to nothing keep their
// text only.
func TestCrossReferences(t *testing.T) {
	in := fixtureInput()
	in.Doc, in.Analysis = xrefDoc(), nil
	in.Options = render.DefaultOptions()
	_, files := entries(t, renderBytes(t, in))
	checkLinks(t, files)
	all := ""
	for name, body := range files {
		if strings.HasSuffix(name, ".xhtml") {
			all += body
		}
	}
	for _, want := range []string{`#s3">the annex</a>`, `#s3">part three</a>`, " and nothing."} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q in the book", want)
		}
	}
	if strings.Contains(all, xrefPrefix) {
		t.Errorf("a placeholder is left")
	}
	if strings.Contains(all, `xhtml#s3">the annex`) == false {
		t.Errorf("the link does not name the file of its section")
	}
}
