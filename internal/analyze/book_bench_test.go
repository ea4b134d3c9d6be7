package analyze

import (
	"os"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/source"
)

// pipelineDoc reads path and parses it as the pipeline does (parse.Parse,
// then Segment), or skips the benchmark when the file is absent.
func pipelineDoc(tb testing.TB, path string) *document.Document {
	tb.Helper()
	if _, err := os.Stat(path); err != nil {
		tb.Skipf("%s not available", path)
	}
	f, err := source.Read(path)
	if err != nil {
		tb.Fatal(err)
	}
	var ws source.Warnings
	d, err := parse.Parse(f, &ws)
	if err != nil {
		tb.Fatal(err)
	}
	Segment(d)
	return d
}

// BenchmarkAnalyzeWarAndPeace measures the whole analysis (summary and
// facts) of a 3.2 MB novel with headings, as the pipeline runs it.
func BenchmarkAnalyzeWarAndPeace(b *testing.B) {
	d := pipelineDoc(b, warAndPeace)
	b.ReportAllocs()
	for b.Loop() {
		Analyze(d, Options{})
	}
}

// BenchmarkSummarySectionsWarAndPeace measures what issue 13 bounds (at
// most 1 s): sections and the summary of the 3.2 MB novel, facts aside.
func BenchmarkSummarySectionsWarAndPeace(b *testing.B) {
	d := pipelineDoc(b, warAndPeace)
	for b.Loop() {
		Segment(d)
		summarize(collectUnits(d), 0, nil)
	}
}
