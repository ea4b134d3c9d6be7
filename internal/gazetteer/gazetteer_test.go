package gazetteer

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// matchCase is one row of the Match tables: text split by Words, the word
// to start at, and what Match should find there ("" for nothing).
type matchCase struct {
	text      string
	at        int
	name      string
	kind      Kind
	country   string
	end       int
	demonym   bool
	inflected bool
	ambiguous bool
}

func runMatch(t *testing.T, cases []matchCase) {
	t.Helper()
	for _, c := range cases {
		h, ok := Match(Words(c.text), c.at)
		if c.name == "" {
			if ok {
				t.Errorf("Match(%q, %d) = %s (%s), want no match", c.text, c.at, h.Place.Name, h.Place.Kind)
			}
			continue
		}
		if !ok {
			t.Errorf("Match(%q, %d): no match, want %s", c.text, c.at, c.name)
			continue
		}
		p := h.Place
		if p.Name != c.name || p.Kind != c.kind || p.Country != c.country || h.End != c.end ||
			h.Demonym != c.demonym || h.Inflected != c.inflected || h.Ambiguous != c.ambiguous {
			t.Errorf("Match(%q, %d) = %q %s %q end %d demonym %v inflected %v ambiguous %v; want %q %s %q end %d demonym %v inflected %v ambiguous %v",
				c.text, c.at, p.Name, p.Kind, p.Country, h.End, h.Demonym, h.Inflected, h.Ambiguous,
				c.name, c.kind, c.country, c.end, c.demonym, c.inflected, c.ambiguous)
		}
	}
}

func TestMatchCountries(t *testing.T) {
	runMatch(t, []matchCase{
		{text: "Kazakhstan", name: "Kazakhstan", kind: Country, country: "KZ", end: 1},
		{text: "Kazakhstan's economy", name: "Kazakhstan", kind: Country, country: "KZ", end: 1},
		{text: "Bosnia and Herzegovina", name: "Bosnia and Herzegovina", kind: Country, country: "BA", end: 3},
		{text: "the United States of America", at: 1, name: "United States", kind: Country, country: "US", end: 5},
		{text: "the United States", at: 1, name: "United States", kind: Country, country: "US", end: 3},
		{text: "Côte d'Ivoire", name: "Ivory Coast", kind: Country, country: "CI", end: 2},
		{text: "Georgia", name: "Georgia", kind: Country, country: "GE", end: 1},
		// Russian, with case endings.
		{text: "Казахстан", name: "Kazakhstan", kind: Country, country: "KZ", end: 1},
		{text: "в Казахстане", at: 1, name: "Kazakhstan", kind: Country, country: "KZ", end: 2, inflected: true},
		{text: "Казахстана", name: "Kazakhstan", kind: Country, country: "KZ", end: 1, inflected: true},
		{text: "Казахстаном", name: "Kazakhstan", kind: Country, country: "KZ", end: 1, inflected: true},
		{text: "России", name: "Russia", kind: Country, country: "RU", end: 1, inflected: true},
		{text: "Россией", name: "Russia", kind: Country, country: "RU", end: 1, inflected: true},
		{text: "Китае", name: "China", kind: Country, country: "CN", end: 1, inflected: true},
		{text: "Китаем", name: "China", kind: Country, country: "CN", end: 1, inflected: true},
		{text: "Республики Казахстан", name: "Kazakhstan", kind: Country, country: "KZ", end: 2, inflected: true},
		{text: "США", name: "United States", kind: Country, country: "US", end: 1},
		{text: "Узбекистана", name: "Uzbekistan", kind: Country, country: "UZ", end: 1, inflected: true},
		// Kazakh.
		{text: "Қазақстан", name: "Kazakhstan", kind: Country, country: "KZ", end: 1},
		{text: "Қазақстанда", name: "Kazakhstan", kind: Country, country: "KZ", end: 1, inflected: true},
		{text: "Қазақстанның", name: "Kazakhstan", kind: Country, country: "KZ", end: 1, inflected: true},
		{text: "Өзбекстан", name: "Uzbekistan", kind: Country, country: "UZ", end: 1},
		{text: "Қазақстан Республикасы", name: "Kazakhstan", kind: Country, country: "KZ", end: 2},
	})
}

func TestMatchDemonyms(t *testing.T) {
	runMatch(t, []matchCase{
		{text: "Kazakh", name: "Kazakhstan", kind: Country, country: "KZ", end: 1, demonym: true},
		{text: "Kazakhstani", name: "Kazakhstan", kind: Country, country: "KZ", end: 1, demonym: true},
		{text: "Chinese", name: "China", kind: Country, country: "CN", end: 1, demonym: true},
		{text: "British", name: "United Kingdom", kind: Country, country: "GB", end: 1, demonym: true},
		{text: "Dutch", name: "The Netherlands", kind: Country, country: "NL", end: 1, demonym: true},
		{text: "French", name: "France", kind: Country, country: "FR", end: 1, demonym: true},
		{text: "Central Asian states", name: "Central Asia", kind: Region, end: 2, demonym: true},
		{text: "Middle Eastern", name: "Middle East", kind: Region, end: 2, demonym: true},
		{text: "European", name: "Europe", kind: Region, end: 1, demonym: true},
	})
}

func TestMatchRegions(t *testing.T) {
	runMatch(t, []matchCase{
		{text: "Central Asia", name: "Central Asia", kind: Region, end: 2},
		{text: "Middle East", name: "Middle East", kind: Region, end: 2},
		{text: "Europe", name: "Europe", kind: Region, end: 1},
		{text: "Western Europe", name: "Western Europe", kind: Region, end: 2},
		{text: "в Центральной Азии", at: 1, name: "Central Asia", kind: Region, end: 3, inflected: true},
		{text: "на Ближнем Востоке", at: 1, name: "Middle East", kind: Region, end: 3, inflected: true},
		{text: "Орталық Азия", name: "Central Asia", kind: Region, end: 2},
		{text: "Black Sea", name: "Black Sea", kind: Region, end: 2},
	})
}

func TestMatchAdmin1(t *testing.T) {
	runMatch(t, []matchCase{
		{text: "New South Wales", name: "New South Wales", kind: Admin1, country: "AU", end: 3},
		{text: "Queensland", name: "Queensland", kind: Admin1, country: "AU", end: 1},
		{text: "Bavaria", name: "Bavaria", kind: Admin1, country: "DE", end: 1},
		{text: "Texas", name: "Texas", kind: Admin1, country: "US", end: 1},
		{text: "Ontario", name: "Ontario", kind: Admin1, country: "CA", end: 1},
		{text: "East Kazakhstan", name: "East Kazakhstan", kind: Admin1, country: "KZ", end: 2},
		{text: "Pavlodar Region", name: "Pavlodar Region", kind: Admin1, country: "KZ", end: 2},
		{text: "Tatarstan", name: "Tatarstan Republic", kind: Admin1, country: "RU", end: 1},
		{text: "Rio Grande do Sul", name: "Rio Grande do Sul", kind: Admin1, country: "BR", end: 4},
		{text: "Victoria", name: "Victoria", kind: City, country: "HK", end: 1, ambiguous: true},
	})
}

func TestMatchCities(t *testing.T) {
	runMatch(t, []matchCase{
		{text: "Almaty", name: "Almaty", kind: City, country: "KZ", end: 1},
		{text: "Alma-Ata", name: "Almaty", kind: City, country: "KZ", end: 1},
		{text: "Алматыда", name: "Almaty", kind: City, country: "KZ", end: 1, inflected: true},
		{text: "Astana", name: "Astana", kind: City, country: "KZ", end: 1},
		{text: "Нур-Султан", name: "Astana", kind: City, country: "KZ", end: 1},
		{text: "Нур-Султане", name: "Astana", kind: City, country: "KZ", end: 1, inflected: true},
		{text: "в Москве", at: 1, name: "Moscow", kind: City, country: "RU", end: 2, inflected: true},
		{text: "Москвы", name: "Moscow", kind: City, country: "RU", end: 1, inflected: true},
		{text: "Рима", name: "Rome", kind: City, country: "IT", end: 1, inflected: true},
		{text: "New York", name: "New York City", kind: City, country: "US", end: 2},
		{text: "Rio de Janeiro", name: "Rio de Janeiro", kind: City, country: "BR", end: 3},
		{text: "Los Angeles", name: "Los Angeles", kind: City, country: "US", end: 2},
		{text: "Buenos Aires", name: "Buenos Aires", kind: City, country: "AR", end: 2},
		{text: "Saint Petersburg", name: "Saint Petersburg", kind: City, country: "RU", end: 2},
		{text: "St. Petersburg", name: "Saint Petersburg", kind: City, country: "RU", end: 2},
		{text: "Санкт-Петербурге", name: "Saint Petersburg", kind: City, country: "RU", end: 1, inflected: true},
		{text: "Washington", name: "Washington", kind: City, country: "US", end: 1},
		{text: "Bombay", name: "Mumbai", kind: City, country: "IN", end: 1},
		{text: "Pavlodar", name: "Pavlodar", kind: City, country: "KZ", end: 1},
		{text: "Paris", name: "Paris", kind: City, country: "FR", end: 1},
		{text: "Mexico City", name: "Mexico City", kind: City, country: "MX", end: 2},
	})
}

func TestMatchAmbiguous(t *testing.T) {
	runMatch(t, []matchCase{
		{text: "Nice", name: "Nice", kind: City, country: "FR", end: 1, ambiguous: true},
		{text: "Split", name: "Split", kind: City, country: "HR", end: 1, ambiguous: true},
		{text: "Reading", name: "Reading", kind: City, country: "GB", end: 1, ambiguous: true},
		{text: "Bath", name: "Bath", kind: City, country: "GB", end: 1, ambiguous: true},
		{text: "Mobile", name: "Mobile", kind: City, country: "US", end: 1, ambiguous: true},
		{text: "Of", name: "Of", kind: City, country: "TR", end: 1, ambiguous: true},
		{text: "March", name: "March", kind: City, country: "GB", end: 1, ambiguous: true},
		{text: "Male", name: "Male", kind: City, country: "MV", end: 1, ambiguous: true},
		{text: "Best", name: "Best", kind: City, country: "NL", end: 1, ambiguous: true},
		{text: "Charlotte", name: "Charlotte", kind: City, country: "US", end: 1, ambiguous: true},
		{text: "Sofia", name: "Sofia", kind: City, country: "BG", end: 1, ambiguous: true},
		// Not ambiguous: the place dwarfs the given name, or the word is rare.
		{text: "London", name: "London", kind: City, country: "GB", end: 1},
		{text: "Houston", name: "Houston", kind: City, country: "US", end: 1},
		{text: "Turkey", name: "Turkey", kind: Country, country: "TR", end: 1},
		{text: "Jordan", name: "Jordan", kind: Country, country: "JO", end: 1},
	})
}

func TestMatchNone(t *testing.T) {
	runMatch(t, []matchCase{
		{text: "nice"},
		{text: "reading the paper"},
		{text: "of"},
		{text: "kazakhstan"},
		{text: "казахстан"},
		{text: "в москве", at: 1},
		{text: "Малые"},   // not "Мали"
		{text: "Римские"}, // a three-letter stem takes short noun endings only
		{text: "Казахстанец"},
		{text: "The", at: 0},
		{text: "Kazakhstan", at: 1},
		{text: "Kazakhstan", at: -1},
	})
}

func TestMatchOthers(t *testing.T) {
	h, ok := Match([]string{"Georgia"}, 0)
	if !ok || h.Place.Kind != Country {
		t.Fatalf("Georgia: %+v", h)
	}
	found := false
	for _, p := range h.Others {
		if p.Kind == Admin1 && p.Country == "US" {
			found = true
		}
	}
	if !found {
		t.Errorf("Georgia: Others = %v, want the US state among them", h.Others)
	}
}

func TestCountries(t *testing.T) {
	var countries, admin1, cities, regions, capitals int
	for _, p := range Places() {
		switch p.Kind {
		case Country:
			countries++
		case Admin1:
			admin1++
		case City:
			cities++
			if p.Capital {
				capitals++
			}
		case Region:
			regions++
		}
	}
	t.Logf("%d countries, %d regions, %d divisions, %d cities (%d capitals)", countries, regions, admin1, cities, capitals)
	if countries < 249 || admin1 < 3800 || cities < 30000 || regions < 40 || capitals < 190 {
		t.Errorf("too few places: %d countries, %d regions, %d divisions, %d cities, %d capitals", countries, regions, admin1, cities, capitals)
	}
	for _, code := range []string{"KZ", "RU", "US", "GB", "XK", "VA", "TV"} {
		if p, ok := CountryByCode(code); !ok || p.Kind != Country || p.Country != code {
			t.Errorf("CountryByCode(%q) = %+v, %v", code, p, ok)
		}
	}
	if _, ok := CountryByCode("ZZ"); ok {
		t.Error("CountryByCode(ZZ) found a country")
	}
}

func TestGivenName(t *testing.T) {
	for _, c := range []struct {
		w    string
		ok   bool
		lang Lang
		sex  Sex
		word bool
	}{
		{"John", true, English, Male, false},
		{"Anna", true, English, Female, false},
		{"Jordan", true, English, Unisex, false},
		{"Will", true, English, Male, true},
		{"Mark", true, English, Male, true},
		{"May", true, English, Female, true},
		{"Grant", true, English, Male, true},
		{"Анна", true, Russian, Female, false},
		{"Александр", true, Russian, Male, false},
		{"Айгуль", true, Russian, Female, false},
		{"Казахстан", false, 0, 0, false},
		{"john", false, 0, 0, false},
		{"Анны", false, 0, 0, false},
	} {
		n, ok := GivenName(c.w)
		if ok != c.ok || !ok {
			if ok != c.ok {
				t.Errorf("GivenName(%q) ok = %v, want %v", c.w, ok, c.ok)
			}
			continue
		}
		if n.Lang != c.lang || n.Sex() != c.sex || n.Word != c.word || n.Count() <= 0 {
			t.Errorf("GivenName(%q) = %+v (%s), want %s %s word %v", c.w, n, n.Sex(), c.lang, c.sex, c.word)
		}
	}
}

func TestWords(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Washington, D.C.", "Washington|D|C"},
		{"Kazakhstan's", "Kazakhstan's"},
		{"Нур-Султан", "Нур-Султан"},
		{"St. John's", "St|John's"},
		{"rock-'n'-roll", "rock|n|roll"},
		{"end-", "end"},
	} {
		if got := strings.Join(Words(c.in), "|"); got != c.want {
			t.Errorf("Words(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestGenerated checks that the embedded data is what scripts/gazetteer
// makes of the sources recorded in SOURCE.md. Set GAZETTEER_SRC to the
// folder holding them; without it the test is skipped.
func TestGenerated(t *testing.T) {
	src := os.Getenv("GAZETTEER_SRC")
	if src == "" {
		t.Skip("GAZETTEER_SRC not set: the open-data sources are not on disk")
	}
	if _, err := os.Stat(filepath.Join(src, "geonames", "cities15000.zip")); err != nil {
		t.Skipf("sources not found: %v", err)
	}
	out := t.TempDir()
	cmd := exec.Command("go", "run", "./scripts/gazetteer", "-src", src, "-out", out, "-extra", "scripts/gazetteer/extra.txt")
	cmd.Dir = filepath.Join("..", "..")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go run ./scripts/gazetteer: %v\n%s", err, b)
	}
	for _, name := range []string{"places.tsv.gz", "names.tsv.gz"} {
		got := gunzip(t, filepath.Join(out, name))
		want := gunzip(t, filepath.Join("data", name))
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s differs from what the generator makes of %s; rerun it (see SOURCE.md)", name, src)
		}
	}
	if got, err := os.ReadFile(filepath.Join(out, "gazetteer.bin")); err != nil || string(got) != tableData {
		t.Errorf("data/gazetteer.bin differs from what the generator makes of %s (%v); rerun it (see SOURCE.md)", src, err)
	}
}

func gunzip(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
