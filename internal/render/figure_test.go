package render

import (
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

func TestIsTimeUnit(t *testing.T) {
	tests := []struct {
		unit string
		want bool
	}{
		{"years", true},
		{"year-old", true},
		{"Years of independence", true},
		{"months", true},
		{"minutes", true},
		{"Минут", true},
		{"decades", true},
		{"лет", true},
		{"года", true},
		{"жыл", true},
		{"%", false},
		{"", false},
		{"USD", false},
		{"countries", false},
		{"international agreements signed", false},
		{"yearbooks", false},
		{"дипломатических миссий", false},
	}
	for _, tt := range tests {
		if got := IsTimeUnit(tt.unit); got != tt.want {
			t.Errorf("IsTimeUnit(%q) = %v, want %v", tt.unit, got, tt.want)
		}
	}
}

// TestTileFigures is the seed's case: four counts and "20 years"; the
// duration is not a tile.
func TestTileFigures(t *testing.T) {
	fs := []document.Figure{
		{Value: 140, Unit: "countries"},
		{Value: 1600, Qualifier: "over", Unit: "international and intergovernmental contracts and agreements"},
		{Value: 20, Unit: "years"},
		{Value: 5, Unit: "%"},
		{Value: 3, Unit: "USD", Text: "USD 3 billion"},
	}
	got := TileFigures(fs)
	var units []string
	for _, f := range got {
		units = append(units, f.Unit)
	}
	if len(got) != 4 || got[2].Unit != "%" || got[3].Unit != "USD" {
		t.Errorf("tiles %q", units)
	}
}

func TestFormatting(t *testing.T) {
	tests := []struct{ got, want string }{
		{FormatNumber(1600), "1\u202F600"},
		{FormatNumber(140), "140"},
		{FormatNumber(2.5), "2.5"},
		{FormatNumber(1234567), "1.2\u202Fm"},
		{FormatNumber(3e9), "3\u202Fbn"},
		{GroupDigits("1234567"), "1\u202F234\u202F567"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}

func TestFigureTile(t *testing.T) {
	tests := []struct {
		f    document.Figure
		want Tile
	}{
		{document.Figure{Value: 1600, Qualifier: "over", Unit: "agreements"}, Tile{"", "1\u202F600+", "agreements"}},
		{document.Figure{Value: 80, Qualifier: "nearly", Unit: "missions"}, Tile{"≈", "80", "missions"}},
		{document.Figure{Value: 35, Unit: "%"}, Tile{"", "35%", "per cent"}},
		{document.Figure{Value: 10, High: 20, HasRange: true, Qualifier: "up to", Unit: "EUR", Text: "10–20 euros"}, Tile{"<", "EUR\u202F10–20", "10–20 euros"}},
	}
	for _, tt := range tests {
		if got := FigureTile(tt.f); got != tt.want {
			t.Errorf("FigureTile(%+v) = %+v, want %+v", tt.f, got, tt.want)
		}
	}
}
