package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"hash/crc32"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/basicfont"
	"golang.org/x/image/math/fixed"
)

// The example report in testdata/pictures shows two charts drawn by
// barChart; TestPictureChartsDrawn checks that the committed PNGs are what
// the code draws (go test -update rewrites them).
var pictureCharts = map[string]struct {
	labels     []string
	values     []int
	horizontal bool
}{
	"revenue.png": {[]string{"2020", "2021", "2022", "2023", "2024"}, []int{41, 48, 61, 69, 73}, false},
	"staff.png":   {[]string{"Head office", "North", "South", "East"}, []int{180, 96, 74, 62}, true},
}

// barChart draws a bar chart 600×360 pixels: bars in the accent colour
// with their values, labels under (or beside) them, on white.
func barChart(labels []string, values []int, horizontal bool) *image.Paletted {
	white, accent, ink, grid := color.RGBA{255, 255, 255, 255}, color.RGBA{0x1f, 0x3a, 0x5f, 255}, color.RGBA{0x33, 0x33, 0x33, 255}, color.RGBA{0xcc, 0xcc, 0xcc, 255}
	m := image.NewPaletted(image.Rect(0, 0, 600, 360), color.Palette{white, accent, ink, grid})
	draw.Draw(m, m.Bounds(), image.NewUniform(white), image.Point{}, draw.Src)
	fill := func(r image.Rectangle, c color.Color) { draw.Draw(m, r, image.NewUniform(c), image.Point{}, draw.Src) }
	text := func(x, y int, s string) {
		d := font.Drawer{Dst: m, Src: image.NewUniform(ink), Face: basicfont.Face7x13, Dot: fixed.P(x, y)}
		d.DrawString(s)
	}
	top := 0
	for _, v := range values {
		top = max(top, v)
	}
	if horizontal {
		fill(image.Rect(110, 20, 111, 340), grid)
		for i, v := range values {
			y := 30 + i*78
			w := v * 440 / top
			fill(image.Rect(111, y, 111+w, y+50), accent)
			text(10, y+30, labels[i])
			text(111+w+6, y+30, itoa(v))
		}
		return m
	}
	fill(image.Rect(40, 320, 580, 321), grid)
	for i, v := range values {
		x := 60 + i*104
		h := v * 260 / top
		fill(image.Rect(x, 320-h, x+72, 320), accent)
		text(x+20, 320-h-8, itoa(v))
		text(x+22, 342, labels[i])
	}
	return m
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

func TestPictureChartsDrawn(t *testing.T) {
	for name, c := range pictureCharts {
		var b bytes.Buffer
		if err := png.Encode(&b, barChart(c.labels, c.values, c.horizontal)); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join("testdata", "pictures", "charts", name)
		if *update {
			if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		have, err := os.ReadFile(file)
		if err != nil || !bytes.Equal(have, b.Bytes()) {
			t.Errorf("%s is not what barChart draws (go test -update): %v", file, err)
		}
	}
}

// TestPicturesBuild builds the example report with its two charts: both
// are in the PDF (pdfimages) with their captions, in the EPUB (manifest,
// <figure>, epubcheck 0/0) and in the JSON; the figures take no ¶ number;
// two builds give the same bytes.
func TestPicturesBuild(t *testing.T) {
	src := abs(t, filepath.Join("testdata", "pictures", "report.md"))
	outA, outB := t.TempDir(), t.TempDir()
	for _, out := range []string{outA, outB} {
		r := run(t, t.TempDir(), nil, "build", "-o", out, src)
		if r.code != 0 || r.stderr != "" && strings.Contains(r.stderr, "warning") {
			t.Fatalf("exit %d, stderr:\n%s", r.code, r.stderr)
		}
	}
	for _, ext := range []string{".pdf", ".epub", ".json"} {
		a, _ := os.ReadFile(filepath.Join(outA, "report"+ext))
		b, _ := os.ReadFile(filepath.Join(outB, "report"+ext))
		if len(a) == 0 || !bytes.Equal(a, b) {
			t.Errorf("report%s: two builds differ", ext)
		}
	}
	pdfFile, epubFile := filepath.Join(outA, "report.pdf"), filepath.Join(outA, "report.epub")

	// JSON: two picture blocks numbered 1 and 2; ¶ numbers run on.
	var x struct {
		Sections []struct {
			Title      string `json:"title"`
			Paragraphs []struct {
				Number int `json:"number"`
			} `json:"paragraphs"`
			Blocks []struct {
				Kind    string `json:"kind"`
				ID      string `json:"id"`
				Picture *struct {
					Number        int    `json:"number"`
					Path          string `json:"path"`
					Width, Height int
				} `json:"picture"`
			} `json:"blocks"`
		} `json:"sections"`
	}
	data, _ := os.ReadFile(filepath.Join(outA, "report.json"))
	if err := json.Unmarshal(data, &x); err != nil {
		t.Fatal(err)
	}
	var pics, nums []string
	for _, s := range x.Sections {
		for _, b := range s.Blocks {
			if b.Kind == "picture" {
				pics = append(pics, itoa(b.Picture.Number)+":"+b.Picture.Path+":"+itoa(b.Picture.Width)+"x"+itoa(b.Picture.Height))
				if b.ID != "" {
					t.Errorf("picture block with ¶ ID %q", b.ID)
				}
			}
		}
		for _, p := range s.Paragraphs {
			nums = append(nums, itoa(p.Number))
		}
	}
	if got, want := strings.Join(pics, " "), "1:charts/revenue.png:600x360 2:charts/staff.png:600x360"; got != want {
		t.Errorf("JSON pictures %q, want %q", got, want)
	}
	if got, want := strings.Join(nums, " "), "1 2 3 4 5"; got != want {
		t.Errorf("¶ numbers %q, want %q", got, want)
	}

	// EPUB: both images stored and shown as figures.
	epub, _ := os.ReadFile(epubFile)
	for _, want := range []string{"EPUB/images/pic-", `media-type="image/png"`, `<figcaption><span class="fignum">Figure 2.</span> Staff by region at the end of 2024</figcaption>`} {
		if !bytes.Contains(unzipAll(t, epub), []byte(want)) {
			t.Errorf("EPUB lacks %s", want)
		}
	}

	if _, err := exec.LookPath("pdfimages"); err == nil {
		out, err := exec.Command("pdfimages", "-list", pdfFile).CombinedOutput()
		if err != nil {
			t.Fatalf("pdfimages: %v\n%s", err, out)
		}
		var sizes []string
		for _, l := range strings.Split(string(out), "\n") {
			if f := strings.Fields(l); len(f) > 4 && f[2] == "image" {
				sizes = append(sizes, f[3]+"x"+f[4])
			}
		}
		if got := strings.Join(sizes, " "); got != "600x360 600x360" {
			t.Errorf("pdfimages -list: images %q, want two of 600×360\n%s", got, out)
		}
	} else if pdf, _ := os.ReadFile(pdfFile); bytes.Count(pdf, []byte("/Subtype /Image")) != 2 {
		t.Errorf("PDF: want two image objects")
	}
	if _, err := exec.LookPath("pdftotext"); err == nil {
		txt, _ := exec.Command("pdftotext", pdfFile, "-").Output()
		for _, want := range []string{"Figure 1. Revenue by year, million euros", "Figure 2. Staff by region at the end of 2024"} {
			if !strings.Contains(string(txt), want) {
				t.Errorf("PDF text lacks %q", want)
			}
		}
	}
	java, jerr := exec.LookPath("java")
	const jar = "/usr/share/java/epubcheck.jar"
	if _, serr := os.Stat(jar); jerr != nil || serr != nil {
		t.Log("epubcheck not installed: not run")
		return
	}
	b, err := exec.Command(java, "-jar", jar, epubFile).CombinedOutput()
	if err != nil || !strings.Contains(string(b), "No errors or warnings detected") {
		t.Errorf("epubcheck: %v\n%s", err, b)
	}
}

// TestHostilePictures: pictures that climb out of the folder, point out
// through a symbolic link, are URLs, are damaged or claim a huge size are
// not read; each gives one warning naming the file, line and picture; the
// build succeeds and keeps the alt text.
func TestHostilePictures(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "doc")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	var good bytes.Buffer
	c := pictureCharts["revenue.png"]
	if err := png.Encode(&good, barChart(c.labels, c.values, c.horizontal)); err != nil {
		t.Fatal(err)
	}
	write := func(name string, data []byte) {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(base, "secret.png"), good.Bytes())
	write(filepath.Join(dir, "cut.png"), good.Bytes()[:good.Len()/2])
	// A PNG header claiming 100000×100000 pixels, checksum and all.
	bomb := append([]byte{}, good.Bytes()...)
	copy(bomb[16:], []byte{0, 1, 0x86, 0xa0, 0, 1, 0x86, 0xa0})
	crc := crc32IEEE(bomb[12:29])
	copy(bomb[29:], []byte{byte(crc >> 24), byte(crc >> 16), byte(crc >> 8), byte(crc)})
	write(filepath.Join(dir, "bomb.png"), bomb)
	if err := os.Symlink(filepath.Join(base, "secret.png"), filepath.Join(dir, "link.png")); err != nil {
		t.Skip(err)
	}
	md := "# Pictures\n\nText one.\n\n![Up](../secret.png)\n\n![Link](link.png)\n\n![Web](https://example.com/a.png)\n\n![Cut](cut.png)\n\n![Bomb](bomb.png)\n\n![Data](data:image/png;base64,iVBORw0KGgo=)\n\nText two.\n"
	write(filepath.Join(dir, "doc.md"), []byte(md))
	out := t.TempDir()
	r := run(t, dir, nil, "build", "-o", out, "doc.md")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{
		`doc.md:5: warning: picture "../secret.png" not embedded: it is outside the source file's folder; its alt text is kept`,
		`doc.md:7: warning: picture "link.png" not embedded: a symbolic link leads outside the source file's folder; its alt text is kept`,
		`doc.md:9: warning: picture "https://example.com/a.png" not embedded: it is a URL`,
		`doc.md:11: warning: picture "cut.png" not embedded: the PNG data is damaged or cut short`,
		`doc.md:13: warning: picture "bomb.png" not embedded: it is 100000×100000 pixels, more than the limit of 10000 pixels a side; its alt text is kept`,
		`doc.md:15: warning: picture "data:image/png;base64,iVBORw0KGgo=" not embedded: it is a URL`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	pdf, _ := os.ReadFile(filepath.Join(out, "doc.pdf"))
	if bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("a refused picture is in the PDF")
	}
	epub, _ := os.ReadFile(filepath.Join(out, "doc.epub"))
	all := unzipAll(t, epub)
	if bytes.Contains(all, []byte("images/pic-")) {
		t.Error("a refused picture is in the EPUB")
	}
	for _, alt := range []string{"Up", "Link", "Web", "Cut", "Bomb", "Data"} {
		if !bytes.Contains(all, []byte(`<p>`+alt+`</p>`)) {
			t.Errorf("EPUB lacks the note with the alt text %q", alt)
		}
	}
}

// unzipAll returns the contents of every file in a zip archive, one after
// another, each preceded by its name.
func unzipAll(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	for _, f := range zr.File {
		out.WriteString(f.Name + "\n")
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(&out, rc); err != nil {
			t.Fatal(err)
		}
		rc.Close()
	}
	return out.Bytes()
}

func crc32IEEE(b []byte) uint32 { return crc32.ChecksumIEEE(b) }
