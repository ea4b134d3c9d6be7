package render

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefbook/briefbook/internal/document"
)

// TileFigures returns the figures shown as key-figure tiles, in document
// order: counts, money and percentages. Durations and ages ("20 years",
// "six months") are not headline figures: a figure whose unit begins with
// a unit of time is left out.
func TileFigures(fs []document.Figure) []document.Figure {
	var out []document.Figure
	for _, f := range fs {
		if !IsTimeUnit(f.Unit) {
			out = append(out, f)
		}
	}
	return out
}

// IsTimeUnit reports whether unit begins with a unit of time: "years",
// "year-old", "months of talks", "лет", "жыл". The list of units is
// document.IsTimeUnit's, shared with the analysis.
func IsTimeUnit(unit string) bool {
	w := strings.FieldsFunc(unit, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsMark(r))
	})
	return len(w) > 0 && document.IsTimeUnit(w[0])
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

// Tile is a figure as a key-figure tile shows it: "≈ 70" over
// "international organisations".
type Tile struct {
	// Sign is "≈" for an approximate figure (nearly, about…), "<" for an
	// upper bound (under, up to…), else "".
	Sign string
	// Number is the value as printed, with a "+" for a lower bound (over,
	// more than…), "%" for a percentage and the currency code before money.
	Number string
	// Label says what the number counts.
	Label string
}

// FigureTile formats f as a tile.
func FigureTile(f document.Figure) Tile {
	num := FormatNumber(f.Value)
	if f.HasRange {
		num += "–" + FormatNumber(f.High)
	}
	label := strings.TrimSpace(f.Unit)
	switch {
	case label == "%":
		num += "%"
		label = "per cent"
	case len(label) == 3 && strings.ToUpper(label) == label:
		num = label + "\u202F" + num
		label = strings.TrimSpace(f.Text)
	}
	t := Tile{Number: num, Label: label}
	switch strings.ToLower(strings.TrimSpace(f.Qualifier)) {
	case "over", "more than", "above", "exceeding", "at least", "upwards of", "more":
		t.Number += "+"
	case "nearly", "almost", "about", "around", "approximately", "roughly", "some", "circa", "approx.", "c.":
		t.Sign = "≈"
	case "under", "less than", "below", "fewer than", "up to":
		t.Sign = "<"
	}
	return t
}
