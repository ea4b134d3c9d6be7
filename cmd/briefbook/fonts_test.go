package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// System fonts the font tests use when present (Debian packages
// fonts-droid-fallback and fonts-noto-core); tests that need them skip.
const (
	droidCJK  = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	notoNaskh = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"
)

const chinese = "中华人民共和国是一个国家"

// fontDoc is a Markdown document with Chinese in the title, a heading and
// the body, and Arabic in the body.
const fontDoc = `---
title: Report 报告
---

## Chinese 中文

Some Chinese: ` + chinese + `. And more words here, enough for a summary.

## Arabic

Arabic text: مرحبا بالعالم. Tea ☕ for all. End of the report.
`

// copyFile copies src to dst, creating dst's folder.
func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, path, s string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// pdfTool runs a poppler tool on file, skipping the test without it.
func pdfTool(t *testing.T, tool string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Skipf("%s not installed", tool)
	}
	out, err := exec.Command(tool, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", tool, err)
	}
	return string(out)
}

// embeddedFonts returns the font names pdffonts lists and fails the test
// for any font that is not embedded.
func embeddedFonts(t *testing.T, file string) []string {
	t.Helper()
	out := pdfTool(t, "pdffonts", file)
	var names []string
	for _, l := range strings.Split(strings.TrimSpace(out), "\n")[2:] {
		f := strings.Fields(l)
		if len(f) < 6 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		names = append(names, f[0])
	}
	return names
}

// TestFontDirCJK builds a document with Chinese without and with
// --font-dir holding a CJK and an Arabic TrueType font.
func TestFontDirCJK(t *testing.T) {
	for _, f := range []string{droidCJK, notoNaskh} {
		if _, err := os.Stat(f); err != nil {
			t.Skipf("%s not installed (Debian: fonts-droid-fallback, fonts-noto-core)", f)
		}
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "report.md"), fontDoc)
	copyFile(t, droidCJK, filepath.Join(dir, "fonts", "DroidSansFallbackFull.ttf"))
	copyFile(t, notoNaskh, filepath.Join(dir, "fonts", "NotoNaskhArabic-Regular.ttf"))

	// Without: one warning for the Chinese, one for the Arabic.
	r := run(t, dir, nil, "build", "-o", "plain", "--format", "pdf", "report.md")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if strings.Count(r.stderr, "14 different characters of Han script (U+4E2D '中', U+6587 '文', U+534E '华', …) cannot be drawn: no font covers them") != 1 ||
		strings.Count(r.stderr, "Arabic script is drawn without shaping") != 1 {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	text := pdfTool(t, "pdftotext", filepath.Join(dir, "plain", "report.pdf"), "-")
	if strings.Contains(text, "?") || !strings.Contains(text, "Report □□") {
		t.Errorf("without fonts, the title should print with □, never '?':\n%s", text)
	}

	// With: nothing replaced; the Arabic is still unshaped.
	for _, out := range []string{"with", "again"} {
		r = run(t, dir, nil, "build", "-o", out, "--font-dir", "fonts", "report.md")
		if r.code != 0 {
			t.Fatalf("exit %d: %s", r.code, r.stderr)
		}
	}
	if strings.Contains(r.stderr, "cannot be drawn") || strings.Count(r.stderr, "Arabic script is drawn without shaping") != 1 {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	pdf := filepath.Join(dir, "with", "report.pdf")
	text = pdfTool(t, "pdftotext", pdf, "-")
	for _, w := range []string{chinese, "Report 报告", "Chinese 中文", "☕"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q not in the PDF text", w)
		}
	}
	if strings.ContainsAny(text, "□?") {
		t.Errorf("substitutes in the PDF text:\n%s", text)
	}
	names := embeddedFonts(t, pdf)
	if !strings.Contains(strings.Join(names, " "), "utf8fallback0") || !strings.Contains(strings.Join(names, " "), "utf8fallback1") {
		t.Errorf("fallback fonts not in the PDF: %v", names)
	}
	data, err := os.ReadFile(pdf)
	if err != nil {
		t.Fatal(err)
	}
	if len(data) > 400<<10 {
		t.Errorf("the PDF is %d bytes: the 4 MB CJK font is not subset", len(data))
	}
	for _, ext := range []string{".pdf", ".epub", ".json"} {
		a, _ := os.ReadFile(filepath.Join(dir, "with", "report"+ext))
		b, _ := os.ReadFile(filepath.Join(dir, "again", "report"+ext))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("report%s differs between two builds with the same fonts", ext)
		}
	}
}

// TestFontDirRegisters exercises --font-dir and style keys with copies of
// the embedded fonts (no system fonts needed): a file named for a role
// takes it, the others are fallbacks, and a style names files relative to
// itself.
func TestFontDirRegisters(t *testing.T) {
	dir := t.TempDir()
	assets := filepath.Join("..", "..", "assets", "fonts")
	writeFile(t, filepath.Join(dir, "tea.md"), "# Tea\n\nA cup of tea ☕ and a Қазақ word.\n")
	copyFile(t, filepath.Join(assets, "DejaVuSansMono.ttf"), filepath.Join(dir, "fd", "extra.ttf"))
	copyFile(t, filepath.Join(assets, "NotoSerif-Bold.ttf"), filepath.Join(dir, "fd", "Sans.TTF"))
	writeFile(t, filepath.Join(dir, "fd", "README"), "not a font")
	copyFile(t, filepath.Join(assets, "NotoSans-Regular.ttf"), filepath.Join(dir, "house", "faces", "body.ttf"))
	writeFile(t, filepath.Join(dir, "house", "style.json"), `{"fonts": {"serif": "faces/body.ttf", "fallback": ["../fd/extra.ttf"]}}`)

	r := run(t, dir, nil, "build", "-o", "base", "--format", "pdf", "tea.md")
	if r.code != 0 || r.stderr != "" {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	base, _ := os.ReadFile(filepath.Join(dir, "base", "tea.pdf"))
	for _, args := range [][]string{
		{"--font-dir", "fd"},
		{"--style", filepath.Join("house", "style.json")},
	} {
		out := "out-" + strings.TrimPrefix(args[0], "--")
		r := run(t, dir, nil, append([]string{"build", "-o", out, "--format", "pdf,epub", "--epub-fonts"}, append(args, "tea.md")...)...)
		if r.code != 0 || r.stderr != "" {
			t.Fatalf("%v: exit %d: %s", args, r.code, r.stderr)
		}
		file := filepath.Join(dir, out, "tea.pdf")
		data, _ := os.ReadFile(file)
		if bytes.Equal(data, base) {
			t.Errorf("%v: the PDF is the same as without the fonts", args)
		}
		// ☕ is drawn in the fallback, ahead of the embedded mono face.
		if names := embeddedFonts(t, file); !strings.Contains(strings.Join(names, " "), "utf8fallback0") {
			t.Errorf("%v: no fallback font in the PDF: %v", args, names)
		}
		if text := pdfTool(t, "pdftotext", file, "-"); !strings.Contains(text, "A cup of tea ☕ and a Қазақ word.") {
			t.Errorf("%v: text %q", args, text)
		}
		if z, err := exec.Command("unzip", "-l", filepath.Join(dir, out, "tea.epub")).Output(); err == nil && !bytes.Contains(z, []byte("EPUB/fonts/user-1-")) {
			t.Errorf("%v: no user font in the EPUB:\n%s", args, z)
		}
	}
}

// TestFontErrors: a missing or broken font file is exit 1, one line naming
// the file, reported once however many documents, before anything is
// written.
func TestFontErrors(t *testing.T) {
	dir := t.TempDir()
	assets := filepath.Join("..", "..", "assets", "fonts")
	writeFile(t, filepath.Join(dir, "a.md"), "# A\n\nText of a.\n")
	writeFile(t, filepath.Join(dir, "b.md"), "# B\n\nText of b.\n")
	copyFile(t, filepath.Join(assets, "NotoSans-Regular.ttf"), filepath.Join(dir, "cff", "good.ttf"))
	writeFile(t, filepath.Join(dir, "cff", "Title.otf"), "OTTO\x00\x0a\x00\x80\x00\x03\x00\x20")
	writeFile(t, filepath.Join(dir, "text", "notes.ttf"), "these are notes, not a font\n")
	copyFile(t, filepath.Join(assets, "NotoSans-Regular.ttf"), filepath.Join(dir, "ok", "x.ttf"))
	writeFile(t, filepath.Join(dir, "missing.json"), `{"fonts":{"serif":"faces/nope.ttf"}}`)
	writeFile(t, filepath.Join(dir, "broken.json"), `{"fonts":{"fallback":["text/notes.ttf"]}}`)
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"CFF otf", []string{"--font-dir", "cff"}, "font " + filepath.Join("cff", "Title.otf") + ": CFF outlines not supported; use a TrueType-flavoured font"},
		{"not a font", []string{"--font-dir", "text"}, "font " + filepath.Join("text", "notes.ttf") + ": not a TrueType font file"},
		{"no fonts in the folder", []string{"--font-dir", "empty"}, "--font-dir empty: no .ttf or .otf files"},
		{"no folder", []string{"--font-dir", "nowhere"}, "--font-dir nowhere: cannot read: no such file or directory"},
		{"style names a missing file", []string{"--style", "missing.json"}, "missing.json: fonts.serif: font " + filepath.Join("faces", "nope.ttf") + ": cannot read: no such file or directory"},
		{"style names a broken file", []string{"--style", "broken.json", "--font-dir", "ok"}, "broken.json: fonts.fallback[0]: font " + filepath.Join("text", "notes.ttf") + ": not a TrueType font file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(dir, "out-"+strings.ReplaceAll(tt.name, " ", "-"))
			r := run(t, dir, nil, append(append([]string{"build", "-o", out}, tt.args...), "a.md", "b.md")...)
			checkExit(t, r, 1, tt.want)
			if _, err := os.Stat(out); err == nil {
				t.Errorf("%s was created", out)
			}
		})
	}
}
