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
		{"He inherited thirty thousand pounds from his aunt.", 30000, 0, "GBP"},
		{"В городе живут двадцать пять тысяч человек.", 25000, 0, "человек"},
		{"Emissions were 158 ± 12 million tonnes last year.", 158e6, 0, "tonnes"},
		{"The town had 1,200,000 residents and grew quickly.", 1.2e6, 0, "residents"},
		{"The 1945 liberation changed the city.", 0, 0, ""},
		{"The 1257 eruption cooled the planet.", 0, 0, ""},
		{"The 1500 soldiers crossed the river.", 1500, 0, "soldiers"},
		{"About 2000 people attended.", 2000, 0, "people"},
		{"The 3,000-strong police force was deployed.", 3000, 0, "police force"},
		{"The value 0 corresponds to no signal.", 0, 0, ""},
		// A year before the Russian word for year is a date, not a count.
		{"Компании подписали соглашение на 2025 год.", 0, 0, ""},
		{"В 1991 году страна обрела независимость.", 0, 0, ""},
		{"Выпуск вырос за 2024 г. вдвое.", 0, 0, ""},
		{"В 2017–2018 годах страна была членом Совета.", 0, 0, ""},
		{"Проект длился 30 лет.", 30, 0, "лет"},
		// A day before a month's name is a date.
		{"Страна обрела независимость 16 декабря 1991 года.", 0, 0, ""},
		{"The talks opened on 3 March in Astana.", 0, 0, ""},
		// Issue "Fact tables you can trust on documents nobody tuned for".
		{"More than 600,000 Syrians have fled the country.", 600000, 0, "Syrians"},
		{"The strike hit a village, killing nine Syrians.", 9, 0, "Syrians"},
		{"About 20,000 people marched.", 20000, 0, "people"},
		{"Tickets cost $1 to $5,000 each.", 1, 5000, "USD"},
		{"He was fined $ 250,000 for it.", 250000, 0, "USD"},
		{"Prices ranged from $1 million to $5 million.", 1e6, 5e6, "USD"},
		{"Between 1.5 million and 2 million people voted.", 1.5e6, 2e6, "people"},
		{"It was sold for HK$ 10.05 billion.", 10.05e9, 0, "HKD"},
		{"The item costs USD 200.", 200, 0, "USD"},
		{"He was fined 10,000 swiss francs.", 10000, 0, "CHF"},
		{"It only cost thirteen dollars.", 13, 0, "USD"},
		{"Volunteers finished one hundred and twelve new books.", 112, 0, "new books"},
		{"The fund paid two hundred fifty-five families.", 255, 0, "families"},
		{"Some three hundred sixty five delegates came.", 365, 0, "delegates"},
		{"Three hundred people marched.", 300, 0, "people"},
		{"Twenty-six people die in an accident.", 26, 0, "people"},
		{"More than a million people came.", 1e6, 0, "people"},
		{"Half a million people marched.", 5e5, 0, "people"},
		{"There are 13 lakh voters.", 13e5, 0, "voters"},
		{"Commander Eckener landed the 776-foot airship.", 776, 0, "foot"},
		{"The six-mile trip took an hour.", 6, 0, "mile"},
		{"Castlecrag is 1.6 km west of Mount Frink.", 1.6, 0, "km"},
		{"Production totaled 291,890 metric tons in the week.", 291890, 0, "metric tons"},
		{"He has 2 sons.", 0, 0, ""},
		{"She is survived by three daughters.", 0, 0, ""},
		{"When she was five years old, she learned to ride.", 0, 0, ""},
		{"The patient is a 87 yo man.", 0, 0, ""},
		{"Diagnosis comes at around 3 years of age.", 0, 0, ""},
		{"The shop closes at 11 pm on Fridays.", 0, 0, ""},
		{"See https://www.test.com/search?q=30%25%2020%.", 0, 0, ""},
		{"The 1992 Olympics were held in Barcelona.", 0, 0, ""},
		{"The Catalinas of Nos. 11 and 20 Squadrons flew on.", 0, 0, ""},
		{"Delegates met at COP26 in Glasgow.", 0, 0, ""},
		{"The site moved to PHP 8.1 last year.", 0, 0, ""},
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
