package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// memo78 is a memo of 78 words: its PDF is four pages with the front
// matter, one with --brief.
const memo78 = `Subject: Staff canteen hours
From: Facilities team
Date: 12 March 2024

From Monday 18 March the staff canteen will open at 08:00 instead of 08:30 and close at 15:00. The change follows the survey in February, in which 212 of 340 staff asked for an earlier breakfast. Hot meals stay available from 12:00 to 14:00. The coffee bar on the second floor keeps its hours. Please send comments to the facilities team by the end of the month.
`

// runStdin runs the built binary in dir with stdin as its standard input.
func runStdin(t *testing.T, dir string, env []string, stdin []byte, args ...string) result {
	t.Helper()
	return runWith(t, 5*time.Minute, dir, env, bytes.NewReader(stdin), args...)
}

// writeFiles writes name → content into dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// names lists the entries of dir, sorted.
func names(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// pageObject matches a page object of a PDF (not the /Pages tree); fpdf
// writes no object streams, so every page object is in plain sight.
var pageObject = regexp.MustCompile(`/Type\s*/Page\b`)

// pdfPages counts the pages of a PDF.
func pdfPages(b []byte) int { return len(pageObject.FindAll(b, -1)) }

// TestStdinBuild: 'cat report.md | briefbook build - -o out.pdf' writes
// that one file; '-' builds into a folder as stdin.*; the same input gives
// the same bytes whatever the folder, clock zone and CPU count.
func TestStdinBuild(t *testing.T) {
	dir := t.TempDir()
	md := "# Pipe memo\n\nThe board met on 4 June 2024 and approved a budget of 2 million euros. It meets again in July.\n"
	r := runStdin(t, dir, nil, []byte(md), "build", "-", "-o", "out.pdf")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if got := names(t, dir); !slices.Equal(got, []string{"out.pdf"}) {
		t.Errorf("folder holds %v, want only out.pdf", got)
	}
	if r.stdout != "stdin → out.pdf\n" {
		t.Errorf("stdout %q", r.stdout)
	}
	first := readFile(t, filepath.Join(dir, "out.pdf"))
	if !bytes.HasPrefix(first, []byte("%PDF-")) {
		t.Fatal("out.pdf is not a PDF")
	}
	// Read as Markdown (sniffed): the # heading is the title.
	r = runStdin(t, t.TempDir(), nil, []byte(md), "build", "-", "-o", "-", "--format", "json")
	var x struct {
		Meta struct{ Title, Source string }
	}
	if err := json.Unmarshal([]byte(r.stdout), &x); r.code != 0 || err != nil || x.Meta.Title != "Pipe memo" {
		t.Errorf("stdin JSON: exit %d, %v, meta %+v, stderr %s", r.code, err, x.Meta, r.stderr)
	}
	other := t.TempDir()
	r = runStdin(t, other, []string{"TZ=Asia/Almaty", "GOMAXPROCS=1"}, []byte(md), "-", "-o", "deep/out")
	if r.code != 0 {
		t.Fatalf("briefbook -: exit %d: %s", r.code, r.stderr)
	}
	if got := names(t, filepath.Join(other, "deep", "out")); !slices.Equal(got, []string{"stdin.epub", "stdin.json", "stdin.pdf"}) {
		t.Errorf("folder holds %v", got)
	}
	if !bytes.Equal(first, readFile(t, filepath.Join(other, "deep", "out", "stdin.pdf"))) {
		t.Error("two builds of the same standard input differ")
	}
	if r := runStdin(t, dir, nil, []byte(md), "build", "-", "ok.md"); r.code != 2 || !strings.Contains(r.stderr, "must be the only input") {
		t.Errorf("- with another input: exit %d, stderr %q", r.code, r.stderr)
	}
	if r := runStdin(t, dir, nil, nil, "build", "-", "-o", "empty.pdf"); r.code != 1 || !strings.Contains(r.stderr, "stdin: nothing to build") {
		t.Errorf("empty standard input: exit %d, stderr %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "empty.pdf")); err == nil {
		t.Error("empty.pdf written for an empty input")
	}
}

// TestStdoutOutput: '-o - --format F' writes the bytes the file build
// writes, creates no file, and writes nothing when the build fails.
func TestStdoutOutput(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"memo.txt": memo78, "bad.txt": "x\x00y"})
	if r := run(t, dir, nil, "build", "memo.txt", "-o", "files", "--format", "pdf,json"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, f := range []string{"json", "pdf"} {
		r := run(t, dir, nil, "build", "memo.txt", "-o", "-", "--format", f)
		if r.code != 0 {
			t.Fatalf("-o - --format %s: exit %d: %s", f, r.code, r.stderr)
		}
		if want := readFile(t, filepath.Join(dir, "files", "memo."+f)); r.stdout != string(want) {
			t.Errorf("-o - --format %s: %d bytes on stdout, the file has %d", f, len(r.stdout), len(want))
		}
	}
	if got := names(t, dir); !slices.Equal(got, []string{"bad.txt", "files", "memo.txt"}) {
		t.Errorf("folder holds %v after writing to stdout", got)
	}
	r := run(t, dir, nil, "build", "bad.txt", "-o", "-", "--format", "pdf")
	if r.code != 1 || r.stdout != "" {
		t.Errorf("failed build to stdout: exit %d, %d bytes on stdout", r.code, len(r.stdout))
	}
	checkExit(t, r, 1, "bad.txt:1: binary data")
	for _, args := range [][]string{
		{"build", "memo.txt", "-o", "-"},
		{"build", "memo.txt", "-o", "-", "--format", "pdf,json"},
	} {
		if r := run(t, dir, nil, args...); r.code != 2 || !strings.Contains(r.stderr, "standard output takes one format") || r.stdout != "" {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
	}
}

// TestOutputFile: '-o NAME.pdf' writes exactly that file, its format
// taken from the extension; a folder of that name stays a folder.
func TestOutputFile(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"memo.txt": memo78, "other.md": "# Other\n\nText of the other memo.\n"})
	for _, name := range []string{"final report.pdf", "book.EPUB", "data.json"} {
		out := t.TempDir()
		r := run(t, dir, nil, "build", "memo.txt", "-o", filepath.Join(out, name))
		if r.code != 0 {
			t.Fatalf("-o %s: exit %d: %s", name, r.code, r.stderr)
		}
		if got := names(t, out); !slices.Equal(got, []string{name}) {
			t.Errorf("-o %s: folder holds %v", name, got)
		}
	}
	out := t.TempDir()
	r := run(t, dir, nil, "build", "memo.txt", "-o", filepath.Join(out, "x.json"), "--format", "json")
	if r.code != 0 {
		t.Errorf("-o x.json --format json: exit %d: %s", r.code, r.stderr)
	}
	// An existing folder called x.pdf receives the three outputs.
	folder := filepath.Join(out, "x.pdf")
	os.Mkdir(folder, 0o755)
	if r := run(t, dir, nil, "build", "memo.txt", "-o", folder); r.code != 0 || len(names(t, folder)) != 3 {
		t.Errorf("-o existing folder x.pdf: exit %d, holds %v, stderr %s", r.code, names(t, folder), r.stderr)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"build", "memo.txt", "-o", "x.pdf", "--format", "epub"}, "-o x.pdf writes one pdf file, but --format asks for epub"},
		{[]string{"build", "memo.txt", "-o", "x.pdf", "--format", "pdf,json"}, "--format asks for pdf,json"},
		{[]string{"build", "memo.txt", "other.md", "-o", "x.pdf"}, "-o x.pdf writes one file, but there are 2 inputs"},
	}
	for _, tc := range tests {
		r := run(t, dir, nil, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.pdf")); err == nil {
		t.Error("x.pdf written by a refused command")
	}
}

// TestMetadataFlags: -M and its shortcuts set the metadata of a plain
// text, which has no front matter, and replace a Markdown file's.
func TestMetadataFlags(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"notes.txt": "The committee met on 4 March 2024 and agreed the budget of 12 million tenge.\n\nThe next meeting is in June.\n",
		"front.md":  "---\ntitle: Front title\nauthor: Front Author\nmarking: SECRET\n---\n\nThe body of the note, about the budget for 2025.\n",
	})
	type meta struct {
		Title, Subtitle, Author, Date, Language, Marking string
		Keywords                                         []string
	}
	jsonMeta := func(args ...string) meta {
		t.Helper()
		r := run(t, dir, []string{"SOURCE_DATE_EPOCH="}, append([]string{"build", "-o", "-", "--format", "json"}, args...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		var x struct{ Meta meta }
		if err := json.Unmarshal([]byte(r.stdout), &x); err != nil {
			t.Fatal(err)
		}
		return x.Meta
	}
	got := jsonMeta("notes.txt", "-M", "title=Budget note", "--author", "A. Writer", "--date", "5 March 2024",
		"-M", "keywords=budget, tenge", "--metadata", "lang=en-GB", "--marking", "OFFICIAL", "-M", "subtitle=For the board")
	want := meta{Title: "Budget note", Subtitle: "For the board", Author: "A. Writer", Date: "2024-03-05", Language: "en",
		Marking: "OFFICIAL", Keywords: []string{"budget", "tenge"}}
	if !equalMeta(got, want) {
		t.Errorf("notes.txt: meta %+v, want %+v", got, want)
	}
	got = jsonMeta("front.md", "--title", "Flag title", "-M", "marking=")
	if got.Title != "Flag title" || got.Author != "Front Author" || got.Marking != "" {
		t.Errorf("front.md: meta %+v", got)
	}
	// The title reaches the PDF: its cover, running header and metadata.
	out := t.TempDir()
	if r := run(t, dir, nil, "build", "notes.txt", "-M", "title=Budget note for Q1", "-o", filepath.Join(out, "n.pdf")); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command("pdftotext", "-enc", "UTF-8", filepath.Join(out, "n.pdf"), "-").Output()
		if err != nil || !strings.Contains(string(text), "Budget note for Q1") {
			t.Errorf("pdftotext lacks the title (%v):\n%s", err, text)
		}
	}
	// The date set is the document's own: it dates the build unless
	// SOURCE_DATE_EPOCH is set.
	r := run(t, dir, []string{"SOURCE_DATE_EPOCH="}, "build", "notes.txt", "--date", "2021-06-07", "-o", "-", "--format", "pdf")
	if !strings.Contains(r.stdout, "D:20210607") {
		t.Errorf("PDF not dated 2021-06-07 (exit %d, %s)", r.code, r.stderr)
	}
	r = run(t, dir, []string{"SOURCE_DATE_EPOCH=1700000000"}, "build", "notes.txt", "--date", "2021-06-07", "-o", "-", "--format", "pdf")
	if !strings.Contains(r.stdout, "D:20231114") {
		t.Errorf("SOURCE_DATE_EPOCH does not win over --date (exit %d, %s)", r.code, r.stderr)
	}
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"build", "notes.txt", "-M", "colour=red"}, `unknown metadata key "colour" (known: title, subtitle, author, date, language, marking, keywords)`},
		{[]string{"build", "notes.txt", "--date", "tomorrow"}, `date "tomorrow" not understood (use YYYY, YYYY-MM or YYYY-MM-DD)`},
		{[]string{"build", "notes.txt", "-M", "lang=English please"}, "is not a language tag"},
		{[]string{"summarize", "notes.txt", "-M", "nope=1"}, `unknown metadata key "nope"`},
	}
	for _, tc := range tests {
		r := run(t, dir, nil, tc.args...)
		lines := strings.Split(strings.TrimSpace(r.stderr), "\n")
		if r.code != 2 || !strings.Contains(lines[0], tc.want) || len(lines) != 2 {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

func equalMeta[M any](a, b M) bool {
	x, _ := json.Marshal(a)
	y, _ := json.Marshal(b)
	return bytes.Equal(x, y)
}

// TestBatchMissingPath: a missing path among several is one line naming
// it; the others are built; the exit code is 1.
func TestBatchMissingPath(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"a.md": "# Alpha\n\nText of alpha.\n", "c.txt": "Gamma\n\nText of gamma.\n"})
	out := t.TempDir()
	r := run(t, dir, nil, "build", "-o", out, "--format", "json", "a.md", "missing.txt", "c.txt")
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if got := names(t, out); !slices.Equal(got, []string{"a.json", "c.json"}) {
		t.Errorf("built %v", got)
	}
	var missing []string
	for _, l := range strings.Split(r.stderr, "\n") {
		if strings.Contains(l, "missing.txt") {
			missing = append(missing, l)
		}
	}
	if len(missing) != 1 || missing[0] != "briefbook: missing.txt: no such file or directory" {
		t.Errorf("lines about missing.txt: %q", missing)
	}
	if !strings.Contains(r.stderr, "built 2 of 3 documents, 1 failed") {
		t.Errorf("no summary: %q", r.stderr)
	}
	// Nothing to build at all: one line per path, exit 1.
	r = run(t, dir, nil, "build", "-o", out, "nope1.txt", "nope2.md")
	if r.code != 1 || strings.Count(r.stderr, "\n") != 2 || !strings.Contains(r.stderr, "nope2.md: no such file") {
		t.Errorf("all missing: exit %d, stderr %q", r.code, r.stderr)
	}
}

// TestOmitFrontPages: --no-cover, --no-summary, --no-facts and --brief
// leave pages out; a memo of 78 words becomes one page with --brief, and
// its EPUB stays valid.
func TestOmitFrontPages(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"memo.txt": memo78})
	pages := func(flags ...string) int {
		t.Helper()
		r := run(t, dir, nil, append([]string{"build", "memo.txt", "-o", "-", "--format", "pdf"}, flags...)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", flags, r.code, r.stderr)
		}
		return pdfPages([]byte(r.stdout))
	}
	full := pages()
	if full != 4 {
		t.Errorf("full briefing: %d pages, want 4 (cover, summary, key facts, body)", full)
	}
	for _, tc := range []struct {
		flags []string
		want  int
	}{
		{[]string{"--no-cover"}, full - 1},
		{[]string{"--no-summary"}, full - 1},
		{[]string{"--no-facts"}, full - 1},
		{[]string{"--no-cover", "--no-facts"}, full - 2},
		{[]string{"--brief"}, 1},
		{[]string{"--no-cover", "--no-summary", "--no-facts"}, 1},
	} {
		if got := pages(tc.flags...); got != tc.want {
			t.Errorf("%v: %d pages, want %d", tc.flags, got, tc.want)
		}
	}
	if _, err := exec.LookPath("pdfinfo"); err == nil {
		out := filepath.Join(t.TempDir(), "brief.pdf")
		run(t, dir, nil, "build", "memo.txt", "--brief", "-o", out)
		info, _ := exec.Command("pdfinfo", out).Output()
		if !regexp.MustCompile(`(?m)^Pages:\s+1$`).Match(info) {
			t.Errorf("pdfinfo of the --brief PDF:\n%s", info)
		}
	}
	out := t.TempDir()
	if r := run(t, dir, nil, "build", "memo.txt", "--brief", "-o", out, "--format", "epub"); r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	epub := filepath.Join(out, "memo.epub")
	unzip, err := exec.Command("unzip", "-l", epub).Output()
	if err == nil && (bytes.Contains(unzip, []byte("cover")) || bytes.Contains(unzip, []byte("summary.xhtml")) || bytes.Contains(unzip, []byte("facts.xhtml"))) {
		t.Errorf("the --brief EPUB holds front-matter chapters:\n%s", unzip)
	}
	const jar = "/usr/share/java/epubcheck.jar"
	if _, err := os.Stat(jar); err == nil {
		if b, err := exec.Command("java", "-jar", jar, epub).CombinedOutput(); err != nil || !bytes.Contains(b, []byte("No errors or warnings detected")) {
			t.Errorf("epubcheck of the --brief EPUB: %v\n%s", err, b)
		}
	}
}

// TestUnknownFlagHint: a misspelt flag gets a hint in its one error line.
func TestUnknownFlagHint(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "x.md", "--titel", "X"}, "build: unknown flag --titel (did you mean --title?)"},
		{[]string{"build", "--no-cvoer", "x.md"}, "unknown flag --no-cvoer (did you mean --no-cover?)"},
		{[]string{"summarize", "--formt", "x.md"}, "unknown flag --formt (did you mean --from?)"},
		{[]string{"facts", "--qqqq", "x.md"}, "unknown flag --qqqq\n"},
	} {
		r := run(t, dir, nil, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) || strings.Count(r.stderr, "\n") != 2 {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}
