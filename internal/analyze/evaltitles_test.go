package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalTitlesDump writes, for every "## " section of the DEV section
// documents, the section's text, its original heading and the title
// sectionTitles gives it with the original boundaries, as JSON lines to
// $BRIEFBOOK_EVAL_TITLES. It is the input of the blind comparison of
// titles (see scripts/eval-titles); it runs only when that is set.
func TestEvalTitlesDump(t *testing.T) {
	out := os.Getenv("BRIEFBOOK_EVAL_TITLES")
	if out == "" {
		t.Skip("set BRIEFBOOK_EVAL_TITLES=FILE to dump titles for the blind comparison")
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, file := range evalSectionFiles() {
		id := strings.TrimSuffix(filepath.Base(file), ".md")
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		units, starts := mdUnits(string(b))
		heads := headingsOf(string(b))
		d := paragraphsDoc(units...)
		cs := chunkBlocks(d.Sections[0].Blocks, stemmer{})
		bounds := []int{0}
		for i := range units {
			if starts[i] {
				bounds = append(bounds, i)
			}
		}
		if len(heads) != len(bounds)-1 {
			t.Fatalf("%s: %d headings, %d boundaries", id, len(heads), len(bounds)-1)
		}
		titles := sectionTitles(cs, bounds, stemmer{})
		for s := 1; s < len(bounds); s++ {
			end := len(units)
			if s+1 < len(bounds) {
				end = bounds[s+1]
			}
			enc.Encode(map[string]any{
				"doc": id, "section": s, "original": heads[s-1], "generated": titles[s],
				"text": strings.Join(units[bounds[s]:end], "\n\n"),
			})
		}
	}
}

// headingsOf returns the "## " headings of a DEV section document that
// open a section with at least one paragraph, in order.
func headingsOf(text string) []string {
	var out []string
	pending := ""
	units := 0
	for _, blk := range blankLines.Split(strings.TrimSpace(text), -1) {
		blk = strings.TrimSpace(blk)
		switch {
		case blk == "":
			continue
		case strings.HasPrefix(blk, "# ") && units == 0:
			continue
		case strings.HasPrefix(blk, "## "):
			pending = strings.TrimSpace(blk[3:])
			continue
		case strings.HasPrefix(blk, "### "):
			continue
		}
		if pending != "" && units > 0 {
			out = append(out, pending)
		}
		pending = ""
		units++
	}
	return out
}
