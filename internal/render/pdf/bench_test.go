package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
	"github.com/go-pdf/fpdf"
)

// warAndPeace is in the shared corpus, ../shared beside the module root
// (three levels up from this package).
var warAndPeace = filepath.Join("..", "..", "..", "..", "shared", "corpus", "large", "war-and-peace.txt")

func readLarge(b *testing.B) []byte {
	data, err := os.ReadFile(warAndPeace)
	if err != nil {
		b.Skipf("%s not present", warAndPeace)
	}
	return data
}

// BenchmarkWarAndPeace lays out War and Peace (3.2 MB, parsed once, no
// analysis) and reports pages and the heap high-water mark.
//
//	go test -run - -bench WarAndPeace -benchtime 1x ./internal/render/pdf
func BenchmarkWarAndPeace(b *testing.B) {
	data := readLarge(b)
	var ws source.Warnings
	doc, err := parse.Parse(&source.File{Name: "war-and-peace.txt", Data: data}, &ws)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Layout(&render.Input{Doc: doc, Options: render.DefaultOptions(), Warnings: &ws})
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Pages), "pages")
		b.ReportMetric(float64(len(res.PDF))/1e6, "MB-pdf")
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/1e6, "MB-sys")
}

// BenchmarkRawFPDF prints the same text with plain fpdf MultiCell (no
// hyphenation, no page control, one pass): the floor for BenchmarkWarAndPeace.
func BenchmarkRawFPDF(b *testing.B) {
	data := readLarge(b)
	font, err := os.ReadFile("../../../assets/fonts/NotoSerif-Regular.ttf")
	if err != nil {
		b.Fatal(err)
	}
	paras := bytes.Split(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n")), []byte("\n\n"))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddUTF8FontFromBytes("serif", "", bytes.Clone(font))
		pdf.SetFont("serif", "", 10.5)
		pdf.SetMargins(22, 25, 22)
		pdf.SetAutoPageBreak(true, 25)
		pdf.AddPage()
		for _, p := range paras {
			pdf.MultiCell(0, 5.1, string(bytes.ReplaceAll(p, []byte("\n"), []byte(" "))), "", "J", false)
			pdf.Ln(1.4)
		}
		var buf bytes.Buffer
		if err := pdf.Output(&buf); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(pdf.PageCount()), "pages")
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/1e6, "MB-sys")
}
