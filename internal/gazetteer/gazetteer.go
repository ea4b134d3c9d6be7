// Package gazetteer knows places and given names from open data: every
// country, every first-level division of every country, cities of 15 000
// people or more and world regions, with their English, Russian and Kazakh
// names and English demonyms; and English and Russian given names with how
// many people bore them. It takes words split as briefbook's tokeniser
// splits them (see Words) and gives the places and names they spell.
//
// The data is embedded as a table read where it lies (data/gazetteer.bin,
// compiled by Compile from data/*.tsv.gz, which scripts/gazetteer builds;
// see SOURCE.md for the sources and their licences): a look-up costs a hash
// and a few reads, and nothing is decompressed or parsed at start. Nothing
// in the package changes, so it is safe for concurrent use.
package gazetteer

import (
	_ "embed"
	"strconv"
	"sync"
)

// Kind is the kind of a place.
type Kind uint8

// The kinds of place, from the largest.
const (
	Country Kind = iota + 1 // an ISO 3166 country or territory
	Region                  // a continent or world region: "Europe", "Central Asia", "Middle East"
	Admin1                  // a first-level division: a state, province, oblast, region
	City                    // a populated place of 15 000 people or more
)

var kindNames = [...]string{Country: "country", Region: "region", Admin1: "admin1", City: "city"}

// String returns the kind in lower case ("country").
func (k Kind) String() string {
	if int(k) < len(kindNames) && kindNames[k] != "" {
		return kindNames[k]
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Place is a place of the gazetteer.
type Place struct {
	// Name is the English name, as GeoNames (countries, divisions,
	// cities) or CLDR (regions) gives it.
	Name string
	Kind Kind
	// Country is the ISO 3166-1 alpha-2 code of the country the place is or
	// lies in; empty for a region.
	Country string
	// Admin1 is the English name of the first-level division a city lies
	// in; empty for other kinds or when GeoNames gives none.
	Admin1 string
	// Capital reports whether a city is its country's capital.
	Capital bool
	// Population is the number of inhabitants GeoNames records; for a
	// division, the sum over its cities in the gazetteer (a lower bound);
	// 0 for regions.
	Population int64
	// GeoNameID is the place's GeoNames identifier; 0 for regions.
	GeoNameID int64
}

// alias is one way of writing a place: its words joined by single spaces.
type alias struct {
	words     string
	place     int32
	demonym   bool
	ambiguous bool
	cyrillic  bool
	preferred bool // the place's own name, or a hand-made alias
}

//go:embed data/gazetteer.bin
var tableData string

var load = sync.OnceValue(func() *table {
	t, err := openTable(tableData)
	if err != nil {
		// The table is embedded at build time and checked by the tests; a
		// broken file is a build bug.
		panic("gazetteer: data/gazetteer.bin: " + err.Error())
	}
	return t
})

// Load opens the embedded table now rather than at the first look-up. The
// table is read where it lies, so this costs microseconds; it is kept for
// callers that warm the package up before use. It is safe to call many
// times.
func Load() { load() }

// CountryByCode returns the country of ISO 3166-1 alpha-2 code ("KZ").
func CountryByCode(code string) (Place, bool) {
	t := load()
	i, ok := t.countryPlace(code)
	if !ok {
		return Place{}, false
	}
	return t.place(i), true
}

// Places returns every place of the gazetteer, countries first, then
// regions, divisions and cities, each sorted by country and name. The
// slice is made on the first call and shared: do not change it.
func Places() []Place { return allPlaces() }

var allPlaces = sync.OnceValue(func() []Place {
	t := load()
	out := make([]Place, t.nPlaces)
	for i := range out {
		out[i] = t.place(int32(i))
	}
	return out
})

// firstOf returns the aliases whose first word is w, in the order of the
// data.
func (t *table) firstOf(w string) ids { return t.list(&t.first, w) }

// stemOf returns the Cyrillic aliases whose first word has stem s (and is
// not s itself), in the order of the data.
func (t *table) stemOf(s string) ids { return t.list(&t.stems, s) }
