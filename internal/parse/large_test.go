package parse

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/briefbook/briefbook/internal/cputime"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// warAndPeace is in the shared corpus, ../shared beside the module root
// (absent on a machine with Go alone: the tests that need it skip).
var warAndPeace = filepath.Join("..", "..", "..", "shared", "corpus", "large", "war-and-peace.txt")

func loadFile(tb testing.TB, path string) *source.File {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Skipf("%s not available: %v", path, err)
	}
	f, err := source.Decode(path, data)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

// letters returns the letters and digits of s in order: the part of a text
// that re-flowing and heading detection must keep.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// docLetters returns the letters of a plain-text document in reading order:
// title, then each section title and its blocks.
func docLetters(doc *document.Document) string {
	var b strings.Builder
	b.WriteString(letters(doc.Meta.Title))
	doc.WalkSections(func(s *document.Section) bool {
		b.WriteString(letters(s.Title))
		for _, bl := range s.Blocks {
			b.WriteString(letters(document.BlockText(bl)))
		}
		return true
	})
	return b.String()
}

func TestWarAndPeace(t *testing.T) {
	f := loadFile(t, warAndPeace)
	start := cputime.Now()
	doc, err := ParseText(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := cputime.Since(start)
	t.Logf("parsed %d bytes in %v", len(f.Data), elapsed)
	if len(doc.Sections) != 17 {
		t.Errorf("top-level sections = %d, want 17 (15 books, 2 epilogues)", len(doc.Sections))
	}
	chapters := 0
	for _, s := range doc.Sections {
		if !strings.HasPrefix(s.Title, "BOOK ") && !strings.Contains(s.Title, "EPILOGUE") {
			t.Errorf("unexpected top-level section %q", s.Title)
		}
		for _, c := range s.Sections {
			if !strings.HasPrefix(c.Title, "CHAPTER ") || c.Level != 2 || len(c.Sections) != 0 {
				t.Errorf("unexpected chapter %q level %d", c.Title, c.Level)
			}
			chapters++
		}
	}
	if chapters != 365 {
		t.Errorf("chapters = %d, want 365", chapters)
	}
	if got, want := docLetters(doc), letters(string(f.Data)); got != want {
		t.Errorf("letters differ: got %d, want %d", len(got), len(want))
	}
	if doc.Meta.Title != "" {
		t.Errorf("title = %q, want none (the first line is a BOOK heading)", doc.Meta.Title)
	}
}

func TestSeedKeepsText(t *testing.T) {
	f := loadFile(t, seedPath)
	doc, err := ParseText(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := docLetters(doc), letters(string(f.Data)); got != want {
		t.Errorf("letters differ:\ngot  %s\nwant %s", got, want)
	}
	if n := len(doc.Sections[0].Blocks); n != 8 {
		t.Errorf("paragraphs = %d, want 8", n)
	}
}

func BenchmarkParseText(b *testing.B) {
	f := loadFile(b, warAndPeace)
	b.SetBytes(int64(len(f.Data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseText(f, nil); err != nil {
			b.Fatal(err)
		}
	}
}
