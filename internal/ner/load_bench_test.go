package ner

import (
	"bytes"
	"runtime"
	"testing"
)

// BenchmarkLoadModel reads the embedded English model in place, as the
// first call of English does: time and the heap it keeps.
func BenchmarkLoadModel(b *testing.B) {
	benchRead(b, englishModel, readModel)
}

// BenchmarkLoadModelV2 reads the same model from the version 2 format it
// was embedded in before version 3.
func BenchmarkLoadModelV2(b *testing.B) {
	m, err := readModel(englishModel, nil)
	if err != nil {
		b.Fatal(err)
	}
	benchRead(b, writeV2(m), func(data []byte, gz Gazetteer) (*Model, error) { return ReadModel(bytes.NewReader(data), gz) })
}

func benchRead(b *testing.B, data []byte, read func([]byte, Gazetteer) (*Model, error)) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	var m *Model
	for range b.N {
		var err error
		m, err = read(data, nil)
		if err != nil {
			b.Fatal(err)
		}
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MiB-kept")
	b.ReportMetric(float64(m.Features()), "features")
}
