package analyze

import (
	"fmt"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// quoteHeavyParas returns n paragraphs thick with quotation marks of every
// kind, nested and not, with names to attribute them to.
func quoteHeavyParas(n int) []string {
	names := []string{"Arman Bekov", "Dana Serikova", "Mr Lucien Dufort", "the minister", "Aigerim Nurlanova"}
	marks := [][2]string{{"«", "»"}, {"“", "”"}, {"„", "“"}, {"\"", "\""}, {"‘", "’"}}
	var ps []string
	for i := 0; i < n; i++ {
		var b strings.Builder
		for k := 0; k < 3; k++ {
			m := marks[(i+k)%len(marks)]
			fmt.Fprintf(&b, "%s said %sthe talks on trade number %d went well and will go on%s, and %s “nested «inner words here» too”. ",
				names[(i+k)%len(names)], m[0], i*7+k, m[1], names[(i+k+1)%len(names)])
		}
		ps = append(ps, b.String())
	}
	return ps
}

// growStack makes the calling goroutine's stack about n KB deep, so that
// the garbage collector shrinks it — copies it and frees the old one —
// during the work that follows.
//
//go:noinline
func growStack(n int) byte {
	var pad [1024]byte
	pad[n%len(pad)] = byte(n)
	if n == 0 {
		return pad[0]
	}
	return growStack(n-1) + pad[n%len(pad)]
}

// TestAnalysisUnderGCStress runs sectioning and the whole analysis of a
// long, quote-heavy text without headings many times with the collector
// running almost continuously, each run on a goroutine whose stack the
// collector moves. Before the fix chunkBlocks kept a []strings.Builder that
// grew while its first backing store was on the stack; the copied builders
// pointed at the old stack, and this test died with "fatal error: found bad
// pointer in Go heap" within a second (see testdata/builder-copy).
func TestAnalysisUnderGCStress(t *testing.T) {
	if testing.Short() {
		t.Skip("GC stress: not in -short mode")
	}
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	ps := quoteHeavyParas(200)
	for i := 0; i < 12; i++ {
		done := make(chan int)
		go func() {
			growStack(256)
			d := paragraphsDoc(ps...)
			Segment(d)
			a := Analyze(d, Options{})
			done <- len(a.Facts.Quotations)
		}()
		if n := <-done; n == 0 {
			t.Fatalf("run %d: no quotations found in a text full of them", i)
		}
	}
}

// TestChunkBlocksUnderGCStress is the narrow form of the test above: the
// chunking of many paragraphs alone, on a stack the collector moves.
func TestChunkBlocksUnderGCStress(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(1))
	d := paragraphsDoc(quoteHeavyParas(400)...)
	blocks := d.Sections[0].Blocks
	for i := 0; i < 40; i++ {
		done := make(chan []chunk)
		go func() {
			growStack(256)
			done <- chunkBlocks(blocks, stemmer{})
		}()
		cs := <-done
		if len(cs) != len(blocks) || cs[3].text != document.BlockText(blocks[3]) {
			t.Fatalf("run %d: %d chunks, chunk 3 %q", i, len(cs), cs[3].text)
		}
	}
}
