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
	var parts []string
	for _, ps := range res.PageMap.Starts {
		parts = append(parts, ps.Part)
	}
	return fmt.Sprintf("pages %d\nparts %s\ncontents after %s\n%s\n", res.Pages,
		strings.Join(parts, " "), res.PageMap.ContentsAfter, strings.Join(lines, "\n"))
}

// TestGoldenPageMap pins the page map of the fixture for A4 and letter,
// and that of the fixture grown so that its contents take a page of their
// own before the key facts ("medium") or follow them ("long").
func TestGoldenPageMap(t *testing.T) {
	cases := []struct {
		name, paper string
		extra       int
	}{
		{"fixture-a4", "a4", 0},
		{"fixture-letter", "letter", 0},
		{"contents-medium-a4", "a4", 30},
		{"contents-long-a4", "a4", 120},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := contentsInput(c.extra)
			in.Options.Paper = c.paper
			got := pageMap(mustLayout(t, in))
			file := filepath.Join("testdata", c.name+".pagemap")
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
