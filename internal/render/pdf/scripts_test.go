package pdf

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// TestSupSubRuns checks that superscript and subscript become smaller
// runs raised or lowered from the baseline, nesting adding up.
func TestSupSubRuns(t *testing.T) {
	st, fs := testStyleFonts(t)
	p := &preparer{st: st, z: newSanitizer(fs, &source.Warnings{}), anchors: map[string]bool{}}
	base := run{face: serif, size: 10}
	ins := []document.Inline{
		document.Text("x"),
		&document.Sup{Inlines: []document.Inline{document.Text("2"), &document.Sup{Inlines: []document.Inline{document.Text("n")}}}},
		document.Text(" H"),
		&document.Sub{Inlines: []document.Inline{document.Text("2")}},
	}
	runs := p.inlines(base, ins, source.Pos{})
	type want struct {
		text       string
		size, rise float64
	}
	wants := []want{{"x", 10, 0}, {"2", 7, 3.3}, {"n", 4.9, 3.3 + 7*supRise}, {" H", 10, 0}, {"2", 7, -1.5}}
	if len(runs) != len(wants) {
		t.Fatalf("got %d runs %+v", len(runs), runs)
	}
	for i, w := range wants {
		r := runs[i]
		if r.text != w.text || !near(r.size, w.size) || !near(r.rise, w.rise) {
			t.Errorf("run %d: got %q size %.2f rise %.2f, want %+v", i, r.text, r.size, r.rise, w)
		}
	}
}

func near(a, b float64) bool { return a-b < 1e-9 && b-a < 1e-9 }

// TestTaskMarkers checks that task-list items get a check box (from a
// face that has it) instead of the bullet, and ordinary items none.
func TestTaskMarkers(t *testing.T) {
	st, fs := testStyleFonts(t)
	p := &preparer{st: st, z: newSanitizer(fs, &source.Warnings{}), anchors: map[string]bool{}}
	l := &document.List{Items: []*document.ListItem{
		{Task: document.TaskOpen, Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text("a")}}}},
		{Task: document.TaskDone, Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text("b")}}}},
		{Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text("c")}}}},
	}}
	b := p.block(l, serif, 10)
	want := []string{"☐", "☑", ""}
	for i, w := range want {
		got := ""
		for _, r := range b.list.tasks[i] {
			got += r.text
		}
		if got != w {
			t.Errorf("item %d: marker %q, want %q", i, got, w)
		}
	}
	for _, r := range b.list.tasks[0] {
		if !fs[r.face].Has('☐') {
			t.Errorf("face %v lacks the box", r.face)
		}
	}
}

// TestCrossReference checks that a link to a section's anchor prints its
// number and page after the text, and that the page is the one the
// section's heading is on.
func TestCrossReference(t *testing.T) {
	needTool(t, "pdftotext")
	long := strings.Repeat("Words to fill the pages so that the annex starts later in the book. ", 300)
	link := &document.Link{URL: "#annex", Inlines: []document.Inline{document.Text("the annex")}}
	doc := &document.Document{
		Meta: document.Meta{Title: "Cross references", Language: "en"},
		Sections: []*document.Section{
			{Title: "Intro", Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text("See "), link, document.Text(".")}}}},
			{Title: "Middle", Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text(long)}}}},
			{Title: "Annex", Anchor: "annex", Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text("The annex.")}}}},
		},
	}
	doc.Number()
	in := fixtureInput()
	in.Doc, in.Analysis = doc, nil
	res := mustLayout(t, in)
	file := writeTemp(t, res.PDF)
	all := pdfText(t, file, 1, 99)
	m := regexp.MustCompile(`See the annex \(§ 3, p\. (\d+)\)\.`).FindStringSubmatch(squash(all))
	if m == nil {
		t.Fatalf("no cross-reference in %q", squash(all))
	}
	page, _ := strconv.Atoi(m[1])
	if page < 2 || !strings.Contains(pdfText(t, file, page, page), "3  Annex") && !strings.Contains(squash(pdfText(t, file, page, page)), "3 Annex") {
		t.Errorf("the annex is not on p. %d", page)
	}
}
