package ner

import (
	"bytes"
	"runtime"
	"testing"
)

// BenchmarkLoadModel reads the embedded model: time and the heap it keeps.
func BenchmarkLoadModel(b *testing.B) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var m *Model
	for range b.N {
		var err error
		m, err = ReadModel(bytes.NewReader(englishModel), nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-kept")
	b.ReportMetric(float64(m.Features()), "features")
}
