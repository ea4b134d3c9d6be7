package epub

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/pdf"
)

// TestOmitFrontChapters renders the fixture book with front-matter parts
// left out and checks which chapters and images it holds, that the nav
// and the package document name none of those left out, that the title
// page stays, and (when epubcheck is installed) that the book is valid.
func TestOmitFrontChapters(t *testing.T) {
	const (
		cover   = "EPUB/xhtml/" + coverFile
		image   = "EPUB/images/" + coverImageName
		summary = "EPUB/xhtml/" + summaryFile
		facts   = "EPUB/xhtml/" + factsFile
		title   = "EPUB/xhtml/" + titleFile
	)
	tests := []struct {
		name string
		omit render.Omit
		gone []string
		kept []string
	}{
		{"all", render.Omit{}, nil, []string{cover, image, summary, facts, title}},
		{"no-cover", render.Omit{Cover: true}, []string{cover, image}, []string{summary, facts, title}},
		{"no-summary", render.Omit{Summary: true}, []string{summary}, []string{cover, image, facts, title}},
		{"no-facts", render.Omit{Facts: true}, []string{facts}, []string{cover, image, summary, title}},
		{"brief", render.Omit{Cover: true, Summary: true, Facts: true}, []string{cover, image, summary, facts}, []string{title}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The page map is that of the PDF made with the same options,
			// as the pipeline makes it.
			in := fixtureInput()
			in.Options.Omit = tc.omit
			res, err := pdf.Layout(in)
			if err != nil {
				t.Fatal(err)
			}
			in.PageMap = res.PageMap
			data := renderBytes(t, in)
			_, files := entries(t, data)
			for _, f := range tc.gone {
				if _, ok := files[f]; ok {
					t.Errorf("%s is in the book", f)
				}
				base := strings.TrimPrefix(f, "EPUB/")
				for _, doc := range []string{"EPUB/package.opf", "EPUB/" + navFileName, "EPUB/toc.ncx"} {
					if strings.Contains(files[doc], base) {
						t.Errorf("%s names %s", doc, base)
					}
				}
			}
			for _, f := range tc.kept {
				if _, ok := files[f]; !ok {
					t.Errorf("%s is missing", f)
				}
			}
			// Every page of the print edition stays reachable.
			for _, m := range res.PageMap.Starts {
				if !strings.Contains(files["EPUB/"+navFileName], `>`+strconv.Itoa(m.Page)+`</a>`) {
					t.Errorf("page-list lacks page %d", m.Page)
				}
			}
			if tc.omit.Cover && !testing.Short() { // about 5 s each
				epubcheckFile(t, data)
			}
		})
	}
}

// epubcheckFile runs epubcheck on the book data and requires no errors
// and no warnings; it does nothing when java or epubcheck is absent.
func epubcheckFile(t *testing.T, data []byte) {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		return
	}
	if _, err := os.Stat(epubcheckJar); err != nil {
		return
	}
	file := filepath.Join(t.TempDir(), "brief.epub")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(java, "-jar", epubcheckJar, file).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No errors or warnings detected") {
		t.Errorf("epubcheck: %v\n%s", err, out)
	}
}
