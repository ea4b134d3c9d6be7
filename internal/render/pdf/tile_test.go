package pdf

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// TestTileValuesNeverCut checks that a key figure wider than its tile is
// printed whole (set smaller), not cut after the digits that fit: "USD
// 1–5,000" used to print as "USD 1–5,00".
func TestTileValuesNeverCut(t *testing.T) {
	needTool(t, "pdftotext")
	in := fixtureInput()
	in.Analysis.Facts.Figures = []document.Figure{
		{Value: 1, High: 5000, HasRange: true, Kind: document.KindMoney, Unit: "USD", Text: "$1 to $5,000", Paragraph: "p2"},
		{Value: 1234567, High: 9876543, HasRange: true, Kind: document.KindMoney, Unit: "EUR", Text: "€1,234,567 to €9,876,543", Paragraph: "p3"},
		{Value: 120500, High: 999999, HasRange: true, Bound: document.BoundAtLeast, Qualifier: "over", Unit: "people", Text: "over 120,500 to 999,999 people", Paragraph: "p4"},
	}
	res := mustLayout(t, in)
	file := writeTemp(t, res.PDF)
	var text string
	for p := 1; p <= res.Pages; p++ {
		text += pdfText(t, file, p, p)
	}
	for _, want := range []string{"USD 1–5,000", "EUR 1.2 m–9.9 m", "120,500–999,999"} {
		if !strings.Contains(text, want) {
			t.Errorf("key figure %q missing from the PDF text", want)
		}
	}
}
