package pdf

import (
	"io/fs"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/briefbook/briefbook/internal/source"
)

// System fonts the tests use when present (Debian: fonts-droid-fallback,
// fonts-noto-core); the tests that need them skip without them.
const (
	droidCJK    = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf"
	notoNaskh   = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"
	notoHebrew  = "/usr/share/fonts/truetype/noto/NotoSansHebrew-Regular.ttf"
	chineseText = "中华人民共和国是一个国家"
)

// systemFont opens a system font file, skipping the test when it is absent.
func systemFont(t *testing.T, path string) *fonts.Face {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Skipf("%s not installed", path)
	}
	f, err := fonts.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// embeddedCopy returns an embedded font file as a user face of its own.
func embeddedCopy(t *testing.T, file, name string) *fonts.Face {
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

// TestFallbackSelection checks which face draws a rune: the wanted face,
// a face of the same weight, the user's fallbacks, then the other faces.
func TestFallbackSelection(t *testing.T) {
	st, err := loadStyle(nil)
	if err != nil {
		t.Fatal(err)
	}
	extra := embeddedCopy(t, assets.Mono, "extra.ttf")
	body := embeddedCopy(t, assets.SansBold, "body.ttf")
	fs, err := loadFonts(st, &fonts.User{Roles: map[string]*fonts.Face{"serif": body}, Fallback: []*fonts.Face{extra}})
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != int(numFaces)+1 || fs[serif] != body || fs[numFaces] != extra || fs[sans].File != assets.SansRegular {
		t.Fatalf("faces: %v", fs)
	}
	user := face(numFaces)
	tests := []struct {
		f    face
		r    rune
		want face
	}{
		{serif, 'a', serif},
		{sansItalic, 'a', sansItalic},
		{serif, '☕', user}, // the user's fallback before the embedded mono face
		{sansBold, '☕', user},
		{mono, '☕', mono},   // mono has it
		{serif, '⌚', serif}, // no face has it: the wanted face (the sanitizer substitutes it)
		{serif, ' ', serif},
	}
	for _, tt := range tests {
		if got := fs.resolve(tt.f, tt.r); got != tt.want {
			t.Errorf("resolve(%d, %q) = %d, want %d", tt.f, tt.r, got, tt.want)
		}
	}
	if got := fs.fallback(serif, '⌚'); got != -1 {
		t.Errorf("fallback(⌚) = %d, want -1", got)
	}
	pieces := fs.split("tea ☕ time", sans)
	want := []piece{{"tea ", sans}, {"☕", user}, {" time", sans}}
	if len(pieces) != len(want) {
		t.Fatalf("split: %v", pieces)
	}
	for i := range want {
		if pieces[i] != want[i] {
			t.Errorf("piece %d: %v, want %v", i, pieces[i], want[i])
		}
	}
	if name, _ := user.family(); name != "fallback0" {
		t.Errorf("family of the first fallback: %q", name)
	}
}

// TestScriptWarnings checks the warnings of the sanitizer: one per script
// at its first position, whatever the number of characters and places.
func TestScriptWarnings(t *testing.T) {
	at := func(line int) source.Pos { return source.Pos{File: "report.md", Line: line} }
	tests := []struct {
		name  string
		texts []string // cleaned at lines 1, 2, …
		want  []string
	}{
		{"latin", []string{"Plain text, «quotes» — and Қазақ"}, nil},
		{"han", []string{"a 中文", "b 中文中华", "c"},
			[]string{"report.md:1: warning: 3 different characters of Han script (U+4E2D '中', U+6587 '文', U+534E '华') cannot be drawn: no font covers them; printed as □ (add a font that has them with --font-dir)"}},
		{"one", []string{"x", "a ⌚"},
			[]string{"report.md:2: warning: 1 character (U+231A '⌚') cannot be drawn: no font covers it; printed as □ (add a font that has it with --font-dir)"}},
		{"many", []string{"一二三四五"},
			[]string{"report.md:1: warning: 5 different characters of Han script (U+4E00 '一', U+4E8C '二', U+4E09 '三', …) cannot be drawn: no font covers them; printed as □ (add a font that has them with --font-dir)"}},
		{"astral", []string{"😀 and 😀"},
			[]string{"report.md:1: warning: 1 character (U+1F600 '😀') cannot be drawn: characters above U+FFFF are not supported in the PDF; printed as □"}},
		{"scripts in order", []string{"ok", "مرحبا", "שלום 中", "مرحبا"},
			[]string{
				"report.md:2: warning: text in Arabic script is drawn without shaping and left to right: briefbook cannot join its letters or reorder right-to-left text",
				"report.md:3: warning: 4 different characters of Hebrew script (U+05E9 'ש', U+05DC 'ל', U+05D5 'ו', …) cannot be drawn: no font covers them; printed as □ (add a font that has them with --font-dir)",
				"report.md:3: warning: 1 character of Han script (U+4E2D '中') cannot be drawn: no font covers it; printed as □ (add a font that has it with --font-dir)",
			}},
	}
	_, fs := testStyleFonts(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := &source.Warnings{}
			z := newSanitizer(fs, ws)
			for i, s := range tt.texts {
				for _, p := range z.clean(s, serif, at(i+1)) {
					if strings.Contains(p.text, "?") {
						t.Errorf("%q: drawn as %q", s, p.text)
					}
				}
			}
			if len(ws.List) != 0 {
				t.Errorf("warnings before flush: %v", ws.List)
			}
			z.flush()
			var got []string
			for _, w := range ws.List {
				got = append(got, w.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestRunningHeaderHasNoQuestionMarks checks that a title with characters
// only a fallback face has is printed in the running header and the
// contents with those characters, and characters no face has as the
// substitute, never as "?".
func TestRunningHeaderHasNoQuestionMarks(t *testing.T) {
	needTool(t, "pdftotext")
	in := fixtureInput()
	in.Doc.Meta.Title = "Tea ☕ and watch ⌚"
	in.Doc.Sections[0].Title = "Coffee ☕ break"
	in.Doc.Number()
	res := mustLayout(t, in)
	file := writeTemp(t, res.PDF)
	text := pdfText(t, file, 2, res.Pages)
	if strings.Contains(text, "?") {
		t.Errorf("a '?' in the pages:\n%s", text)
	}
	for _, want := range []string{"Tea ☕ and watch □", "Coffee ☕ break"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not in the pages:\n%s", want, text)
		}
	}
}

// TestUserFallbackFonts lays out Chinese, Arabic and Hebrew with the
// user's fallback fonts (when installed): nothing is replaced, the only
// warnings are about right-to-left text, every font is embedded and
// subset, and the text extracts.
func TestUserFallbackFonts(t *testing.T) {
	needTool(t, "pdftotext")
	cjk := systemFont(t, droidCJK)
	arabic := systemFont(t, notoNaskh)
	hebrew := systemFont(t, notoHebrew)
	in := fixtureInput()
	in.Options.Fonts = &fonts.User{Fallback: []*fonts.Face{cjk, arabic, hebrew}}
	in.Doc.Meta.Title = "Report 报告"
	in.Doc.Sections[0].Title = "Chinese 中文"
	in.Doc.Sections[0].Blocks = append(in.Doc.Sections[0].Blocks,
		para("Chinese: "+chineseText+". Arabic: مرحبا. Hebrew: שלום.", 90))
	in.Doc.Number()
	res := mustLayout(t, in)
	var got []string
	for _, w := range in.Warnings.List {
		got = append(got, w.String())
	}
	want := []string{
		"fixture.md:90: warning: text in Arabic script is drawn without shaping and left to right: briefbook cannot join its letters or reorder right-to-left text",
		"fixture.md:90: warning: text in Hebrew script is drawn left to right: briefbook cannot reorder right-to-left text",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	file := writeTemp(t, res.PDF)
	text := pdfText(t, file, 1, res.Pages)
	for _, w := range []string{chineseText, "Report 报告", "Chinese 中文"} {
		if !strings.Contains(text, w) {
			t.Errorf("%q not in the text", w)
		}
	}
	if strings.ContainsAny(text, "□?") {
		t.Errorf("substitutes in the text:\n%s", text)
	}
	// The 4 MB CJK font is subset: the file stays small.
	if len(res.PDF) > 400<<10 {
		t.Errorf("PDF is %d bytes: the fallback fonts are not subset", len(res.PDF))
	}
	if _, err := exec.LookPath("pdffonts"); err == nil {
		out, err := exec.Command("pdffonts", file).Output()
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
		// Only the faces the document draws with are embedded (a face is
		// registered when the painting pass first sets it): here the
		// three fallbacks and some of the style's faces.
		if len(lines) > int(numFaces)+3 {
			t.Errorf("pdffonts lists %d fonts, want at most %d:\n%s", len(lines), numFaces+3, out)
		}
		for _, name := range []string{"utf8fallback0", "utf8fallback1", "utf8fallback2", "utf8serif", "utf8sansB"} {
			if n := strings.Count(string(out), name+" "); n != 1 {
				t.Errorf("pdffonts lists %s %d times, want once:\n%s", name, n, out)
			}
		}
		for _, l := range lines {
			if f := strings.Fields(l); len(f) < 5 || f[len(f)-5] != "yes" {
				t.Errorf("not embedded: %s", l)
			}
		}
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		if out, err := exec.Command("qpdf", "--check", file).CombinedOutput(); err != nil || strings.Contains(string(out), "WARNING") {
			t.Errorf("qpdf --check: %v\n%s", err, out)
		}
	}
}

// TestStyleFallbackWithoutUserFonts checks the style's fallback list when
// no user fonts were opened: embedded names load, files are an error.
func TestStyleFallbackWithoutUserFonts(t *testing.T) {
	st, err := loadStyle([]byte(`{"fonts":{"mono":"fonts/NotoSans-Regular.ttf","fallback":["fonts/DejaVuSansMono.ttf"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	fs, err := loadFonts(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != int(numFaces)+1 || fs[numFaces].File != assets.Mono || fs.resolve(serif, '☕') != numFaces {
		t.Errorf("faces %v", fs)
	}
	st, err = loadStyle([]byte(`{"fonts":{"fallback":["faces/cjk.ttf"]}}`))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := loadFonts(st, nil); err == nil || err.Error() != "style: fonts.fallback[0]: font faces/cjk.ttf: not embedded" {
		t.Errorf("err = %v", err)
	}
}
