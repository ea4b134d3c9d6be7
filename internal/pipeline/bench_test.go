package pipeline

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// benchBuild loads path once per iteration and renders every format into
// io.Discard: the whole build without the disk.
func benchBuild(b *testing.B, path string) {
	f, err := source.Read(path)
	if err != nil {
		b.Skipf("%v", err)
	}
	b.SetBytes(int64(len(f.Data)))
	b.ReportAllocs()
	for b.Loop() {
		var ws source.Warnings
		l, err := LoadFile(f, analyze.Options{}, &ws)
		if err != nil {
			b.Fatal(err)
		}
		in := &render.Input{Doc: l.Doc, Analysis: l.Analysis, SourceData: f.Data, Options: render.DefaultOptions(), Warnings: &ws}
		layout, err := Layout(in, Formats())
		if err != nil {
			b.Fatal(err)
		}
		for _, fm := range Formats() {
			if err := fm.Render(io.Discard, in, layout); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkBuildSeed(b *testing.B) {
	benchBuild(b, filepath.Join("..", "..", "source", "main-vectors-of-kazakhstan-foreign-policy.txt"))
}

func BenchmarkBuildWarAndPeace(b *testing.B) {
	p := filepath.Join("..", "..", "..", "shared", "corpus", "large", "war-and-peace.txt")
	if _, err := os.Stat(p); err != nil {
		b.Skip("no ../shared/corpus/large/war-and-peace.txt")
	}
	benchBuild(b, p)
}

// BenchmarkLoad measures reading + parsing + analysis of the seed.
func BenchmarkLoad(b *testing.B) {
	p := filepath.Join("..", "..", "source", "main-vectors-of-kazakhstan-foreign-policy.txt")
	f, err := source.Read(p)
	if err != nil {
		b.Skip(err)
	}
	for b.Loop() {
		if _, err := LoadFile(f, analyze.Options{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
