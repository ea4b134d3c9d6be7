package gazetteer

import (
	"testing"
)

// BenchmarkLoad opens the embedded table, as the first call of Match or
// GivenName does.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := openTable(tableData); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadTSV parses the text files into maps, as the package did at
// start before the table (the text compressed; decompression not counted).
func BenchmarkReadTSV(b *testing.B) {
	places, names := embeddedTSV(b)
	for b.Loop() {
		if _, err := readTSV(places, names); err != nil {
			b.Fatal(err)
		}
	}
}

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

// BenchmarkGivenName looks up known and unknown given names.
func BenchmarkGivenName(b *testing.B) {
	ws := []string{"Anna", "Анна", "Will", "Kazakhstan", "Zzyzx", "Nursultan"}
	load()
	for b.Loop() {
		for _, w := range ws {
			GivenName(w)
		}
	}
}
