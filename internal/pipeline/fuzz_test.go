package pipeline

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// FuzzBuild runs the whole pipeline on arbitrary bytes, as plain text and
// as Markdown: it must never panic, and whatever it builds must be a
// complete PDF, a readable EPUB and valid JSON.
func FuzzBuild(f *testing.F) {
	if seed, err := os.ReadFile(filepath.Join("..", "..", "source", "main-vectors-of-kazakhstan-foreign-policy.txt")); err == nil {
		f.Add(seed, false)
	}
	for _, s := range []string{
		"# Title\n\n## A\n\nText with *emphasis*, `code` and a [link](https://example.org).[^1]\n\n[^1]: Note.\n",
		"---\ntitle: T\ndate: 2008-05-28\nlanguage: kk\n---\n# Қазақстан\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n\n1. one\n2. two\n",
		"CHAPTER I\n\nIt was a dark night.\n\nCHAPTER II\n\nMorning.\n",
		"Title\n\n\x00",
		"\xff\xfeT\x00i\x00t\x00l\x00e\x00",
		"😀\n\n\u202eRTL override\u200b\u00ad",
	} {
		f.Add([]byte(s), true)
		f.Add([]byte(s), false)
	}
	f.Fuzz(func(t *testing.T, data []byte, markdown bool) {
		name := "fuzz.txt"
		if markdown {
			name = "fuzz.md"
		}
		file, err := source.Decode(name, data)
		if err != nil {
			return
		}
		var ws source.Warnings
		l, err := LoadFile(file, analyze.Options{}, &ws)
		if err != nil {
			if !IsInputError(err) {
				t.Fatalf("internal error: %v", err)
			}
			return
		}
		in := &render.Input{Doc: l.Doc, Analysis: l.Analysis, SourceData: file.Data, Options: render.DefaultOptions(), Warnings: &ws}
		layout, err := Layout(in, Formats())
		if err != nil {
			t.Fatalf("layout: %v", err)
		}
		for _, fm := range Formats() {
			var buf bytes.Buffer
			if err := fm.Render(&buf, in, layout); err != nil {
				t.Fatalf("%s: %v", fm.Name, err)
			}
			b := buf.Bytes()
			switch fm.Name {
			case "pdf":
				if !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF")) {
					t.Fatal("incomplete PDF")
				}
			case "json":
				if !json.Valid(b) {
					t.Fatal("invalid JSON")
				}
			case "epub":
				zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
				if err != nil || len(zr.File) == 0 || zr.File[0].Name != "mimetype" {
					t.Fatalf("bad EPUB: %v", err)
				}
			}
		}
	})
}
