package pipeline

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/source"
)

const memoText = "Quarterly note\n\nThe committee met on 4 March 2024 and agreed the budget of 12 million tenge.\n\nThe next meeting is in June.\n"

// jsonOnly are options that build the JSON export alone (fast: no layout).
func jsonOnly(out string) Options {
	o := DefaultOptions()
	o.OutDir = out
	o.Formats, _ = LookupFormats("json")
	return o
}

// TestWriteSourceMatchesBuildFile checks that a document built in memory
// gives, format by format, the bytes that building the same text from a
// file gives, that it writes nothing to disk, and that it is deterministic.
func TestWriteSourceMatchesBuildFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "note.txt")
	if err := os.WriteFile(path, []byte(memoText), 0o644); err != nil {
		t.Fatal(err)
	}
	opts := DefaultOptions()
	opts.OutDir = filepath.Join(dir, "out")
	if _, err := BuildFile(path, opts); err != nil {
		t.Fatal(err)
	}
	for run := 0; run < 2; run++ {
		got := map[string]*bytes.Buffer{}
		res, err := WriteSource(Source{Name: "note.txt", Data: []byte(memoText)}, Options{Render: opts.Render},
			func(f Format) io.Writer {
				got[f.Name] = &bytes.Buffer{}
				return got[f.Name]
			})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Outputs) != 0 {
			t.Errorf("outputs %v, want none", res.Outputs)
		}
		for _, f := range Formats() {
			want, err := os.ReadFile(filepath.Join(opts.OutDir, "note"+f.Ext))
			if err != nil {
				t.Fatal(err)
			}
			if got[f.Name] == nil || !bytes.Equal(got[f.Name].Bytes(), want) {
				t.Errorf("run %d: %s differs from the file build", run, f.Name)
			}
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("the folder holds %d entries, want note.txt and out", len(entries))
	}
}

// TestWriteSourceWritesNothingOnFailure checks that a source that cannot be
// built writes nothing at all.
func TestWriteSourceWritesNothingOnFailure(t *testing.T) {
	for _, data := range []string{"", "only\x00binary"} {
		var buf bytes.Buffer
		_, err := WriteSource(Source{Name: "stdin", Data: []byte(data)}, DefaultOptions(), func(Format) io.Writer { return &buf })
		if !IsInputError(err) || buf.Len() != 0 || !strings.HasPrefix(err.Error(), "stdin") {
			t.Errorf("%q: err = %v, %d bytes written", data, err, buf.Len())
		}
	}
}

// TestLoadSourceReader checks the reader chosen for a source without an
// extension: by its text, unless one is named.
func TestLoadSourceReader(t *testing.T) {
	md := "# Heading title\n\nSome *emphasis* and a [link](https://example.org) in a paragraph.\n"
	tests := []struct {
		name, data, from, title string
	}{
		{"stdin", md, "", "Heading title"},
		{"stdin", md, "txt", "# Heading title"},
		{"stdin", memoText, "", "Quarterly note"},
		{"memo.md", memoText, "", "memo"}, // Markdown: no lone # heading, so the stem
	}
	for _, tc := range tests {
		l, err := LoadSource(Source{Name: tc.name, Data: []byte(tc.data)}, LoadOptions{From: tc.from}, nil)
		if err != nil {
			t.Errorf("%s from %q: %v", tc.name, tc.from, err)
			continue
		}
		if l.Doc.Meta.Title != tc.title {
			t.Errorf("%s from %q: title %q, want %q", tc.name, tc.from, l.Doc.Meta.Title, tc.title)
		}
	}
	_, err := LoadSource(Source{Name: "stdin", Data: bytes.Repeat([]byte("word "), 1000)}, LoadOptions{MaxSize: 100}, nil)
	if !errors.Is(err, source.ErrTooLarge) {
		t.Errorf("above the size limit: err = %v", err)
	}
}

// TestMetaOverrides checks that overrides replace front matter in Markdown
// and give a plain text the metadata it cannot carry, and that a date set
// so is the build date unless SOURCE_DATE_EPOCH is set.
func TestMetaOverrides(t *testing.T) {
	md := "---\ntitle: From front matter\nauthor: Front Author\ndate: 2001-02-03\n---\n\nBody text of the note, long enough to be a paragraph.\n"
	ov := func(kv ...string) []parse.MetaOverride {
		var out []parse.MetaOverride
		for _, s := range kv {
			o, err := parse.ParseMetaOverride(s)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, o)
		}
		return out
	}
	tests := []struct {
		name, data string
		meta       []parse.MetaOverride
		title      string
		author     string
		date       string
	}{
		{"note.md", md, nil, "From front matter", "Front Author", "2001-02-03"},
		{"note.md", md, ov("title=Set", "date=2024-05"), "Set", "Front Author", "2024-05"},
		{"note.txt", memoText, ov("title=Plain title", "author=A. Writer"), "Plain title", "A. Writer", ""},
		{"note.txt", memoText, ov("title="), "note", "", ""}, // cleared: the stem
	}
	for _, tc := range tests {
		l, err := LoadSource(Source{Name: tc.name, Data: []byte(tc.data)}, LoadOptions{Meta: tc.meta}, nil)
		if err != nil {
			t.Fatal(err)
		}
		m := l.Doc.Meta
		if m.Title != tc.title || m.Author != tc.author || m.Date != tc.date {
			t.Errorf("%s %v: title %q author %q date %q, want %q %q %q", tc.name, tc.meta, m.Title, m.Author, m.Date, tc.title, tc.author, tc.date)
		}
	}
	l, err := LoadSource(Source{Name: "note.md", Data: []byte(md)}, LoadOptions{Meta: ov("date=2024-05-06")}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if bt, _ := BuildTime("", l.Doc.Meta); bt.Format("2006-01-02") != "2024-05-06" {
		t.Errorf("build time %v, want the date set", bt)
	}
	if bt, _ := BuildTime("0", l.Doc.Meta); bt.Year() != 1970 {
		t.Errorf("build time %v, want SOURCE_DATE_EPOCH's", bt)
	}
}

// TestBuildSourceOutFile checks that -o NAME.ext writes exactly that file,
// with no temporary file left, and that a file named like the source's
// display name is not taken for the input.
func TestBuildSourceOutFile(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "sub", "final name.json")
	opts := jsonOnly("ignored")
	opts.OutFile = out
	opts.Load.From = "txt"
	os.MkdirAll(filepath.Dir(out), 0o755)
	os.WriteFile(out, []byte("an old output"), 0o644)
	res, err := BuildSource(Source{Name: filepath.Join(dir, "sub", "final name.json"), Data: []byte(memoText)}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Outputs) != 1 || res.Outputs[0] != out {
		t.Errorf("outputs %v, want [%s]", res.Outputs, out)
	}
	if data, _ := os.ReadFile(out); !bytes.Contains(data, []byte("Quarterly note")) {
		t.Errorf("%s was not replaced by the export:\n%s", out, data)
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	if len(entries) != 1 || entries[0].Name() != "final name.json" {
		t.Errorf("folder holds %v", entries)
	}
	if _, err := os.Stat("ignored"); err == nil {
		t.Error("OutDir was created although OutFile is set")
	}
	opts.Formats = Formats()
	if _, err := BuildSource(Source{Name: "stdin", Data: []byte(memoText)}, opts); err == nil {
		t.Error("one output file for three formats was accepted")
	}
}

// TestSourceFilesSkipsBadPaths checks that a missing path among several
// is reported without stopping the others.
func TestSourceFilesSkipsBadPaths(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.md")
	empty := filepath.Join(dir, "empty")
	os.WriteFile(a, []byte("x"), 0o644)
	os.WriteFile(b, []byte("x"), 0o644)
	os.Mkdir(empty, 0o755)
	missing := filepath.Join(dir, "missing.txt")
	files, _, err := SourceFiles([]string{a, missing, empty, b}, os.Stat, os.ReadDir)
	if strings.Join(files, "|") != a+"|"+b {
		t.Errorf("files %v, want a.txt and b.md", files)
	}
	errs := PathErrors(err)
	if len(errs) != 2 || !IsInputError(err) {
		t.Fatalf("errors %v, want two input errors", errs)
	}
	for i, want := range []string{missing + ": no such file or directory", empty + ": no .txt or .md files"} {
		if errs[i].Error() != want || !IsInputError(errs[i]) {
			t.Errorf("error %d = %q, want %q", i, errs[i], want)
		}
	}
	if PathErrors(nil) != nil {
		t.Error("PathErrors(nil) is not nil")
	}
}
