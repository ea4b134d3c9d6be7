package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// watchWait is how long a watch test waits for a rebuild: generous, for a
// loaded machine with two cores.
const watchWait = 60 * time.Second

const watchDoc = "---\ntitle: Watched note\n---\n\n# Background\n\nThe council met on 3 March 2024 in Astana. It agreed to fund 12 new schools.\n\n# Decision\n\nThe minister said the plan would start in May.\n"

// TestWatchRebuilds runs `briefbook watch` and saves its source the ways
// editors do: a write in place, a new file renamed over the old one, a
// save that breaks the document (an error, and the watch goes on), a save
// that fixes it, and a new source in the watched folder. Ctrl-C leaves
// complete outputs and no temporary files.
func TestWatchRebuilds(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src")
	if err := os.Mkdir(src, 0o755); err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(src, "note.md")
	write := func(path, s string) {
		t.Helper()
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(doc, watchDoc)
	w := start(t, dir, "watch", "-o", "out", "src")
	n := w.waitLine(t, 0, watchWait, "out: ", "built src/note.md → out/note.pdf, out/note.epub, out/note.json")
	n = w.waitLine(t, n, watchWait, "out: ", "watching 1 document in src")
	json := filepath.Join(dir, "out", "note.json")
	hasWord := func(word string) {
		t.Helper()
		data, err := os.ReadFile(json)
		if err != nil || !bytes.Contains(data, []byte(word)) {
			t.Errorf("%s lacks %q after the rebuild (%v)", json, word, err)
		}
	}

	saved := time.Now()
	write(doc, strings.Replace(watchDoc, "12 new schools", "13 new schools", 1))
	n = w.waitLine(t, n+1, watchWait, "out: ", "rebuilt src/note.md → out/note.pdf")
	t.Logf("write in place: rebuilt and reported %v after the save", time.Since(saved).Round(time.Millisecond))
	hasWord("13 new schools")

	tmp := filepath.Join(src, ".note.md.tmp")
	write(tmp, strings.Replace(watchDoc, "12 new schools", "14 new schools", 1))
	saved = time.Now()
	if err := os.Rename(tmp, doc); err != nil {
		t.Fatal(err)
	}
	n = w.waitLine(t, n+1, watchWait, "out: ", "rebuilt src/note.md")
	t.Logf("rename over: rebuilt and reported %v after the save", time.Since(saved).Round(time.Millisecond))
	hasWord("14 new schools")

	write(doc, "# Only a title\n")
	n = w.waitLine(t, n+1, watchWait, "err: ", "briefbook: src/note.md", "nothing to build")
	hasWord("14 new schools") // the last good outputs stay

	write(doc, strings.Replace(watchDoc, "12 new schools", "15 new schools", 1))
	n = w.waitLine(t, n+1, watchWait, "out: ", "rebuilt src/note.md")
	hasWord("15 new schools")

	write(filepath.Join(src, "second.txt"), "Second note\n\nThe second note has one paragraph of text in it.\n")
	w.waitLine(t, n+1, watchWait, "out: ", "src/second.txt → out/second.pdf")

	if err := w.cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	select {
	case <-w.done:
	case <-time.After(watchWait):
		t.Fatal("watch did not stop on SIGINT")
	}
	if ee, ok := w.err.(*exec.ExitError); !ok || ee.ExitCode() != 130 {
		t.Errorf("exit %v, want code 130", w.err)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") && strings.HasSuffix(e.Name(), ".briefbook-tmp") {
			t.Errorf("temporary file %s left", e.Name())
		}
	}
	for _, pdf := range []string{"note.pdf", "second.pdf"} {
		data, err := os.ReadFile(filepath.Join(dir, "out", pdf))
		if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[max(0, len(data)-64):], []byte("%%EOF")) {
			t.Errorf("%s is not a complete PDF (%v)", pdf, err)
		}
	}
}

// TestWatchUsage checks that watch and serve refuse bad flags as build
// does, and document their flags.
func TestWatchUsage(t *testing.T) {
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"watch", "--format", "docx", "x.md"}, 2, "--format: unknown format"},
		{[]string{"serve", "--paper", "a5"}, 2, "--paper: unknown size"},
		{[]string{"serve", "--max-upload", "lots"}, 2, "--max-upload"},
		{[]string{"watch", "missing-folder"}, 1, "missing-folder"},
		{[]string{"serve", "--addr", "127.0.0.1:notaport", "."}, 1, "--addr 127.0.0.1:notaport"},
		// Every build flag is theirs too.
		{[]string{"watch", "-M", "colour=red", "x.md"}, 2, `unknown metadata key "colour"`},
		{[]string{"serve", "--font-dir", "no-such-fonts", "."}, 1, "no-such-fonts"},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "x.md"), []byte(watchDoc), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runTimeout(t, time.Minute, dir, nil, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d with %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	for _, cmd := range []string{"watch", "serve"} {
		r := run(t, ".", nil, cmd, "--help")
		if r.code != 0 || !strings.Contains(r.stdout, "Usage: briefbook "+cmd) {
			t.Errorf("%s --help: exit %d, %q", cmd, r.code, r.stdout)
		}
		for _, flag := range []string{"-format", "-font-dir", "-metadata", "-no-cover", "-brief", "-title"} {
			if !strings.Contains(r.stdout, flag) {
				t.Errorf("%s --help lacks %s", cmd, flag)
			}
		}
	}
}
