// Package gazetteer knows places and given names from open data: every
// country, every first-level division of every country, cities of 15 000
// people or more and world regions, with their English, Russian and Kazakh
// names and English demonyms; and English and Russian given names with how
// many people bore them. It takes words split as briefbook's tokeniser
// splits them (see Words) and gives the places and names they spell.
//
// The data is embedded (data/*.tsv.gz, built by scripts/gazetteer; see
// SOURCE.md for the sources and their licences) and parsed once, on first
// use. Nothing in the package changes after that, so it is safe for
// concurrent use.
package gazetteer

import (
	"bytes"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/places.tsv.gz data/names.tsv.gz
var dataFS embed.FS

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

// index is the parsed data.
type index struct {
	places  []Place
	aliases []alias
	// first maps the first word of each alias to the aliases starting with
	// it, for first words that do not start with a Cyrillic letter;
	// cyrFirst does the same for those that do. stems maps the stem (see
	// stem) of the first word of each Cyrillic alias to those aliases.
	// Look-ups go through firstOf.
	first map[string][]int32
	// cyrFirst is built on the first look-up of a Cyrillic word (see
	// cyrIndex): half of the aliases are Cyrillic, and a text in English
	// never needs them.
	cyrFirst     map[string][]int32
	cyrFirstOnce sync.Once
	// stems is built on the first Cyrillic look-up (see stemIndex): a
	// text in English never pays for it.
	stems     map[string][]int32
	stemsOnce sync.Once
	// country maps an ISO code to its country in places.
	country map[string]int32
	names   map[string]Name
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

var load = sync.OnceValue(func() *index {
	ix, err := parse(dataFS)
	if err != nil {
		// The data is embedded at build time and checked by the tests; a
		// broken file is a build bug.
		panic("gazetteer: " + err.Error())
	}
	return ix
})

func parse(fsys embed.FS) (*index, error) {
	ix := &index{
		first:   make(map[string][]int32, 40000),
		country: map[string]int32{},
	}
	// The two files are independent: the names are read beside the places.
	type namesResult struct {
		names map[string]Name
		err   error
	}
	ch := make(chan namesResult, 1)
	go func() {
		var r namesResult
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Errorf("names: %v", p)
			}
			ch <- r
		}()
		data, err := readGzip(fsys, "data/names.tsv.gz")
		if err != nil {
			r.err = err
			return
		}
		r.names, r.err = parseNames(data)
	}()
	places, err := readGzip(fsys, "data/places.tsv.gz")
	if err == nil {
		err = ix.parsePlaces(places)
	}
	r := <-ch
	if err != nil {
		return nil, err
	}
	if r.err != nil {
		return nil, r.err
	}
	ix.names = r.names
	return ix, nil
}

// Load reads the embedded data now rather than at the first look-up, so
// that a caller can overlap the reading (a tenth of a second) with other
// work by calling it in a goroutine. It is safe to call many times.
func Load() { load() }

func readGzip(fsys embed.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	// The gzip trailer gives the size of the text (modulo 4 GiB): the
	// buffer is made once at that size rather than grown while reading.
	var b []byte
	if st, err := f.Stat(); err == nil && st.Size() >= 4 {
		if z, ok := f.(io.ReaderAt); ok {
			var n [4]byte
			if _, err := z.ReadAt(n[:], st.Size()-4); err == nil {
				b = make([]byte, 0, int(binary.LittleEndian.Uint32(n[:]))+1)
			}
		}
	}
	buf := bytes.NewBuffer(b)
	if _, err := buf.ReadFrom(zr); err != nil {
		return nil, fmt.Errorf("%s: %v", name, err)
	}
	return buf.Bytes(), nil
}

func (ix *index) parsePlaces(data []byte) error {
	var f [7]string
	// The slices are sized from the text, so they are not copied as they
	// grow; a first word's list starts as a one-element window on one
	// shared array (most first words begin a single alias).
	lines := bytes.Count(data, []byte{'\n'}) + 1
	nAlias := bytes.Count(data, []byte{'|'}) + lines
	ix.places = make([]Place, 0, lines)
	ix.aliases = make([]alias, 0, nAlias)
	one := make([]int32, nAlias)
	return eachLine(data, "places.tsv", f[:], func(n int) error {
		p := Place{Country: f[1], Admin1: f[4], Name: f[5]}
		switch f[0] {
		case "C":
			p.Kind = Country
		case "R":
			p.Kind = Region
		case "A":
			p.Kind = Admin1
		case "T":
			p.Kind = City
		case "K":
			p.Kind, p.Capital = City, true
		default:
			return fmt.Errorf("places.tsv:%d: kind %q", n, f[0])
		}
		var err error
		if p.Population, err = strconv.ParseInt(f[2], 10, 64); err != nil {
			return fmt.Errorf("places.tsv:%d: %v", n, err)
		}
		if p.GeoNameID, err = strconv.ParseInt(f[3], 10, 64); err != nil {
			return fmt.Errorf("places.tsv:%d: %v", n, err)
		}
		id := int32(len(ix.places))
		ix.places = append(ix.places, p)
		if p.Kind == Country {
			ix.country[p.Country] = id
		}
		for rest := f[6]; rest != ""; {
			var a string
			a, rest, _ = strings.Cut(rest, "|")
			al := alias{place: id}
			a, al.demonym = strings.CutPrefix(a, "~")
			a, al.preferred = strings.CutPrefix(a, "!")
			a, al.ambiguous = strings.CutPrefix(a, "?")
			if a == "" {
				continue
			}
			al.words = a
			al.cyrillic = isCyrillic(a)
			k := int32(len(ix.aliases))
			ix.aliases = append(ix.aliases, al)
			if w, _, _ := strings.Cut(a, " "); !isCyrillic(w) {
				if l, ok := ix.first[w]; ok {
					ix.first[w] = append(l, k)
				} else {
					one[k] = k
					ix.first[w] = one[k : k+1 : k+1]
				}
			}
		}
		return nil
	})
}

// eachLine calls fn for each line of data that is not blank or a "#"
// comment, after splitting it at tabs into f; a line of another number of
// fields is an error naming the file and the line. One string holds the
// whole file, so the fields are slices of it, not a copy each.
func eachLine(data []byte, file string, f []string, fn func(n int) error) error {
	text := string(data)
	for n := 1; text != ""; n++ {
		var line string
		line, text, _ = strings.Cut(text, "\n")
		if line == "" || line[0] == '#' {
			continue
		}
		if k := splitTabs(line, f); k != len(f) {
			return fmt.Errorf("%s:%d: %d fields", file, n, k)
		}
		if err := fn(n); err != nil {
			return err
		}
	}
	return nil
}

// splitTabs splits line at tabs into f and returns the number of fields
// the line has (more than len(f) when it has too many).
func splitTabs(line string, f []string) int {
	k := 0
	for {
		field, rest, more := strings.Cut(line, "\t")
		if k < len(f) {
			f[k] = field
		}
		k++
		if !more {
			return k
		}
		line = rest
	}
}

// CountryByCode returns the country of ISO 3166-1 alpha-2 code ("KZ").
func CountryByCode(code string) (Place, bool) {
	ix := load()
	i, ok := ix.country[code]
	if !ok {
		return Place{}, false
	}
	return ix.places[i], true
}

// Places returns every place of the gazetteer, countries first, then
// regions, divisions and cities, each sorted by country and name. The
// slice is shared: do not change it.
func Places() []Place { return load().places }

// firstOf returns the aliases whose first word is w, in the order of the
// data.
func (ix *index) firstOf(w string) []int32 {
	if isCyrillic(w) {
		return ix.cyrIndex()[w]
	}
	return ix.first[w]
}

// cyrIndex returns the map from each first word that starts with a
// Cyrillic letter to the aliases starting with it, building it once.
func (ix *index) cyrIndex() map[string][]int32 {
	ix.cyrFirstOnce.Do(func() {
		ix.cyrFirst = make(map[string][]int32, 30000)
		for k, al := range ix.aliases {
			if w, _, _ := strings.Cut(al.words, " "); isCyrillic(w) {
				ix.cyrFirst[w] = append(ix.cyrFirst[w], int32(k))
			}
		}
	})
	return ix.cyrFirst
}

// stemIndex returns the map from the stem of each Cyrillic alias's first
// word to those aliases, building it once.
func (ix *index) stemIndex() map[string][]int32 {
	ix.stemsOnce.Do(func() {
		ix.stems = make(map[string][]int32, 40000)
		for k, al := range ix.aliases {
			if !al.cyrillic {
				continue
			}
			w, _, _ := strings.Cut(al.words, " ")
			if s := stem(w); s != w {
				ix.stems[s] = append(ix.stems[s], int32(k))
			}
		}
	})
	return ix.stems
}
