package ner

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkTagWarAndPeace tags the paragraphs of ../shared's War and Peace
// (3.2 MB), each paragraph as one sentence.
func BenchmarkTagWarAndPeace(b *testing.B) {
	data, err := os.ReadFile("../../../shared/corpus/large/war-and-peace.txt")
	if err != nil {
		b.Skip("war-and-peace.txt not found")
	}
	var paras [][]string
	for _, p := range strings.Split(string(data), "\n\n") {
		var toks []string
		for _, t := range Tokenize(p) {
			toks = append(toks, t.Text)
		}
		paras = append(paras, toks)
	}
	m := English()
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		for _, p := range paras {
			m.Tag(p)
		}
	}
}
