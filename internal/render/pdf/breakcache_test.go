package pdf

import (
	"reflect"
	"strings"
	"testing"
)

// TestBreakCacheSameLines breaks paragraphs once with the breaker and
// again from the cache: the lines must be the same, and the second time
// must add nothing to the cache. A paragraph with a page reference is
// broken every time.
func TestBreakCacheSameLines(t *testing.T) {
	l := testLayout(t)
	long := strings.Repeat(lorem, 400) // over kpWindow words: broken in windows
	body := l.bodyFrame().w
	tests := []struct {
		name   string
		runs   []run
		width  float64
		noFlag int
		cached bool
	}{
		{"short", l.textRuns(lorem, serif, 10.5, l.text), body, -1, true},
		{"narrow", l.textRuns(lorem+lorem, serif, 10.5, l.text), 40, -1, true},
		{"no hyphen on line 2", l.textRuns(lorem+lorem, serif, 10.5, l.text), 60, 2, true},
		{"windows", l.textRuns(long, serif, 10.5, l.text), body, -1, true},
		{"page reference", append(l.textRuns(lorem, serif, 10.5, l.text),
			run{text: "", pageOf: "p1", face: serif, size: 10.5}), body, -1, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l.m.breaks = breakCache{}
			ws := l.words(tc.runs)
			first := l.breakTotal(ws, tc.width, 0, 0, tc.noFlag)
			kept := len(l.m.breaks.m)
			if got := kept > 0; got != tc.cached {
				t.Fatalf("cached %v, want %v", got, tc.cached)
			}
			second := l.breakTotal(l.words(tc.runs), tc.width, 0, 0, tc.noFlag)
			if len(l.m.breaks.m) != kept {
				t.Errorf("the second breaking added %d entries", len(l.m.breaks.m)-kept)
			}
			if len(first) == 0 || !reflect.DeepEqual(first, second) {
				t.Errorf("%d lines broken, %d from the cache, or they differ", len(first), len(second))
			}
			l.m.breaks = breakCache{}
			if fresh := l.breakTotal(l.words(tc.runs), tc.width, 0, 0, tc.noFlag); !reflect.DeepEqual(fresh, second) {
				t.Error("lines from the cache differ from lines broken afresh")
			}
		})
	}
}

// TestBreakCacheBounded: the cache stops keeping breaks at maxCachedEnds.
func TestBreakCacheBounded(t *testing.T) {
	var c breakCache
	big := make([]lineEnd, maxCachedEnds-1)
	c.put(breakKey{words: 1}, big)
	c.put(breakKey{words: 2}, make([]lineEnd, 2))
	c.put(breakKey{words: 3}, make([]lineEnd, 1))
	for _, tc := range []struct {
		words int
		kept  bool
	}{{1, true}, {2, false}, {3, true}} {
		if _, ok := c.get(breakKey{words: tc.words}); ok != tc.kept {
			t.Errorf("entry %d kept %v, want %v", tc.words, ok, tc.kept)
		}
	}
	if c.ends != maxCachedEnds {
		t.Errorf("%d breaks kept, want %d", c.ends, maxCachedEnds)
	}
}

// TestNotesBrokenWhole: a footnote, set justified, is broken as a whole
// paragraph (total fit), so none of its lines is left loose.
func TestNotesBrokenWhole(t *testing.T) {
	l := testLayout(t)
	l.hy, _ = newHyphenator("en")
	runs := l.textRuns(strings.Repeat(lorem, 4), serif, l.st.Footnote.Size, l.text)
	n := &footnote{id: "fn-test", number: 1, blocks: []*block{{kind: bPara, runs: runs}}}
	f := l.noteFrame()
	got := l.noteLines(n)
	want := l.breakTotal(l.words(runs), f.w, 0, 0, -1)
	if len(got) != len(want) {
		t.Fatalf("%d lines, total fit makes %d", len(got), len(want))
	}
	for i := range got {
		if got[i].from != want[i].from || got[i].fromAt != want[i].fromAt {
			t.Errorf("line %d starts at word %d byte %d, total fit at %d byte %d", i, got[i].from, got[i].fromAt, want[i].from, want[i].fromAt)
		}
		if _, u := gapRatio(got[i], f.w); u > 3 {
			t.Errorf("line %d: gaps of %.2f spaces", i, u)
		}
	}
}

// TestBreakKeyLooksAtTheRunOnly: whether a run of the breaker is kept
// depends on its own words, not on those before it (a long paragraph is
// broken window by window: looking at every word each time was quadratic).
func TestBreakKeyLooksAtTheRunOnly(t *testing.T) {
	ref := &run{text: "", pageOf: "p1"}
	plain := &run{text: "word"}
	w := func(r *run) word { return word{frags: []frag{{r: r, text: "w"}}} }
	tests := []struct {
		name   string
		ws     []word
		k      int
		cached bool
	}{
		{"page reference before the run", []word{w(ref), w(plain), w(plain)}, 1, true},
		{"page reference in the run", []word{w(plain), w(ref), w(plain)}, 1, false},
		{"page reference first", []word{w(ref), w(plain)}, 0, false},
		{"nothing to break", []word{w(plain)}, 1, false},
	}
	for _, tc := range tests {
		if _, ok := breakKeyOf(tc.ws, 100, tc.k, 0, false, -1, 0); ok != tc.cached {
			t.Errorf("%s: kept %v, want %v", tc.name, ok, tc.cached)
		}
	}
}
