package epub

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/fonts"
)

// userFace returns an embedded font file as a user face named name.
func userFace(t *testing.T, file, name string) *fonts.Face {
	t.Helper()
	data, err := fs.ReadFile(assets.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	f, err := fonts.FromBytes(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestStyleSheetUserFonts checks the @font-face rules of --epub-fonts with
// user fonts: a role font replaces its Noto face, a fallback joins every
// family for the characters that family lacks only, declared before the
// family's own faces.
func TestStyleSheetUserFonts(t *testing.T) {
	extra := userFace(t, assets.Mono, "/fonts/extra.ttf")
	heading := userFace(t, assets.SerifBold, "/home/me/My Font!.ttf")
	user := &fonts.User{Roles: map[string]*fonts.Face{"sans_bold": heading}, Fallback: []*fonts.Face{extra}}

	css, files, err := styleSheet(false, user)
	if err != nil || len(files) != 0 || bytes.Contains(css, []byte("@font-face")) {
		t.Fatalf("without --epub-fonts: %d files, err %v", len(files), err)
	}

	css, files, err = styleSheet(true, user)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range files {
		names = append(names, f.name)
	}
	want := "user-1-extra.ttf NotoSerif-Regular.ttf NotoSerif-Bold.ttf NotoSerif-Italic.ttf NotoSans-Regular.ttf user-2-My-Font.ttf NotoSans-Italic.ttf"
	if strings.Join(names, " ") != want {
		t.Errorf("files %q, want %q", strings.Join(names, " "), want)
	}
	rules := strings.Split(string(css), "@font-face")
	var fallbackRules, lastFallback, firstOwn int
	for i, r := range rules {
		switch {
		case strings.Contains(r, "user-1-extra.ttf"):
			fallbackRules++
			lastFallback = i
			if !strings.Contains(r, "unicode-range: ") {
				t.Errorf("fallback rule without a unicode-range:%s", r)
			}
			// Latin is Noto's; ☕ only the fallback has.
			if inRanges(t, 'A', r) || !inRanges(t, '☕', r) {
				t.Errorf("fallback range:%s", r)
			}
		case strings.Contains(r, "src:") && firstOwn == 0:
			firstOwn = i
		}
		if strings.Contains(r, "user-2-My-Font.ttf") && (!strings.Contains(r, `"Noto Sans"`) || !strings.Contains(r, "font-weight: bold")) {
			t.Errorf("role rule:%s", r)
		}
	}
	// Three weights and styles of Noto Serif and of Noto Sans; not the
	// mono family, whose own face has every character of the fallback (a
	// copy of it).
	if fallbackRules != 6 || lastFallback > firstOwn {
		t.Errorf("%d fallback rules, the last at %d, the first own face at %d", fallbackRules, lastFallback, firstOwn)
	}
}

// inRanges reports whether r is in the unicode-range of the @font-face
// rule text.
func inRanges(t *testing.T, r rune, rule string) bool {
	t.Helper()
	_, v, ok := strings.Cut(rule, "unicode-range: ")
	if !ok {
		return false
	}
	v, _, _ = strings.Cut(v, ";")
	for _, part := range strings.Split(v, ", ") {
		lo, hi, _ := strings.Cut(strings.TrimPrefix(part, "U+"), "-")
		if hi == "" {
			hi = lo
		}
		a, err1 := strconv.ParseUint(lo, 16, 32)
		b, err2 := strconv.ParseUint(hi, 16, 32)
		if err1 != nil || err2 != nil || len(lo) != 6 || len(hi) != 6 {
			t.Fatalf("range %q", part)
		}
		if rune(a) <= r && r <= rune(b) {
			return true
		}
	}
	return false
}

// TestCoverUserFallback checks that the cover draws a character of the
// title that only a fallback font has, instead of a question mark.
func TestCoverUserFallback(t *testing.T) {
	extra := userFace(t, assets.Mono, "extra.ttf")
	if got := coverText(assets.SansBold, "Tea ☕"); got != "Tea ?" {
		t.Errorf("without fallback: %q", got)
	}
	if got := coverText(assets.SansBold, "Tea ☕ ⌚", extra); got != "Tea ☕ ?" {
		t.Errorf("with fallback: %q", got)
	}
	plain, err := coverPNG("Briefing", "", "Tea ☕", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	with, err := coverPNG("Briefing", "", "Tea ☕", "", nil, extra)
	if err != nil {
		t.Fatal(err)
	}
	same, err := coverPNG("Briefing", "", "Tea", "", nil, extra)
	if err != nil {
		t.Fatal(err)
	}
	alone, _ := coverPNG("Briefing", "", "Tea", "", nil)
	if bytes.Equal(plain, with) {
		t.Error("the fallback font changed nothing")
	}
	if !bytes.Equal(same, alone) {
		t.Error("a fallback font changed a title its own font draws")
	}
}

// TestEpubcheckUserFonts runs epubcheck on a book with --epub-fonts and
// user fonts. It is skipped when java or epubcheck is absent.
func TestEpubcheckUserFonts(t *testing.T) {
	java, err := exec.LookPath("java")
	if err != nil {
		t.Skip("java not installed")
	}
	if _, err := os.Stat(epubcheckJar); err != nil {
		t.Skip("epubcheck not installed")
	}
	in := pagedInput()
	in.Options.EPUBFonts = true
	in.Options.Fonts = &fonts.User{
		Roles:    map[string]*fonts.Face{"mono": userFace(t, assets.SansRegular, "mono.ttf")},
		Fallback: []*fonts.Face{userFace(t, assets.Mono, "extra.ttf")},
	}
	var buf bytes.Buffer
	if err := Render(&buf, in); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "fonts.epub")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(java, "-jar", epubcheckJar, file).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No errors or warnings detected") {
		t.Fatalf("epubcheck: %v\n%s", err, out)
	}
}
