package epub

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"
)

// TestEncodePNG4: the PNG decodes to the same palette indexes, for odd and
// even widths, blank and drawn rows; a palette of more than 16 colours is
// refused.
func TestEncodePNG4(t *testing.T) {
	pal := coverPalette
	if len(pal) > 16 {
		t.Fatalf("the cover palette has %d colours: not a 4-bit PNG", len(pal))
	}
	for _, size := range []image.Point{{1, 1}, {7, 5}, {8, 3}, {33, 17}} {
		img := image.NewPaletted(image.Rect(0, 0, size.X, size.Y), pal)
		for i := range img.Pix {
			if (i/size.X)%3 != 1 { // every third row blank
				img.Pix[i] = uint8((i * 7) % len(pal))
			}
		}
		data, err := encodePNG4(img)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := encodePNG4(img)
		if !bytes.Equal(data, again) {
			t.Fatalf("%v: two encodings differ", size)
		}
		dec, err := png.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%v: %v", size, err)
		}
		got, ok := dec.(*image.Paletted)
		if !ok {
			t.Fatalf("%v: decodes as %T, want a paletted image", size, dec)
		}
		if len(got.Palette) != len(pal) {
			t.Fatalf("%v: %d colours, want %d", size, len(got.Palette), len(pal))
		}
		for y := 0; y < size.Y; y++ {
			for x := 0; x < size.X; x++ {
				if g, w := got.ColorIndexAt(x, y), img.ColorIndexAt(x, y); g != w {
					t.Fatalf("%v: pixel (%d,%d) is %d, want %d", size, x, y, g, w)
				}
			}
		}
		if cfg, err := png.DecodeConfig(bytes.NewReader(data)); err != nil || cfg.Width != size.X || cfg.Height != size.Y {
			t.Errorf("%v: config %+v, %v", size, cfg, err)
		}
	}
	big := make(color.Palette, 17)
	for i := range big {
		big[i] = color.Gray{uint8(i)}
	}
	if _, err := encodePNG4(image.NewPaletted(image.Rect(0, 0, 2, 2), big)); err == nil {
		t.Error("17 colours: no error")
	}
}

// BenchmarkCover draws a cover with a long title, subtitle and metadata.
func BenchmarkCover(b *testing.B) {
	for b.Loop() {
		if _, err := coverPNG("Briefing", "Official use only", "Main vectors of Kazakhstan's foreign policy",
			"A subtitle that is rather long and goes on", []string{"Author Name", "2024"}); err != nil {
			b.Fatal(err)
		}
	}
}
