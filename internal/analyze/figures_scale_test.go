package analyze

import "testing"

// TestFigureScalesAndYears holds the figure errors a review of real
// documents found (issue 12): scale words on one end of a range, number
// words with a scale, Russian compound numbers, values with an error,
// counted nouns that ran into the verb, and years read as counts.
func TestFigureScalesAndYears(t *testing.T) {
	tests := []struct {
		sentence string
		value    float64
		high     float64 // 0 when the figure is no range
		unit     string  // "" when the sentence must give no figure
	}{
		{"Between 1.1 and 1.5 million people live in the region.", 1.1e6, 1.5e6, "people"},
		{"From 2 to 3 billion dollars were spent.", 2e9, 3e9, "USD"},
		{"Some six million people were displaced by the floods.", 6e6, 0, "people"},
		{"He inherited thirty thousand pounds from his aunt.", 30000, 0, "pounds"},
		{"В городе живут двадцать пять тысяч человек.", 25000, 0, "человек"},
		{"Emissions were 158 ± 12 million tonnes last year.", 158e6, 0, "tonnes"},
		{"The town had 1,200,000 residents and grew quickly.", 1.2e6, 0, "residents"},
		{"The 1945 liberation changed the city.", 0, 0, ""},
		{"The 1257 eruption cooled the planet.", 0, 0, ""},
		{"The 1500 soldiers crossed the river.", 1500, 0, "soldiers"},
		{"About 2000 people attended.", 2000, 0, "people"},
		{"The 3,000-strong police force was deployed.", 3000, 0, "police force"},
		{"The value 0 corresponds to no signal.", 0, 0, ""},
	}
	for _, tt := range tests {
		fs := sentenceFigures(tt.sentence)
		if tt.unit == "" {
			if len(fs) != 0 {
				t.Errorf("%q: got %+v, want no figure", tt.sentence, fs)
			}
			continue
		}
		if len(fs) != 1 {
			t.Errorf("%q: got %d figures %+v, want 1", tt.sentence, len(fs), fs)
			continue
		}
		f := fs[0]
		if f.Value != tt.value || f.High != tt.high || f.Unit != tt.unit {
			t.Errorf("%q: got value %g high %g unit %q, want %g %g %q", tt.sentence, f.Value, f.High, f.Unit, tt.value, tt.high, tt.unit)
		}
	}
}
