package analyze

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// warAndPeace is in the shared corpus, ../shared beside the module root
// (absent on a machine with Go alone: the tests that need it skip).
var warAndPeace = filepath.Join("..", "..", "..", "shared", "corpus", "large", "war-and-peace.txt")

// benchDocs returns the seed and, when present, War and Peace split at
// blank lines.
func benchDocs(b *testing.B) map[string]func() *document.Document {
	docs := map[string]func() *document.Document{}
	if data, err := os.ReadFile(seedPath); err == nil {
		docs["seed"] = func() *document.Document { return plainDoc("seed.txt", string(data), true) }
	}
	if data, err := os.ReadFile(warAndPeace); err == nil {
		docs["war-and-peace"] = func() *document.Document { return plainDoc("wp.txt", string(data), true) }
	}
	if len(docs) == 0 {
		b.Skip("no input documents")
	}
	return docs
}

func BenchmarkSegment(b *testing.B) {
	for name, mk := range benchDocs(b) {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				d := mk()
				b.StartTimer()
				Segment(d)
			}
		})
	}
}

func BenchmarkSummary(b *testing.B) {
	for name, mk := range benchDocs(b) {
		us := collectUnits(mk())
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				summarize(us, 0, nil)
			}
		})
	}
}

func BenchmarkFacts(b *testing.B) {
	for name, mk := range benchDocs(b) {
		us := collectUnits(mk())
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				extractFacts(us)
			}
		})
	}
}
