package parse

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/source"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedPath is the project's first real source.
const seedPath = "../../source/main-vectors-of-kazakhstan-foreign-policy.txt"

// TestGolden parses every testdata/*.txt and *.md file (and the seed, when
// present) and compares a dump of the tree with its .golden file.
func TestGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		t.Fatal(err)
	}
	type tc struct{ in, golden string }
	var cases []tc
	for _, f := range files {
		if filepath.Base(f) == "SOURCES.md" {
			continue // where the fixtures come from, not a fixture
		}
		if ext := filepath.Ext(f); ext == ".txt" || ext == ".md" {
			cases = append(cases, tc{f, strings.TrimSuffix(f, ext) + ext + ".golden"})
		}
	}
	if _, err := os.Stat(seedPath); err == nil {
		cases = append(cases, tc{seedPath, "testdata/seed/main-vectors.golden"})
	}
	for _, c := range cases {
		t.Run(filepath.Base(c.in), func(t *testing.T) {
			data, err := os.ReadFile(c.in)
			if err != nil {
				t.Fatal(err)
			}
			f, err := source.Decode(filepath.Base(c.in), data)
			if err != nil {
				t.Fatal(err)
			}
			var ws source.Warnings
			doc, err := Parse(f, &ws)
			if err != nil {
				t.Fatal(err)
			}
			got := []byte(dump(doc, &ws))
			if *update {
				if err := os.MkdirAll(filepath.Dir(c.golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(c.golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(c.golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s: dump differs from %s (run go test -update and review the diff)\ngot:\n%s", c.in, c.golden, got)
			}
		})
	}
}
