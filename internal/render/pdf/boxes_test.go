package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
	"github.com/go-pdf/fpdf"
)

// smallPNG is a 4×3 picture in two colours.
func smallPNG(t *testing.T) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	for x := 0; x < 4; x++ {
		m.Set(x, x%3, color.NRGBA{0x1f, 0x3a, 0x5f, 0xff})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// fallbackText returns a string the serif face draws only with another
// face's help, so that canvas.write splits it.
func fallbackText(t *testing.T, fs fontSet) string {
	t.Helper()
	for _, r := range "→✓∑★□ℓ≈" {
		if !fs[serif].Has(r) && fs.fallback(serif, r) >= 0 {
			return "a " + string(r) + " b"
		}
	}
	t.Skip("every candidate rune is in the serif face or in none")
	return ""
}

// TestBoxesPaintAsDrawn draws on a canvas that paints and on one that
// records, then paints the recorded boxes: both files must be the same,
// for every kind of box.
func TestBoxesPaintAsDrawn(t *testing.T) {
	st, fs := testStyleFonts(t)
	pic := smallPNG(t)
	mixed := fallbackText(t, fs)
	red, blue := rgb{200, 10, 10}, rgb{0, 0, 255}
	tests := []struct {
		name string
		draw func(c *canvas)
	}{
		{"text", func(c *canvas) {
			c.write(20, 30, serif, 10.5, red, "Text in one face")
			c.write(20, 40, serif, 10.5, red, "the same font and colour")
			c.write(20, 50, sansBold, 12, blue, "another")
		}},
		{"fallback face", func(c *canvas) { c.write(20, 30, serif, 10, red, mixed) }},
		{"font for a bookmark", func(c *canvas) {
			c.setFont(sans, 10)
			c.Bookmark("Section", 0, 30)
			c.Bookmark("Sub", 1, 60)
		}},
		{"rules and fills", func(c *canvas) {
			c.rule(20, 30, 80, 30, 0.2, blue)
			c.fill(20, 40, 30, 10, red)
			c.SetDrawColor(1, 2, 3)
			c.SetLineWidth(0.3)
			c.Rect(10, 10, 50, 20, "D")
			c.SetFillColor(9, 8, 7)
			c.Circle(50, 50, 0.9, "F")
			c.Line(0, 0, 10, 10)
		}},
		{"links", func(c *canvas) {
			id := c.AddLink()
			c.write(20, 30, serif, 10, red, "see below")
			c.Link(20, 27, 20, 4, id)
			c.LinkString(20, 37, 20, 4, "https://example.org/a?b=c")
			c.AddPage()
			c.SetLink(id, 50, c.PageNo())
		}},
		{"pictures", func(c *canvas) {
			opts := fpdf.ImageOptions{ImageType: "png"}
			c.registerImage("p1", opts, pic, 1)
			c.ImageOptions("p1", 20, 30, 40, 30, false, opts, 0, "")
			c.AddPage()
			c.ImageOptions("p1", 20, 30, 20, 15, false, opts, 0, "")
		}},
		{"raw content", func(c *canvas) {
			c.RawWriteStr("/P <</MCID 0>> BDC")
			c.write(20, 30, serif, 10, red, "marked")
			c.RawWriteStr("EMC")
		}},
		{"back to an earlier page", func(c *canvas) {
			c.AddPage()
			c.SetPage(1)
			c.write(20, 30, serif, 10, red, "on the first page")
			c.SetPage(2)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			file := func(record bool) []byte {
				t.Helper()
				pdf, err := newDocument(fixtureInput(), st, &front{title: "Boxes"}, "A4")
				if err != nil {
					t.Fatal(err)
				}
				c := paintCanvas(pdf, fs)
				c.t = newTagger() // as a pass that paints directly marks content
				if record {
					c = recordCanvas(fs)
				}
				c.AddPage()
				tc.draw(c)
				c.closeMarked()
				if record {
					if c.rec.boxes() == 0 {
						t.Fatal("nothing recorded")
					}
					p := paintCanvas(pdf, fs)
					c.rec.replay(p)
					if c.rec.boxes() != 0 {
						t.Error("replay kept its boxes")
					}
					c = p
				}
				c.SetPage(c.PageCount())
				var b bytes.Buffer
				if err := pdf.Output(&b); err != nil {
					t.Fatal(err)
				}
				return b.Bytes()
			}
			direct, replayed := file(false), file(true)
			if !bytes.Equal(direct, replayed) {
				t.Errorf("painting the boxes gives %d bytes, drawing directly %d", len(replayed), len(direct))
			}
		})
	}
}

// TestPassCanvas: a layout that paints records from its second pass on;
// one that does not (LayoutPages) neither records nor paints.
func TestPassCanvas(t *testing.T) {
	_, fs := testStyleFonts(t)
	for _, tc := range []struct {
		paint  bool
		pass   int
		record bool
	}{
		{true, 1, false},
		{true, 2, true},
		{true, maxPasses, true},
		{false, 1, false},
		{false, 2, false},
		{false, maxPasses, false},
	} {
		c := passCanvas(fs, tc.paint, tc.pass)
		if c.pdf != nil {
			t.Errorf("paint %v pass %d: a layout pass paints", tc.paint, tc.pass)
		}
		if got := c.rec != nil; got != tc.record {
			t.Errorf("paint %v pass %d: records %v, want %v", tc.paint, tc.pass, got, tc.record)
		}
		if !tc.record && !c.dry() {
			t.Errorf("paint %v pass %d: not dry", tc.paint, tc.pass)
		}
	}
}

// testdataInput parses and analyses testdata/name.
func testdataInput(t *testing.T, name string) *render.Input {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	var ws source.Warnings
	doc, err := parse.Parse(&source.File{Name: name, Data: data}, &ws)
	if err != nil {
		t.Fatal(err)
	}
	return &render.Input{Doc: doc, Analysis: analyze.Analyze(doc, analyze.Options{}), SourceData: data,
		Options: render.DefaultOptions(), Warnings: &ws}
}
