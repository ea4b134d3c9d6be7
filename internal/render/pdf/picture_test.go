package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	picfile "github.com/briefbook/briefbook/internal/picture"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// drawn returns a w×h image with a band whose place depends on seed, so
// that pictures of one size differ.
func drawn(w, h, seed int) *image.RGBA64 {
	m := image.NewRGBA64(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA64{0xffff, 0xffff, 0xffff, 0xffff}
			if (x/8+seed)%3 == 0 && y > h/4 {
				c = color.RGBA64{0x1f1f, 0x3a3a, 0x5f5f, 0xffff}
			}
			m.SetRGBA64(x, y, c)
		}
	}
	return m
}

// encoded encodes m as format ("png16" keeps 16 bits a channel) and reads
// it through picfile.Decode.
func encoded(t *testing.T, format string, m *image.RGBA64) *document.Image {
	t.Helper()
	var b bytes.Buffer
	var err error
	switch format {
	case "png16":
		err = png.Encode(&b, m)
	case "png":
		n := image.NewNRGBA(m.Bounds())
		for y := 0; y < m.Bounds().Dy(); y++ {
			for x := 0; x < m.Bounds().Dx(); x++ {
				n.Set(x, y, m.At(x, y))
			}
		}
		err = png.Encode(&b, n)
	case "jpeg":
		err = jpeg.Encode(&b, m, &jpeg.Options{Quality: 80})
	case "gif":
		err = gif.Encode(&b, m, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	im, err := picfile.Decode(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return im
}

// pictureDoc is a document of text and pictures: four of the same width
// (PNG, 16-bit PNG, JPEG, GIF), a tall one and one not read.
func pictureDoc(t *testing.T) *document.Document {
	pos := func(line int) source.Pos { return source.Pos{File: "p.md", Line: line} }
	pic := func(line int, alt, title string, im *document.Image) *document.Picture {
		return &document.Picture{Pos: pos(line), Path: fmt.Sprintf("p%d.png", line), Alt: alt, Title: title, Image: im}
	}
	d := &document.Document{Meta: document.Meta{Title: "Pictures", Language: "en", Source: "p.md"}}
	s := &document.Section{Title: "Charts", Pos: pos(1)}
	s.Blocks = []document.Block{
		para(lorem, 3),
		pic(5, "Bars in blue", "Exports by year", encoded(t, "png", drawn(300, 200, 0))),
		para(lorem, 7),
		pic(9, "Deep bars", "", encoded(t, "png16", drawn(300, 150, 1))),
		pic(11, "Photo", "A photograph", encoded(t, "jpeg", drawn(300, 120, 2))),
		pic(13, "Animated", "First frame", encoded(t, "gif", drawn(300, 90, 0))),
		para(lorem, 15),
		pic(17, "Tower", "A tall picture", encoded(t, "png", drawn(400, 3000, 1))),
		&document.Picture{Pos: pos(19), Path: "https://x.org/a.png", Alt: "Remote logo"},
		para(lorem+lorem, 21),
	}
	d.Sections = []*document.Section{s}
	d.Number()
	return d
}

func pictureInput(t *testing.T) *render.Input {
	return &render.Input{Doc: pictureDoc(t), Options: render.DefaultOptions(), Warnings: &source.Warnings{}}
}

func TestPicturesInPDF(t *testing.T) {
	in := pictureInput(t)
	res := mustLayout(t, in)
	for i := 0; i < 8; i++ {
		if again := mustLayout(t, pictureInput(t)); !bytes.Equal(res.PDF, again.PDF) {
			t.Fatal("two renders with pictures of equal width differ (fpdf writes equal widths in map order; see orderImage)")
		}
	}
	if len(in.Warnings.List) != 0 {
		t.Errorf("warnings: %v", in.Warnings.List)
	}
	if n := bytes.Count(res.PDF, []byte("/Subtype /Image")); n < 5 {
		t.Errorf("%d image objects, want at least 5", n)
	}
	file := filepath.Join(t.TempDir(), "p.pdf")
	if err := os.WriteFile(file, res.PDF, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdfimages"); err != nil {
		t.Skip("pdfimages not installed")
	}
	out, err := exec.Command("pdfimages", "-list", file).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfimages: %v\n%s", err, out)
	}
	// page num type width height …: the pictures in document order,
	// at their pixel size (soft masks aside).
	var sizes []string
	pages := map[string]string{}
	for _, l := range strings.Split(string(out), "\n")[2:] {
		f := strings.Fields(l)
		if len(f) > 4 && f[2] == "image" {
			sizes = append(sizes, f[3]+"x"+f[4])
			pages[f[3]+"x"+f[4]] = f[0]
		}
	}
	if got, want := strings.Join(sizes, " "), "300x200 300x150 300x120 300x90 400x3000"; got != want {
		t.Errorf("pdfimages sizes %q, want %q\n%s", got, want, out)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		return
	}
	// Each caption is on the page of its picture; the missing picture's
	// alt text is printed.
	for size, caption := range map[string]string{"300x200": "Figure 1. Exports by year", "300x90": "Figure 4. First frame", "400x3000": "Figure 5. A tall picture"} {
		p := pages[size]
		txt, err := exec.Command("pdftotext", "-f", p, "-l", p, "-layout", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(txt), caption) {
			t.Errorf("page %s (picture %s) lacks %q", p, size, caption)
		}
	}
	all, _ := exec.Command("pdftotext", file, "-").Output()
	if !strings.Contains(string(all), "Remote logo") || !strings.Contains(string(all), "Figure 2. Deep bars") {
		t.Errorf("alt text of the missing picture or a caption from alt text missing:\n%s", all)
	}
}

func TestPictureSize(t *testing.T) {
	st, _ := testStyleFonts(t)
	l := &layout{typesetting: typesetting{st: st, top: 25, pageBottom: 272}} // A4: 247 mm of text height
	f := frame{x: 22, w: 166}
	tests := []struct {
		name   string
		px, py int
		w, h   float64
	}{
		{"small: natural size at 150 dpi", 300, 150, 50.8, 25.4},
		{"wide: the text width", 2000, 1000, 166, 83},
		{"tall: the text height less the caption", 400, 6000, 247.0 - 10, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, h := l.pictureSize(&picture{px: tt.px, py: tt.py}, f, 10)
			if tt.h == 0 {
				tt.h, tt.w = tt.w, tt.w*float64(tt.px)/float64(tt.py)
			}
			if diff(w, tt.w) > 0.01 || diff(h, tt.h) > 0.01 {
				t.Errorf("size %.2f×%.2f mm, want %.2f×%.2f", w, h, tt.w, tt.h)
			}
		})
	}
}

func diff(a, b float64) float64 {
	if a > b {
		return a - b
	}
	return b - a
}

func TestKeepPictures(t *testing.T) {
	if *keep == "" {
		t.Skip("no -keep file given")
	}
	if err := os.WriteFile(*keep, mustLayout(t, pictureInput(t)).PDF, 0o644); err != nil {
		t.Fatal(err)
	}
}
