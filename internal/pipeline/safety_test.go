package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/pdf"
)

func TestSourceFiles(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"b.md", "a.txt", ".hidden.txt", "image.png", "c.MARKDOWN", "target.dat"} {
		os.WriteFile(filepath.Join(dir, n), []byte("x"), 0o644)
	}
	os.Mkdir(filepath.Join(dir, "sub.md"), 0o755)
	os.Symlink("target.dat", filepath.Join(dir, "linked.md"))
	os.Symlink("nowhere.txt", filepath.Join(dir, "dangling.txt"))
	os.Symlink("sub.md", filepath.Join(dir, "tofolder.txt"))
	if runtime.GOOS != "windows" {
		mkfifo(filepath.Join(dir, "fifo.txt"))
	}
	got, ws, err := SourceFiles([]string{dir, filepath.Join(dir, "image.png")}, os.Stat, os.ReadDir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"a.txt", "b.md", "c.MARKDOWN", "linked.md"}
	for i := range want {
		want[i] = filepath.Join(dir, want[i])
	}
	want = append(want, filepath.Join(dir, "image.png"))
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %v, want %v", got, want)
	}
	var msgs []string
	for _, w := range ws {
		msgs = append(msgs, w.String())
	}
	all := strings.Join(msgs, "\n")
	for _, w := range []string{
		filepath.Join(dir, "dangling.txt") + ": warning: symbolic link to nothing",
		filepath.Join(dir, "tofolder.txt") + ": warning: symbolic link to a folder, skipped",
	} {
		if !strings.Contains(all, w) {
			t.Errorf("warnings lack %q:\n%s", w, all)
		}
	}
	if runtime.GOOS != "windows" && !strings.Contains(all, "fifo.txt: warning: not a regular file, skipped") {
		t.Errorf("no warning for the FIFO:\n%s", all)
	}
	_, _, err = SourceFiles([]string{filepath.Join(dir, "missing")}, os.Stat, os.ReadDir)
	if !IsInputError(err) || !strings.HasSuffix(err.Error(), "missing: no such file or directory") {
		t.Errorf("missing path: err = %v, want an input error", err)
	}
}

// panicAt panics in the way kind says; its lines are what the internal
// error must point at.
func panicAt(kind string) {
	switch kind {
	case "nil map value":
		var m map[string]*int
		_ = *m["nil"] // panicLine nil
	case "index":
		s := []int{1}
		i := 3
		_ = s[i] // panicLine index
	default:
		panic(errors.New("boom\nsecond line")) // panicLine explicit
	}
}

func panicLine(t *testing.T, tag string) int {
	t.Helper()
	b, err := os.ReadFile("safety_test.go")
	if err != nil {
		t.Fatal(err)
	}
	for i, l := range strings.Split(string(b), "\n") {
		if strings.HasSuffix(l, "// panicLine "+tag) {
			return i + 1
		}
	}
	t.Fatalf("no line tagged %s", tag)
	return 0
}

// TestRunStageInternalError checks that a panic in a stage becomes one
// *InternalError carrying the stage, the source and the panic's own line
// (from runtime.Callers, not from the text of a stack trace).
func TestRunStageInternalError(t *testing.T) {
	for _, tt := range []struct{ kind, tag string }{{"nil map value", "nil"}, {"index", "index"}, {"explicit", "explicit"}} {
		err := runStage("x.txt", "parse", func() error { panicAt(tt.kind); return nil })
		var ie *InternalError
		if !errors.As(err, &ie) {
			t.Fatalf("%s: err = %v (%T), want *InternalError", tt.kind, err, err)
		}
		line := panicLine(t, tt.tag)
		if ie.Stage != "parse" || ie.Source != "x.txt" || ie.File != "safety_test.go" || ie.Line != line || ie.Func != "pipeline.panicAt" {
			t.Errorf("%s: got %+v, want pipeline.panicAt at safety_test.go:%d", tt.kind, ie, line)
		}
		msg := err.Error()
		if strings.Contains(msg, "\n") || !strings.HasPrefix(msg, "x.txt: parse: internal error: ") ||
			!strings.Contains(msg, fmt.Sprintf("(at pipeline.panicAt, safety_test.go:%d;", line)) {
			t.Errorf("%s: message %q", tt.kind, msg)
		}
		if IsInputError(err) {
			t.Errorf("%s: a panic is not an input error", tt.kind)
		}
	}
	if err := runStage("x.txt", "parse", func() error { return nil }); err != nil {
		t.Errorf("no panic: err = %v", err)
	}
}

// TestBuildFileInternalErrorOnce checks that a panic inside a renderer
// reaches the caller as one internal error for that stage, named once.
func TestBuildFileInternalErrorOnce(t *testing.T) {
	dir, src := writeDoc(t)
	opts := DefaultOptions()
	opts.OutDir = dir
	opts.Formats = []Format{{Name: "bad", Ext: ".bad", Render: func(io.Writer, *render.Input, *pdf.Result) error { panicAt("index"); return nil }}}
	_, err := BuildFile(src, opts)
	var ie *InternalError
	if !errors.As(err, &ie) || ie.Stage != "render bad" || strings.Count(err.Error(), src) != 1 || strings.Count(err.Error(), "internal error") != 1 {
		t.Errorf("err = %v", err)
	}
	assertOnly(t, dir, "doc.md")
}

// writeDoc writes a small Markdown source into a new folder.
func writeDoc(t *testing.T) (dir, src string) {
	t.Helper()
	dir = t.TempDir()
	src = filepath.Join(dir, "doc.md")
	if err := os.WriteFile(src, []byte("# Title\n\n## Part\n\nSome text about Astana in 2008.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, src
}

// assertOnly checks that dir holds exactly the files names (no temporary
// file left behind).
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	es, _ := os.ReadDir(dir)
	var got []string
	for _, e := range es {
		got = append(got, e.Name())
	}
	if strings.Join(got, ",") != strings.Join(names, ",") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// fullDisk is a temporary file whose writes fail, as on a full disk, after
// room bytes.
type fullDisk struct {
	*os.File
	room int
}

func (f *fullDisk) Write(p []byte) (int, error) {
	if len(p) > f.room {
		n, _ := f.File.Write(p[:f.room])
		f.room = 0
		return n, &fs.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	f.room -= len(p)
	return f.File.Write(p)
}

// TestBuildFileDiskFull checks that a write failing on a full disk is an
// input error naming the output (not the temporary file), that the old
// outputs are kept and that no temporary file is left.
func TestBuildFileDiskFull(t *testing.T) {
	for _, format := range []string{"pdf", "epub", "json"} {
		t.Run(format, func(t *testing.T) {
			dir, src := writeDoc(t)
			out := filepath.Join(dir, "out")
			os.Mkdir(out, 0o755)
			opts := DefaultOptions()
			opts.OutDir = out
			for _, ext := range []string{".pdf", ".epub", ".json"} {
				os.WriteFile(filepath.Join(out, "doc"+ext), []byte("old"), 0o644)
			}
			opts.openTemp = func(name string) (tempFile, error) {
				f, err := openFile(name)
				if err != nil || !strings.Contains(name, "."+format+".") {
					return f, err
				}
				return &fullDisk{File: f.(*os.File), room: 100}, nil
			}
			_, err := BuildFile(src, opts)
			want := filepath.Join(out, "doc."+format) + ": cannot write: no space left on device"
			if !IsInputError(err) || err.Error() != want {
				t.Errorf("err = %v, want input error %q", err, want)
			}
			for _, ext := range []string{".pdf", ".epub", ".json"} {
				if b, _ := os.ReadFile(filepath.Join(out, "doc"+ext)); string(b) != "old" {
					t.Errorf("doc%s was replaced after the failure", ext)
				}
			}
			assertOnly(t, out, "doc.epub", "doc.json", "doc.pdf")
		})
	}
}

// TestBuildFileAllOrNothing checks that when one format fails, none of the
// document's outputs is replaced.
func TestBuildFileAllOrNothing(t *testing.T) {
	dir, src := writeDoc(t)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	for _, ext := range []string{".pdf", ".json", ".bad"} {
		os.WriteFile(filepath.Join(out, "doc"+ext), []byte("old"), 0o644)
	}
	opts := DefaultOptions()
	opts.OutDir = out
	pdfF, _ := lookup("pdf")
	jsonF, _ := lookup("json")
	boom := errors.New("boom")
	opts.Formats = []Format{pdfF, jsonF, {Name: "bad", Ext: ".bad", Render: func(w io.Writer, _ *render.Input, _ *pdf.Result) error {
		io.WriteString(w, "partial")
		return boom
	}}}
	_, err := BuildFile(src, opts)
	if !errors.Is(err, boom) || err.Error() != src+": boom" {
		t.Errorf("err = %v", err)
	}
	for _, ext := range []string{".pdf", ".json", ".bad"} {
		if b, _ := os.ReadFile(filepath.Join(out, "doc"+ext)); string(b) != "old" {
			t.Errorf("doc%s was replaced although the build failed", ext)
		}
	}
	assertOnly(t, out, "doc.bad", "doc.json", "doc.pdf")
}

// TestBuildFileModes checks that a new output follows the umask and that an
// existing output keeps its mode.
func TestBuildFileModes(t *testing.T) {
	old, ok := setUmask(0o027)
	if !ok {
		t.Skip("no umask")
	}
	defer setUmask(old)
	dir, src := writeDoc(t)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	keep := filepath.Join(out, "doc.json")
	os.WriteFile(keep, []byte("old"), 0o600)
	os.Chmod(keep, 0o604) // not a mode the umask could give
	opts := DefaultOptions()
	opts.OutDir = out
	if _, err := BuildFile(src, opts); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]fs.FileMode{"doc.pdf": 0o640, "doc.epub": 0o640, "doc.json": 0o604} {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", name, fi.Mode().Perm(), want)
		}
	}
	if b, _ := os.ReadFile(keep); string(b) == "old" {
		t.Error("doc.json was not rebuilt")
	}
}

// TestBuildFileRefusesItsInput checks that an output that is the source
// itself is refused and the source kept, for BuildFile alone and for
// CheckOutputs over a batch (a link to an input, a --style file).
func TestBuildFileRefusesItsInput(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "notes.json")
	content := []byte("Notes\n\nThe source, named like an export.\n")
	os.WriteFile(src, content, 0o644)
	opts := DefaultOptions()
	opts.OutDir = dir
	opts.Formats, _ = LookupFormats("json")
	opts.Load.From = "txt" // .json is no source extension: name the reader
	_, err := BuildFile(src, opts)
	if !IsInputError(err) || !strings.Contains(err.Error(), "refusing to overwrite") {
		t.Errorf("BuildFile: err = %v", err)
	}
	if b, _ := os.ReadFile(src); string(b) != string(content) {
		t.Fatalf("the source was overwritten: %q", b)
	}
	assertOnly(t, dir, "notes.json")

	// A batch: out/a.pdf is a link to the other input b.txt, out/c.json is
	// the style file.
	other := filepath.Join(dir, "b.txt")
	os.WriteFile(other, content, 0o644)
	out := filepath.Join(dir, "out")
	os.Mkdir(out, 0o755)
	os.Symlink(other, filepath.Join(out, "a.pdf"))
	style := filepath.Join(out, "c.json")
	os.WriteFile(style, []byte("{}"), 0o644)
	a, c := filepath.Join(dir, "a.txt"), filepath.Join(dir, "c.txt")
	os.WriteFile(a, content, 0o644)
	os.WriteFile(c, content, 0o644)
	opts = DefaultOptions()
	opts.OutDir = out
	for _, tt := range []struct {
		srcs, others []string
		want         string
	}{
		{[]string{a, other}, nil, "b.txt: output " + filepath.Join(out, "a.pdf") + " of " + a + " is this input"},
		{[]string{c}, []string{style}, "c.json: output " + filepath.Join(out, "c.json") + " of " + c + " is this input"},
		{[]string{other}, []string{style}, ""},
	} {
		err := CheckOutputs(tt.srcs, tt.others, opts)
		if tt.want == "" {
			if err != nil {
				t.Errorf("CheckOutputs(%v): %v", tt.srcs, err)
			}
			continue
		}
		if !IsInputError(err) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("CheckOutputs(%v) = %v, want %q", tt.srcs, err, tt.want)
		}
	}
}

func TestCheckStyleFonts(t *testing.T) {
	for _, tt := range []struct{ style, want string }{
		{`{"fonts":{"serif":"nope.ttf"}}`, ""}, // a file: LoadFonts opens it
		{`{"fonts":{"mono":""}}`, "style: fonts.mono: no font file named"},
		{`{"fonts":{"fallback":["a.ttf"]}}`, ""},
		{`{"fonts":{"fallback":"a.ttf"}}`, "style override: json: cannot unmarshal"},
		{`{"fonts":{"serif_bolditalic":"a.ttf"}}`, "style override: json: unknown field"},
		{`{"fonts":{"sans":"fonts/NotoSerif-Regular.ttf"}}`, ""},
		{`{"body":{"size":11}}`, ""},
	} {
		err := CheckStyle([]byte(tt.style))
		if tt.want == "" {
			if err != nil {
				t.Errorf("CheckStyle(%s) = %v", tt.style, err)
			}
		} else if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("CheckStyle(%s) = %v, want %q", tt.style, err, tt.want)
		}
	}
}

func TestTempFilesAbort(t *testing.T) {
	dir := t.TempDir()
	reg := NewTempFiles()
	var names []string
	for i := range 3 {
		name := filepath.Join(dir, fmt.Sprintf("t%d", i))
		f, err := reg.create(name, func() (tempFile, error) { return openFile(name) })
		if err != nil {
			t.Fatal(err)
		}
		f.Close()
		names = append(names, name)
	}
	renamed := filepath.Join(dir, "done")
	if err := reg.commit(names[:1], func() error { return os.Rename(names[0], renamed) }); err != nil {
		t.Fatal(err)
	}
	if got := reg.Abort(); strings.Join(got, ",") != strings.Join(names[1:], ",") {
		t.Errorf("Abort removed %v, want %v", got, names[1:])
	}
	assertOnly(t, dir, "done")
	if _, err := reg.create(filepath.Join(dir, "late"), func() (tempFile, error) { return openFile(filepath.Join(dir, "late")) }); !errors.Is(err, errAborted) {
		t.Errorf("create after Abort: %v", err)
	}
	assertOnly(t, dir, "done")
}
