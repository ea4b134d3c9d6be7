package gazetteer

import (
	"embed"
	"runtime"
	"testing"
)

// BenchmarkLoad parses the embedded data, as the first call of Match or
// GivenName does, and reports the heap it keeps.
func BenchmarkLoad(b *testing.B) {
	var before, after runtime.MemStats
	var ix *index
	for b.Loop() {
		runtime.GC()
		runtime.ReadMemStats(&before)
		var err error
		if ix, err = parse(dataFS); err != nil {
			b.Fatal(err)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
	}
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-kept")
	runtime.KeepAlive(ix)
}

var _ embed.FS = dataFS

// BenchmarkMatch matches every word of an English and a Russian sentence.
func BenchmarkMatch(b *testing.B) {
	ws := Words("The delegation from Kazakhstan met officials in New South Wales and Nice; " +
		"в Казахстане и Центральной Азии, в Москве и Нур-Султане говорили о Китае")
	load()
	for b.Loop() {
		for i := range ws {
			Match(ws, i)
		}
	}
}
