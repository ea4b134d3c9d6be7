package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/go-pdf/fpdf"
)

// CheckFont reports whether fpdf can embed f: it registers the font in a
// scratch document, draws some of its characters and writes the document,
// subset font included. A font whose tables sfnt accepts can still fail
// in fpdf's own reader or subsetter; this finds out before any document is
// built. A panic in fpdf is turned into the error.
func CheckFont(f *fonts.Face) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("font %s: broken font file: the PDF writer cannot read it (%s)", f.File, oneLine(fmt.Sprint(r)))
		}
	}()
	doc := fpdf.New("P", "mm", "A4", "")
	doc.SetCompression(false)
	doc.AddUTF8FontFromBytes("probe", "", bytes.Clone(f.Data))
	if err := doc.Error(); err != nil {
		return fmt.Errorf("font %s: broken font file: the PDF writer cannot read it (%s)", f.File, oneLine(err.Error()))
	}
	doc.AddPage()
	doc.SetFont("probe", "", 10)
	doc.Text(10, 20, sampleText(f))
	if err := doc.Output(io.Discard); err != nil {
		return fmt.Errorf("font %s: broken font file: the PDF writer cannot embed it (%s)", f.File, oneLine(err.Error()))
	}
	return nil
}

// sampleText returns up to 32 characters f has, the first ones of its
// character map in the Basic Multilingual Plane.
func sampleText(f *fonts.Face) string {
	var b strings.Builder
	n := 0
	for r := rune(0x21); r < 0xFFFF && n < 32; r++ {
		if (r >= 0xD800 && r < 0xE000) || invisible(r) {
			continue
		}
		if f.Has(r) {
			b.WriteRune(r)
			n++
		}
	}
	return b.String()
}

// oneLine keeps the first line of s, at most 200 bytes of it.
func oneLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return strings.TrimSpace(s)
}
