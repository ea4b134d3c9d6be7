package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite golden files")

const seedName = "main-vectors-of-kazakhstan-foreign-policy"

var seed = filepath.Join("..", "..", "source", seedName+".txt")

// shared is the project's read-only shared folder (validators, corpus); it
// is absent on a plain machine with Go alone.
var shared = filepath.Join("..", "..", "..", "shared")

var binPath string

func TestMain(m *testing.M) {
	flag.Parse()
	dir, err := os.MkdirTemp("", "briefbook-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binPath = filepath.Join(dir, "briefbook")
	out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
	if err != nil {
		fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	code           int
	stdout, stderr string
}

// run runs the built binary in dir with extra environment variables (see
// runTimeout; no test should come near its limit).
func run(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	return runTimeout(t, 5*time.Minute, dir, env, args...)
}

// runTimeout is run with a deadline, for inputs that used to hang.
func runTimeout(t *testing.T, d time.Duration, dir string, env []string, args ...string) result {
	t.Helper()
	return runWith(t, d, dir, env, nil, args...)
}

// runWith runs the built binary in dir with a deadline and stdin as its
// standard input (nil: none).
func runWith(t *testing.T, d time.Duration, dir string, env []string, stdin io.Reader, args ...string) result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), d)
	defer cancel()
	cmd := exec.CommandContext(ctx, binPath, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = stdin
	var so, se bytes.Buffer
	cmd.Stdout, cmd.Stderr = &so, &se
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("briefbook %v still running after %v", args, d)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return result{code, so.String(), se.String()}
}

func abs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestBuildSeedDeterministic(t *testing.T) {
	src := abs(t, seed)
	outA, outB := t.TempDir(), filepath.Join(t.TempDir(), "nested", "out")
	ra := run(t, t.TempDir(), []string{"TZ=UTC", "GOMAXPROCS=1", "SOURCE_DATE_EPOCH="}, "build", "-o", outA, src)
	rb := run(t, t.TempDir(), []string{"TZ=Asia/Almaty", "GOMAXPROCS=" + fmt.Sprint(max(2, runtime.NumCPU())), "SOURCE_DATE_EPOCH="}, "build", "-o", outB, src)
	for _, r := range []result{ra, rb} {
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
	}
	for _, ext := range []string{".pdf", ".epub", ".json"} {
		a, err := os.ReadFile(filepath.Join(outA, seedName+ext))
		if err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(filepath.Join(outB, seedName+ext))
		if err != nil {
			t.Fatal(err)
		}
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("%s: builds differ (%d vs %d bytes)", ext, len(a), len(b))
		}
	}
	// SOURCE_DATE_EPOCH changes the dates, and only through the environment.
	outC := t.TempDir()
	if r := run(t, t.TempDir(), []string{"SOURCE_DATE_EPOCH=1700000000"}, "build", "-o", outC, "--format", "pdf", src); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	a, _ := os.ReadFile(filepath.Join(outA, seedName+".pdf"))
	c, _ := os.ReadFile(filepath.Join(outC, seedName+".pdf"))
	if bytes.Equal(a, c) {
		t.Error("SOURCE_DATE_EPOCH did not change the PDF")
	}
	if !bytes.Contains(c, []byte("D:20231114")) {
		t.Error("PDF does not carry the SOURCE_DATE_EPOCH date 2023-11-14")
	}
	// Only the requested format is written; no temporary files are left.
	entries, _ := os.ReadDir(outC)
	if len(entries) != 1 || entries[0].Name() != seedName+".pdf" {
		t.Errorf("output folder holds %v", entries)
	}
}

func TestSeedJSONGolden(t *testing.T) {
	out := t.TempDir()
	if r := run(t, t.TempDir(), []string{"SOURCE_DATE_EPOCH="}, "build", "-o", out, "--format", "json", abs(t, seed)); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	got, err := os.ReadFile(filepath.Join(out, seedName+".json"))
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", seedName+".json")
	if *update {
		os.WriteFile(golden, got, 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("seed JSON differs from %s (go test ./cmd/briefbook -update to accept)", golden)
	}
}

func TestExitCodesAndErrors(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bin.txt"), []byte("line one\nline two\x00\x01"), 0o644)
	os.WriteFile(filepath.Join(dir, "cp1251.txt"), []byte("Title\n\n\xCA\xE0\xE7\xE0\xF5\xF1\xF2\xE0\xED"), 0o644)
	os.WriteFile(filepath.Join(dir, "ok.md"), []byte("# T\n\nText.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "blocker"), []byte("a file, not a folder"), 0o644)
	os.WriteFile(filepath.Join(dir, "bad-style.json"), []byte(`{"page":{"margin_left":"x"}}`), 0o644)
	os.WriteFile(filepath.Join(dir, "Ok.txt"), []byte("Other\n\nText.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "page.html"), []byte("<p>Hello <b>there</b>.</p>\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "README"), []byte("# Readme\n\nSee [docs](https://x.example).\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "LETTER"), []byte("Dear friend,\n\nplain words only.\n"), 0o644)
	tests := []struct {
		name     string
		args     []string
		code     int
		inStderr string
	}{
		{"no args", nil, 2, "Usage:"},
		{"unknown command", []string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{"bad flag", []string{"build", "--nope"}, 2, "build: unknown flag --nope"},
		{"bad format", []string{"build", "--format", "docx", "ok.md"}, 2, `unknown format "docx"`},
		{"bad paper", []string{"build", "--paper", "a3", "ok.md"}, 2, "--paper"},
		{"missing file", []string{"build", "-o", "out", "missing.txt"}, 1, "missing.txt: no such file or directory"},
		{"binary", []string{"build", "-o", "out", "bin.txt"}, 1, "bin.txt:2: binary data"},
		{"forced encoding", []string{"build", "-o", "out", "--encoding", "utf-8", "cp1251.txt"}, 1, "cp1251.txt:3: not valid UTF-8"},
		{"unknown encoding", []string{"build", "--encoding", "ebcdic", "ok.md"}, 2, `unknown encoding "ebcdic"`},
		{"output folder blocked", []string{"build", "-o", "blocker/out", "ok.md"}, 1, "blocker/out: cannot create output folder"},
		{"bad style", []string{"build", "-o", "out", "--format", "json", "--style", "bad-style.json", "ok.md"}, 1, "bad-style.json: "},
		{"missing style", []string{"build", "-o", "out", "--style", "nope.json", "ok.md"}, 1, "--style nope.json: cannot read: no such file or directory"},
		{"names collide ignoring case", []string{"build", "-o", "out", "ok.md", "Ok.txt"}, 1, "Ok.txt: its outputs would overwrite those of ok.md"},
		{"summarize bad encoding", []string{"summarize", "--encoding", "ebcdic", "ok.md"}, 2, `unknown encoding "ebcdic"`},
		{"unknown extension", []string{"build", "-o", "out", "page.html"}, 1, `page.html: unknown file type ".html": choose a reader with --from txt or --from md`},
		{"no extension, markup", []string{"build", "-o", "out", "README"}, 1, "README: no file extension and the text holds markup: choose a reader with --from txt or --from md"},
		{"no extension, plain text", []string{"build", "-o", "out", "LETTER"}, 0, ""},
		{"from md", []string{"build", "-o", "out", "--from", "md", "page.html", "README"}, 0, ""},
		{"from txt", []string{"build", "-o", "out2", "--from", "txt", "page.html"}, 1, `page.html: nothing to build: the file holds a title ("<p>Hello <b>there</b>.</p>")`},
		{"bad from", []string{"build", "--from", "rtf", "ok.md"}, 2, `--from: unknown reader "rtf" (known: txt, md)`},
		{"summarize from", []string{"summarize", "--from", "md", "page.html"}, 0, ""},
		{"help", []string{"help"}, 0, ""},
		{"build help", []string{"build", "--help"}, 0, ""},
		{"summarize needs a file", []string{"summarize"}, 2, "exactly one FILE"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, dir, nil, tt.args...)
			checkExit(t, r, tt.code, tt.inStderr)
		})
	}
}

func TestBatchKeepsGoing(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.md"), []byte("# Alpha\n\n## One\n\nText of one.\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "b.txt"), []byte("bad\x00"), 0o644)
	os.WriteFile(filepath.Join(dir, "c.txt"), []byte("Gamma\n\nA paragraph about Қазақстан.\n"), 0o644)
	out := t.TempDir()
	r := run(t, dir, nil, "build", "-o", out, "--format", "json", ".")
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	for _, n := range []string{"a.json", "c.json"} {
		if _, err := os.Stat(filepath.Join(out, n)); err != nil {
			t.Errorf("%s not built: %v", n, err)
		}
	}
	if !strings.Contains(r.stderr, "built 2 of 3 documents, 1 failed") {
		t.Errorf("stderr: %s", r.stderr)
	}
}

func TestInspectionCommands(t *testing.T) {
	src := abs(t, seed)
	r := run(t, t.TempDir(), nil, "summarize", src)
	if r.code != 0 || strings.TrimSpace(r.stdout) == "" {
		t.Errorf("summarize: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, t.TempDir(), nil, "summarize", "-n", "2", src)
	if n := strings.Count(strings.TrimSpace(r.stdout), "\n") + 1; r.code != 0 || n != 2 {
		t.Errorf("summarize -n 2: exit %d, %d lines: %q", r.code, n, r.stdout)
	}
	r = run(t, t.TempDir(), nil, "sections", src)
	if r.code != 0 || !strings.Contains(r.stdout, "¶1") {
		t.Errorf("sections: exit %d, stdout %q", r.code, r.stdout)
	}
	r = run(t, t.TempDir(), nil, "facts", "--json", src)
	if r.code != 0 || !strings.Contains(r.stdout, `"figures"`) {
		t.Errorf("facts --json: exit %d, stdout %q", r.code, r.stdout)
	}
}

// TestValidators runs the real validators on the seed's outputs when the
// shared tools and the external programs are installed (CI installs them).
func TestValidators(t *testing.T) {
	checker := filepath.Join(shared, "tools", "check-outputs")
	if _, err := os.Stat(checker); err != nil {
		t.Skip("no ../shared/tools/check-outputs")
	}
	for _, tool := range []string{"qpdf", "pdftotext", "pdffonts", "mutool", "java", "python3"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not installed (run ../shared/tools/install-validators)", tool)
		}
	}
	out := t.TempDir()
	src := abs(t, seed)
	if r := run(t, t.TempDir(), nil, "build", "-o", out, src); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	args := []string{checker, "--pdf", filepath.Join(out, seedName+".pdf"), "--epub", filepath.Join(out, seedName+".epub"), "--text", src, "--min-recall", "0.99"}
	cmd := exec.Command("bash", args...)
	b, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok && ee.ExitCode() == 3 {
		t.Skipf("check-outputs is missing a tool:\n%s", b)
	}
	if err != nil {
		t.Fatalf("check-outputs failed: %v\n%s", err, b)
	}
	t.Logf("%s", b)
}

// checkExit checks a run's exit code, that its standard error holds want,
// and that an input error (exit 1) is one line.
func checkExit(t *testing.T, r result, code int, want string) {
	t.Helper()
	if r.code != code {
		t.Errorf("exit %d, want %d; stderr: %s", r.code, code, r.stderr)
	}
	if !strings.Contains(r.stderr, want) {
		t.Errorf("stderr %q lacks %q", r.stderr, want)
	}
	if code == 1 && strings.Count(strings.TrimSpace(r.stderr), "\n") != 0 {
		t.Errorf("error is not one line: %q", r.stderr)
	}
}

// TestHelpAndFlagErrors: a command's help is asked-for output (stdout,
// exit 0); a misspelled flag is one error line and one hint on stderr, not
// the usage twice.
func TestHelpAndFlagErrors(t *testing.T) {
	dir := t.TempDir()
	r := run(t, dir, nil, "build", "--help")
	if r.code != 0 || !strings.Contains(r.stdout, "Usage: briefbook build") || r.stderr != "" {
		t.Errorf("build --help: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, nil, "build", "--nosuch", "x.md")
	lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
	if r.code != 2 || len(lines) != 2 || !strings.Contains(lines[0], "build: unknown flag --nosuch") || r.stdout != "" {
		t.Errorf("misspelled flag: exit %d, stderr %q, stdout %q", r.code, r.stderr, r.stdout)
	}
}

func TestVersion(t *testing.T) {
	dir := t.TempDir()
	for _, arg := range []string{"version", "--version"} {
		r := run(t, dir, nil, arg)
		if r.code != 0 || !strings.HasPrefix(r.stdout, "briefbook ") || !strings.Contains(r.stdout, "go1.") || r.stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", arg, r.code, r.stdout, r.stderr)
		}
	}
}

// TestBareFileBuilds: "briefbook report.md" builds, as pandoc users type
// it; a mistyped command is still refused.
func TestBareFileBuilds(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "memo.md"), []byte("# Memo\n\nThe council met on 3 March 2024 and agreed a budget of 40 million euros.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, nil, "memo.md")
	if r.code != 0 {
		t.Fatalf("briefbook memo.md: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "memo.pdf")); err != nil {
		t.Errorf("no output/memo.pdf: %v (stdout %q)", err, r.stdout)
	}
	if r = run(t, dir, nil, "biuld"); r.code != 2 || !strings.Contains(r.stderr, `unknown command "biuld"`) {
		t.Errorf("briefbook biuld: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestFlagsAfterPaths: flags may follow the file, as in most tools.
func TestFlagsAfterPaths(t *testing.T) {
	dir := t.TempDir()
	text := "# Memo\n\nThe council met on 3 March 2024. It agreed a budget of 40 million euros. " +
		"It will meet again in May. The mayor said the plan was sound. Residents welcomed it.\n"
	if err := os.WriteFile(filepath.Join(dir, "memo.md"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, nil, "summarize", "memo.md", "-n", "2")
	if r.code != 0 || len(strings.Split(strings.TrimSpace(r.stdout), "\n")) != 2 {
		t.Errorf("summarize memo.md -n 2: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	r = run(t, dir, nil, "build", "memo.md", "-o", "elsewhere", "--format", "json")
	if _, err := os.Stat(filepath.Join(dir, "elsewhere", "memo.json")); r.code != 0 || err != nil {
		t.Errorf("build memo.md -o elsewhere: exit %d, stderr %q, %v", r.code, r.stderr, err)
	}
	if r = run(t, dir, nil, "summarize", "--", "-n"); r.code == 0 || !strings.Contains(r.stderr, "-n") {
		t.Errorf("after --, -n is a file name: exit %d, stderr %q", r.code, r.stderr)
	}
}
