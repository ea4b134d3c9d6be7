package pipeline

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

func TestBuildTime(t *testing.T) {
	tests := []struct {
		epoch, date string
		want        time.Time
		wantErr     bool
	}{
		{"", "", render.FixedEpoch, false},
		{"", "2008-05-28", time.Date(2008, 5, 28, 0, 0, 0, 0, time.UTC), false},
		{"", "2008-05", time.Date(2008, 5, 1, 0, 0, 0, 0, time.UTC), false},
		{"", "2008", time.Date(2008, 1, 1, 0, 0, 0, 0, time.UTC), false},
		{"", "May 2008", render.FixedEpoch, false},
		{"1700000000", "2008", time.Unix(1700000000, 0).UTC(), false},
		{"0", "", time.Unix(0, 0).UTC(), false},
		{"12abc", "", time.Time{}, true},
		{"1.5", "", time.Time{}, true},
		{"253402300799", "", time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC), false},
		{"253402300800", "", time.Time{}, true}, // 10000-01-01
		{"99999999999999", "", time.Time{}, true},
		{"-5", "", time.Time{}, true},
		{"+5", "", time.Time{}, true},
		{"1e9", "", time.Time{}, true},
	}
	for _, tt := range tests {
		got, err := BuildTime(tt.epoch, document.Meta{Date: tt.date})
		if (err != nil) != tt.wantErr {
			t.Errorf("BuildTime(%q, %q) err = %v", tt.epoch, tt.date, err)
			continue
		}
		if !tt.wantErr && !got.Equal(tt.want) {
			t.Errorf("BuildTime(%q, %q) = %v, want %v", tt.epoch, tt.date, got, tt.want)
		}
	}
}

func TestLookupFormats(t *testing.T) {
	tests := []struct {
		in      string
		want    string
		wantErr string
	}{
		{"", "pdf,epub,json", ""},
		{"json", "json", ""},
		{" PDF , json,pdf", "pdf,json", ""},
		{"docx", "", `unknown format "docx" (known: pdf, epub, json)`},
		{",", "", "no format given"},
	}
	for _, tt := range tests {
		fs, err := LookupFormats(tt.in)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("LookupFormats(%q) err = %v, want %q", tt.in, err, tt.wantErr)
			}
			continue
		}
		var names []string
		for _, f := range fs {
			names = append(names, f.Name)
		}
		if got := strings.Join(names, ","); got != tt.want || err != nil {
			t.Errorf("LookupFormats(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

func TestWriteAtomicKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A stale temporary file from an interrupted run is cleaned up.
	stale := filepath.Join(dir, ".doc.pdf.999999999.123"+tempSuffix) // no such process
	running := filepath.Join(dir, ".doc.pdf.1.456"+tempSuffix)       // PID 1 is alive
	if err := os.WriteFile(running, []byte("in progress"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(stale, []byte("half"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := WriteAtomic(out, func(w io.Writer) error {
		io.WriteString(w, "half-written")
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "old" {
		t.Errorf("output = %q, want the old content", b)
	}
	if _, err := os.Stat(running); err != nil {
		t.Errorf("the temporary file of a running build was removed: %v", err)
	}
	os.Remove(running)
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("folder holds %v, want only doc.pdf", names)
	}
	if err := WriteAtomic(out, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(out); string(b) != "new" {
		t.Errorf("output = %q, want new", b)
	}
}
