package fonts

import (
	"bytes"
	"encoding/binary"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/assets"
)

// embedded returns a copy of an embedded font file.
func embedded(t *testing.T, file string) []byte {
	t.Helper()
	data, err := fs.ReadFile(assets.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// tableRecord returns the offset of the directory record of tag in data.
func tableRecord(t *testing.T, data []byte, tag string) int {
	t.Helper()
	n := int(binary.BigEndian.Uint16(data[4:6]))
	for i := range n {
		if string(data[12+16*i:16+16*i]) == tag {
			return 12 + 16*i
		}
	}
	t.Fatalf("no %s table", tag)
	return 0
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	good := embedded(t, assets.SansRegular)
	renamed := bytes.Clone(good)
	copy(renamed[tableRecord(t, renamed, "glyf"):], "glyx")
	noCmap := bytes.Clone(good)
	rec := tableRecord(t, noCmap, "cmap")
	off := binary.BigEndian.Uint32(noCmap[rec+8:])
	size := binary.BigEndian.Uint32(noCmap[rec+12:])
	for i := off; i < off+size; i++ {
		noCmap[i] = 0xFF
	}
	pastEnd := bytes.Clone(good)
	binary.BigEndian.PutUint32(pastEnd[tableRecord(t, pastEnd, "hmtx")+8:], uint32(len(good)-4))
	manyTables := bytes.Clone(good)
	binary.BigEndian.PutUint16(manyTables[4:], 0xFFFF)
	cffDirectory := bytes.Clone(good)
	copy(cffDirectory[tableRecord(t, cffDirectory, "glyf"):], "CFF ")

	tests := []struct {
		name string
		data []byte // nil: no file
		want string // "" = opens
	}{
		{"good.ttf", good, ""},
		{"mono.ttf", embedded(t, assets.Mono), ""},
		{"missing.ttf", nil, "cannot read: no such file or directory"},
		{"empty.ttf", []byte{}, "not a font file (too short)"},
		{"text.ttf", []byte("this is not a font, only some text\n"), "not a TrueType font file"},
		{"cff.otf", append([]byte("OTTO"), good[4:]...), "CFF outlines not supported; use a TrueType-flavoured font"},
		{"cff-tables.ttf", cffDirectory, "CFF outlines not supported; use a TrueType-flavoured font"},
		{"fonts.ttc", append([]byte("ttcf"), good[4:]...), "font collections (.ttc) not supported"},
		{"web.woff", append([]byte("wOFF"), good[4:]...), "web fonts (WOFF) not supported"},
		{"truncated.ttf", good[:2000], "broken font file: table"},
		{"no-glyf.ttf", renamed, "broken font file: no glyf table"},
		{"bad-cmap.ttf", noCmap, "broken font file"},
		{"past-end.ttf", pastEnd, `broken font file: table "hmtx" runs past the end`},
		{"many-tables.ttf", manyTables, "broken font file: table directory runs past the end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, tt.name)
			if tt.data != nil {
				if err := os.WriteFile(path, tt.data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			f, err := Open(path)
			if tt.want == "" {
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				if f.File != path || !f.Has('A') || f.Has('😀') {
					t.Errorf("face %q: Has('A') = %v", f.File, f.Has('A'))
				}
				return
			}
			if err == nil {
				t.Fatalf("Open succeeded, want %q", tt.want)
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "font "+path+": ") || !strings.Contains(msg, tt.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q, want one line %q naming the file", msg, "font "+path+": …"+tt.want)
			}
		})
	}
}

// TestOpenRealCFF opens a real CFF-outline OpenType font when the Go
// module cache holds golang.org/x/image's test data.
func TestOpenRealCFF(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join(modCache(), "golang.org", "x", "image@*", "font", "testdata", "CFFTest.otf"))
	if len(matches) == 0 {
		t.Skip("no CFFTest.otf in the module cache")
	}
	_, err := Open(matches[0])
	if err == nil || !strings.Contains(err.Error(), "CFF outlines not supported") {
		t.Errorf("Open(%s) = %v, want CFF refused", matches[0], err)
	}
}

func modCache() string {
	if d := os.Getenv("GOMODCACHE"); d != "" {
		return d
	}
	if d := os.Getenv("GOPATH"); d != "" {
		return filepath.Join(filepath.SplitList(d)[0], "pkg", "mod")
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, "go", "pkg", "mod")
}
