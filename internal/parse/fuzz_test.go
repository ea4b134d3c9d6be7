package parse

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

func addSeeds(f *testing.F, pattern string) {
	files, _ := filepath.Glob(pattern)
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// checkDoc verifies what every reader guarantees: IDs unique and
// increasing in document order, positions inside the file.
func checkDoc(t *testing.T, name string, data []byte, doc *document.Document, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: unexpected error (a recovered panic?): %v", name, err)
	}
	lines := bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte("\r")) + 1
	sec, para := 0, 0
	checkPos := func(p source.Pos) {
		if p.File != name || p.Line < 1 || p.Line > lines {
			t.Fatalf("position %v outside %s (%d lines)", p, name, lines)
		}
	}
	doc.WalkSections(func(s *document.Section) bool {
		sec++
		if s.ID != "s"+strconv.Itoa(sec) {
			t.Fatalf("section ID %q, want s%d", s.ID, sec)
		}
		checkPos(s.Pos)
		for _, b := range s.Blocks {
			checkPos(b.Position())
			if r := document.RefOf(b); r != nil {
				para++
				if r.ID != "p"+strconv.Itoa(para) || r.Number != para {
					t.Fatalf("block ref %+v, want p%d", *r, para)
				}
			}
		}
		return true
	})
	for i, fn := range doc.Footnotes {
		if fn.Number != i+1 {
			t.Fatalf("footnote %d numbered %d", i+1, fn.Number)
		}
	}
}

func FuzzParseText(f *testing.F) {
	addSeeds(f, "testdata/*.txt")
	addSeeds(f, "testdata/*.md")
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := source.Decode("fuzz.txt", data)
		if err != nil {
			return // not text: refused before the reader
		}
		doc, err := ParseText(src, &source.Warnings{})
		checkDoc(t, "fuzz.txt", src.Data, doc, err)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	addSeeds(f, "testdata/*.md")
	addSeeds(f, "testdata/*.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		src, err := source.Decode("fuzz.md", data)
		if err != nil {
			return
		}
		doc, err := ParseMarkdown(src, &source.Warnings{})
		checkDoc(t, "fuzz.md", src.Data, doc, err)
	})
}
