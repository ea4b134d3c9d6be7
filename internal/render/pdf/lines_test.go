package pdf

import (
	"math"
	"strings"
	"testing"
)

func testLayout(t *testing.T) *layout {
	t.Helper()
	in := fixtureInput()
	st, fs := testStyleFonts(t)
	z := newSanitizer(fs, nil)
	l, err := newLayout(in, st, fs, &metrics{}, prepare(in.Doc, st, z), prepareFront(in, st, z), "A4", nil)
	if err != nil {
		t.Fatal(err)
	}
	l.newPage()
	return l
}

// TestWidowsOrphans places paragraphs of n lines with room for avail lines
// left on the page and checks the split.
func TestWidowsOrphans(t *testing.T) {
	for n := 1; n <= 6; n++ {
		for avail := 0; avail <= 7; avail++ {
			l := testLayout(t)
			f := l.bodyFrame()
			l.y = l.bottom - float64(avail)*f.lead - f.lead/3
			if l.y < l.top {
				continue
			}
			start := l.page
			l.placeLines(make([]line, n), f)
			onLast := int(math.Round((l.y - l.top) / f.lead))
			onFirst := n
			if l.page > start {
				onFirst = n - onLast
			}
			switch {
			case l.page > start+1:
				t.Errorf("n=%d avail=%d: spread over %d pages", n, avail, l.page-start+1)
			case n <= avail && l.page != start:
				t.Errorf("n=%d avail=%d: broke a paragraph that fits", n, avail)
			case l.page > start && onFirst == 1:
				t.Errorf("n=%d avail=%d: orphan (1 line before the break)", n, avail)
			case l.page > start && onFirst > 0 && onLast == 1:
				t.Errorf("n=%d avail=%d: widow (1 line after the break)", n, avail)
			}
		}
	}
}

func TestBreakLines(t *testing.T) {
	l := testLayout(t)
	mk := func(s string) []run { return []run{{text: s, face: serif, size: 10.5}} }
	tests := []struct {
		name  string
		runs  []run
		width float64
		lines int
	}{
		{"empty", nil, 100, 0},
		{"one word", mk("word"), 100, 1},
		{"wraps", mk(strings.Repeat("word ", 60)), 100, 0},
		{"long word is cut", mk(strings.Repeat("x", 300)), 50, 0},
		{"hard break", append(append(mk("a b"), run{brk: true, face: serif, size: 10.5}), mk("c")...), 100, 2},
		{"nbsp binds", mk("a\u00A0b\u00A0c\u00A0d"), 5, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines := l.breakLines(l.words(tt.runs), tt.width)
			if tt.lines > 0 && len(lines) != tt.lines {
				t.Errorf("%d lines, want %d", len(lines), tt.lines)
			}
			for i, ln := range lines {
				if ln.w > tt.width+1e-6 {
					t.Errorf("line %d is %.2f mm wide, more than %.2f", i, ln.w, tt.width)
				}
				if len(ln.words) == 0 {
					t.Errorf("line %d is empty", i)
				}
			}
			if len(lines) > 0 && !lines[len(lines)-1].last {
				t.Error("last line not marked last")
			}
		})
	}
}
