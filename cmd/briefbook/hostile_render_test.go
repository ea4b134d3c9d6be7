package main

import (
	"archive/zip"
	"context"
	"fmt"
	"github.com/briefbook/briefbook/internal/textgen"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// renderBody is about 40 pages of body text.
func renderBody() string {
	var b strings.Builder
	for i := range 330 {
		fmt.Fprintf(&b, "Paragraph %d: %s.\n\n", i+1, textgen.Words(380, uint64(i), textgen.Lower))
	}
	return b.String()
}

// TestHostileRenderBounds builds the inputs of issue 11, section 4, that
// made the renderers slow or large: each must build within the issue's
// 10 s with outputs of bounded size. Before the fix the heading took 25 s,
// the title 16 s (180 s here), the marking gave a 96 MB PDF, the subtitle
// 30 s, and 48 000 sections 26 s in 48 000 XHTML files (10 000 here, in
// as many files).
func TestHostileRenderBounds(t *testing.T) {
	body := renderBody()
	fm := func(key, val string) string {
		return "---\ntitle: Report\n" + key + ": " + val + "\n---\n\n## Intro\n\n" + body
	}
	tests := []struct {
		name    string
		data    func() string
		maxPDF  int // bytes
		maxXHTM int // XHTML files in the EPUB
		large   bool
	}{
		{"heading6000.md", func() string { return "# Report\n\n## " + textgen.Words(6000, 1, textgen.Lower) + "\n\n" + body }, 2 << 20, 20, false},
		{"title20000.md", func() string { return "# " + textgen.Words(20000, 2, textgen.Lower) + "\n\n## Intro\n\n" + body }, 2 << 20, 20, false},
		{"marking300k.md", func() string { return fm("marking", strings.ToUpper(textgen.Words(300_000, 3, textgen.Lower))) }, 2 << 20, 20, false},
		{"subtitle500k.md", func() string { return fm("subtitle", textgen.Words(500_000, 4, textgen.Lower)) }, 2 << 20, 20, false},
		{"author300k.md", func() string { return fm("author", textgen.Words(300_000, 5, textgen.Lower)) }, 3 << 20, 20, false},
		{"sections10k.md", func() string {
			var b strings.Builder
			b.WriteString("# Many\n\n")
			for i := range 10_000 {
				fmt.Fprintf(&b, "## S%d\n\nWord %d here.\n\n", i, i)
			}
			return b.String()
		}, 16 << 20, 200, true},
	}
	dir := t.TempDir()
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if tc.large && testing.Short() {
				t.Skip("large input in -short mode")
			}
			in := filepath.Join(dir, tc.name)
			if err := os.WriteFile(in, []byte(tc.data()), 0o644); err != nil {
				t.Fatal(err)
			}
			// The bound is on CPU time, up to 3 tries; a build past 120 s
			// of the clock is a hang and fails at once.
			var out string
			for try := 1; ; try++ {
				out = filepath.Join(t.TempDir(), "out")
				took := build(t, in, out, 120*time.Second)
				t.Logf("%s: %v", tc.name, took.Round(time.Millisecond))
				if took <= 10*time.Second {
					break
				}
				if try == 3 {
					t.Errorf("took %v of CPU, want ≤ 10 s", took.Round(time.Millisecond))
					break
				}
			}
			stem := strings.TrimSuffix(tc.name, ".md")
			checkOutputs(t, out, stem, hostileCase{})
			if fi, err := os.Stat(filepath.Join(out, stem+".pdf")); err != nil || fi.Size() > int64(tc.maxPDF) {
				t.Errorf("PDF: %v, %d KB (want ≤ %d KB)", err, fi.Size()>>10, tc.maxPDF>>10)
			}
			zr, err := zip.OpenReader(filepath.Join(out, stem+".epub"))
			if err != nil {
				t.Fatal(err)
			}
			defer zr.Close()
			n := 0
			for _, f := range zr.File {
				if strings.HasSuffix(f.Name, ".xhtml") {
					n++
				}
			}
			if n > tc.maxXHTM {
				t.Errorf("EPUB has %d XHTML files, want ≤ %d", n, tc.maxXHTM)
			}
		})
	}
}

// build runs "briefbook build" on in, failing the test on an error or when
// it runs past limit (wall-clock time, which catches a hang), and returns
// the CPU time the build used: the clock would measure the machine's load
// as much as the build.
func build(t *testing.T, in, out string, limit time.Duration) time.Duration {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	start := time.Now()
	cmd := exec.CommandContext(ctx, binPath, "build", "--quiet", "-o", out, in)
	msg, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("still building after %v", time.Since(start).Round(time.Second))
	}
	if err != nil {
		t.Fatalf("%v\n%s", err, msg)
	}
	return cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
}
