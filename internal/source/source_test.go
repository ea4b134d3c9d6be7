package source

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		in      []byte
		want    string
		wantErr string
	}{
		{"plain", []byte("Title\n\nText"), "Title\n\nText", ""},
		{"bom stripped", []byte("\xEF\xBB\xBFҚазақстан"), "Қазақстан", ""},
		{"empty", nil, "", ""},
		{"utf16le", []byte{0xFF, 0xFE, 'a', 0, 0x1A, 0x04}, "aК", ""},
		{"utf16be", []byte{0xFE, 0xFF, 0, 'a', 0x04, 0x1A}, "aК", ""},
		{"utf16 with NUL", []byte{0xFF, 0xFE, 'a', 0, '\n', 0, 0, 0}, "", "x.txt:2: binary data"},
		{"nul on line 3", []byte("a\nb\nc\x00d"), "", "x.txt:3: binary data"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Decode("x.txt", tt.in)
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want prefix %q", err, tt.wantErr)
				}
				var se *Error
				if !errors.As(err, &se) {
					t.Errorf("error %T is not a *source.Error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(f.Data) != tt.want {
				t.Errorf("data = %q, want %q", f.Data, tt.want)
			}
		})
	}
}

func TestReadMissingNamesFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nope.txt")
	_, err := Read(p)
	if err == nil || !strings.HasPrefix(err.Error(), p+": cannot read") || strings.Contains(err.Error(), "\n") {
		t.Fatalf("err = %v", err)
	}
}

func TestFileNames(t *testing.T) {
	f := &File{Name: "dir/Notes.Final.MD"}
	if f.Base() != "Notes.Final.MD" || f.Stem() != "Notes.Final" || f.Ext() != ".md" {
		t.Errorf("Base %q Stem %q Ext %q", f.Base(), f.Stem(), f.Ext())
	}
	if err := os.WriteFile(filepath.Join(t.TempDir(), "a"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestWarningsDeduplicate(t *testing.T) {
	var ws Warnings
	ws.Add(Pos{File: "a.md", Line: 3}, "dropped %s", "HTML")
	ws.Add(Pos{File: "a.md", Line: 3}, "dropped %s", "HTML")
	ws.Add(Pos{File: "a.md", Line: 4, Col: 2}, "x")
	if len(ws.List) != 2 {
		t.Fatalf("got %d warnings", len(ws.List))
	}
	if got := ws.List[1].String(); got != "a.md:4:2: warning: x" {
		t.Errorf("String() = %q", got)
	}
	var nilWs *Warnings
	nilWs.Add(Pos{}, "ignored") // must not panic
}
