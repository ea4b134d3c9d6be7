package epub

import (
	"fmt"
	"github.com/briefbook/briefbook/internal/textgen"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/html"
	"golang.org/x/image/font"
)

// allocated returns the bytes f allocates.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestCoverBounded draws covers from hostile metadata (issue 11: a 500 KB
// subtitle cost 30 s and 1.1 GB, a 20 000-character title 359 MB): the
// work must not grow with the text, as only a few lines are drawn.
func TestCoverBounded(t *testing.T) {
	long := textgen.Words(100_000, 1, textgen.Lower)
	word := strings.Repeat("Ж", 20_000) // one word, no place to break
	tests := []struct {
		name                     string
		marking, title, subtitle string
		meta                     []string
	}{
		{"subtitle 100 KB", "", "Report", long, nil},
		{"title 20 000 runes, one word", "", word, "", nil},
		{"title 100 KB", "", long, "", nil},
		{"marking 100 KB", long, "Report", "", nil},
		{"marking one word", word, "Report", "", nil},
		{"metadata 100 KB", "", "Report", "", []string{long, word}},
	}
	base := allocated(func() {
		if _, err := coverPNG("Briefing", "SECRET", "Report", "A subtitle", []string{"2024 · Author"}); err != nil {
			t.Fatal(err)
		}
	})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var img []byte
			got := allocated(func() {
				var err error
				if img, err = coverPNG("Briefing", tt.marking, tt.title, tt.subtitle, tt.meta); err != nil {
					t.Fatal(err)
				}
			})
			if len(img) == 0 {
				t.Fatal("no image")
			}
			// An ordinary cover allocates base (the canvas, the PNG, the
			// faces); a hostile one may add a few line masks.
			t.Logf("allocated %d KB (ordinary cover %d KB)", got>>10, base>>10)
			if limit := base + 16<<20; got > limit {
				t.Errorf("allocated %d MB, want at most %d MB (ordinary cover: %d MB)", got>>20, limit>>20, base>>20)
			}
		})
	}
}

// TestWrapBounds checks the cover's line breaker: at most max lines, each
// within the width, the last ending in "…" exactly when text was left
// out, and every word kept when nothing was.
func TestWrapBounds(t *testing.T) {
	fc, err := face(assets.SansRegular, 56)
	if err != nil {
		t.Fatal(err)
	}
	const width = 1280
	tests := []struct {
		name string
		s    string
		max  int
		cut  bool
	}{
		{"short", "A short subtitle", 8, false},
		{"empty", "  ", 8, false},
		{"two lines", textgen.Words(60, 2, textgen.Lower), 8, false},
		{"long", textgen.Words(50_000, 3, textgen.Lower), 8, true},
		{"one long word", strings.Repeat("w", 5_000), 3, true},
		{"long word that fits in the lines", strings.Repeat("w", 60), 3, false},
		{"one line", textgen.Words(500, 4, textgen.Lower), 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lines, cut, _ := wrap(fc, tt.s, width, tt.max)
			if cut != tt.cut {
				t.Errorf("cut = %v, want %v", cut, tt.cut)
			}
			if len(lines) > tt.max {
				t.Errorf("%d lines, want at most %d", len(lines), tt.max)
			}
			for i, l := range lines {
				if w := font.MeasureString(fc, l).Ceil(); w > width {
					t.Errorf("line %d is %d px wide, want ≤ %d: %.40q…", i, w, width, l)
				}
			}
			joined := strings.Join(lines, "")
			if cut != strings.HasSuffix(joined, "…") {
				t.Errorf("cut = %v but the last line is %q", cut, lines[len(lines)-1])
			}
			if !cut && strings.Join(strings.Fields(joined), "") != strings.Join(strings.Fields(tt.s), "") {
				t.Errorf("text changed: %q → %q", tt.s, lines)
			}
		})
	}
}

// tinySections returns a document of n top-level sections of one short
// paragraph each; the last one calls a footnote.
func tinySections(n int) *document.Document {
	d := &document.Document{Meta: document.Meta{Title: "Many", Language: "en"}}
	for i := range n {
		s := &document.Section{Title: fmt.Sprintf("Section %d", i+1), Blocks: []document.Block{
			para(text(fmt.Sprintf("Word %d here.", i+1))),
		}}
		d.Sections = append(d.Sections, s)
	}
	last := d.Sections[n-1].Blocks[0].(*document.Paragraph)
	last.Inlines = append(last.Inlines, document.FootnoteRef{ID: "fn1", Number: 1})
	d.Footnotes = []*document.Footnote{{Blocks: []document.Block{para(text("A note."))}}}
	d.Number()
	return d
}

var hrefRe = regexp.MustCompile(`(?:href|src)="([^"#]*)#?([^"]*)"`)

// checkLinks checks that every link of the book's XHTML files reaches a
// file of the book and, when it has a fragment, an element with that ID
// in that file.
func checkLinks(t *testing.T, files map[string]string) {
	t.Helper()
	bad := 0
	for name, body := range files {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		dir := name[:strings.LastIndex(name, "/")+1]
		for _, m := range hrefRe.FindAllStringSubmatch(body, -1) {
			target := name
			if m[1] != "" {
				if strings.Contains(m[1], ":") {
					continue // external
				}
				target = cleanPath(dir + m[1])
			}
			doc, ok := files[target]
			if !ok {
				if bad++; bad <= 5 {
					t.Errorf("%s: link to %s#%s: no such file", name, m[1], m[2])
				}
				continue
			}
			if m[2] != "" && !strings.Contains(doc, ` id="`+m[2]+`"`) {
				if bad++; bad <= 5 {
					t.Errorf("%s: link to %s#%s: no such ID in %s", name, m[1], m[2], target)
				}
			}
		}
	}
}

// cleanPath resolves "a/b/../c" to "a/c".
func cleanPath(p string) string {
	var out []string
	for _, part := range strings.Split(p, "/") {
		if part == ".." && len(out) > 0 {
			out = out[:len(out)-1]
		} else if part != "." {
			out = append(out, part)
		}
	}
	return strings.Join(out, "/")
}

// TestSmallSectionsShareFiles: issue 11, 48 000 and 96 000 "##" sections
// took 26 s and 79 s, one XHTML file per section and go-epub's AddSection
// comparing each with all earlier ones. Small sections now share files of
// bounded size; every link (contents, page-list, footnotes, summary) must
// still reach its target, and each page-list entry its marker.
func TestSmallSectionsShareFiles(t *testing.T) {
	const n = 3000
	doc := tinySections(n)
	pm := &render.PageMap{Pages: n + 1, Starts: []render.PageStart{{Page: 1, Part: "cover"}}}
	for i, s := range doc.Sections {
		pm.Starts = append(pm.Starts, render.PageStart{Page: i + 2, Part: "body", Section: s.ID, Block: 0})
	}
	in := &render.Input{Doc: doc, SourceData: []byte("tiny"), Options: render.DefaultOptions(), PageMap: pm,
		Analysis: &document.Analysis{Summary: []document.SummarySentence{{Text: "Word 2999 here.", Paragraph: doc.Sections[n-2].Blocks[0].(*document.Paragraph).ID}}}}
	_, files := entries(t, renderBytes(t, in))
	var texts, size int
	for name, body := range files {
		if strings.HasPrefix(name, "EPUB/xhtml/text-") {
			texts++
			size += len(body)
		}
	}
	// 3000 sections of about 150 bytes of XHTML: a handful of files.
	if want := size/(groupMax/2) + 2; texts > want {
		t.Errorf("%d body files for %d small sections (%d KB), want at most %d", texts, n, size>>10, want)
	}
	checkLinks(t, files)
	nav := files["EPUB/nav.xhtml"]
	if got := strings.Count(nav[strings.Index(nav, `epub:type="page-list"`):], "<li>"); got != n+1 {
		t.Errorf("page-list has %d entries, want %d", got, n+1)
	}
	if got := strings.Count(nav, `href="xhtml/text-`); got < 2*n {
		t.Errorf("nav has %d links into the body, want at least %d (contents and page-list)", got, 2*n)
	}
}

// TestSectionGrouping checks which sections share a file: consecutive
// small sections do; a section of groupMin bytes or more has its own, and
// one larger than maxChunk is split as before.
func TestSectionGrouping(t *testing.T) {
	sec := func(title string, bytes int) *document.Section {
		s := &document.Section{Title: title}
		for size := 0; size == 0 || size < bytes; size += 100 {
			s.Blocks = append(s.Blocks, para(text(strings.Repeat("word ", 20))))
		}
		return s
	}
	d := &document.Document{Meta: document.Meta{Title: "Groups", Language: "en"}, Sections: []*document.Section{
		sec("a", 100), sec("b", 100), sec("big", groupMin+100), sec("c", 100), sec("d", 100), sec("huge", maxChunk+50_000), sec("e", 100),
	}}
	d.Number()
	b := &book{meta: d.Meta, fileOf: map[string]string{}}
	b.setFront(&render.Input{Doc: d})
	if err := b.addBody(d); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range d.Sections {
		got = append(got, s.Title+":"+b.fileOf[s.ID])
	}
	hugeFiles := 0
	for _, p := range b.pages {
		if strings.HasPrefix(p.title, "huge") {
			hugeFiles++
		}
	}
	if hugeFiles < 2 {
		t.Errorf("a section of %d KB is in %d file(s), want it split", (maxChunk+50_000)>>10, hugeFiles)
	}
	want := []string{"a:text-0001.xhtml", "b:text-0001.xhtml", "big:text-0002.xhtml", "c:text-0003.xhtml",
		"d:text-0003.xhtml", "huge:text-0004.xhtml", fmt.Sprintf("e:text-%04d.xhtml", 4+hugeFiles)}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("files:\n got %v\nwant %v", got, want)
	}
	for _, p := range b.pages {
		if err := html.Check(p.body); err != nil {
			t.Errorf("%s: %v", p.name, err)
		}
		if len(p.body) > maxChunk+groupMax {
			t.Errorf("%s: %d bytes", p.name, len(p.body))
		}
	}
}

// TestRecordIDsIn compares the ID scanner with the regular expression it
// replaced, `\sid="([^"]+)"`.
func TestRecordIDsIn(t *testing.T) {
	re := regexp.MustCompile(`\sid="([^"]+)"`)
	docs := []string{
		`<section id="s1"><p id="p1">a</p></section>`,
		`<p xid="no" id="yes" data-id="x"> id="" id="z"</p>`,
		`id="first"` + "\n" + `<a` + "\t" + `id="tab">`,
		`<p id="unclosed`,
		`<span id="a"id="b" id="c">`,
	}
	for _, doc := range docs {
		b := &book{fileOf: map[string]string{}}
		b.recordIDsIn(doc, "f")
		want := map[string]string{}
		for _, m := range re.FindAllStringSubmatch(doc, -1) {
			want[m[1]] = "f"
		}
		if fmt.Sprint(b.fileOf) != fmt.Sprint(want) {
			t.Errorf("%q: got %v, want %v", doc, b.fileOf, want)
		}
	}
}

// TestTitlePageMarkingClipped: the marking is printed once on the title
// page, cut to render.MaxMarking runes.
func TestTitlePageMarkingClipped(t *testing.T) {
	in := fixtureInput()
	in.Doc.Meta.Marking = textgen.Words(100_000, 5, textgen.Lower)
	_, files := entries(t, renderBytes(t, in))
	title := files["EPUB/xhtml/title.xhtml"]
	m := regexp.MustCompile(`<p class="marking">([^<]*)</p>`).FindStringSubmatch(title)
	if m == nil {
		t.Fatal("no marking on the title page")
	}
	if n := utf8.RuneCountInString(m[1]); n > render.MaxMarking || !strings.HasSuffix(m[1], "…") {
		t.Errorf("marking of %d runes (want ≤ %d, ending in …): %.60q", n, render.MaxMarking, m[1])
	}
}

// TestCoverTitleFits: a title word wider than the cover at the largest
// size ran off the cover's edge ("трансформациясы" drawn clipped); the
// title now takes the next size at which every line fits, words whole.
func TestCoverTitleFits(t *testing.T) {
	const width = coverW - 2*coverMargin
	for _, title := range []string{"Қазақстанның цифрлық трансформациясы", "Report", "Main vectors of Kazakhstan's foreign policy"} {
		fc, lines, size, err := coverLines(title, width)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range lines {
			if w := font.MeasureString(fc, l).Ceil(); w > width {
				t.Errorf("%q at %v px: line %q is %d px wide, want ≤ %d", title, size, l, w, width)
			}
		}
		if got := strings.Join(lines, " "); got != title {
			t.Errorf("%q at %v px: lines %q", title, size, lines)
		}
	}
}
