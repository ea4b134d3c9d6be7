package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/pdfcheck"
)

// TestTaggedOutputs runs the PDF/UA-1 and PDF/A-2b checks of pdfcheck on
// what the binary writes for the seed and for War and Peace (the whole
// book, 926 pages: skipped by -short and without ../shared). It needs qpdf
// and pdftotext; CI installs them.
func TestTaggedOutputs(t *testing.T) {
	if m := pdfcheck.Missing(); m != "" {
		t.Skipf("%s is not installed", m)
	}
	cases := []struct{ name, src string }{{"seed", seed},
		{"markdown", filepath.Join("testdata", "pictures", "tagged.md")}}
	wp := filepath.Join(shared, "corpus", "large", "war-and-peace.txt")
	if _, err := os.Stat(wp); err == nil && !testing.Short() {
		cases = append(cases, struct{ name, src string }{"war-and-peace", wp})
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			src := abs(t, tc.src)
			if r := runTimeout(t, 5*60e9, t.TempDir(), nil, "build", "--format", "pdf", "-o", out, src); r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			file := filepath.Join(out, strings.TrimSuffix(filepath.Base(src), filepath.Ext(src))+".pdf")
			r, err := pdfcheck.Check(file)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range r.Problems {
				t.Error(p)
			}
			want := map[string][]string{
				"seed":     {"Table", "TH", "Figure", "TOC", "Link", "L", "Quote", "H1", "H2"},
				"markdown": {"Table", "TH", "TD", "Figure", "Caption", "L", "LI", "Lbl", "LBody", "Note", "BlockQuote", "Link", "TOC"},
			}
			if roles := want[tc.name]; roles != nil {
				for _, role := range roles {
					if r.Roles[role] == 0 {
						t.Errorf("no %s element; roles %v", role, r.Roles)
					}
				}
			}
			t.Logf("%d pages, PDF %s; %d tagged and %d artifact sequences for %d painting operators; "+
				"%d page words: %d in order (%.2f %%), %d more near their place; least in order on a page %.3f; headings %d, outline entries %d",
				r.Pages, r.Version, r.Marked, r.Artifacts, r.Painted, r.Words, r.InOrder,
				100*float64(r.InOrder)/float64(max(1, r.Words)), r.Near, r.MinCoverage, len(r.Headings), len(r.Outline))
		})
	}
}
