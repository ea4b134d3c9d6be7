package parse

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/cputime"
	"github.com/briefbook/briefbook/internal/source"
)

// parseTime returns the best of 3 parse times of in.
func parseTime(t *testing.T, in string) time.Duration {
	t.Helper()
	best := time.Hour
	for range 3 {
		runtime.GC()
		start := cputime.Now()
		_, err := ParseMarkdown(&source.File{Name: "p.md", Data: []byte(in)}, nil)
		best = min(best, cputime.Since(start))
		if err != nil {
			t.Fatal(err)
		}
	}
	return best
}

// checkLinear measures make(n) and make(2n) and fails when the larger
// takes a second or more, or, once it takes long enough to measure on a
// loaded machine (250 ms), more than 2.5 times the smaller. The quadratic
// cases these tests guard took 0.4 s and 2 s (40 and 80 KB of "*a_ ").
func checkLinear(t *testing.T, n int, make func(n int) string) {
	t.Helper()
	var small, large time.Duration
	for round := 0; round < 3; round++ { // a loaded machine gets 3 chances
		small, large = parseTime(t, make(n)), parseTime(t, make(2*n))
		if raceEnabled || large < 250*time.Millisecond || large < time.Second && float64(large) <= 2.5*float64(small) {
			break
		}
	}
	t.Logf("n=%d: %v, 2n: %v", n, small, large)
	if raceEnabled {
		return
	}
	if large >= time.Second || large >= 250*time.Millisecond && float64(large) > 2.5*float64(small) {
		t.Errorf("twice the input took %.1f× the time (%v → %v; want ≤ 2.5× and < 1s)", float64(large)/float64(max(small, time.Millisecond)), small, large)
	}
}

// TestEmphasisLinearTime covers delimiter mixes that made goldmark's
// delimiter processing quadratic (each closer scanned back over every
// opener of another character), and mixes that never were.
func TestEmphasisLinearTime(t *testing.T) {
	tests := []struct {
		name       string
		head, unit string // head once, then unit n times
	}{
		{"*a_", "", "*a_ "},
		{"_a*", "", "_a* "},
		{"**a__", "", "**a__ "},
		{"*a~~", "", "*a~~ "},
		{"~~a*", "", "~~a* "},
		{"*a only", "", "*a "},
		{"~~a only", "", "~~a "},
		{"*a_ after a matching opener", "_x ", "*a_ "},
		{"_a* after a matching opener", "*x ", "_a* "},
		{"*a_ inside an unclosed bracket", "[_x ", "*a_ "},
		{"*a_ after an opener outside a bracket", "_x [", "*a_ "},
		{"_a* after a both-flanking run", "a*b *x ", "_a* "},
		{"*a_ in a heading", "# ", "*a_ "},
		{"*a_ in a table cell", "| h |\n|---|\n| ", "*a_ "},
		{"*a_ in link text", "[", "*a_ "},
		{"*a_ lines", "", "*a_\n"},
		{"real emphasis", "", "*a* _b_ **c** ~~d~~ "},
	}
	const size = 40_000 // bytes of the smaller input
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkLinear(t, size/len(tt.unit), func(n int) string { return "# T\n\n" + tt.head + strings.Repeat(tt.unit, n) })
		})
	}
}

// TestTableLinearTime covers tables: a wide header over short rows
// (goldmark pads every row to the header's width) and many rows.
func TestTableLinearTime(t *testing.T) {
	t.Run("wide header", func(t *testing.T) {
		checkLinear(t, 1000, func(n int) string { return wideTable(5*n, 3*n) })
	})
	t.Run("many rows", func(t *testing.T) {
		checkLinear(t, 5000, func(n int) string { return fullTable(8, n) })
	})
	t.Run("many rows, wide", func(t *testing.T) {
		checkLinear(t, 200, func(n int) string { return fullTable(100, n) })
	})
}
