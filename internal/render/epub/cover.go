package epub

import (
	"fmt"
	"image"
	"image/color"
	"strings"
	"unicode"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/briefbook/briefbook/internal/render"
	"golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// Cover geometry in pixels: the 1600 × 2560 ratio e-book stores expect.
// rampSteps is the number of antialiasing shades per ink: with white, 3
// inks × 5 shades make 16 colours, which PNG stores at 4 bits a pixel —
// half the bytes to compress of an 8-bit palette, which cost a third of
// drawing the cover.
const (
	coverW      = 1600
	coverH      = 2560
	coverMargin = 160
	rampSteps   = 5
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

// canvas is the cover being drawn.
type canvas struct {
	img *image.Paletted
}

// face returns a font face of file at size pixels, drawing the runes file
// lacks in the first fallback font that has them.
func face(file string, size float64, fallback ...*fonts.Face) (font.Face, error) {
	ff, err := fonts.Load(file)
	if err != nil {
		return nil, err
	}
	fc, err := opentype.NewFace(ff.SFNT(), &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	return newMultiFace(fc, ff, fallback, size)
}

// coverText keeps the runes the cover font (or a fallback font) can draw:
// others become '?' so that no empty box is ever printed.
func coverText(file, s string, fallback ...*fonts.Face) string {
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
		for _, g := range fallback {
			if g.Has(r) {
				return r
			}
		}
		return '?'
	}, s)
}

// text draws s with its baseline at (x, y) in ink (an index into inks).
func (c *canvas) text(fc font.Face, s string, x, y, ink int) {
	d := &font.Drawer{Face: fc}
	bounds, _ := d.BoundString(s)
	r := image.Rect(bounds.Min.X.Floor(), bounds.Min.Y.Floor(), bounds.Max.X.Ceil(), bounds.Max.Y.Ceil())
	// Only the part that lands on the cover is rasterised.
	r = r.Intersect(c.img.Rect.Sub(image.Pt(x, y)))
	if r.Empty() {
		return
	}
	// The glyphs are drawn onto a transparent RGBA image, whose alpha is
	// then the coverage: image/draw composites a glyph onto RGBA in its
	// fast path, onto an Alpha image one generic pixel at a time.
	mask := image.NewRGBA(r)
	d.Dst, d.Src, d.Dot = mask, image.Opaque, fixed.Point26_6{}
	d.DrawString(s)
	base := uint8(1 + ink*rampSteps)
	for py := r.Min.Y; py < r.Max.Y; py++ {
		row := mask.Pix[mask.PixOffset(r.Min.X, py):]
		for px := r.Min.X; px < r.Max.X; px++ {
			a := row[4*(px-r.Min.X)+3]
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

// Bounds of the cover text: the title takes at most coverTitleLines lines,
// the subtitle coverSubtitleLines and each metadata line coverMetaLines;
// the last line kept ends in an ellipsis when text is cut.
const (
	coverTitleLines    = 5
	coverSubtitleLines = 8
	coverMetaLines     = 3
)

// advance measures text in one face the way font.MeasureString does (glyph
// advances plus kerning), one rune at a time, so that a prefix is measured
// as it grows.
type advance struct {
	fc   font.Face
	prev rune
	w    fixed.Int26_6
}

func newAdvance(fc font.Face) advance { return advance{fc: fc, prev: -1} }

// with returns the width after r is added, without adding it.
func (a advance) with(r rune) fixed.Int26_6 {
	w := a.w
	if a.prev >= 0 {
		w += a.fc.Kern(a.prev, r)
	}
	g, _ := a.fc.GlyphAdvance(r)
	return w + g
}

func (a *advance) add(r rune) {
	a.w = a.with(r)
	a.prev = r
}

// ellipsize returns the longest rune prefix of s that fits in width with
// "…" after it, and the ellipsis.
func ellipsize(fc font.Face, s string, width int) string {
	a := newAdvance(fc)
	cut := 0
	for i, r := range s {
		if a.with('…').Ceil() <= width {
			cut = i
		} else {
			break
		}
		a.add(r)
	}
	if a.with('…').Ceil() <= width {
		cut = len(s)
	}
	return strings.TrimRight(s[:cut], " ") + "…"
}

// splitWide cuts a word wider than width into pieces that fit (at least
// one rune each).
func splitWide(fc font.Face, w string, width int) []string {
	var out []string
	a, start := newAdvance(fc), 0
	for i, r := range w {
		if i > start && a.with(r).Ceil() > width {
			out = append(out, w[start:i])
			a, start = newAdvance(fc), i
		}
		a.add(r)
	}
	return append(out, w[start:])
}

// wrap breaks s into lines no wider than width in face fc, cutting words
// wider than a line between runes (split reports one). It sets at most
// max lines: when text is left over it ellipsizes the last line and
// reports cut. It reads s only as far as those lines need, so its cost
// does not grow with s.
func wrap(fc font.Face, s string, width, max int) (lines []string, cut, split bool) {
	cur := ""
	rest := s
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		end := strings.IndexFunc(rest, unicode.IsSpace)
		if end < 0 {
			end = len(rest)
		}
		word := rest[:end]
		// A word can reach past the lines left only by its first max line
		// widths; cap it before measuring.
		word = capRunes(word, max*width+1)
		pieces := []string{word}
		if font.MeasureString(fc, word).Ceil() > width {
			pieces, split = splitWide(fc, word, width), true
		}
		for k, w := range pieces {
			try := w
			if cur != "" {
				try = cur + " " + w
			}
			if cur != "" && (k > 0 || font.MeasureString(fc, try).Ceil() > width) {
				lines = append(lines, cur)
				cur = w
			} else {
				cur = try
			}
			if len(lines) == max {
				lines[max-1] = ellipsize(fc, lines[max-1], width)
				return lines, true, split
			}
		}
		rest = rest[end:]
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines, false, split
}

// capRunes returns the first n runes of s.
func capRunes(s string, n int) string {
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

// coverLines sets the title as large as fits in at most three lines
// (coverTitleLines at the smallest size) without cutting a word, balanced
// by trying narrower measures.
func coverLines(title string, width int, fallback ...*fonts.Face) (font.Face, []string, float64, error) {
	var fc font.Face
	var lines []string
	var cut, split bool
	var size float64
	for _, size = range []float64{150, 130, 112, 96, 84} {
		var err error
		if fc, err = face(assets.SansBold, size, fallback...); err != nil {
			return nil, nil, 0, err
		}
		lines, cut, split = wrap(fc, title, width, coverTitleLines)
		if len(lines) <= 3 && !cut && !split {
			break
		}
	}
	// Balance: the narrowest measure that keeps the same number of lines.
	for w := width - 40; !cut && !split && w > width/2 && len(lines) > 1; w -= 40 {
		l, c, sp := wrap(fc, title, w, coverTitleLines)
		if c || sp || len(l) != len(lines) {
			break
		}
		lines = l
	}
	return fc, lines, size, nil
}

// coverPNG draws the cover: the marking, the "BRIEFING" label, the title,
// the subtitle, an accent rule and the metadata lines. The pixels depend
// only on the text. Each text is fitted to its lines with an ellipsis, so
// the cost is bounded whatever their length. Runes the cover's fonts lack
// are drawn in the first fallback font that has them.
func coverPNG(label, marking, title, subtitle string, meta []string, fallback ...*fonts.Face) ([]byte, error) {
	c := &canvas{img: image.NewPaletted(image.Rect(0, 0, coverW, coverH), coverPalette)}
	width := coverW - 2*coverMargin
	small, err := face(assets.SansBold, 52, fallback...)
	if err != nil {
		return nil, err
	}
	regular, err := face(assets.SansRegular, 56, fallback...)
	if err != nil {
		return nil, err
	}
	metaFace, err := face(assets.SansRegular, 48, fallback...)
	if err != nil {
		return nil, err
	}
	c.rect(image.Rect(0, 0, coverW, 24), 0)
	if marking != "" {
		m := coverText(assets.SansBold, strings.ToUpper(render.Clip(marking, render.MaxMarking)), fallback...)
		w := font.MeasureString(small, m).Ceil()
		if w > width {
			m = ellipsize(small, m, width)
			w = font.MeasureString(small, m).Ceil()
		}
		c.text(small, m, (coverW-w)/2, 140, 1)
	}
	y := 720
	c.text(small, coverText(assets.SansBold, spaced(label), fallback...), coverMargin, y, 1)
	y += 150
	fc, lines, size, err := coverLines(coverText(assets.SansBold, title, fallback...), width, fallback...)
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
		ls, _, _ := wrap(regular, coverText(assets.SansRegular, subtitle, fallback...), width, coverSubtitleLines)
		for _, l := range ls {
			y += 76
			c.text(regular, l, coverMargin, y, 1)
		}
	}
	y += 90
	c.rect(image.Rect(coverMargin, y, coverMargin+360, y+12), 0)
	y += 60
	for _, m := range meta {
		ls, _, _ := wrap(metaFace, coverText(assets.SansRegular, m, fallback...), width, coverMetaLines)
		for _, l := range ls {
			y += 70
			c.text(metaFace, l, coverMargin, y, 2)
		}
	}
	c.rect(image.Rect(0, coverH-24, coverW, coverH), 0)
	png, err := encodePNG4(c.img)
	if err != nil {
		return nil, fmt.Errorf("cover: %w", err)
	}
	return png, nil
}

// spaced letter-spaces an upper-case label: "BRIEFING" → "B R I E F I N G".
func spaced(s string) string {
	return strings.Join(strings.Split(strings.ToUpper(s), ""), "\u2009")
}
