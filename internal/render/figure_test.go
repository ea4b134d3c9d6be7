package render

import (
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// TestTileFigures is the seed's case: four figures and "20 years"; the
// duration is not a tile, whatever its unit says.
func TestTileFigures(t *testing.T) {
	fs := []document.Figure{
		{Value: 140, Kind: document.KindCount, Unit: "countries"},
		{Value: 1600, Kind: document.KindCount, Bound: document.BoundAtLeast, Qualifier: "over", Unit: "international and intergovernmental contracts and agreements"},
		{Value: 20, Kind: document.KindDuration, Unit: "years"},
		{Value: 5, Kind: document.KindPercent, Unit: "%"},
		{Value: 3, Kind: document.KindMoney, Unit: "USD", Text: "USD 3 billion"},
		{Value: 3, Kind: document.KindDuration, Unit: "weeks of talks"},
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

func TestFigureTile(t *testing.T) {
	en, ru := LabelsFor("en"), LabelsFor("ru-RU")
	tests := []struct {
		name string
		f    document.Figure
		w    *Labels
		want Tile
	}{
		{"at least", document.Figure{Value: 1600, Bound: document.BoundAtLeast, Qualifier: "over", Unit: "agreements"}, en, Tile{"at least", "1,600", "agreements"}},
		{"about", document.Figure{Value: 80, Bound: document.BoundAbout, Qualifier: "nearly", Unit: "missions"}, en, Tile{"about", "80", "missions"}},
		{"percent", document.Figure{Value: 35, Kind: document.KindPercent, Unit: "%"}, en, Tile{"", "35%", "per cent"}},
		{"percent ru", document.Figure{Value: 35, Kind: document.KindPercent, Unit: "%"}, ru, Tile{"", "35%", "процентов"}},
		{"money range", document.Figure{Value: 10, High: 20, HasRange: true, Kind: document.KindMoney, Bound: document.BoundRange, Qualifier: "up to", Unit: "EUR", Text: "10–20 euros"}, en, Tile{"", "EUR\u202F10–20", "10–20 euros"}},
		// The review's case: "около 200" was drawn as an exact "200".
		{"около", document.Figure{Value: 200, Kind: document.KindCount, Bound: document.BoundAbout, Qualifier: "около", Unit: "человек"}, ru, Tile{"около", "200", "человек"}},
		{"более", document.Figure{Value: 50, Kind: document.KindCount, Bound: document.BoundAtLeast, Qualifier: "более", Unit: "стран"}, ru, Tile{"не менее", "50", "стран"}},
		{"менее", document.Figure{Value: 5, Kind: document.KindPercent, Bound: document.BoundAtMost, Qualifier: "менее", Unit: "%"}, ru, Tile{"не более", "5%", "процентов"}},
		// Renderers read the bound, not the words: an unknown qualifier
		// with an exact bound is exact, a known one without a bound too.
		{"qualifier without bound", document.Figure{Value: 80, Qualifier: "nearly", Unit: "missions"}, en, Tile{"", "80", "missions"}},
		{"three capitals are no currency", document.Figure{Value: 3, Unit: "CEO"}, en, Tile{"", "3", "CEO"}},
		{"large ru", document.Figure{Value: 2500000, Kind: document.KindCount, Unit: "человек"}, ru, Tile{"", "2,5\u202Fмлн", "человек"}},
		{"unknown language", document.Figure{Value: 7, Bound: document.BoundAtMost, Unit: "ships"}, LabelsFor("xx"), Tile{"at most", "7", "ships"}},
	}
	for _, tt := range tests {
		if got := FigureTile(tt.f, tt.w); got != tt.want {
			t.Errorf("%s: FigureTile(%+v) = %+v, want %+v", tt.name, tt.f, got, tt.want)
		}
	}
}
