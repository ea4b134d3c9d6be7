package analyze

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// TestEvalSections scores segmentChunks on one half of the DEV section set
// in ../shared/eval with Pk (Beeferman et al. 1999), the way
// ../shared/eval/sections/segscore.py does: paragraph units, k half the
// mean reference segment length. It runs only when BRIEFBOOK_EVAL_SECTIONS
// names the half: "tune" (odd ids, for tuning) or "held" (even ids, only
// ever reported). scripts/eval-split gives the official figures.
func TestEvalSections(t *testing.T) {
	half := os.Getenv("BRIEFBOOK_EVAL_SECTIONS")
	if half == "" {
		t.Skip("set BRIEFBOOK_EVAL_SECTIONS=tune|held to score the DEV sections")
	}
	files := evalSectionFiles()
	if len(files) == 0 {
		t.Skip("../shared/eval not found")
	}
	sum, docs := 0.0, 0
	for _, f := range files {
		id := strings.TrimSuffix(filepath.Base(f), ".md")
		var num int
		fmt.Sscanf(id, "%d", &num)
		if (num%2 == 1) != (half == "tune") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		units, ref := mdUnits(string(b))
		d := paragraphsDoc(units...)
		cs := chunkBlocks(d.Sections[0].Blocks, stemmer{})
		bounds := segmentChunks(cs)
		hyp := map[int]bool{}
		for _, x := range bounds {
			if x > 0 {
				hyp[x] = true
			}
		}
		p := pk(ref, hyp, len(units))
		if os.Getenv("BRIEFBOOK_EVAL_VERBOSE") != "" {
			t.Logf("%s: %d units, %d ref segments, %d hyp segments, Pk %.3f", id, len(units), len(ref)+1, len(hyp)+1, p)
		}
		sum += p
		docs++
	}
	t.Logf("%s half: Pk %.3f over %d docs", half, sum/float64(docs), docs)
}

// evalSectionFiles lists the section documents of $BRIEFBOOK_EVAL_DIR
// (default ../shared/eval), in its sections/ folder.
func evalSectionFiles() []string {
	dir := os.Getenv("BRIEFBOOK_EVAL_DIR")
	if dir == "" {
		dir = "../../../shared/eval"
	}
	files, _ := filepath.Glob(filepath.Join(dir, "sections", "[0-9]*.md"))
	return files
}

var blankLines = regexp.MustCompile(`\n\s*\n`)

// mdUnits splits a DEV section file into paragraph units and the units
// that start a "## " section.
func mdUnits(text string) ([]string, map[int]bool) {
	var units []string
	starts := map[int]bool{}
	pending := false
	for _, blk := range blankLines.Split(strings.TrimSpace(text), -1) {
		blk = strings.TrimSpace(blk)
		switch {
		case blk == "":
			continue
		case strings.HasPrefix(blk, "# ") && len(units) == 0:
			continue
		case strings.HasPrefix(blk, "## "):
			pending = true
			continue
		case strings.HasPrefix(blk, "### "):
			continue
		}
		if pending && len(units) > 0 {
			starts[len(units)] = true
		}
		pending = false
		units = append(units, strings.Join(strings.Fields(blk), " "))
	}
	return units, starts
}

func pk(ref, hyp map[int]bool, n int) float64 {
	label := func(starts map[int]bool) []int {
		out := make([]int, n)
		seg := 0
		for i := range out {
			if starts[i] {
				seg++
			}
			out[i] = seg
		}
		return out
	}
	r, h := label(ref), label(hyp)
	k := int(float64(n)/float64(len(ref)+1)/2 + 0.5)
	k = max(k, 2)
	if n <= k {
		return 0
	}
	errs := 0
	for i := 0; i+k < n; i++ {
		if (r[i] == r[i+k]) != (h[i] == h[i+k]) {
			errs++
		}
	}
	return float64(errs) / float64(n-k)
}

var _ = sort.Ints
var _ document.Block
