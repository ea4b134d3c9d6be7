package source

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestReadFileRefusesNonRegularAndHuge checks that a FIFO, a device and a
// file above the limit are refused with one line, quickly, without
// reading them.
func TestReadFileRefusesNonRegularAndHuge(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if runtime.GOOS != "windows" {
		if err := mkfifo(fifo); err != nil {
			t.Fatal(err)
		}
	}
	sparse := filepath.Join(dir, "sparse.txt")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Truncate(sparse, DefaultMaxSize+1); err != nil { // no disk used
		t.Fatal(err)
	}
	small := filepath.Join(dir, "small.txt")
	os.WriteFile(small, []byte("0123456789"), 0o644)
	tests := []struct {
		name, path string
		max        int64
		want       error
		inMsg      string
	}{
		{"fifo", fifo, 0, ErrNotRegular, "a named pipe"},
		{"dev zero", "/dev/zero", 0, ErrNotRegular, "a character device"},
		{"dev urandom", "/dev/urandom", 0, ErrNotRegular, "a character device"},
		{"folder", dir, 0, ErrNotRegular, "a folder"},
		{"sparse above default", sparse, 0, ErrTooLarge, "is 67108865 bytes, the limit is 64 MiB"},
		{"above a small limit", small, 9, ErrTooLarge, "is 10 bytes, the limit is 9 bytes"},
		{"at the limit", small, 10, nil, ""},
		{"sparse under a raised limit", sparse, DefaultMaxSize + 2, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skipf("%s: %v", tt.path, err)
			}
			if tt.want == nil && tt.path == sparse && testing.Short() {
				t.Skip("reads 64 MiB")
			}
			done := make(chan error, 1)
			go func() {
				_, err := ReadFile(tt.path, tt.max)
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				t.Fatalf("ReadFile(%s) still running after 10s", tt.name)
			}
			if tt.want == nil {
				if err != nil {
					t.Fatalf("err = %v", err)
				}
				return
			}
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.inMsg) ||
				!strings.HasPrefix(err.Error(), tt.path+": cannot read: ") || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want %v mentioning %q", err, tt.want, tt.inMsg)
			}
		})
	}
}

// TestReadRefusesFIFO checks the Read entry point the pipeline used before
// ReadWith: it must not hang on a FIFO either.
func TestReadRefusesFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	fifo := filepath.Join(t.TempDir(), "pipe.md")
	if err := mkfifo(fifo); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Read(fifo)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("err = %v, want ErrNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		// Unblock the reader so the test process can end.
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		t.Fatal("Read blocked on a FIFO")
	}
}

func TestParseSize(t *testing.T) {
	tests := []struct {
		in   string
		want int64
	}{
		{"64M", 64 << 20}, {"1G", 1 << 30}, {"512k", 512 << 10}, {"2MiB", 2 << 20}, {"3MB", 3 << 20},
		{"1048576", 1 << 20}, {" 10 ", 10}, {"1T", 1 << 40},
		{"", 0}, {"0", 0}, {"-1M", 0}, {"+5", 0}, {"M", 0}, {"1.5G", 0}, {"64X", 0}, {"99999999999T", 0},
	}
	for _, tt := range tests {
		got, err := ParseSize(tt.in)
		if tt.want == 0 {
			if err == nil {
				t.Errorf("ParseSize(%q) = %d, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ParseSize(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
		}
	}
	for _, tt := range []struct {
		n    int64
		want string
	}{{700, "700 bytes"}, {64 << 20, "64 MiB"}, {3 << 29, "1.5 GiB"}, {DefaultMaxSize + 1, "64 MiB"}} {
		if got := FormatSize(tt.n); got != tt.want {
			t.Errorf("FormatSize(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
