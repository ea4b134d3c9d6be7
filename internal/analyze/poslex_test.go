package analyze

import (
	"strconv"
	"strings"
	"testing"
)

// posMap parses data/pos_en.tsv into a map, as the package did before it
// searched the file in place: the reference posTable must equal.
func posMap() map[string]posCounts {
	lines := dataLines("pos_en.tsv")
	out := make(map[string]posCounts, len(lines))
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 5 {
			continue
		}
		var c [4]int32
		for k := range c {
			n, err := strconv.Atoi(f[k+1])
			if err != nil {
				break
			}
			c[k] = int32(n)
		}
		out[f[0]] = posCounts{c[0], c[1], c[2], c[3]}
	}
	return out
}

// TestPosTableAsMap: the lexicon's words are in strictly increasing byte
// order (binary search needs it), and every word, and words it lacks,
// look up as in the map parsed from the file.
func TestPosTableAsMap(t *testing.T) {
	tb := openPosTable(posData)
	want := posMap()
	if len(want) < 9000 || len(tb.lines) != len(want) {
		t.Fatalf("%d lines, %d words in the map", len(tb.lines), len(want))
	}
	prev := ""
	for i := range tb.lines {
		_, w := tb.line(i)
		if i > 0 && w <= prev {
			t.Fatalf("line %d: %q after %q: data/pos_en.tsv is not sorted", i, w, prev)
		}
		prev = w
	}
	for w, c := range want {
		if got, ok := tb.get(w); !ok || got != c {
			t.Fatalf("get(%q) = %v, %v; want %v", w, got, ok, c)
		}
	}
	for _, w := range []string{"", "zzzzzz", "\x00", "aardvarks-and-more", "#'s", "The"} {
		_, inMap := want[w]
		if _, ok := tb.get(w); ok != inMap {
			t.Errorf("get(%q) found %v, the map %v", w, ok, inMap)
		}
	}
	small := openPosTable("# c\nb\t1\t2\t3\t4\nc\t1\tx\t3\t4\nd\t1\n")
	for w, want := range map[string]struct {
		c  posCounts
		ok bool
	}{"a": {}, "b": {posCounts{1, 2, 3, 4}, true}, "c": {posCounts{1, 0, 0, 0}, true}, "d": {}, "e": {}} {
		if c, ok := small.get(w); c != want.c || ok != want.ok {
			t.Errorf("small get(%q) = %v, %v; want %v, %v", w, c, ok, want.c, want.ok)
		}
	}
	if _, ok := openPosTable("").get("a"); ok {
		t.Error("an empty table finds a word")
	}
}

// BenchmarkLoadLexicon reads the embedded word lists, as the first look-up
// of a process does.
func BenchmarkLoadLexicon(b *testing.B) {
	for b.Loop() {
		loadLexicon()
	}
}

// BenchmarkPosMap parses the part-of-speech lexicon into a map, as the
// package did before.
func BenchmarkPosMap(b *testing.B) {
	for b.Loop() {
		posMap()
	}
}
