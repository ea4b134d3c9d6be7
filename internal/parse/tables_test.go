package parse

import (
	"runtime"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// wideTable is a table whose header and delimiter rows have cols cells
// over rows body rows of one short cell each: goldmark pads every row to
// the header's width.
func wideTable(cols, rows int) string {
	return "# Wide\n\nText before.\n\n" + strings.Repeat("|h", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n" + strings.Repeat("| a |\n", rows)
}

// fullTable is a table of cols columns and rows rows, every cell written.
func fullTable(cols, rows int) string {
	return strings.Repeat("| h ", cols) + "|\n" + strings.Repeat("|---", cols) + "|\n" + strings.Repeat(strings.Repeat("| c ", cols)+"|\n", rows)
}

func firstTable(doc *document.Document) *document.Table {
	var t *document.Table
	walkBlocks(doc, func(b document.Block) {
		if tb, ok := b.(*document.Table); ok && t == nil {
			t = tb
		}
	})
	return t
}

func TestLimitTables(t *testing.T) {
	tests := []struct {
		name       string
		in         string
		cols, rows int    // of the first table in the model (cols 0: no table)
		warn       string // "" for no warning
	}{
		{"50 columns kept", fullTable(50, 3), 50, 3, ""},
		{"100 columns kept", fullTable(100, 3), 100, 3, ""},
		{"101 columns cut", fullTable(101, 3), 100, 3, "in.md:1: warning: table with 101 columns and 3 rows: only the first 100 columns kept"},
		{"no outer pipes", "a | b | c\n--|--|--\n1 | 2 | 3", 3, 1, ""},
		{"wide after text", "x\n\n" + fullTable(300, 2), 100, 2, "in.md:3: warning: table with 300 columns"},
		{"escaped pipes", `| a \| b ` + strings.Repeat("| h ", 120) + "|\n" + strings.Repeat("|---", 121) + "|\n| 1 |", 100, 1, "121 columns"},
		{"in a block quote", "> " + strings.Repeat("| h ", 150) + "|\n> " + strings.Repeat("|---", 150) + "|\n> | 1 |", 100, 1, "150 columns"},
		{"in a list", "- " + strings.Repeat("| h ", 150) + "|\n  " + strings.Repeat("|---", 150) + "|\n  | 1 |", 100, 1, "150 columns"},
		{"padded rows cut", wideTable(1000, 200), 49, 200, "in.md:5: warning: table with 1000 columns and 200 rows: only the first 49 columns kept"},
		{"padded rows, larger", wideTable(5000, 3000), 12, 3000, "only the first 12 columns kept"},
		{"full rows kept", fullTable(100, 200), 100, 200, ""},
		{"fenced code untouched", "```\n" + fullTable(150, 2) + "```\n", 0, 0, ""},
		{"not a table: counts differ", strings.Repeat("| h ", 150) + "|\n" + strings.Repeat("|---", 149) + "|\n", 0, 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ws := parseMDString(t, tt.in)
			tb := firstTable(doc)
			switch {
			case tt.cols == 0 && tb != nil:
				t.Errorf("got a table of %d columns", len(tb.Header))
			case tt.cols != 0 && tb == nil:
				t.Fatalf("no table")
			case tb != nil:
				if len(tb.Header) != tt.cols || len(tb.Align) != tt.cols || len(tb.Rows) != tt.rows {
					t.Errorf("table %d columns (%d aligns) × %d rows, want %d × %d", len(tb.Header), len(tb.Align), len(tb.Rows), tt.cols, tt.rows)
				}
				for _, r := range tb.Rows {
					if len(r) != len(tb.Header) {
						t.Errorf("row of %d cells", len(r))
						break
					}
				}
			}
			var all []string
			for _, w := range ws.List {
				all = append(all, w.String())
			}
			joined := strings.Join(all, "\n")
			if tt.warn == "" && strings.Contains(joined, "table with") || tt.warn != "" && !strings.Contains(joined, tt.warn) {
				t.Errorf("warnings %q, want %q", joined, tt.warn)
			}
		})
	}
}

// TestWideTableMemory checks that a table with a wide header over short
// rows allocates in proportion to its size: goldmark padded every row to
// the header's width (5 000 columns × 3 000 rows, 83 KB, took more than
// 4 GB). For scale: a table written out in full with one-letter cells
// allocates about 330 bytes per input byte, prose about 90.
func TestWideTableMemory(t *testing.T) {
	const perByte = 500
	var last float64
	for _, n := range []int{1, 2} {
		in := wideTable(1500*n, 900*n)
		runtime.GC()
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		doc, err := ParseMarkdown(&source.File{Name: "w.md", Data: []byte(in)}, nil)
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatal(err)
		}
		if firstTable(doc) == nil {
			t.Fatal("no table")
		}
		alloc := float64(after.TotalAlloc - before.TotalAlloc)
		t.Logf("%d KB: %.1f MB allocated, %.0f bytes per input byte", len(in)/1000, alloc/1e6, alloc/float64(len(in)))
		if alloc > perByte*float64(len(in)) {
			t.Fatalf("%d bytes of input allocated %.0f bytes (%.0f×; want < %d×)", len(in), alloc, alloc/float64(len(in)), perByte)
		}
		if last > 0 && alloc > 2.5*last {
			t.Errorf("twice the input allocated %.1f× as much", alloc/last)
		}
		last = alloc
	}
}
