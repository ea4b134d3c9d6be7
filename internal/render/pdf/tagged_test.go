package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/pdfcheck"
)

// TestTaggedPDF checks the PDF/UA-1 and PDF/A-2b rules pdfcheck knows on
// the test documents: Markdown with every construct (tables, lists,
// footnotes, quotes, code, links), Kazakh and Russian text, pictures, and
// the plain fixture. It needs qpdf and pdftotext, and skips without them.
func TestTaggedPDF(t *testing.T) {
	if m := pdfcheck.Missing(); m != "" {
		t.Skipf("%s is not installed", m)
	}
	type want struct {
		roles []string // types that must occur
		figs  int      // Figures at least
	}
	cases := []struct {
		name string
		file func(t *testing.T) string
		want want
	}{
		{"constructs", func(t *testing.T) string { return buildTestdata(t, "constructs.md").file },
			want{roles: []string{"Table", "THead", "TH", "TD", "L", "LI", "Lbl", "LBody", "Note", "BlockQuote", "Code", "TOC", "TOCI", "Link", "Caption"}, figs: 2}},
		{"kk-ru", func(t *testing.T) string { return buildTestdata(t, "kk-ru.md").file },
			want{roles: []string{"Table", "TH", "L", "Link", "TOC"}}},
		{"pictures", func(t *testing.T) string { return writeResult(t, "pictures", mustLayout(t, pictureInput(t))) },
			want{roles: []string{"Caption"}, figs: 2}},
		{"fixture", func(t *testing.T) string { return writeResult(t, "fixture", mustLayout(t, fixtureInput())) },
			want{roles: []string{"P", "Sect"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			file := tc.file(t)
			r, err := pdfcheck.Check(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range r.Problems {
				t.Error(p)
			}
			if r.Version != "1.7" {
				t.Errorf("PDF %s, want 1.7", r.Version)
			}
			for _, role := range tc.want.roles {
				if r.Roles[role] == 0 {
					t.Errorf("no %s element; roles %v", role, r.Roles)
				}
			}
			if r.Roles["Figure"] < tc.want.figs {
				t.Errorf("%d Figures, want at least %d", r.Roles["Figure"], tc.want.figs)
			}
			if r.Marked == 0 || r.Artifacts == 0 {
				t.Errorf("%d tagged and %d artifact sequences", r.Marked, r.Artifacts)
			}
			if len(r.Outline) == 0 || len(r.Headings) < len(r.Outline) {
				t.Errorf("%d headings for %d outline entries", len(r.Headings), len(r.Outline))
			}
			t.Logf("%d pages, %d words: %d in order, %d near; least in order on a page %.3f; %d elements",
				r.Pages, r.Words, r.InOrder, r.Near, r.MinCoverage, sum(r.Roles))
		})
	}
}

func sum(m map[string]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}

// writeResult writes res's PDF to a temporary file.
func writeResult(t *testing.T, name string, res *Result) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), name+".pdf")
	if d := os.Getenv("KEEP_PDF"); d != "" {
		f = filepath.Join(d, name+".pdf")
	}
	if err := os.WriteFile(f, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestTaggedStructure checks the tree the painting pass builds, without
// tools: elements in document order, marked content balanced on every
// page, every link annotation owned by a Link element.
func TestTaggedStructure(t *testing.T) {
	in := fixtureInput()
	res := mustLayout(t, in)
	pdfText := string(res.PDF)
	for _, key := range []string{"/StructTreeRoot", "/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>",
		"/OutputIntents", "/Metadata", "pdfaid:part>2<", "pdfuaid:part>1<", "/ParentTree", "/ID [<"} {
		if !strings.Contains(pdfText, key) {
			t.Errorf("no %q in the file", key)
		}
	}
	if !strings.HasPrefix(pdfText, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") {
		t.Errorf("header %q", pdfText[:16])
	}
	if n := strings.Count(pdfText, "/Type /OBJR"); n != strings.Count(pdfText, "/Subtype /Link") {
		t.Errorf("%d object references for %d link annotations", n, strings.Count(pdfText, "/Subtype /Link"))
	}
}
