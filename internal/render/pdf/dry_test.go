package pdf

import (
	"bytes"
	"math"
	"os"
	"reflect"
	"runtime"
	"testing"
	"time"
	"weak"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// paintedLayout lays out in as layoutPasses did before dry passes: every
// pass paints with fpdf, and the first pass that records what the one
// before it recorded is the file.
func paintedLayout(t *testing.T, in *render.Input) *Result {
	t.Helper()
	size, err := pageSize(in.Options.Paper)
	if err != nil {
		t.Fatal(err)
	}
	st, err := loadStyle(in.Options.Style)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := loadFonts(st, in.Options.Fonts)
	if err != nil {
		t.Fatal(err)
	}
	hy, err := newHyphenator(in.Doc.Meta.Language)
	if err != nil {
		t.Fatal(err)
	}
	z := newSanitizer(fs, nil)
	d, fm := prepare(in.Doc, st, z), prepareFront(in, st, z)
	omitFront(fm, in.Options.Omit)
	m := &metrics{}
	var prev *record
	for pass := 1; ; pass++ {
		l, err := newLayout(in, st, fs, m, d, fm, size, prev)
		if err != nil {
			t.Fatal(err)
		}
		l.hy = hy
		l.run()
		if err := l.c.Error(); err != nil {
			t.Fatal(err)
		}
		if prev != nil && (l.rec.equal(prev) || pass == maxPasses) {
			res, err := l.output()
			if err != nil {
				t.Fatal(err)
			}
			return res
		}
		prev = l.rec
	}
}

// TestDryPassesLayOutAsPainted: the passes that lay out without fpdf
// settle the same page map as painting passes, and the boxes recorded by
// the settled pass paint the same file.
func TestDryPassesLayOutAsPainted(t *testing.T) {
	letter := fixtureInput()
	letter.Options.Paper = "letter"
	for name, in := range map[string]*render.Input{
		"fixture":    fixtureInput(),
		"letter":     letter,
		"long":       {Doc: longDoc(t), Options: render.DefaultOptions(), Warnings: &source.Warnings{}},
		"pictures":   {Doc: pictureDoc(t), Options: render.DefaultOptions(), Warnings: &source.Warnings{}},
		"constructs": testdataInput(t, "constructs.md"),
		"kk-ru":      testdataInput(t, "kk-ru.md"),
		"urls":       testdataInput(t, "urls.md"),
	} {
		t.Run(name, func(t *testing.T) {
			want := paintedLayout(t, in)
			got := mustLayout(t, in)
			if !bytes.Equal(got.PDF, want.PDF) {
				t.Errorf("dry passes give a different file (%d bytes, painted passes %d)", len(got.PDF), len(want.PDF))
			}
			if got.Pages != want.Pages {
				t.Errorf("%d pages, painted passes %d", got.Pages, want.Pages)
			}
		})
	}
}

// TestOnlyUsedFacesEmbedded: a face is embedded when the document draws
// with it, not because the style names it.
func TestOnlyUsedFacesEmbedded(t *testing.T) {
	doc := func(blocks ...document.Block) *render.Input {
		d := &document.Document{Meta: document.Meta{Title: "Faces", Language: "en"},
			Sections: []*document.Section{{Title: "One", Blocks: blocks}}}
		d.Number()
		return &render.Input{Doc: d, Options: render.DefaultOptions(), Warnings: &source.Warnings{}}
	}
	para := &document.Paragraph{Pos: source.Pos{Line: 1}, Inlines: []document.Inline{document.Text("Plain words only.")}}
	code := &document.CodeBlock{Pos: source.Pos{Line: 2}, Text: "x := 1"}
	for _, tc := range []struct {
		name     string
		in       *render.Input
		wantMono bool
	}{
		{"prose", doc(para), false},
		{"code", doc(para, code), true},
	} {
		res := mustLayout(t, tc.in)
		if got := bytes.Contains(res.PDF, []byte("/BaseFont /utf8mono")); got != tc.wantMono {
			t.Errorf("%s: mono embedded %v, want %v", tc.name, got, tc.wantMono)
		}
		if !bytes.Contains(res.PDF, []byte("/BaseFont /utf8serif\n")) {
			t.Errorf("%s: the body face is not embedded", tc.name)
		}
	}
}

// TestWidthsMeasuredOnce: every layout shares one width table per face,
// whose widths are those fpdf draws with.
func TestWidthsMeasuredOnce(t *testing.T) {
	_, fs := testStyleFonts(t)
	if widthsOf(fs[serif]) != widthsOf(fs[serif]) {
		t.Fatal("two width tables for one face")
	}
	if widthsOf(fs[serif]) == widthsOf(fs[mono]) {
		t.Fatal("one width table for two faces")
	}
	c := dryCanvas(fs)
	m := &metrics{}
	var buf sfnt.Buffer
	for _, tc := range []struct {
		f face
		r rune
	}{{mono, 'W'}, {mono, 'i'}, {serif, ' '}, {serif, 'W'}, {sansBold, 'Ж'}} {
		// The advance from the font's own tables, in 1000ths of an em as
		// fpdf rounds it, at 1 pt in mm.
		sf := fs[tc.f].SFNT()
		upem := sf.UnitsPerEm()
		gi, err := sf.GlyphIndex(&buf, tc.r)
		if err != nil || gi == 0 {
			t.Fatalf("face %d has no %q", tc.f, tc.r)
		}
		adv, err := sf.GlyphAdvance(&buf, gi, fixed.I(int(upem)), font.HintingNone)
		if err != nil {
			t.Fatal(err)
		}
		want := math.Round(float64(adv.Round())*1000/float64(upem)) * ptMM / 1000
		if got := m.runeWidth(c, tc.f, tc.r); float32(got) != float32(want) {
			t.Errorf("face %d %q: width %g, want %g", tc.f, tc.r, got, want)
		}
	}
	if m.runeWidth(c, mono, 'W') != m.runeWidth(c, mono, 'i') {
		t.Error("mono is not monospaced")
	}
	if err := c.Error(); err != nil {
		t.Fatal(err)
	}
}

// TestWidthsLetGoOfFonts: the width table of a font opened for one build
// leaves the cache once the font is no longer used.
func TestWidthsLetGoOfFonts(t *testing.T) {
	_, fs := testStyleFonts(t)
	data, err := os.ReadFile("../../../assets/" + fs[serif].File)
	if err != nil {
		t.Skip(err)
	}
	f, err := fonts.FromBytes("user.ttf", data)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := widthsOf(f).runeWidth(f, 'a'); err != nil {
		t.Fatal(err)
	}
	k := weak.Make(f)
	f = nil
	for range 50 {
		runtime.GC()
		faceWidths.Lock()
		_, held := faceWidths.m[k]
		faceWidths.Unlock()
		if !held {
			return
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Error("the width table of a dropped font is still cached")
}

// TestLayoutPagesMatchesLayout: the page map without the file is the page
// map of the file.
func TestLayoutPagesMatchesLayout(t *testing.T) {
	for name, in := range map[string]*render.Input{
		"fixture": fixtureInput(),
		"long":    {Doc: longDoc(t), Options: render.DefaultOptions(), Warnings: &source.Warnings{}},
	} {
		want := mustLayout(t, in)
		got, err := LayoutPages(in)
		if err != nil {
			t.Fatal(err)
		}
		if got.PDF != nil {
			t.Errorf("%s: LayoutPages painted a file", name)
		}
		got.PDF = want.PDF
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: LayoutPages gives another page map (%d pages, Layout %d)", name, got.Pages, want.Pages)
		}
	}
	if _, err := LayoutPages(&render.Input{}); err == nil {
		t.Error("LayoutPages without a document: no error")
	}
}
