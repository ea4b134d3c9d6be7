package gazetteer

import (
	"errors"
	"fmt"
)

// The embedded table (data/gazetteer.bin, made by Compile) is read where it
// lies: opening it reads a few counts, and a look-up hashes the word and
// reads the records it needs, so a process pays nothing to decompress or
// parse the data, and only the pages it touches are read from the binary.
//
// Layout, all integers little-endian, a string written as a 32-bit offset
// into the pool and a 16-bit length:
//
//	magic
//	pool size (u32), the pool: every string, once
//	places:  count, then per place kind (u8), capital (u8), name, country,
//	         admin1, population (u32), GeoNames ID (u32)
//	aliases: count, then per alias its words, place (u32), flags (u8)
//	first:   a key set of the first words of the aliases, then its lists
//	stems:   a key set of the stems of Cyrillic first words, then its lists
//	country: a key set of ISO codes, then per key its place (u32)
//	names:   a key set of given names, then per key language (u8), word
//	         (u8), male (u32), female (u32)
//
// A key set is its count n and a power of two s, the n keys (strings, in
// byte order), then s slots: open addressing with linear probing on
// hashKey, a slot holding 1 + the number of a key, or 0 when empty. Lists
// follow a key set as n+1 starts (u32) into the list entries, then the
// entries (u32 alias numbers, in the order of the data).
const tableMagic = "briefbook-gazetteer-table-1\n"

const (
	strSize   = 6
	placeSize = 2 + 3*strSize + 4 + 4
	aliasSize = strSize + 4 + 1
	nameSize  = 2 + 4 + 4
)

// Alias flags, one bit each.
const (
	flagDemonym = 1 << iota
	flagAmbiguous
	flagCyrillic
	flagPreferred
)

func (a alias) flags() byte {
	var f byte
	for _, b := range []struct {
		on  bool
		bit byte
	}{{a.demonym, flagDemonym}, {a.ambiguous, flagAmbiguous}, {a.cyrillic, flagCyrillic}, {a.preferred, flagPreferred}} {
		if b.on {
			f |= b.bit
		}
	}
	return f
}

// table is the opened table: offsets of its sections in data.
type table struct {
	data    string
	pool    int // offset of the string pool
	nPlaces int
	places  int
	nAlias  int
	aliases int
	first   listSet
	stems   listSet
	country keySet
	cPlaces int // per country key, its place
	names   keySet
	nRecs   int // per name key, its record
}

// keySet is a hashed set of strings in the table.
type keySet struct {
	n, keys, slots int
	mask           uint32
}

// listSet is a key set whose keys each have a list of alias numbers.
type listSet struct {
	keySet
	starts, entries int
}

// cursor reads the table's counts at open.
type cursor struct {
	data string
	at   int
	err  error
}

func (c *cursor) u32() int {
	if c.err == nil && c.at+4 > len(c.data) {
		c.err = fmt.Errorf("truncated at byte %d", c.at)
	}
	if c.err != nil {
		return 0
	}
	v := u32(c.data, c.at)
	c.at += 4
	return int(v)
}

func (c *cursor) skip(n, size int) int {
	at := c.at
	if c.err == nil && (n < 0 || size > 0 && n > (len(c.data)-c.at)/size) {
		c.err = fmt.Errorf("%d records of %d bytes at byte %d: past the end", n, size, c.at)
	}
	if c.err == nil {
		c.at += n * size
	}
	return at
}

func (c *cursor) keySet() keySet {
	var k keySet
	k.n = c.u32()
	s := c.u32()
	if c.err == nil && (s == 0 || s&(s-1) != 0 || s <= k.n) {
		c.err = fmt.Errorf("key set at byte %d: %d slots for %d keys", c.at, s, k.n)
	}
	k.keys = c.skip(k.n, strSize)
	k.slots = c.skip(s, 4)
	k.mask = uint32(s - 1)
	return k
}

func (c *cursor) listSet() listSet {
	l := listSet{keySet: c.keySet()}
	l.starts = c.skip(l.n, 4)
	total := c.u32()
	l.entries = c.skip(total, 4)
	return l
}

// openTable checks the table's magic and counts and finds its sections.
// It reads a few dozen bytes, not the records.
func openTable(data string) (*table, error) {
	if len(data) < len(tableMagic) || data[:len(tableMagic)] != tableMagic {
		return nil, errors.New("not a gazetteer table")
	}
	c := &cursor{data: data, at: len(tableMagic)}
	t := &table{data: data}
	poolSize := c.u32()
	t.pool = c.skip(poolSize, 1)
	t.nPlaces = c.u32()
	t.places = c.skip(t.nPlaces, placeSize)
	t.nAlias = c.u32()
	t.aliases = c.skip(t.nAlias, aliasSize)
	t.first = c.listSet()
	t.stems = c.listSet()
	t.country = c.keySet()
	t.cPlaces = c.skip(t.country.n, 4)
	t.names = c.keySet()
	t.nRecs = c.skip(t.names.n, nameSize)
	if c.err != nil {
		return nil, c.err
	}
	if c.at != len(data) {
		return nil, fmt.Errorf("%d bytes after the last section", len(data)-c.at)
	}
	return t, nil
}

func u32(s string, i int) uint32 {
	return uint32(s[i]) | uint32(s[i+1])<<8 | uint32(s[i+2])<<16 | uint32(s[i+3])<<24
}

// str reads the string written at offset i.
func (t *table) str(i int) string {
	off := int(u32(t.data, i))
	n := int(t.data[i+4]) | int(t.data[i+5])<<8
	return t.data[t.pool+off : t.pool+off+n]
}

// hashKey is the 32-bit FNV-1a hash of s.
func hashKey(s string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	return h
}

// find returns the number of key s in the set, or -1.
func (t *table) find(k *keySet, s string) int {
	for j := hashKey(s) & k.mask; ; j = (j + 1) & k.mask {
		v := int(u32(t.data, k.slots+4*int(j)))
		if v == 0 {
			return -1
		}
		if t.str(k.keys+strSize*(v-1)) == s {
			return v - 1
		}
	}
}

// ids is a list of alias numbers in the table.
type ids struct {
	data    string
	at, len int
}

func (l ids) at32(i int) int32 { return int32(u32(l.data, l.at+4*i)) }

// list returns the aliases listed under key s, none when s is not a key.
func (t *table) list(l *listSet, s string) ids {
	i := t.find(&l.keySet, s)
	if i < 0 {
		return ids{}
	}
	from := int(u32(t.data, l.starts+4*i))
	to := int(u32(t.data, l.starts+4*i+4))
	return ids{data: t.data, at: l.entries + 4*from, len: to - from}
}

// place decodes place number i.
func (t *table) place(i int32) Place {
	at := t.places + placeSize*int(i)
	return Place{
		Kind:       Kind(t.data[at]),
		Capital:    t.data[at+1] != 0,
		Name:       t.str(at + 2),
		Country:    t.str(at + 2 + strSize),
		Admin1:     t.str(at + 2 + 2*strSize),
		Population: int64(u32(t.data, at+2+3*strSize)),
		GeoNameID:  int64(u32(t.data, at+2+3*strSize+4)),
	}
}

// placeKind returns the kind of place number i.
func (t *table) placeKind(i int32) Kind { return Kind(t.data[t.places+placeSize*int(i)]) }

// placeWeight returns the weight (see weight) of place number i.
func (t *table) placeWeight(i int32) int64 {
	at := t.places + placeSize*int(i)
	return weight(Kind(t.data[at]), int64(u32(t.data, at+2+3*strSize)))
}

// alias decodes alias number k.
func (t *table) alias(k int32) alias {
	at := t.aliases + aliasSize*int(k)
	f := t.data[at+strSize+4]
	return alias{
		words:     t.str(at),
		place:     int32(u32(t.data, at+strSize)),
		demonym:   f&flagDemonym != 0,
		ambiguous: f&flagAmbiguous != 0,
		cyrillic:  f&flagCyrillic != 0,
		preferred: f&flagPreferred != 0,
	}
}

// countryPlace returns the place number of the country of ISO code c.
func (t *table) countryPlace(c string) (int32, bool) {
	i := t.find(&t.country, c)
	if i < 0 {
		return 0, false
	}
	return int32(u32(t.data, t.cPlaces+4*i)), true
}

// name returns the record of given name w.
func (t *table) name(w string) (Name, bool) {
	i := t.find(&t.names, w)
	if i < 0 {
		return Name{}, false
	}
	at := t.nRecs + nameSize*i
	return Name{
		Lang:   Lang(t.data[at]),
		Word:   t.data[at+1] != 0,
		Male:   int64(u32(t.data, at+2)),
		Female: int64(u32(t.data, at+6)),
	}, true
}

// validate checks every string reference and number of the table, so that
// a damaged file is reported by the tests rather than found by a look-up.
func (t *table) validate() error {
	poolEnd := t.pool + int(u32(t.data, len(tableMagic)))
	strOK := func(i int) bool {
		off := int(u32(t.data, i))
		n := int(t.data[i+4]) | int(t.data[i+5])<<8
		return t.pool+off+n <= poolEnd
	}
	for i := range t.nPlaces {
		at := t.places + placeSize*i
		if !strOK(at+2) || !strOK(at+2+strSize) || !strOK(at+2+2*strSize) {
			return fmt.Errorf("place %d: string past the pool", i)
		}
		if k := Kind(t.data[at]); k < Country || k > City {
			return fmt.Errorf("place %d: kind %d", i, k)
		}
	}
	for k := range t.nAlias {
		at := t.aliases + aliasSize*k
		if !strOK(at) || int(u32(t.data, at+strSize)) >= t.nPlaces {
			return fmt.Errorf("alias %d: damaged", k)
		}
	}
	for _, k := range []*keySet{&t.first.keySet, &t.stems.keySet, &t.country, &t.names} {
		for i := range k.n {
			if !strOK(k.keys + strSize*i) {
				return fmt.Errorf("key %d: string past the pool", i)
			}
			if s := t.str(k.keys + strSize*i); t.find(k, s) != i {
				return fmt.Errorf("key %q: not found through its hash", s)
			}
		}
	}
	for _, l := range []*listSet{&t.first, &t.stems} {
		for i := range l.n {
			from, to := u32(t.data, l.starts+4*i), u32(t.data, l.starts+4*i+4)
			if from > to || int(to) > (len(t.data)-l.entries)/4 {
				return fmt.Errorf("list %d: damaged", i)
			}
			for j := from; j < to; j++ {
				if int(u32(t.data, l.entries+4*int(j))) >= t.nAlias {
					return fmt.Errorf("list %d: alias past the end", i)
				}
			}
		}
	}
	for i := range t.country.n {
		if int(u32(t.data, t.cPlaces+4*i)) >= t.nPlaces {
			return fmt.Errorf("country %d: place past the end", i)
		}
	}
	return nil
}
