package render

import (
	"math"
	"strconv"
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

// GroupDigits puts a narrow no-break space between groups of three digits
// of an integer string: "1600" → "1 600".
func GroupDigits(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) <= 4 && !neg {
		if len(s) == 4 {
			return s[:1] + "\u202F" + s[1:]
		}
		return s
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString("\u202F")
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatNumber prints v briefly: grouped digits, "2.5 m", "1.2 bn".
func FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "?"
	}
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return strconv.FormatFloat(math.Round(v/1e8)/10, 'f', -1, 64) + "\u202Fbn"
	case a >= 1e6:
		return strconv.FormatFloat(math.Round(v/1e5)/10, 'f', -1, 64) + "\u202Fm"
	case v == math.Trunc(v):
		return GroupDigits(strconv.FormatInt(int64(v), 10))
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
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

// FigureTile formats f as a tile, with the words of w. It reads the
// figure's Kind and Bound, never its Qualifier or the shape of its Unit.
func FigureTile(f document.Figure, w FigureWords) Tile {
	num := FormatNumber(f.Value)
	if f.HasRange {
		num += "–" + FormatNumber(f.High)
	}
	label := strings.TrimSpace(f.Unit)
	switch f.KindOrCount() {
	case document.KindPercent:
		num += "%"
		label = w.Percent
	case document.KindMoney:
		num = label + "\u202F" + num
		label = strings.TrimSpace(f.Text)
	}
	return Tile{Bound: w.Bound(f.BoundOrExact()), Number: num, Label: label}
}
