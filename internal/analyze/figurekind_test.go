package analyze

import (
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// TestFigureKindAndBound checks that the extractor types what it reads:
// renderers print a figure from its Kind and Bound alone.
func TestFigureKindAndBound(t *testing.T) {
	tests := []struct {
		sentence string
		kind     document.FigureKind
		bound    document.FigureBound
	}{
		{"Около 200 человек пришли.", document.KindCount, document.BoundAbout},
		{"Более 50 стран подписали договор.", document.KindCount, document.BoundAtLeast},
		{"Менее 5 процентов жителей уехали.", document.KindPercent, document.BoundAtMost},
		{"Over 1600 agreements have been signed.", document.KindCount, document.BoundAtLeast},
		{"There are about 80 diplomatic stations.", document.KindCount, document.BoundAbout},
		{"Prices rose 4.5 per cent.", document.KindPercent, document.BoundExact},
		{"They paid $2 million in fines.", document.KindMoney, document.BoundExact},
		{"Tickets cost between 120 euros and 280 euros.", document.KindMoney, document.BoundRange},
		{"She waited at least 48 hours.", document.KindDuration, document.BoundAtLeast},
		{"It employs up to 10-15 workers.", document.KindCount, document.BoundRange},
		{"The cliff is 131ft high.", document.KindMeasure, document.BoundExact},
		{"Emissions were 158 million tonnes last year.", document.KindMeasure, document.BoundExact},
		{"Only 3 passengers survived.", document.KindCount, document.BoundExact},
		{"Police arrested nearly two dozen protesters.", document.KindCount, document.BoundAbout},
		{"Up to 300 homes were flooded.", document.KindCount, document.BoundAtMost},
	}
	for _, tt := range tests {
		fs := sentenceFigures(tt.sentence)
		if len(fs) != 1 {
			t.Errorf("%q: got %d figures %+v, want 1", tt.sentence, len(fs), fs)
			continue
		}
		if f := fs[0]; f.Kind != tt.kind || f.Bound != tt.bound {
			t.Errorf("%q: kind %q bound %q, want %q %q", tt.sentence, f.Kind, f.Bound, tt.kind, tt.bound)
		}
	}
}
