package epub

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"strings"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/fonts"
	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Cover geometry in pixels: the 1600 × 2560 ratio e-book stores expect.
const (
	coverW      = 1600
	coverH      = 2560
	coverMargin = 160
	rampSteps   = 15
)

// Cover colours: white paper, the accent, secondary grey and text.
var (
	coverAccent = color.RGBA{0x1F, 0x3A, 0x5F, 0xFF}
	coverGrey   = color.RGBA{0x55, 0x55, 0x55, 0xFF}
	coverInk    = color.RGBA{0x1A, 0x1A, 0x1A, 0xFF}
	inks        = []color.RGBA{coverAccent, coverGrey, coverInk}
)

// coverPalette holds white, then for each ink rampSteps blends from white
// to the ink, so antialiased text stays a small flat palette.
var coverPalette = func() color.Palette {
	p := color.Palette{color.White}
	for _, c := range inks {
		for k := 1; k <= rampSteps; k++ {
			mix := func(v uint8) uint8 { return uint8(255 - (255-int(v))*k/rampSteps) }
			p = append(p, color.RGBA{mix(c.R), mix(c.G), mix(c.B), 0xFF})
		}
	}
	return p
}()

// coverFont returns the parsed embedded font file; internal/fonts parses
// each file once per process.
func coverFont(file string) (*opentype.Font, error) {
	face, err := fonts.Load(file)
	if err != nil {
		return nil, err
	}
	return face.SFNT(), nil
}

// canvas is the cover being drawn.
type canvas struct {
	img *image.Paletted
}

// face returns a font face of file at size pixels.
func face(file string, size float64) (font.Face, error) {
	f, err := coverFont(file)
	if err != nil {
		return nil, err
	}
	return opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
}

// coverText keeps the runes the cover font can draw: others become '?'
// so that no empty box is ever printed.
func coverText(file, s string) string {
	f, err := fonts.Load(file)
	if err != nil {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return ' '
		case r < 0x20:
			return -1
		case r == ' ' || f.Has(r):
			return r
		}
		return '?'
	}, s)
}

// text draws s with its baseline at (x, y) in ink (an index into inks).
func (c *canvas) text(fc font.Face, s string, x, y, ink int) {
	d := &font.Drawer{Face: fc}
	bounds, _ := d.BoundString(s)
	r := image.Rect(bounds.Min.X.Floor(), bounds.Min.Y.Floor(), bounds.Max.X.Ceil(), bounds.Max.Y.Ceil())
	if r.Empty() {
		return
	}
	mask := image.NewAlpha(r)
	d.Dst, d.Src, d.Dot = mask, image.Opaque, fixed.Point26_6{}
	d.DrawString(s)
	base := uint8(1 + ink*rampSteps)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		for px := r.Min.X; px < r.Max.X; px++ {
			a := mask.AlphaAt(px, py).A
			if a == 0 {
				continue
			}
			tx, ty := x+px, y+py
			if !(image.Point{tx, ty}.In(c.img.Rect)) {
				continue
			}
			k := (int(a)*rampSteps + 127) / 255
			if k == 0 {
				continue
			}
			i := c.img.PixOffset(tx, ty)
			if cur := c.img.Pix[i]; cur == 0 || (cur-1)%rampSteps+1 < uint8(k) {
				c.img.Pix[i] = base + uint8(k) - 1
			}
		}
	}
}

func (c *canvas) rect(r image.Rectangle, ink int) {
	draw.Draw(c.img, r, &image.Uniform{coverPalette[1+ink*rampSteps+rampSteps-1]}, image.Point{}, draw.Src)
}

// wrap breaks s into lines no wider than width in face fc.
func wrap(fc font.Face, s string, width int) []string {
	var lines []string
	cur := ""
	for _, w := range strings.Fields(s) {
		try := w
		if cur != "" {
			try = cur + " " + w
		}
		if cur != "" && font.MeasureString(fc, try).Ceil() > width {
			lines = append(lines, cur)
			cur = w
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// coverLines sets the title as large as fits in at most three lines (four
// at the smallest size), balanced by trying narrower measures.
func coverLines(title string, width int) (font.Face, []string, float64, error) {
	var fc font.Face
	var lines []string
	var size float64
	for _, size = range []float64{150, 130, 112, 96, 84} {
		var err error
		if fc, err = face(assets.SansBold, size); err != nil {
			return nil, nil, 0, err
		}
		lines = wrap(fc, title, width)
		if len(lines) <= 3 {
			break
		}
	}
	// Balance: the narrowest measure that keeps the same number of lines.
	for w := width - 40; w > width/2 && len(lines) > 1; w -= 40 {
		l := wrap(fc, title, w)
		if len(l) != len(lines) {
			break
		}
		lines = l
	}
	if len(lines) > 5 {
		lines = append(lines[:4], lines[4]+"…")[:5]
	}
	return fc, lines, size, nil
}

// coverPNG draws the cover: the marking, the "BRIEFING" label, the title,
// the subtitle, an accent rule and the metadata lines. The pixels depend
// only on the text.
func coverPNG(label, marking, title, subtitle string, meta []string) ([]byte, error) {
	c := &canvas{img: image.NewPaletted(image.Rect(0, 0, coverW, coverH), coverPalette)}
	width := coverW - 2*coverMargin
	small, err := face(assets.SansBold, 52)
	if err != nil {
		return nil, err
	}
	regular, err := face(assets.SansRegular, 56)
	if err != nil {
		return nil, err
	}
	metaFace, err := face(assets.SansRegular, 48)
	if err != nil {
		return nil, err
	}
	c.rect(image.Rect(0, 0, coverW, 24), 0)
	if marking != "" {
		m := coverText(assets.SansBold, strings.ToUpper(marking))
		w := font.MeasureString(small, m).Ceil()
		c.text(small, m, (coverW-w)/2, 140, 1)
	}
	y := 720
	c.text(small, coverText(assets.SansBold, spaced(label)), coverMargin, y, 1)
	y += 150
	fc, lines, size, err := coverLines(coverText(assets.SansBold, title), width)
	if err != nil {
		return nil, err
	}
	lead := int(size * 1.18)
	for _, l := range lines {
		y += lead
		c.text(fc, l, coverMargin, y, 0)
	}
	if subtitle != "" {
		y += 50
		for _, l := range wrap(regular, coverText(assets.SansRegular, subtitle), width) {
			y += 76
			c.text(regular, l, coverMargin, y, 1)
		}
	}
	y += 90
	c.rect(image.Rect(coverMargin, y, coverMargin+360, y+12), 0)
	y += 60
	for _, m := range meta {
		for _, l := range wrap(metaFace, coverText(assets.SansRegular, m), width) {
			y += 70
			c.text(metaFace, l, coverMargin, y, 2)
		}
	}
	c.rect(image.Rect(0, coverH-24, coverW, coverH), 0)
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, c.img); err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	return buf.Bytes(), nil
}

// spaced letter-spaces an upper-case label: "BRIEFING" → "B R I E F I N G".
func spaced(s string) string {
	return strings.Join(strings.Split(strings.ToUpper(s), ""), "\u2009")
}
