package source

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Encoding names a text encoding briefbook can read.
type Encoding struct {
	// Name is the canonical name printed in messages ("Windows-1251").
	Name    string
	aliases []string
	enc     encoding.Encoding
}

// Encodings lists the encodings that --encoding accepts and that Decode
// guesses among, besides UTF-8 and UTF-16.
var Encodings = []Encoding{
	{"UTF-8", []string{"utf8"}, nil},
	{"UTF-16LE", []string{"utf16le"}, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM)},
	{"UTF-16BE", []string{"utf16be"}, xunicode.UTF16(xunicode.BigEndian, xunicode.IgnoreBOM)},
	{"Windows-1251", []string{"cp1251", "win1251", "windows1251"}, charmap.Windows1251},
	{"KOI8-R", []string{"koi8r", "koi8"}, charmap.KOI8R},
	{"Windows-1252", []string{"cp1252", "win1252", "windows1252"}, charmap.Windows1252},
	{"ISO-8859-1", []string{"latin1", "iso88591", "l1"}, charmap.ISO8859_1},
}

// LookupEncoding finds an encoding by name, ignoring case, "-" and "_".
func LookupEncoding(name string) (Encoding, error) {
	key := strings.NewReplacer("-", "", "_", "", " ", "").Replace(strings.ToLower(name))
	for _, e := range Encodings {
		if strings.NewReplacer("-", "").Replace(strings.ToLower(e.Name)) == key {
			return e, nil
		}
		for _, a := range e.aliases {
			if a == key {
				return e, nil
			}
		}
	}
	var names []string
	for _, e := range Encodings {
		names = append(names, e.Name)
	}
	return Encoding{}, fmt.Errorf("unknown encoding %q (known: %s)", name, strings.Join(names, ", "))
}

// DecodeAs converts data from enc to UTF-8 (a byte-order mark is removed).
// UTF-8 input must be valid.
func DecodeAs(name string, data []byte, enc Encoding) (*File, error) {
	if enc.enc == nil {
		data = bytes.TrimPrefix(data, []byte{0xEF, 0xBB, 0xBF})
		if !utf8.Valid(data) {
			off := firstInvalid(data)
			return nil, &Error{Pos: Pos{File: name, Line: lineAt(data, off)}, Msg: "not valid UTF-8"}
		}
		return &File{Name: name, Data: data}, nil
	}
	out, err := enc.enc.NewDecoder().Bytes(data)
	if err != nil {
		return nil, &Error{Pos: Pos{File: name}, Msg: fmt.Sprintf("cannot decode as %s: %v", enc.Name, err)}
	}
	out = bytes.TrimPrefix(out, []byte{0xEF, 0xBB, 0xBF})
	return &File{Name: name, Data: out, Encoding: enc.Name}, nil
}

// guessLegacy picks the most plausible single-byte encoding for data,
// which is not valid UTF-8. Cyrillic text in these encodings has most of its
// letters in bytes ≥ 0x80, in runs that make whole words; Western European
// text has a few accented letters inside ASCII words. Between Windows-1251
// and KOI8-R, the right one makes most Cyrillic letters lower-case (in the
// wrong one, lower and upper case swap). Confident reports whether the
// evidence was clear.
func guessLegacy(data []byte) (enc Encoding, confident bool) {
	high, inRuns, run := 0, 0, 0
	c1 := false
	flush := func() {
		if run >= 3 {
			inRuns += run
		}
		run = 0
	}
	for _, b := range data {
		if b >= 0x80 {
			high++
			run++
			if b < 0xA0 {
				c1 = true
			}
			continue
		}
		flush()
	}
	flush()
	byName := func(n string) Encoding {
		e, _ := LookupEncoding(n)
		return e
	}
	if high > 0 && inRuns*2 > high {
		type cand struct {
			e     Encoding
			score float64
		}
		var cs []cand
		for _, n := range []string{"Windows-1251", "KOI8-R"} {
			e := byName(n)
			out, _ := e.enc.NewDecoder().Bytes(data)
			lower, letters := 0, 0
			for _, r := range string(out) {
				if unicode.Is(unicode.Cyrillic, r) && unicode.IsLetter(r) {
					letters++
					if unicode.IsLower(r) {
						lower++
					}
				}
			}
			s := 0.0
			if letters > 0 {
				s = float64(lower) / float64(letters)
			}
			cs = append(cs, cand{e, s})
		}
		sort.SliceStable(cs, func(i, j int) bool { return cs[i].score > cs[j].score })
		return cs[0].e, cs[0].score-cs[1].score > 0.2
	}
	if c1 {
		return byName("Windows-1252"), true
	}
	return byName("ISO-8859-1"), true
}
