package pdf

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"weak"

	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/go-pdf/fpdf"
)

// Rune widths are measured once per font per process: every layout pass
// and every build of the process shares one table per fonts.Face, filled
// from an fpdf document that has only that face registered (so widths are
// exactly those fpdf draws with). fpdf parses a TrueType file each time it
// is registered, which cost about half of a layout pass; now only the
// painted document (see boxes.go) registers fonts.
//
// The cache holds the faces weakly: a user's font opened for one build
// (pipeline.LoadFonts) leaves the cache when nothing else refers to it, so
// a long-running process (watch, serve) does not keep every font it saw.
var faceWidths = struct {
	sync.Mutex
	m map[weak.Pointer[fonts.Face]]*widthTable
}{m: map[weak.Pointer[fonts.Face]]*widthTable{}}

// widthTable is the width of each BMP rune in one face at 1 pt, in mm;
// <0: not measured yet. It must not refer to its face (see faceWidths).
type widthTable struct {
	mu  sync.Mutex
	w   []float32
	pdf *fpdf.Fpdf // measures; nil until the first miss
	err error
}

// widthsOf returns the table of f, creating it on first use.
func widthsOf(f *fonts.Face) *widthTable {
	k := weak.Make(f)
	faceWidths.Lock()
	defer faceWidths.Unlock()
	if t, ok := faceWidths.m[k]; ok {
		return t
	}
	t := &widthTable{}
	faceWidths.m[k] = t
	runtime.AddCleanup(f, func(k weak.Pointer[fonts.Face]) {
		faceWidths.Lock()
		delete(faceWidths.m, k)
		faceWidths.Unlock()
	}, k)
	return t
}

// measureProbe is the font size (pt) widths are measured at; the result is
// divided by it, as fpdf's widths are integers per 1000 em.
const measureProbe = 100.0

// runeWidth returns the advance of r (a BMP rune) in f at 1 pt, in mm.
func (t *widthTable) runeWidth(f *fonts.Face, r rune) (float64, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.w == nil {
		t.w = make([]float32, 0x10000)
		for i := range t.w {
			t.w[i] = -1
		}
	}
	if v := t.w[r]; v >= 0 {
		return float64(v), nil
	}
	if t.pdf == nil && t.err == nil {
		// The unit and family match the painted document's (newDocument), so
		// the arithmetic is the same as measuring there.
		pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
		// fpdf may write into the bytes it is given (see fontSet.register).
		pdf.AddUTF8FontFromBytes("m", "", bytes.Clone(f.Data))
		pdf.SetFont("m", "", measureProbe)
		if err := pdf.Error(); err != nil {
			t.err = fmt.Errorf("font %s: %v", f.File, err)
		} else {
			t.pdf = pdf
		}
	}
	if t.err != nil {
		return 0, t.err
	}
	t.w[r] = float32(t.pdf.GetStringWidth(string(r)) / measureProbe)
	return float64(t.w[r]), nil
}
