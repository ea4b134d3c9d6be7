package main

// End-to-end cases of issue 11 about data: outputs that are inputs,
// concurrent and interrupted builds, modes, bounded inputs, honest exit
// codes and terminal-safe messages.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// paragraphs returns a plain-text document titled title with n paragraphs,
// each carrying marker.
func paragraphs(title, marker string, n int) string {
	var b strings.Builder
	b.WriteString(title + "\n\n")
	words := []string{"state", "policy", "treaty", "border", "trade", "energy", "region", "council", "nation", "security"}
	for i := range n {
		fmt.Fprintf(&b, "Paragraph %d of %s about the %s and the %s in %d.\n\n", i, marker, words[i%len(words)], words[(i*7+3)%len(words)], 1990+i%30)
	}
	return b.String()
}

func TestDataHostileCases(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	notes := "Notes\n\nA source that happens to be named like an export.\n"
	write("notes.json", notes)
	write("a.txt", "Alpha\n\nText of alpha.\n")
	write("b.txt", "Beta\n\nText of beta.\n")
	write("style.txt", "Styled\n\nText.\n")
	write("style.json", "{}")
	write("badfont.json", `{"fonts":{"serif":"nope.ttf"}}`)
	os.MkdirAll(filepath.Join(dir, "out"), 0o755)
	os.Symlink(filepath.Join(dir, "b.txt"), filepath.Join(dir, "out", "a.json")) // a's JSON output is the input b.txt
	sparse := filepath.Join(dir, "sparse.txt")
	if f, err := os.Create(sparse); err == nil {
		f.Close()
		os.Truncate(sparse, 65<<20) // 65 MiB, no disk used
	}
	fifo := filepath.Join(dir, "fifo.txt")
	hasFIFO := runtime.GOOS != "windows" && mkfifo(fifo) == nil
	tests := []struct {
		name   string
		env    []string
		args   []string
		code   int
		stderr string
		fifo   bool
	}{
		{name: "output is the input", args: []string{"build", "-o", ".", "--format", "json", "notes.json"}, code: 1,
			stderr: "notes.json: its output notes.json is the input itself; refusing to overwrite it"},
		{name: "output is another input", args: []string{"build", "-o", "out", "--format", "json", "a.txt", "b.txt"}, code: 1,
			stderr: "b.txt: output out/a.json of a.txt is this input"},
		{name: "output is the style", args: []string{"build", "-o", ".", "--format", "json", "--style", "style.json", "style.txt"}, code: 1,
			stderr: "style.json: output style.json of style.txt is this input"},
		{name: "unknown font in style, two documents", args: []string{"build", "-o", "out2", "--style", "badfont.json", "a.txt", "b.txt"}, code: 1,
			stderr: "badfont.json: fonts.serif: font nope.ttf: cannot read: no such file or directory"},
		{name: "epoch after 9999", env: []string{"SOURCE_DATE_EPOCH=253402300800"}, args: []string{"build", "-o", "out3", "a.txt"}, code: 2,
			stderr: `SOURCE_DATE_EPOCH="253402300800": want a whole number of seconds from 0 (1970) to 253402300799`},
		{name: "negative epoch", env: []string{"SOURCE_DATE_EPOCH=-1"}, args: []string{"build", "-o", "out3", "a.txt"}, code: 2, stderr: `SOURCE_DATE_EPOCH="-1"`},
		{name: "dev zero", args: []string{"build", "-o", "out3", "/dev/zero"}, code: 1, stderr: "/dev/zero: cannot read: not a regular file (a character device)"},
		{name: "dev urandom summarize", args: []string{"summarize", "/dev/urandom"}, code: 1, stderr: "/dev/urandom: cannot read: not a regular file"},
		{name: "style dev zero", args: []string{"build", "-o", "out3", "--style", "/dev/zero", "a.txt"}, code: 1, stderr: "--style /dev/zero: cannot read: not a regular file"},
		{name: "fifo", args: []string{"build", "-o", "out3", "fifo.txt"}, code: 1, stderr: "fifo.txt: cannot read: not a regular file (a named pipe)", fifo: true},
		{name: "fifo sections", args: []string{"sections", "fifo.txt"}, code: 1, stderr: "fifo.txt: cannot read: not a regular file", fifo: true},
		{name: "sparse above the limit", args: []string{"build", "-o", "out3", "sparse.txt"}, code: 1,
			stderr: "sparse.txt: cannot read: file too large: it is 65 MiB, the limit is 64 MiB (raise it with --max-input-size)"},
		{name: "sparse under a raised limit", args: []string{"build", "-o", "out3", "--max-input-size", "100M", "sparse.txt"}, code: 1,
			stderr: "sparse.txt:1: binary data"},
		{name: "small limit", args: []string{"facts", "--max-input-size", "10", "a.txt"}, code: 1, stderr: "a.txt: cannot read: file too large: it is 22 bytes, the limit is 10 bytes"},
		{name: "bad limit", args: []string{"build", "--max-input-size", "lots", "a.txt"}, code: 2, stderr: `--max-input-size: size "lots"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.fifo && !hasFIFO {
				t.Skip("no FIFO")
			}
			r := runTimeout(t, 20*time.Second, dir, tt.env, tt.args...)
			checkExit(t, r, tt.code, tt.stderr)
		})
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "notes.json")); string(b) != notes {
		t.Errorf("notes.json was overwritten: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "style.json")); string(b) != "{}" {
		t.Errorf("style.json was overwritten: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b.txt")); string(b) != "Beta\n\nText of beta.\n" {
		t.Errorf("b.txt was overwritten through out/a.json: %q", b)
	}
	for _, d := range []string{"out2", "out3"} {
		if es, _ := os.ReadDir(filepath.Join(dir, d)); len(es) != 0 {
			t.Errorf("%s holds %d files after refused builds", d, len(es))
		}
	}
}

// TestScannedFolderFollowsSymlinks builds a folder holding a symbolic link
// to a document elsewhere, one to nothing and one to a folder.
func TestScannedFolderFollowsSymlinks(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(elsewhere, "real.md"), []byte("# Linked\n\nLinked text.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "plain.md"), []byte("# Plain\n\nPlain text.\n"), 0o644)
	os.Symlink(filepath.Join(elsewhere, "real.md"), filepath.Join(dir, "linked.md"))
	os.Symlink(filepath.Join(elsewhere, "gone.md"), filepath.Join(dir, "dangling.md"))
	os.Symlink(elsewhere, filepath.Join(dir, "folder.txt"))
	out := t.TempDir()
	r := run(t, t.TempDir(), nil, "build", "-o", out, "--format", "json", dir)
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if b, err := os.ReadFile(filepath.Join(out, "linked.json")); err != nil || !bytes.Contains(b, []byte("Linked text")) {
		t.Errorf("the linked document was not built: %v", err)
	}
	for _, w := range []string{"dangling.md: warning: symbolic link to nothing", "folder.txt: warning: symbolic link to a folder, skipped"} {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, r.stderr)
		}
	}
}

// buildRef builds src alone into a new folder and returns its outputs by
// extension.
func buildRef(t *testing.T, src string) map[string][]byte {
	t.Helper()
	out := t.TempDir()
	if r := run(t, t.TempDir(), nil, "build", "-o", out, src); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	m := map[string][]byte{}
	for _, ext := range []string{".pdf", ".epub", ".json"} {
		b, err := os.ReadFile(filepath.Join(out, "doc"+ext))
		if err != nil {
			t.Fatal(err)
		}
		m[ext] = b
	}
	return m
}

// setOf names which reference set each output of out/doc.* equals ("A",
// "B", or "?").
func setOf(out string, refs map[string]map[string][]byte) string {
	var s []string
	for _, ext := range []string{".pdf", ".epub", ".json"} {
		b, _ := os.ReadFile(filepath.Join(out, "doc"+ext))
		name := "?"
		for n, ref := range refs {
			if bytes.Equal(b, ref[ext]) {
				name = n
			}
		}
		s = append(s, name)
	}
	return strings.Join(s, "")
}

// TestConcurrentBuildsKeepSetsWhole builds two different sources with the
// same name into the same folder at the same time and checks that the three
// outputs always come from one of them. Outputs are deterministic, so each
// is compared with the output of a build alone. To make the interleaving
// certain rather than lucky, build A is stopped (SIGSTOP) while it writes
// its EPUB or JSON temporary file, build B runs meanwhile, then A goes on.
func TestConcurrentBuildsKeepSetsWhole(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGSTOP")
	}
	dir := t.TempDir()
	srcA, srcB := filepath.Join(dir, "a", "doc.txt"), filepath.Join(dir, "b", "doc.txt")
	os.MkdirAll(filepath.Dir(srcA), 0o755)
	os.MkdirAll(filepath.Dir(srcB), 0o755)
	os.WriteFile(srcA, []byte(paragraphs("Alpha briefing", "alphamarker", 2000)), 0o644)
	os.WriteFile(srcB, []byte(paragraphs("Beta briefing", "betamarker", 40)), 0o644)
	refs := map[string]map[string][]byte{"A": buildRef(t, srcA), "B": buildRef(t, srcB)}
	out := filepath.Join(dir, "out")
	for _, stopAt := range []string{".epub", ".json", ".epub"} {
		a := exec.Command(binPath, "build", "--quiet", "-o", out, srcA)
		if err := a.Start(); err != nil {
			t.Fatal(err)
		}
		prefix := ".doc" + stopAt + "." + fmt.Sprint(a.Process.Pid) + "."
		deadline := time.Now().Add(60 * time.Second)
		for !hasFile(out, prefix) && time.Now().Before(deadline) {
			time.Sleep(time.Millisecond)
		}
		stopped := a.Process.Signal(syscall.SIGSTOP) == nil
		b := exec.Command(binPath, "build", "--quiet", "-o", out, srcB)
		if err := b.Start(); err != nil {
			t.Fatal(err)
		}
		bDone := make(chan error, 1)
		go func() { bDone <- b.Wait() }()
		var bErr error
		select {
		case bErr = <-bDone: // B ran to the end while A was stopped
		case <-time.After(5 * time.Second): // B waits for A's lock
		}
		if stopped {
			a.Process.Signal(syscall.SIGCONT)
		}
		if err := a.Wait(); err != nil {
			t.Fatalf("A: %v", err)
		}
		if b.ProcessState == nil {
			bErr = <-bDone
		}
		if bErr != nil {
			t.Fatalf("B: %v", bErr)
		}
		if s := setOf(out, refs); s != "AAA" && s != "BBB" {
			t.Errorf("A stopped while writing %s: the outputs (pdf, epub, json) come from sources %s: a mixed set", stopAt, s)
		}
		if es, _ := os.ReadDir(out); len(es) != 3 {
			t.Errorf("%d files in the output folder", len(es))
		}
	}
}

// hasFile reports whether dir holds a file whose name starts with prefix.
func hasFile(dir, prefix string) bool {
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasPrefix(e.Name(), prefix) {
			return true
		}
	}
	return false
}

// TestSignalRemovesTemps interrupts a build of a large generated input
// while it writes its temporary files, with SIGINT and with SIGTERM, and
// checks the exit code (130, 143), that no temporary file remains and that
// the set is wholly the old one or wholly a new one.
func TestSignalRemovesTemps(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no signals")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.txt")
	os.WriteFile(in, []byte(paragraphs("Signal briefing", "newmarker", 2500)), 0o644)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			out := filepath.Join(dir, "out-"+fmt.Sprint(int(sig)))
			os.MkdirAll(out, 0o755)
			old := map[string][]byte{}
			for _, ext := range []string{".pdf", ".epub", ".json"} {
				old[ext] = []byte("previous " + ext)
				os.WriteFile(filepath.Join(out, "doc"+ext), old[ext], 0o644)
			}
			cmd := exec.Command(binPath, "build", "-o", out, in)
			var se bytes.Buffer
			cmd.Stderr = &se
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until a temporary file exists: the build is writing.
			deadline := time.Now().Add(60 * time.Second)
			for !hasTemp(out) && time.Now().Before(deadline) {
				time.Sleep(2 * time.Millisecond)
			}
			if !hasTemp(out) {
				cmd.Process.Kill()
				cmd.Wait()
				t.Fatal("no temporary file appeared")
			}
			cmd.Process.Signal(sig)
			cmd.Wait()
			code := cmd.ProcessState.ExitCode()
			if want := 128 + int(sig); code != want {
				t.Errorf("exit %d, want %d (stderr %q)", code, want, se.String())
			}
			es, _ := os.ReadDir(out)
			var names []string
			for _, e := range es {
				names = append(names, e.Name())
			}
			if strings.Join(names, ",") != "doc.epub,doc.json,doc.pdf" {
				t.Errorf("output folder holds %v, want the three outputs and nothing else", names)
			}
			same := 0
			for ext, want := range old {
				if b, _ := os.ReadFile(filepath.Join(out, "doc"+ext)); bytes.Equal(b, want) {
					same++
				}
			}
			if same != 0 && same != 3 {
				t.Errorf("%d of 3 outputs are old: a mixed set", same)
			}
			if same == 0 {
				if b, _ := os.ReadFile(filepath.Join(out, "doc.json")); !json.Valid(b) || !bytes.Contains(b, []byte("newmarker")) {
					t.Error("new set without a valid new JSON")
				}
			}
		})
	}
}

func hasTemp(dir string) bool {
	es, _ := os.ReadDir(dir)
	for _, e := range es {
		if strings.HasSuffix(e.Name(), ".briefbook-tmp") {
			return true
		}
	}
	return false
}

// TestOutputModes checks that new outputs follow the umask and that an
// existing output keeps its mode.
func TestOutputModes(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no umask")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "doc.txt"), []byte("Modes\n\nText.\n"), 0o644)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	os.WriteFile(filepath.Join(out, "doc.json"), []byte("old"), 0o600)
	os.Chmod(filepath.Join(out, "doc.json"), 0o640)
	cmd := exec.Command("sh", "-c", `umask 077 && exec "$0" build -o out doc.txt`, binPath)
	cmd.Dir = dir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	for name, want := range map[string]os.FileMode{"doc.pdf": 0o600, "doc.epub": 0o600, "doc.json": 0o640} {
		fi, err := os.Stat(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", name, fi.Mode().Perm(), want)
		}
	}
}

// TestDiskFull builds into a 64 KiB tmpfs (root only; skipped where mount
// is not allowed): the error names the output, not the temporary file, the
// exit code is 1 and nothing is left behind.
func TestDiskFull(t *testing.T) {
	if runtime.GOOS != "linux" || os.Getuid() != 0 {
		t.Skip("needs root on Linux to mount a small tmpfs")
	}
	mnt := t.TempDir()
	if b, err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt).CombinedOutput(); err != nil {
		t.Skipf("mount: %v %s", err, b)
	}
	t.Cleanup(func() { exec.Command("umount", mnt).Run() })
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "doc.txt"), []byte(paragraphs("Full disk", "m", 300)), 0o644)
	r := run(t, dir, nil, "build", "-o", mnt, "doc.txt")
	want := "briefbook: " + filepath.Join(mnt, "doc.pdf") + ": cannot write: no space left on device\n"
	if r.code != 1 || r.stderr != want {
		t.Errorf("exit %d, stderr %q; want 1, %q", r.code, r.stderr, want)
	}
	if es, _ := os.ReadDir(mnt); len(es) != 0 {
		t.Errorf("left %d files", len(es))
	}
}

// TestPrintedLinesAreEscaped checks that no control or bidi character of a
// file name or a document reaches the terminal through build, summarize,
// sections and facts.
func TestPrintedLinesAreEscaped(t *testing.T) {
	dir := t.TempDir()
	evil := "ev\x1b]0;owned\x07il\u202e.txt"
	if err := os.WriteFile(filepath.Join(dir, evil), []byte("Title \u202eevil\u202c here\n\nA sentence with \u202ereversed\u202c text about Astana in 2008.\n"), 0o644); err != nil {
		t.Skipf("file name not allowed here: %v", err)
	}
	os.WriteFile(filepath.Join(dir, "bad\x1b[31m.txt"), []byte("x\x00"), 0o644)
	out := t.TempDir()
	var all strings.Builder
	for _, args := range [][]string{
		{"build", "-o", out, "--format", "json", evil},
		{"build", "-o", out, "bad\x1b[31m.txt"},
		{"summarize", evil}, {"sections", evil}, {"facts", evil}, {"facts", "--json", evil},
		{"build", "--\x1b[2J"}, {"sum\x1bmarize"},
	} {
		r := run(t, dir, nil, args...)
		all.WriteString(r.stdout + r.stderr)
	}
	s := all.String()
	for _, bad := range []string{"\x1b", "\x07", "\u202e", "\u202c"} {
		if strings.Contains(s, bad) {
			t.Errorf("output holds %q:\n%s", bad, s)
		}
	}
	for _, want := range []string{`ev\x1b]0;owned\x07il\u202e.txt`, `bad\x1b[31m.txt:1: binary data`} {
		if !strings.Contains(s, want) {
			t.Errorf("output lacks %q:\n%s", want, s)
		}
	}
}
