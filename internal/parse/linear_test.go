package parse

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/cputime"
	"github.com/briefbook/briefbook/internal/source"
)

// pathological builds a document of about size bytes: "# T", a blank line
// and unit repeated. A unit "a|b" gives a repeated, then b once; a unit
// starting with "| " is a table row, repeated under a table header.
func pathological(unit string, size int) string {
	n := size / len(unit)
	if strings.HasPrefix(unit, "| ") {
		return "# T\n\n| h | h | h | h |\n|---|---|---|---|\n" + strings.Repeat(unit, n)
	}
	a, b, split := strings.Cut(unit, "|")
	if !split {
		return "# T\n\n" + strings.Repeat(unit, n)
	}
	return "# T\n\n" + strings.Repeat(a, n) + b
}

// TestMarkdownLinearTime checks, for inputs known to make Markdown parsers
// slow, that the text is kept and that 4× the input takes well under 16×
// the time (the ratio bound is 6; the best of 3 runs is used).
func TestMarkdownLinearTime(t *testing.T) {
	tests := []linearCase{
		{"table rows", "| a | [b]( | `c | *d |\n"},
		{"unclosed link destinations", "[x]("},
		{"unclosed image destinations", "![x]("},
		{"unclosed angle destinations", "[x](<"},
		{"angle destinations after space", "[x](< "},
		{"destinations closed in the next paragraph", "[x](|\n\n(a)"},
		{"destinations, then a title", "[x](| 'a"},
		{"stray brackets in one paragraph", "Some text [with a stray bracket and more words here.\n"},
		{"unclosed emphasis *", "*a "},
		{"unclosed emphasis _", "_a "},
		{"unclosed strong", "**a"},
		{"unclosed code spans", "`a "},
		{"mixed backtick runs", "`a ``b ```c "},
		{"html comment openers", "<!--"},
		{"tag openers", "<a "},
		{"reference openers", "[x]["},
		{"footnote openers", "[^x"},
		{"paren titles", "[x](y ("},
	}
	runLinear(t, tests, measure)
}

// linearCase is a pathological input: a name and the unit repeated.
type linearCase struct{ name, unit string }

// runLinear measures each case at 50 KB and 200 KB with measure (up to 3
// rounds, so that one slow round is not called a failure) and fails a
// case whose times are not linearEnough; under the race detector it only
// logs them.
func runLinear(t *testing.T, tests []linearCase, measure func(t *testing.T, unit string, sizes ...int) [2]time.Duration) {
	const small, large = 50_000, 200_000
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var times [2]time.Duration
			for round := 0; round < 3; round++ {
				times = measure(t, tt.unit, small, large)
				if raceEnabled || linearEnough(times) {
					break
				}
			}
			t.Logf("%d KB: %v, %d KB: %v", small/1000, times[0], large/1000, times[1])
			if !raceEnabled && !linearEnough(times) {
				r := float64(times[1]) / float64(max(times[0], 2*time.Millisecond))
				t.Errorf("4× the input took %.1f× the time (%v → %v; want ≤ 6× and < 1s)", r, times[0], times[1])
			}
		})
	}
}

// measure returns the best of 3 parse times of the pathological input at
// each size, checking on the way that the text is kept.
func measure(t *testing.T, unit string, sizes ...int) [2]time.Duration {
	t.Helper()
	return measureMarkdown(t, unit, true, sizes...)
}

// measureMarkdown returns the best of 3 ParseMarkdown times of the
// pathological input at each size; with keepLetters, it checks that every
// letter of the input is in the document.
func measureMarkdown(t *testing.T, unit string, keepLetters bool, sizes ...int) [2]time.Duration {
	t.Helper()
	var times [2]time.Duration
	for i, size := range sizes {
		in := pathological(unit, size)
		times[i] = time.Hour
		for range 3 {
			runtime.GC()
			start := cputime.Now()
			doc, err := ParseMarkdown(&source.File{Name: "p.md", Data: []byte(in)}, nil)
			times[i] = min(times[i], cputime.Since(start))
			if err != nil {
				t.Fatal(err)
			}
			if !keepLetters {
				continue
			}
			if got, want := docLetters(doc), letters(in); got != want {
				t.Fatalf("%d bytes: letters differ: got %d, want %d", len(in), len(got), len(want))
			}
		}
	}
	return times
}

// linearEnough reports whether 4× the input took at most 6× the time and
// under a second; times below 2ms count as 2ms (the ratio is noise there).
//
// Below a quarter of a second for 200 KB the ratio is not judged: at a few
// milliseconds it is noise on a loaded machine, while the quadratic cases
// this test guards took 8–14 s.
func linearEnough(times [2]time.Duration) bool {
	if times[1] < 250*time.Millisecond {
		return true
	}
	return times[1] < time.Second && float64(times[1]) <= 6*float64(max(times[0], 2*time.Millisecond))
}
