package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"strings"

	"github.com/briefbook/briefbook/internal/source"
	"golang.org/x/image/font/sfnt"
)

// MaxFileSize is the largest font file Open reads: 128 MiB, above the
// largest CJK fonts (about 20 MiB).
const MaxFileSize = 128 << 20

// requiredTables are the tables a TrueType-outline font needs to be
// embedded in a PDF by fpdf: character map, glyph outlines and their index,
// horizontal metrics, and the headers that size them.
var requiredTables = []string{"cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp"}

// Open reads the font file at path, checks that it is a TrueType-outline
// font that can be embedded (see Check), and returns it as a Face whose
// File is path. Errors are one line starting "font PATH: ".
func Open(path string) (*Face, error) {
	data, err := source.ReadFile(path, MaxFileSize)
	if err != nil {
		if errors.Is(err, source.ErrTooLarge) {
			return nil, fmt.Errorf("font %s: larger than %s", path, source.FormatSize(MaxFileSize))
		}
		// source's errors start with the path.
		return nil, fmt.Errorf("font %s", err)
	}
	return FromBytes(path, data)
}

// FromBytes checks data (see Check) and returns it as a Face named name.
func FromBytes(name string, data []byte) (*Face, error) {
	if err := Check(data); err != nil {
		return nil, fmt.Errorf("font %s: %v", name, err)
	}
	sf, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: broken font file: %v", name, trimSFNT(err))
	}
	f := &Face{File: name, Data: data, font: sf, has: map[rune]bool{}}
	var buf sfnt.Buffer
	if _, err := sf.GlyphIndex(&buf, 'A'); err != nil {
		return nil, fmt.Errorf("font %s: broken font file: character map: %v", name, trimSFNT(err))
	}
	return f, nil
}

// Check reports whether data is a font file that can be embedded: a single
// TrueType-outline font (not a collection, not a web font, not CFF/PostScript
// outlines) whose table directory lies inside the file and holds every table
// in requiredTables. It does not parse the tables themselves (FromBytes
// does, with sfnt).
func Check(data []byte) error {
	if len(data) < 12 {
		return errors.New("not a font file (too short)")
	}
	switch tag := string(data[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return errors.New("CFF outlines not supported; use a TrueType-flavoured font")
	case "ttcf":
		return errors.New("font collections (.ttc) not supported; use a single-font .ttf file")
	case "wOFF", "wOF2":
		return errors.New("web fonts (WOFF) not supported; use a .ttf file")
	default:
		return errors.New("not a TrueType font file")
	}
	n := int(binary.BigEndian.Uint16(data[4:6]))
	if n == 0 || 12+16*n > len(data) {
		return errors.New("broken font file: table directory runs past the end")
	}
	have := map[string]bool{}
	for i := range n {
		rec := data[12+16*i : 28+16*i]
		tag := string(rec[:4])
		off := int64(binary.BigEndian.Uint32(rec[8:12]))
		size := int64(binary.BigEndian.Uint32(rec[12:16]))
		if off+size > int64(len(data)) {
			return fmt.Errorf("broken font file: table %q runs past the end", strings.TrimSpace(tag))
		}
		have[tag] = true
	}
	var missing []string
	for _, t := range requiredTables {
		if !have[t] {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 {
		if !have["glyf"] && (have["CFF "] || have["CFF2"]) {
			return errors.New("CFF outlines not supported; use a TrueType-flavoured font")
		}
		return fmt.Errorf("broken font file: no %s table", strings.Join(missing, ", "))
	}
	return nil
}

// trimSFNT drops the "sfnt: " prefix of sfnt's errors.
func trimSFNT(err error) string { return strings.TrimPrefix(err.Error(), "sfnt: ") }
