package render

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// TileFigures returns the figures shown as key-figure tiles, in document
// order: counts, money, percentages and measures. Durations ("20 years",
// "six months") are not headline figures and are left out.
func TileFigures(fs []document.Figure) []document.Figure {
	var out []document.Figure
	for _, f := range fs {
		if f.KindOrCount() != document.KindDuration {
			out = append(out, f)
		}
	}
	return out
}

// Tile is a figure as a key-figure tile shows it: "about" "70" over
// "international organisations".
type Tile struct {
	// Bound is the hedge in the document's language ("about", "около",
	// "at least"), or "" for an exact figure or a range.
	Bound string
	// Number is the value as printed: grouped digits, "10–20" for a range,
	// "%" after a percentage and the currency code before money.
	Number string
	// Label says what the number counts: the counted noun, the unit, the
	// money as written, or the word for per cent.
	Label string
}

// FigureTile formats f as a tile, with the words and number format of l.
// It reads the figure's Kind and Bound, never its Qualifier or the shape
// of its Unit.
func FigureTile(f document.Figure, l *Labels) Tile {
	num := l.FormatNumber(f.Value)
	if f.HasRange {
		num += "–" + l.FormatNumber(f.High)
	}
	label := strings.TrimSpace(f.Unit)
	switch f.KindOrCount() {
	case document.KindPercent:
		num += "%"
		label = l.Percent
	case document.KindMoney:
		num = label + "\u202F" + num
		label = strings.TrimSpace(f.Text)
	}
	return Tile{Bound: l.Bound(f.BoundOrExact()), Number: num, Label: label}
}
