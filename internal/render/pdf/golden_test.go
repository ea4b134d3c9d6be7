package pdf

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// pageMap prints a Result's page map one entry a line, sorted.
func pageMap(res *Result) string {
	var lines []string
	for id, p := range res.SectionPage {
		lines = append(lines, fmt.Sprintf("section %s %d", id, p))
	}
	for id, p := range res.ParagraphPage {
		lines = append(lines, fmt.Sprintf("paragraph %s %d", id, p))
	}
	sort.Strings(lines)
	return fmt.Sprintf("pages %d\n%s\n", res.Pages, strings.Join(lines, "\n"))
}

// TestGoldenPageMap pins the page map of the fixture for A4 and letter.
func TestGoldenPageMap(t *testing.T) {
	for _, paper := range []string{"a4", "letter"} {
		t.Run(paper, func(t *testing.T) {
			in := fixtureInput()
			in.Options.Paper = paper
			got := pageMap(mustLayout(t, in))
			file := filepath.Join("testdata", "fixture-"+paper+".pagemap")
			if *update {
				if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(file)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("page map differs from %s:\n%s", file, got)
			}
		})
	}
}
