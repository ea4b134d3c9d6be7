// Command gazetteer builds the data of internal/gazetteer —
// data/places.tsv.gz and data/names.tsv.gz, and the table the package
// embeds, compiled from them, data/gazetteer.bin — from open data sets saved
// under one source folder, plus the hand-made additions in extra.txt beside
// this file:
//
//	go run ./scripts/gazetteer -src /tmp/gz/src -out internal/gazetteer/data
//
// The source folder holds (see internal/gazetteer/SOURCE.md for where each
// file comes from, its commit and its licence):
//
//	geonames/countryInfo.txt        GeoNames countries
//	geonames/admin1CodesASCII.txt   GeoNames first-level divisions
//	geonames/cities15000.zip        GeoNames places of 15 000 people or more
//	cldr/{en,ru,kk}/territories.json  Unicode CLDR country and region names
//	mledoze/countries.json          country names, spellings and demonyms
//	ssa/yob*.txt                    US Social Security baby names by year
//	ru/names.json                   Russian first names with counts
//	ewt/**/*.conllu                 UD English Web Treebank (common words)
//
// The output is deterministic: the same sources give the same bytes.
package main

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/gazetteer"
)

// Thresholds of the build; each is a rule over the data, never a list of
// names.
const (
	// minCityPopulation keeps cities at least this large (the GeoNames file
	// already stops at 15 000).
	minCityPopulation = 15000
	// latinAltPopulation: cities this large, and capitals, also get the
	// Latin-script alternate names of GeoNames ("Bombay", "Peking").
	latinAltPopulation = 1000000
	// minEnglishName and minRussianName are the fewest people a given name
	// must have been recorded for to be listed.
	minEnglishName = 100
	minRussianName = 5
	// commonNameCount: a given name recorded this often makes a place name
	// spelled the same ambiguous, unless the place has more than
	// nameToPopulation times as many inhabitants as the name has bearers.
	commonNameCount  = 1000
	nameToPopulation = 10
	// minWordCount: a word tagged something other than a proper noun at
	// least this often in the treebank may be a common English word (the
	// treebank is small: 254 000 words).
	minWordCount = 1
)

func main() {
	src := flag.String("src", "", "folder holding the downloaded open data (see the doc comment)")
	out := flag.String("out", "internal/gazetteer/data", "folder to write places.tsv.gz, names.tsv.gz and gazetteer.bin to")
	extra := flag.String("extra", "scripts/gazetteer/extra.txt", "hand-made additions")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "usage: gazetteer -src DIR [-out DIR] [-extra FILE]")
		os.Exit(2)
	}
	if err := run(*src, *out, *extra); err != nil {
		fmt.Fprintln(os.Stderr, "gazetteer:", err)
		os.Exit(1)
	}
}

func run(src, out, extraPath string) error {
	words, err := readTreebank(filepath.Join(src, "ewt"))
	if err != nil {
		return err
	}
	b := &builder{words: words, given: map[string]int64{}}
	if b.calendar, err = readCalendar(extraPath); err != nil {
		return err
	}
	names, err := b.readNames(src)
	if err != nil {
		return err
	}
	if err := b.readPlaces(src, extraPath); err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	places := b.placesTSV()
	if err := writeGzip(filepath.Join(out, "places.tsv.gz"), places); err != nil {
		return err
	}
	if err := writeGzip(filepath.Join(out, "names.tsv.gz"), names); err != nil {
		return err
	}
	// The package embeds the table compiled from the text, read where it
	// lies at run time; the text stays beside it as its readable source.
	table, err := gazetteer.Compile(places, names)
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "gazetteer.bin"), table, 0o644)
}

// writeGzip writes data gzip-compressed with an empty header, so that the
// bytes depend on data alone.
func writeGzip(path string, data []byte) error {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return err
	}
	if err := zw.Close(); err != nil {
		return err
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}

// ---- common English words

// readTreebank counts the word forms of the .conllu files under dir.
func readTreebank(dir string) (*treebank, error) {
	tb := &treebank{common: map[string]int{}, proper: map[string]int{}}
	n := 0
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".conllu") {
			return err
		}
		n++
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if line == "" || line[0] == '#' {
				continue
			}
			col := strings.Split(line, "\t")
			if len(col) < 4 {
				continue
			}
			form := strings.ToLower(col[1])
			if !hasLetter(form) {
				continue
			}
			if col[3] == "PROPN" {
				tb.proper[form]++
			} else {
				tb.common[form]++
			}
		}
		return sc.Err()
	})
	if err == nil && n == 0 {
		err = fmt.Errorf("no .conllu files under %s", dir)
	}
	return tb, err
}

// treebank holds word counts of the English Web Treebank.
type treebank struct {
	common map[string]int // lower-cased forms tagged anything but a proper noun
	proper map[string]int // lower-cased forms tagged a proper noun
}

// isCommonWord reports whether the name w is also a common English word
// ("Nice", "Reading", "Of", "Bath"): in the treebank its lower-cased form is
// tagged something other than a proper noun at least minWordCount times
// and at least as often as it is tagged a proper noun ("Turkey" is more
// often the country than the bird). Month and day names (extra.txt "word"
// lines) count as common words.
func (b *builder) isCommonWord(w string) bool {
	if b.calendar[w] {
		return true
	}
	low := strings.ToLower(w)
	n := b.words.common[low]
	return n >= minWordCount && n >= b.words.proper[low]
}

// ---- given names

type nameCount struct {
	male, female int64
}

// readNames reads the English and Russian given names and returns the
// names.tsv table; it also fills b.given with how many people bore each
// name, for the ambiguity rule of places.
func (b *builder) readNames(src string) ([]byte, error) {
	en := map[string]*nameCount{}
	files, err := filepath.Glob(filepath.Join(src, "ssa", "yob*.txt"))
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, errors.New("no ssa/yob*.txt files")
	}
	slices.Sort(files)
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(data), "\n") {
			f := strings.Split(strings.TrimSpace(line), ",")
			if len(f) != 3 {
				continue
			}
			n, err := strconv.ParseInt(f[2], 10, 64)
			if err != nil {
				return nil, fmt.Errorf("%s: %q: %v", p, line, err)
			}
			c := en[f[0]]
			if c == nil {
				c = &nameCount{}
				en[f[0]] = c
			}
			if f[1] == "M" {
				c.male += n
			} else {
				c.female += n
			}
		}
	}
	ru := map[string]*nameCount{}
	data, err := os.ReadFile(filepath.Join(src, "ru", "names.json"))
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	for {
		var rec struct {
			Text   string          `json:"text"`
			Gender string          `json:"gender"`
			Count  json.RawMessage `json:"count"`
		}
		if err := dec.Decode(&rec); err == io.EOF {
			break
		} else if err != nil {
			return nil, fmt.Errorf("ru/names.json: %v", err)
		}
		n, err := mongoInt(rec.Count)
		if err != nil {
			return nil, fmt.Errorf("ru/names.json %q: %v", rec.Text, err)
		}
		if !isTitleCyrillic(rec.Text) {
			continue
		}
		c := ru[rec.Text]
		if c == nil {
			c = &nameCount{}
			ru[rec.Text] = c
		}
		switch rec.Gender {
		case "m":
			c.male += n
		case "f":
			c.female += n
		case "u":
			c.male += n / 2
			c.female += n - n/2
		}
	}

	var buf bytes.Buffer
	buf.WriteString("# name\tlang\tmale\tfemale\tword — built by scripts/gazetteer; see SOURCE.md\n")
	write := func(lang string, m map[string]*nameCount, min int64) {
		keys := make([]string, 0, len(m))
		for k, c := range m {
			if c.male+c.female >= min {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			c := m[k]
			word := 0
			if lang == "en" && (b.calendar[k] || b.words.common[strings.ToLower(k)] >= minWordCount) {
				word = 1
			}
			fmt.Fprintf(&buf, "%s\t%s\t%d\t%d\t%d\n", k, lang, c.male, c.female, word)
			if b.given[k] < c.male+c.female {
				b.given[k] = c.male + c.female
			}
		}
	}
	write("en", en, minEnglishName)
	write("ru", ru, minRussianName)
	return buf.Bytes(), nil
}

// mongoInt reads a count written as a number or as {"$numberLong": "…"}.
func mongoInt(raw json.RawMessage) (int64, error) {
	var n int64
	if err := json.Unmarshal(raw, &n); err == nil {
		return n, nil
	}
	var m map[string]string
	if err := json.Unmarshal(raw, &m); err != nil {
		return 0, err
	}
	for _, k := range []string{"$numberLong", "$numberInt"} {
		if s, ok := m[k]; ok {
			return strconv.ParseInt(s, 10, 64)
		}
	}
	return 0, fmt.Errorf("count %s", raw)
}

// isTitleCyrillic reports whether s is a Cyrillic word (or hyphenated
// words) written with a capital and then small letters: "Анна",
// "Анна-Мария", not "АННА" or "анна".
func isTitleCyrillic(s string) bool {
	first := true
	for _, r := range s {
		switch {
		case r == '-':
			first = true
		case !unicode.Is(unicode.Cyrillic, r):
			return false
		case first && !unicode.IsUpper(r), !first && !unicode.IsLower(r):
			return false
		default:
			first = false
		}
	}
	return s != "" && !first
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// ---- places

type place struct {
	kind       byte // C country, R region, A admin1, T city
	country    string
	population int64
	id         int64
	admin1     string
	name       string
	capital    bool
	aliases    []alias
	seen       map[string]bool
}

type alias struct {
	words     string // words joined by single spaces
	demonym   bool
	preferred bool // the place's own name, or a hand-made alias
}

type builder struct {
	words    *treebank
	calendar map[string]bool // capitalised calendar words from extra.txt
	given    map[string]int64
	places   []*place
}

func (b *builder) add(p *place) *place {
	p.seen = map[string]bool{}
	b.places = append(b.places, p)
	return p
}

// addAlias adds a spelling of p: split into words as the tokeniser does;
// empty, lower-case and non-Latin, non-Cyrillic spellings are left out.
func (p *place) addAlias(s string, demonym bool) {
	p.addAliasPref(s, demonym, len(p.aliases) == 0)
}

func (p *place) addAliasPref(s string, demonym, preferred bool) {
	ws := gazetteer.Words(s)
	if len(ws) == 0 || !usableScript(s) {
		return
	}
	if r, _ := utf8.DecodeRuneInString(ws[0]); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return
	}
	key := strings.Join(ws, " ")
	if p.seen[key] {
		for i := range p.aliases {
			if p.aliases[i].words == key && preferred {
				p.aliases[i].preferred = true
			}
		}
		return
	}
	p.seen[key] = true
	p.aliases = append(p.aliases, alias{words: key, demonym: demonym, preferred: preferred})
}

// usableScript reports whether every letter of s is Latin or Cyrillic.
func usableScript(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin, unicode.Cyrillic) {
			return false
		}
	}
	return true
}

func allScript(s string, t *unicode.RangeTable) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.Is(t, r) {
				return false
			}
			n++
		}
	}
	return n > 0
}

func (b *builder) readPlaces(src, extraPath string) error {
	countries, err := b.readCountries(src)
	if err != nil {
		return err
	}
	admin1, err := b.readAdmin1(src, countries)
	if err != nil {
		return err
	}
	if err := b.readCities(src, countries, admin1); err != nil {
		return err
	}
	if err := b.readRegions(src); err != nil {
		return err
	}
	return b.readExtra(extraPath)
}

func readLines(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimRight(l, "\r")
		if l != "" && l[0] != '#' {
			out = append(out, l)
		}
	}
	return out, nil
}

type cldr map[string]string // territory code → name

func readCLDR(src, lang string) (cldr, error) {
	data, err := os.ReadFile(filepath.Join(src, "cldr", lang, "territories.json"))
	if err != nil {
		return nil, err
	}
	var doc struct {
		Main map[string]struct {
			LocaleDisplayNames struct {
				Territories map[string]string `json:"territories"`
			} `json:"localeDisplayNames"`
		} `json:"main"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("cldr %s: %v", lang, err)
	}
	t := doc.Main[lang].LocaleDisplayNames.Territories
	if len(t) == 0 {
		return nil, fmt.Errorf("cldr %s: no territories", lang)
	}
	return t, nil
}

// names returns the CLDR names of code: the name and its -alt- forms, in
// a fixed order.
func (c cldr) names(code string) []string {
	var out []string
	for _, k := range []string{code, code + "-alt-short", code + "-alt-variant"} {
		if v, ok := c[k]; ok {
			out = append(out, v)
		}
	}
	return out
}

type mledozeCountry struct {
	Name struct {
		Common   string `json:"common"`
		Official string `json:"official"`
	} `json:"name"`
	CCA2         string   `json:"cca2"`
	AltSpellings []string `json:"altSpellings"`
	Translations map[string]struct {
		Official string `json:"official"`
		Common   string `json:"common"`
	} `json:"translations"`
	Demonyms map[string]struct {
		F string `json:"f"`
		M string `json:"m"`
	} `json:"demonyms"`
}

func (b *builder) readCountries(src string) (map[string]*place, error) {
	lines, err := readLines(filepath.Join(src, "geonames", "countryInfo.txt"))
	if err != nil {
		return nil, err
	}
	var cl [3]cldr
	for i, lang := range []string{"en", "ru", "kk"} {
		if cl[i], err = readCLDR(src, lang); err != nil {
			return nil, err
		}
	}
	data, err := os.ReadFile(filepath.Join(src, "mledoze", "countries.json"))
	if err != nil {
		return nil, err
	}
	var ml []mledozeCountry
	if err := json.Unmarshal(data, &ml); err != nil {
		return nil, fmt.Errorf("countries.json: %v", err)
	}
	byCode := map[string]*mledozeCountry{}
	for i := range ml {
		byCode[ml[i].CCA2] = &ml[i]
	}
	countries := map[string]*place{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 17 {
			return nil, fmt.Errorf("countryInfo.txt: short line %q", l)
		}
		pop, _ := strconv.ParseInt(f[7], 10, 64)
		id, _ := strconv.ParseInt(f[16], 10, 64)
		code := f[0]
		p := b.add(&place{kind: 'C', country: code, population: pop, id: id, name: f[4]})
		p.addAlias(f[4], false)
		for _, c := range cl {
			for _, n := range c.names(code) {
				p.addAlias(n, false)
			}
		}
		if m := byCode[code]; m != nil {
			p.addAlias(m.Name.Common, false)
			p.addAlias(m.Name.Official, false)
			for _, s := range m.AltSpellings {
				if s != code {
					p.addAlias(s, false)
				}
			}
			if t, ok := m.Translations["rus"]; ok {
				p.addAlias(t.Common, false)
				p.addAlias(t.Official, false)
			}
			if d, ok := m.Demonyms["eng"]; ok {
				p.addAlias(d.M, true)
				p.addAlias(d.F, true)
			}
		}
		countries[code] = p
	}
	return countries, nil
}

// admin1Suffixes are the generic words GeoNames appends to division names;
// a division is also known without them ("Pavlodar Region" → "Pavlodar").
var admin1Suffixes = []string{
	" Region", " Oblast", " Oblysy", " Oblisi", " Province", " County", " District",
	" Governorate", " Department", " Prefecture", " State", " Republic", " Kray", " Krai",
	" Autonomous Okrug", " Municipality", " Division", " Parish", " Voivodeship",
}

// minLatinAlt is the shortest Latin-script GeoNames alternate name taken.
const minLatinAlt = 4

func (b *builder) readAdmin1(src string, countries map[string]*place) (map[string]*place, error) {
	lines, err := readLines(filepath.Join(src, "geonames", "admin1CodesASCII.txt"))
	if err != nil {
		return nil, err
	}
	out := map[string]*place{}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 4 {
			return nil, fmt.Errorf("admin1CodesASCII.txt: short line %q", l)
		}
		cc, _, _ := strings.Cut(f[0], ".")
		if countries[cc] == nil {
			continue
		}
		id, _ := strconv.ParseInt(f[3], 10, 64)
		p := b.add(&place{kind: 'A', country: cc, id: id, name: f[1]})
		for _, n := range []string{f[1], f[2]} {
			p.addAlias(n, false)
			for _, s := range admin1Suffixes {
				if short, ok := strings.CutSuffix(n, s); ok && short != "" {
					p.addAlias(short, false)
				}
			}
		}
		out[f[0]] = p
	}
	return out, nil
}

func (b *builder) readCities(src string, countries, admin1 map[string]*place) error {
	zr, err := zip.OpenReader(filepath.Join(src, "geonames", "cities15000.zip"))
	if err != nil {
		return err
	}
	defer zr.Close()
	var data []byte
	for _, f := range zr.File {
		if f.Name == "cities15000.txt" {
			rc, err := f.Open()
			if err != nil {
				return err
			}
			data, err = io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return err
			}
		}
	}
	if data == nil {
		return errors.New("cities15000.zip: no cities15000.txt")
	}
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) < 19 {
			return fmt.Errorf("cities15000.txt: short line %q", l)
		}
		switch f[7] {
		case "PPLX", "PPLQ", "PPLH", "PPLW", "PPLCH":
			continue // parts of cities, abandoned, historical or destroyed places
		}
		pop, _ := strconv.ParseInt(f[14], 10, 64)
		if pop < minCityPopulation || countries[f[8]] == nil {
			continue
		}
		id, _ := strconv.ParseInt(f[0], 10, 64)
		p := &place{kind: 'T', country: f[8], population: pop, id: id, name: f[1], capital: f[7] == "PPLC"}
		if a := admin1[f[8]+"."+f[10]]; a != nil {
			p.admin1 = a.name
			a.population += pop
		}
		b.add(p)
		p.addAlias(f[1], false)
		p.addAlias(f[2], false)
		latin := pop >= latinAltPopulation || p.capital
		for _, alt := range strings.Split(f[3], ",") {
			switch {
			case allScript(alt, unicode.Cyrillic):
				p.addAlias(alt, false)
			case latin && allScript(alt, unicode.Latin) && hasLower(alt) && b.plainAlternate(p, alt):
				p.addAlias(alt, false)
			}
		}
	}
	return nil
}

// plainAlternate reports whether a Latin-script alternate name of a city
// is safe to add: at least minLatinAlt letters, not itself ambiguous, and
// not made only of common words (GeoNames lists nicknames such as
// "White House" for Casablanca or "Little Red Dot" for Singapore).
func (b *builder) plainAlternate(p *place, alt string) bool {
	ws := gazetteer.Words(alt)
	if utf8.RuneCountInString(alt) < minLatinAlt || len(ws) == 0 {
		return false
	}
	if b.ambiguous(p, alias{words: strings.Join(ws, " ")}) {
		return false
	}
	for _, w := range ws {
		if !b.isCommonWord(w) && !isConnector(w) {
			return true
		}
	}
	return false
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// readRegions adds the UN M.49 regions CLDR names ("Central Asia",
// "Western Europe"), but not the world.
func (b *builder) readRegions(src string) error {
	var cl [3]cldr
	var err error
	for i, lang := range []string{"en", "ru", "kk"} {
		if cl[i], err = readCLDR(src, lang); err != nil {
			return err
		}
	}
	var codes []string
	for k := range cl[0] {
		if len(k) == 3 && k[0] >= '0' && k[0] <= '9' && k != "001" {
			codes = append(codes, k)
		}
	}
	slices.Sort(codes)
	for _, code := range codes {
		p := b.add(&place{kind: 'R', name: cl[0][code]})
		for _, c := range cl {
			for _, n := range c.names(code) {
				p.addAlias(n, false)
			}
		}
	}
	return nil
}

// readCalendar reads the "word" lines of the hand-made additions:
// capitalised words that are common words (months, days).
func readCalendar(path string) (map[string]bool, error) {
	lines, err := readLines(path)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, l := range lines {
		if rest, ok := strings.CutPrefix(l, "word|"); ok {
			for _, w := range strings.Split(rest, "|") {
				out[w] = true
			}
		}
	}
	return out, nil
}

// readExtra merges the hand-made additions.
func (b *builder) readExtra(path string) error {
	lines, err := readLines(path)
	if err != nil {
		return err
	}
	for _, l := range lines {
		f := strings.Split(l, "|")
		if len(f) < 2 {
			return fmt.Errorf("%s: bad line %q", path, l)
		}
		var p *place
		switch f[0] {
		case "word":
			continue // read by readCalendar
		case "region":
			p = b.find('R', f[1])
			if p == nil {
				p = b.add(&place{kind: 'R', name: f[1]})
			}
		case "country":
			p = b.find('C', f[1])
		case "city":
			p = b.find('T', f[1])
		default:
			return fmt.Errorf("%s: unknown kind in %q", path, l)
		}
		if p == nil {
			return fmt.Errorf("%s: no %s named %q", path, f[0], f[1])
		}
		for _, a := range f[1:] {
			name, demonym := strings.CutPrefix(a, "~")
			p.addAliasPref(name, demonym, true)
		}
	}
	return nil
}

// find returns the place of that kind and English name; of several cities,
// the most populous.
func (b *builder) find(kind byte, name string) *place {
	var best *place
	for _, p := range b.places {
		if p.kind == kind && p.name == name && (best == nil || p.population > best.population) {
			best = p
		}
	}
	return best
}

// ambiguous reports whether the alias a of p is also an ordinary word or a
// frequent given name, so that a caller should want context before taking
// it for p: a name whose every word is a common word ("Nice", "Of",
// "East End"), or a given name borne by more than a tenth as many people as
// the place has inhabitants ("Victoria", "Charlotte", but not "Paris").
//
// Only one-word names can be common words ("Black Sea" is not ambiguous
// though "black" and "sea" are words), and demonyms are adjectives by
// nature, so the word test leaves them out; regions ("Asia", "Africa") are
// not tested against given names.
func (b *builder) ambiguous(p *place, a alias) bool {
	if !a.demonym && !strings.Contains(a.words, " ") && b.isCommonWord(a.words) {
		return true
	}
	if p.kind == 'R' {
		return false
	}
	n := b.given[a.words]
	return n >= commonNameCount && n*nameToPopulation > p.population
}

func isConnector(w string) bool {
	switch w {
	case "and", "of", "the", "de", "la", "del", "do", "da":
		return true
	}
	return false
}

// placesTSV renders the places table, sorted by kind, country, name and id.
func (b *builder) placesTSV() []byte {
	order := map[byte]int{'C': 0, 'R': 1, 'A': 2, 'T': 3}
	ps := slices.Clone(b.places)
	slices.SortStableFunc(ps, func(x, y *place) int {
		if c := order[x.kind] - order[y.kind]; c != 0 {
			return c
		}
		if c := strings.Compare(x.country, y.country); c != 0 {
			return c
		}
		if c := strings.Compare(x.name, y.name); c != 0 {
			return c
		}
		return int(x.id - y.id)
	})
	var buf bytes.Buffer
	buf.WriteString("# kind\tcountry\tpopulation\tgeonameid\tadmin1\tname\taliases (| between; ~ demonym, ! preferred, ? ambiguous) — built by scripts/gazetteer; see SOURCE.md\n")
	for _, p := range ps {
		kind := p.kind
		if kind == 'T' && p.capital {
			kind = 'K'
		}
		fmt.Fprintf(&buf, "%c\t%s\t%d\t%d\t%s\t%s\t", kind, p.country, p.population, p.id, clean(p.admin1), clean(p.name))
		for i, a := range p.aliases {
			if i > 0 {
				buf.WriteByte('|')
			}
			if a.demonym {
				buf.WriteByte('~')
			}
			if a.preferred {
				buf.WriteByte('!')
			}
			if b.ambiguous(p, a) {
				buf.WriteByte('?')
			}
			buf.WriteString(a.words)
		}
		buf.WriteByte('\n')
	}
	return buf.Bytes()
}

// clean keeps tabs and newlines out of a field.
func clean(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}
