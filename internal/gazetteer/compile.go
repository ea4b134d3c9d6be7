package gazetteer

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
)

// Compile turns the two text files scripts/gazetteer writes (places.tsv
// and names.tsv, uncompressed) into the table the package embeds
// (data/gazetteer.bin; see table.go for its layout). The same text gives
// the same bytes. scripts/gazetteer calls it after writing the text, and a
// test checks that the embedded table is what it makes of the embedded text.
func Compile(placesTSV, namesTSV []byte) ([]byte, error) {
	d, err := readTSV(placesTSV, namesTSV)
	if err != nil {
		return nil, err
	}
	return d.encode()
}

// tsvData is the gazetteer as the text files give it, parsed into maps:
// what Compile encodes, and what the tests compare the table with.
type tsvData struct {
	places  []Place
	aliases []alias
	// first maps the first word of each alias to the aliases starting with
	// it, in the order of the data; stems maps the stem (see stem) of the
	// first word of each Cyrillic alias, when it is not the word itself,
	// to those aliases.
	first   map[string][]int32
	stems   map[string][]int32
	country map[string]int32 // ISO code → index in places
	names   map[string]Name
}

func readTSV(placesTSV, namesTSV []byte) (*tsvData, error) {
	d := &tsvData{
		first:   make(map[string][]int32, 70000),
		stems:   make(map[string][]int32, 40000),
		country: map[string]int32{},
	}
	if err := d.parsePlaces(placesTSV); err != nil {
		return nil, err
	}
	var err error
	if d.names, err = parseNames(namesTSV); err != nil {
		return nil, err
	}
	return d, nil
}

func (d *tsvData) parsePlaces(data []byte) error {
	var f [7]string
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
		id := int32(len(d.places))
		d.places = append(d.places, p)
		if p.Kind == Country {
			d.country[p.Country] = id
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
			k := int32(len(d.aliases))
			d.aliases = append(d.aliases, al)
			w, _, _ := strings.Cut(a, " ")
			d.first[w] = append(d.first[w], k)
			if al.cyrillic {
				if s := stem(w); s != w {
					d.stems[s] = append(d.stems[s], k)
				}
			}
		}
		return nil
	})
}

func parseNames(data []byte) (map[string]Name, error) {
	out := make(map[string]Name, 45000)
	var f [5]string
	err := eachLine(data, "names.tsv", f[:], func(n int) error {
		var nm Name
		switch f[1] {
		case "en":
			nm.Lang = English
		case "ru":
			nm.Lang = Russian
		default:
			return fmt.Errorf("names.tsv:%d: language %q", n, f[1])
		}
		var err error
		if nm.Male, err = strconv.ParseInt(f[2], 10, 64); err != nil {
			return fmt.Errorf("names.tsv:%d: %v", n, err)
		}
		if nm.Female, err = strconv.ParseInt(f[3], 10, 64); err != nil {
			return fmt.Errorf("names.tsv:%d: %v", n, err)
		}
		nm.Word = f[4] == "1"
		out[f[0]] = nm
		return nil
	})
	return out, err
}

// eachLine calls fn for each line of data that is not blank or a "#"
// comment, after splitting it at tabs into f; a line of another number of
// fields is an error naming the file and the line.
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

// encoder writes the table: strings go to one pool, written first, and
// each is written once however often it is used.
type encoder struct {
	pool    bytes.Buffer
	at      map[string]uint32
	body    []byte
	tooLong error
}

func (e *encoder) str(s string) {
	off, ok := e.at[s]
	if !ok {
		off = uint32(e.pool.Len())
		e.at[s] = off
		e.pool.WriteString(s)
	}
	if len(s) > math.MaxUint16 || e.pool.Len() > math.MaxUint32 {
		e.tooLong = fmt.Errorf("gazetteer table: string %.40q… too long", s)
	}
	e.u32(off)
	e.body = binary.LittleEndian.AppendUint16(e.body, uint16(len(s)))
}

func (e *encoder) u32(v uint32) { e.body = binary.LittleEndian.AppendUint32(e.body, v) }

// count writes n, which must fit in 32 bits.
func (e *encoder) count(n int64, what string) error {
	if n < 0 || n > math.MaxUint32 {
		return fmt.Errorf("gazetteer table: %s %d does not fit in 32 bits", what, n)
	}
	e.u32(uint32(n))
	return nil
}

// keys writes the keys of a map as a key set (see table.go) and returns
// them in the order written.
func (e *encoder) keys(m []string) {
	slices.Sort(m)
	slots := 1
	for slots < len(m)*4/3+1 {
		slots <<= 1
	}
	e.u32(uint32(len(m)))
	e.u32(uint32(slots))
	for _, k := range m {
		e.str(k)
	}
	table := make([]uint32, slots)
	mask := uint32(slots - 1)
	for i, k := range m {
		j := hashKey(k) & mask
		for table[j] != 0 {
			j = (j + 1) & mask
		}
		table[j] = uint32(i + 1)
	}
	for _, v := range table {
		e.u32(v)
	}
}

// lists writes a map from strings to lists of aliases: its key set, then
// where each key's list starts, then the lists.
func (e *encoder) lists(m map[string][]int32) {
	ks := mapKeys(m)
	e.keys(ks)
	n := 0
	for _, k := range ks {
		e.u32(uint32(n))
		n += len(m[k])
	}
	e.u32(uint32(n))
	for _, k := range ks {
		for _, v := range m[k] {
			e.u32(uint32(v))
		}
	}
}

func mapKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func (d *tsvData) encode() ([]byte, error) {
	e := &encoder{at: map[string]uint32{}}
	if err := e.count(int64(len(d.places)), "places"); err != nil {
		return nil, err
	}
	for _, p := range d.places {
		e.body = append(e.body, byte(p.Kind), boolByte(p.Capital))
		e.str(p.Name)
		e.str(p.Country)
		e.str(p.Admin1)
		if err := e.count(p.Population, "population of "+p.Name); err != nil {
			return nil, err
		}
		if err := e.count(p.GeoNameID, "GeoNames ID of "+p.Name); err != nil {
			return nil, err
		}
	}
	e.u32(uint32(len(d.aliases)))
	for _, a := range d.aliases {
		e.str(a.words)
		e.u32(uint32(a.place))
		e.body = append(e.body, a.flags())
	}
	e.lists(d.first)
	e.lists(d.stems)
	codes := mapKeys(d.country)
	e.keys(codes)
	for _, c := range codes {
		e.u32(uint32(d.country[c]))
	}
	names := mapKeys(d.names)
	e.keys(names)
	for _, k := range names {
		n := d.names[k]
		e.body = append(e.body, byte(n.Lang), boolByte(n.Word))
		if err := e.count(n.Male, "male count of "+k); err != nil {
			return nil, err
		}
		if err := e.count(n.Female, "female count of "+k); err != nil {
			return nil, err
		}
	}
	if e.tooLong != nil {
		return nil, e.tooLong
	}
	out := make([]byte, 0, len(tableMagic)+4+e.pool.Len()+len(e.body))
	out = append(out, tableMagic...)
	out = binary.LittleEndian.AppendUint32(out, uint32(e.pool.Len()))
	out = append(out, e.pool.Bytes()...)
	out = append(out, e.body...)
	if _, err := openTable(string(out)); err != nil {
		return nil, errors.New("gazetteer table: the encoder wrote what the reader rejects: " + err.Error())
	}
	return out, nil
}

func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}
