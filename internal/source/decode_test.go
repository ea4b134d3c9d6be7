package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

func encode(t *testing.T, cm *charmap.Charmap, s string) []byte {
	t.Helper()
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeGuessesLegacyEncodings(t *testing.T) {
	const ru = "Внешняя политика Казахстана\n\nПосле обретения независимости 16 декабря 1991 года страна установила отношения со 140 государствами."
	const fr = "Les «principales» orientations — l'été à Genève, où l'on négocie."
	const de = "Die Außenpolitik während der Übergangszeit: Grüße aus Köln."
	tests := []struct {
		name, text string
		data       []byte
		want       string
	}{
		{"windows-1251", ru, encode(t, charmap.Windows1251, ru), "Windows-1251"},
		{"koi8-r", ru, encode(t, charmap.KOI8R, ru), "KOI8-R"},
		{"windows-1252", fr, encode(t, charmap.Windows1252, fr), "Windows-1252"},
		{"iso-8859-1", de, encode(t, charmap.ISO8859_1, de), "ISO-8859-1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Decode("legacy.txt", tt.data)
			if err != nil {
				t.Fatal(err)
			}
			if f.Encoding != tt.want || string(f.Data) != tt.text {
				t.Errorf("got %s %q, want %s", f.Encoding, f.Data, tt.want)
			}
			if len(f.Warnings) != 1 || !strings.Contains(f.Warnings[0].String(), "legacy.txt:1: warning: not UTF-8: read as "+tt.want) {
				t.Errorf("warnings = %v", f.Warnings)
			}
		})
	}
}

func TestLookupEncodingAndReadAs(t *testing.T) {
	for _, n := range []string{"cp1251", "Windows-1251", "WINDOWS_1251", "koi8-r", "latin1", "utf-16le", "UTF8"} {
		if _, err := LookupEncoding(n); err != nil {
			t.Errorf("LookupEncoding(%q): %v", n, err)
		}
	}
	if _, err := LookupEncoding("ebcdic"); err == nil || !strings.Contains(err.Error(), "known: UTF-8") {
		t.Errorf("unknown encoding: err = %v", err)
	}
	// Forcing an encoding overrides the guess: KOI8-R bytes read as KOI8-R.
	p := filepath.Join(t.TempDir(), "k.txt")
	os.WriteFile(p, encode(t, charmap.KOI8R, "Қазақстан? нет: Казахстан"[len("Қазақстан? "):]), 0o644)
	enc, _ := LookupEncoding("koi8-r")
	f, err := ReadAs(p, enc)
	if err != nil || string(f.Data) != "нет: Казахстан" {
		t.Errorf("ReadAs = %q, %v", f.Data, err)
	}
	// Forcing UTF-8 on bytes that are not UTF-8 is an error with the line.
	u, _ := LookupEncoding("utf-8")
	os.WriteFile(p, []byte("ok\n\xff"), 0o644)
	if _, err := ReadAs(p, u); err == nil || !strings.HasSuffix(strings.SplitN(err.Error(), ": ", 2)[0], "k.txt:2") {
		t.Errorf("ReadAs utf-8 on bad bytes: %v", err)
	}
}

// TestReadAsRefusesBinary: forcing an encoding does not let binary data in.
func TestReadAsRefusesBinary(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.txt")
	os.WriteFile(p, []byte("text\nmore\x00\x01"), 0o644)
	for _, name := range []string{"cp1251", "koi8-r", "latin1", "utf-8"} {
		enc, _ := LookupEncoding(name)
		if _, err := ReadAs(p, enc); err == nil || !strings.Contains(err.Error(), "b.txt:2: binary data") {
			t.Errorf("%s: err = %v", name, err)
		}
	}
	os.WriteFile(p, []byte{'a', 0, '\n', 0, 0, 0}, 0o644)
	enc, _ := LookupEncoding("utf-16le")
	if _, err := ReadAs(p, enc); err == nil || !strings.Contains(err.Error(), "b.txt:2: binary data") {
		t.Errorf("utf-16le: err = %v", err)
	}
}
