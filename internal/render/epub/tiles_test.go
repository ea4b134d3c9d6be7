package epub

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

// TestFigureTilesBound checks that a tile prints a figure's bound in the
// book's language, from Bound alone: "около 200" was drawn as an exact
// "200" when the renderer matched qualifier words.
func TestFigureTilesBound(t *testing.T) {
	tests := []struct {
		lang string
		f    document.Figure
		want string // the tile's value
	}{
		{"ru", document.Figure{Value: 200, Bound: document.BoundAbout, Qualifier: "около", Unit: "человек"}, `<span class="bound">около</span> 200`},
		{"ru", document.Figure{Value: 50, Bound: document.BoundAtLeast, Qualifier: "свыше", Unit: "стран"}, `<span class="bound">не менее</span> 50`},
		{"en", document.Figure{Value: 200, Bound: document.BoundAbout, Qualifier: "around", Unit: "people"}, `<span class="bound">about</span> 200`},
		{"en", document.Figure{Value: 20, Bound: document.BoundAtMost, Qualifier: "up to", Unit: "ships"}, `<span class="bound">at most</span> 20`},
		{"en", document.Figure{Value: 140, Unit: "countries"}, `<span class="value">140</span>`},
		{"en", document.Figure{Value: 5, High: 7, HasRange: true, Bound: document.BoundRange, Qualifier: "between", Unit: "ships"}, `<span class="value">5–7</span>`},
	}
	for _, tt := range tests {
		b := &book{fileOf: map[string]string{}}
		b.setFront(&render.Input{Doc: &document.Document{Meta: document.Meta{Language: tt.lang}},
			Analysis: &document.Analysis{Facts: document.Facts{Figures: []document.Figure{tt.f}}}})
		got := b.factsPage(b.front)
		if !strings.Contains(got, tt.want) {
			t.Errorf("%s %+v: tile value %q missing from\n%s", tt.lang, tt.f, tt.want, got)
		}
	}
}
