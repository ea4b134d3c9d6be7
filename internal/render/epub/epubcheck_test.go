package epub

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const epubcheckJar = "/usr/share/java/epubcheck.jar"

// TestEpubcheck runs epubcheck on the fixture book (with a page-list) and requires no
// errors and no warnings. It is skipped when java or epubcheck is absent.
func TestEpubcheck(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java not installed")
	}
	if _, err := os.Stat(epubcheckJar); err != nil {
		t.Skip("epubcheck not installed")
	}
	in := pagedInput()
	in.Options.EPUBFonts = testing.Short() == false && os.Getenv("EPUB_FONTS") != ""
	var buf bytes.Buffer
	if err := Render(&buf, in); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "fixture.epub")
	if dir := os.Getenv("EPUB_KEEP"); dir != "" {
		file = filepath.Join(dir, "fixture.epub")
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(java, "-jar", epubcheckJar, file).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No errors or warnings detected") {
		t.Fatalf("epubcheck: %v\n%s", err, out)
	}
}
