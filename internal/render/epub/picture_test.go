package epub

import (
	"bytes"
	"image"
	"image/color"
	"image/gif"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/picture"
	"github.com/briefbook/briefbook/internal/render"
)

// testPicture draws a w×h image, encodes it as format and reads it back
// through picture.Decode, as the parser would.
func testPicture(t *testing.T, format string, w, h int, shade uint8) *document.Image {
	t.Helper()
	m := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.RGBA{shade, 0x3a, 0x5f, 0xff}})
	for y := 0; y < h; y++ {
		for x := 0; x < w*y/h; x++ {
			m.SetColorIndex(x, y, 1)
		}
	}
	var b bytes.Buffer
	var err error
	if format == "gif" {
		err = gif.Encode(&b, m, nil)
	} else {
		err = png.Encode(&b, m)
	}
	if err != nil {
		t.Fatal(err)
	}
	im, err := picture.Decode(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return im
}

// pictureInput is the fixture with pictures added to its first section:
// a PNG with alt text and title, the same PNG again, a GIF and a picture
// that could not be read. alt is the GIF's alt text.
func pictureInput(t *testing.T, gifAlt string) *render.Input {
	in := pagedInput()
	chart := testPicture(t, "png", 300, 200, 0x1f)
	s := in.Doc.Sections[0]
	s.Blocks = append(s.Blocks,
		&document.Picture{Path: "chart.png", Alt: "Bar chart of exports", Title: "Exports by year", Image: chart},
		&document.Picture{Path: "img/map.gif", Alt: gifAlt, Image: testPicture(t, "gif", 40, 30, 0x80)},
		&document.Picture{Path: "https://x.org/a.png", Alt: "Remote logo"},
		&document.Picture{Path: "chart.png", Alt: "Bar chart of exports", Image: chart},
	)
	in.Doc.Number()
	return in
}

func TestPictures(t *testing.T) {
	in := pictureInput(t, "Map of the regions")
	data := renderBytes(t, in)
	_, files := entries(t, data)
	png := "images/pic-" + in.Doc.Sections[0].Blocks[len(in.Doc.Sections[0].Blocks)-1].(*document.Picture).Image.Hash[:16] + ".png"
	var gifName string
	for name := range files {
		if strings.HasSuffix(name, ".gif") {
			gifName = strings.TrimPrefix(name, "EPUB/")
		}
	}
	if _, ok := files["EPUB/"+png]; !ok || gifName == "" {
		t.Fatalf("picture files missing: want %s and a .gif, have %v", png, sortedNames(toBytes(files)))
	}
	if n := len(regexp.MustCompile(`EPUB/images/pic-`).FindAllString(strings.Join(sortedNames(toBytes(files)), " "), -1)); n != 2 {
		t.Errorf("%d picture files, want 2 (the repeated PNG stored once)", n)
	}
	opf := files["EPUB/package.opf"]
	for _, want := range []string{
		`href="` + png + `" media-type="image/png"/>`,
		`href="` + gifName + `" media-type="image/gif"/>`,
		`<meta property="schema:accessMode">visual</meta>`,
		`<meta property="schema:accessModeSufficient">textual</meta>`,
		`<meta property="schema:accessibilityFeature">alternativeText</meta>`,
		"each of the 3 pictures in the text has a text alternative",
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package.opf lacks %s", want)
		}
	}
	body := files["EPUB/xhtml/text-0001.xhtml"]
	for _, want := range []string{
		`<figure class="picture"><img src="../` + png + `" alt="Bar chart of exports"/>` + "\n" + `<figcaption><span class="fignum">1-сурет.</span> Exports by year</figcaption></figure>`,
		`<img src="../` + gifName + `" alt="Map of the regions"/>` + "\n" + `<figcaption><span class="fignum">2-сурет.</span> Map of the regions</figcaption>`,
		`<div class="picture-missing" role="note"><p>Remote logo</p></div>`,
		`<span class="fignum">3-сурет.</span> Bar chart of exports`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("text-0001.xhtml lacks %s", want)
		}
	}
	if !bytes.Equal(data, renderBytes(t, pictureInput(t, "Map of the regions"))) {
		t.Error("two renders with pictures differ")
	}
	checkEpub(t, data)
}

// TestPictureWithoutAlt: a picture with no text alternative means text
// alone does not suffice and alternativeText is not claimed.
func TestPictureWithoutAlt(t *testing.T) {
	data := renderBytes(t, pictureInput(t, ""))
	_, files := entries(t, data)
	opf := files["EPUB/package.opf"]
	if strings.Contains(opf, "alternativeText") {
		t.Error("alternativeText claimed with a picture that has no alt text")
	}
	for _, want := range []string{`<meta property="schema:accessModeSufficient">textual,visual</meta>`, "1 of the 3 pictures in the text has no text alternative"} {
		if !strings.Contains(opf, want) {
			t.Errorf("package.opf lacks %s", want)
		}
	}
	checkEpub(t, data)
}

// checkEpub runs epubcheck on data when it is installed and requires no
// errors and no warnings.
func checkEpub(t *testing.T, data []byte) {
	t.Helper()
	java, err := exec.LookPath("java")
	if err != nil {
		t.Log("java not installed: epubcheck skipped")
		return
	}
	if _, err := os.Stat(epubcheckJar); err != nil {
		t.Log("epubcheck not installed: skipped")
		return
	}
	file := filepath.Join(t.TempDir(), "book.epub")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(java, "-jar", epubcheckJar, file).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "No errors or warnings detected") {
		t.Fatalf("epubcheck: %v\n%s", err, out)
	}
}
