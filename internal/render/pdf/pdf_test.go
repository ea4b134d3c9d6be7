package pdf

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/cputime"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

var keep = flag.String("keep", "", "write the fixture PDF to this file (for looking at it)")

func mustLayout(t testing.TB, in *render.Input) *Result {
	t.Helper()
	res, err := Layout(in)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(res.PDF, []byte("%PDF-")) {
		t.Fatalf("output does not start with %%PDF-")
	}
	return res
}

func TestKeepFixture(t *testing.T) {
	if *keep == "" {
		t.Skip("no -keep file given")
	}
	res := mustLayout(t, fixtureInput())
	if err := os.WriteFile(*keep, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDeterministic(t *testing.T) {
	a := mustLayout(t, fixtureInput())
	b := mustLayout(t, fixtureInput())
	if !bytes.Equal(a.PDF, b.PDF) {
		t.Fatal("two renders of the same input differ")
	}
	in := fixtureInput()
	in.Options.Time = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	c := mustLayout(t, in)
	if bytes.Equal(a.PDF, c.PDF) {
		t.Fatal("Options.Time has no effect on the file")
	}
	if !bytes.Contains(c.PDF, []byte("D:20240506070809")) {
		t.Error("creation date of Options.Time not found in the file")
	}
	// The dates of the information dictionary and the XMP, and the file
	// identifier, which is a digest of the file.
	dates := regexp.MustCompile(`\(D:[0-9]{14}[^)]*\)|[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}\+00:00|/ID \[<[0-9a-f]{32}> <[0-9a-f]{32}>\]`)
	if !bytes.Equal(dates.ReplaceAll(a.PDF, []byte("(D)")), dates.ReplaceAll(c.PDF, []byte("(D)"))) {
		t.Error("files for different Options.Time differ in more than the dates")
	}
}

func TestPaperAndErrors(t *testing.T) {
	tests := []struct {
		name    string
		edit    func(*render.Input)
		wantErr string
	}{
		{"a4", func(in *render.Input) { in.Options.Paper = "a4" }, ""},
		{"letter", func(in *render.Input) { in.Options.Paper = "letter" }, ""},
		{"default paper", func(in *render.Input) { in.Options.Paper = "" }, ""},
		{"bad paper", func(in *render.Input) { in.Options.Paper = "a5" }, `render pdf: paper "a5"`},
		{"style override", func(in *render.Input) { in.Options.Style = []byte(`{"colors":{"accent":"#AA0000"}}`) }, ""},
		{"bad style key", func(in *render.Input) { in.Options.Style = []byte(`{"colours":{}}`) }, "render pdf: style override"},
		{"bad colour", func(in *render.Input) { in.Options.Style = []byte(`{"colors":{"accent":"blue"}}`) }, "render pdf: style: colors"},
		{"nil analysis", func(in *render.Input) { in.Analysis = nil }, ""},
		{"empty analysis", func(in *render.Input) { in.Analysis = &document.Analysis{} }, ""},
		{"nil warnings", func(in *render.Input) { in.Warnings = nil }, ""},
		{"no document", func(in *render.Input) { in.Doc = nil }, "render pdf: no document"},
		{"empty document", func(in *render.Input) { in.Doc = &document.Document{} }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixtureInput()
			tt.edit(in)
			_, err := Layout(in)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.wantErr != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.wantErr)):
				t.Fatalf("error = %v, want prefix %q", err, tt.wantErr)
			}
		})
	}
	if _, err := Layout(nil); err == nil {
		t.Error("Layout(nil) gave no error")
	}
}

func TestLetterIsLetter(t *testing.T) {
	in := fixtureInput()
	in.Options.Paper = "letter"
	res := mustLayout(t, in)
	if !bytes.Contains(res.PDF, []byte("/MediaBox [0 0 612.00 792.00]")) {
		t.Error("letter page size not found")
	}
}

// TestGlyphReplacement feeds characters no embedded font has.
func TestGlyphReplacement(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		warns  []string // U+XXXX expected in warnings
		script string   // what the warning says of them
	}{
		{"emoji", "Flags 🇰🇿 and a smile 😀 here.", []string{"U+1F1F0", "U+1F600"}, "3 different characters ("},
		{"astral math", "Bold 𝐀 letter.", []string{"U+1D400"}, "above U+FFFF"},
		{"cjk", "Chinese 中文.", []string{"U+4E2D", "U+6587"}, "2 different characters of Han script ("},
		{"symbol", "A watch ⌚ here.", []string{"U+231A"}, "1 character (U+231A '⌚') cannot be drawn: no font covers it"},
		{"arabic", "Arabic مرحبا here.", nil, "text in Arabic script is drawn without shaping and left to right"},
		{"soft hyphen and tab", "in\u00ADter\tnational\u00a0law", nil, ""},
		{"joiners", "a\u200db\ufe0fc\ufeff", nil, ""},
		{"decomposed", "Й is И\u0306 and ә", nil, ""},
		{"controls", "bell\x07 and \x1b escape", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixtureInput()
			p := para(tt.text+" "+tt.text, 99)
			in.Doc.Sections[0].Blocks = append(in.Doc.Sections[0].Blocks, p)
			in.Doc.Meta.Title = tt.text
			in.Doc.Sections[1].Title = tt.text
			in.Doc.Number()
			res := mustLayout(t, in)
			if res.Pages < 2 {
				t.Errorf("pages = %d", res.Pages)
			}
			var got []string
			for _, w := range in.Warnings.List {
				got = append(got, w.String())
			}
			all := strings.Join(got, "\n")
			for _, u := range tt.warns {
				if strings.Count(all, u+" ") != 1 {
					t.Errorf("want exactly one warning for %s, got:\n%s", u, all)
				}
			}
			// One warning for the kind of character, however often and
			// wherever (title, heading, body) it occurs.
			if tt.script != "" && (len(got) != 1 || !strings.Contains(all, tt.script)) {
				t.Errorf("want one warning naming %q, got:\n%s", tt.script, all)
			}
			if tt.script == "" && len(got) > 0 {
				t.Errorf("unexpected warnings:\n%s", all)
			}
			if tt.script != "" && !strings.Contains(all, "fixture.md:") {
				t.Errorf("warnings have no position:\n%s", all)
			}
		})
	}
}

// TestRunesInFonts checks that every rune that reaches fpdf is in the face
// it is drawn with.
func TestRunesInFonts(t *testing.T) {
	in := fixtureInput()
	in.Doc.Sections[0].Blocks = append(in.Doc.Sections[0].Blocks, para("😀 中 𝐀 \u00AD\t Ә Ғ Қ Ң Ө Ұ Ү Һ І « » — …", 1))
	st, fs := testStyleFonts(t)
	d := prepare(in.Doc, st, newSanitizer(fs, in.Warnings))
	check := func(rs []run) {
		for _, r := range rs {
			for _, c := range r.text {
				if c != ' ' && !fs[r.face].Has(c) {
					t.Errorf("rune %U in face %v is not in its font", c, r.face)
				}
			}
		}
	}
	var walk func(bs []*block)
	walk = func(bs []*block) {
		for _, b := range bs {
			check(b.runs)
			for _, l := range b.code {
				check(l)
			}
			if b.list != nil {
				for _, it := range b.list.items {
					walk(it)
				}
			}
			walk(b.kids)
			if b.table != nil {
				check(b.table.caption)
				for _, c := range b.table.header {
					check(c)
				}
				for _, row := range b.table.rows {
					for _, c := range row {
						check(c)
					}
				}
			}
		}
	}
	var secs func(ss []*section)
	secs = func(ss []*section) {
		for _, s := range ss {
			check(s.title)
			walk(s.blocks)
			secs(s.subs)
		}
	}
	secs(d.sections)
	for _, n := range d.notes {
		walk(n.blocks)
	}
}

func TestPageMap(t *testing.T) {
	in := fixtureInput()
	res := mustLayout(t, in)
	n := 0
	in.Doc.WalkSections(func(s *document.Section) bool {
		if p := res.SectionPage[s.ID]; p < 1 || p > res.Pages {
			t.Errorf("section %s on page %d of %d", s.ID, p, res.Pages)
		}
		for _, b := range s.Numbered() {
			n++
			id := document.RefOf(b).ID
			if p := res.ParagraphPage[id]; p < res.SectionPage[s.ID] || p > res.Pages {
				t.Errorf("paragraph %s on page %d (section on %d)", id, p, res.SectionPage[s.ID])
			}
		}
		return true
	})
	if len(res.ParagraphPage) != n {
		t.Errorf("%d paragraphs in the page map, want %d", len(res.ParagraphPage), n)
	}
}

// pdfText returns the text of pages first..last (1-based) with -layout.
func pdfText(t *testing.T, file string, first, last int) string {
	t.Helper()
	out, err := exec.Command("pdftotext", "-layout", "-enc", "UTF-8", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

func needTool(t *testing.T, name string) {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Skipf("%s not installed", name)
	}
}

func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	f := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(f, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return f
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// TestTextOrder checks that the body text comes back from the PDF in order.
func TestTextOrder(t *testing.T) {
	needTool(t, "pdftotext")
	in := fixtureInput()
	res := mustLayout(t, in)
	file := writeTemp(t, res.PDF)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := squash(string(out))
	pos := 0
	for _, want := range []string{
		"Kazakhstan gained its independence on 16 December 1991",
		"Основные направления внешней политики Казахстана",
		"Қазақстан Республикасының сыртқы саясаты: Әділет, Ғылым, Құқық, Өнер, Ұлт, Үкімет, Һ, Ірі",
		"Russia, China and Central Asia as neighbours.",
		"first nested item",
		"Diplomatic relations",
		"Longest land border in the world",
		"fmt.Println(\"Сәлем, әлем\")",
		"After the rule.",
		"Multilateral diplomacy",
	} {
		i := strings.Index(text[pos:], want)
		if i < 0 {
			t.Errorf("%q not found in order after byte %d", want, pos)
			continue
		}
		pos += i + len(want)
	}
	if !strings.Contains(text, "Balanced between the great powers.") {
		t.Error("footnote text not found")
	}
	if strings.Contains(text, "\u00AD") {
		t.Error("soft hyphen in output")
	}
}

func TestFurniture(t *testing.T) {
	needTool(t, "pdftotext")
	res := mustLayout(t, fixtureInput())
	file := writeTemp(t, res.PDF)
	for p := 2; p <= res.Pages; p++ {
		text := pdfText(t, file, p, p)
		want := "Page " + strconv.Itoa(p) + " of " + strconv.Itoa(res.Pages)
		if !strings.Contains(text, want) {
			t.Errorf("page %d: %q missing", p, want)
		}
		if strings.Count(text, "OFFICIAL") < 2 {
			t.Errorf("page %d: marking not at top and bottom", p)
		}
	}
}

func TestLongDocument(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	in := render.Input{Doc: longDoc(t), Options: render.DefaultOptions()}
	start := cputime.Now()
	res := mustLayout(t, &in)
	d := cputime.Since(start)
	t.Logf("%d pages in %v", res.Pages, d)
	if d > 15*time.Second {
		t.Errorf("long document took %v", d)
	}
	if res.Pages < 100 {
		t.Errorf("only %d pages for ~1 MB of text", res.Pages)
	}
}

// longDoc is about 1 MB of text: War and Peace when /work/shared is
// present, else a synthetic document.
func longDoc(t testing.TB) *document.Document {
	var paras []string
	if data, err := os.ReadFile(warAndPeace); err == nil {
		if len(data) > 1<<20 {
			data = data[:1<<20]
		}
		for _, p := range strings.Split(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n\n") {
			if p = strings.TrimSpace(p); p != "" {
				paras = append(paras, p)
			}
		}
	} else {
		for len(paras)*len(lorem)*3 < 1<<20 {
			paras = append(paras, strings.Repeat(lorem+russian, 1+len(paras)%3))
		}
	}
	d := &document.Document{Meta: document.Meta{Title: "Long document", Language: "en"}}
	var s *document.Section
	for i, p := range paras {
		if i%60 == 0 {
			s = &document.Section{Title: "Part " + strconv.Itoa(i/60+1)}
			d.Sections = append(d.Sections, s)
		}
		s.Blocks = append(s.Blocks, &document.Paragraph{Pos: source.Pos{Line: i + 1}, Inlines: []document.Inline{document.Text(p)}})
	}
	d.Number()
	return d
}

func BenchmarkRender(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if err := Render(&bytes.Buffer{}, fixtureInput()); err != nil {
			b.Fatal(err)
		}
	}
}
