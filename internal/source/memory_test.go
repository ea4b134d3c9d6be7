package source

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestReadAll(t *testing.T) {
	tests := []struct {
		in      string
		max     int64
		wantErr error
	}{
		{"hello", 5, nil},
		{"hello!", 5, ErrTooLarge},
		{"", 0, nil},
		{strings.Repeat("x", 1000), 0, nil}, // 0: DefaultMaxSize
	}
	for _, tc := range tests {
		got, err := ReadAll("stdin", strings.NewReader(tc.in), tc.max)
		if !errors.Is(err, tc.wantErr) || err == nil && string(got) != tc.in {
			t.Errorf("ReadAll(%d bytes, max %d) = %d bytes, %v; want %v", len(tc.in), tc.max, len(got), err, tc.wantErr)
		}
		if err != nil && !strings.HasPrefix(err.Error(), "stdin: cannot read: ") {
			t.Errorf("error does not name the source: %v", err)
		}
	}
}

func TestDecodeWith(t *testing.T) {
	cp1251, _ := LookupEncoding("windows-1251")
	tests := []struct {
		data    []byte
		enc     *Encoding
		want    string
		wantErr string
	}{
		{[]byte("\xEF\xBB\xBFplain"), nil, "plain", ""},
		{[]byte("\xCA\xE0\xE7"), &cp1251, "Каз", ""},
		{[]byte("a\nb\x00"), nil, "", "stdin:2: binary data"},
		{[]byte("a\x00"), &cp1251, "", "stdin:1: binary data"},
	}
	for _, tc := range tests {
		f, err := DecodeWith("stdin", tc.data, ReadOptions{Encoding: tc.enc})
		switch {
		case tc.wantErr != "":
			if err == nil || !strings.HasPrefix(err.Error(), tc.wantErr) {
				t.Errorf("%q: err = %v, want %q", tc.data, err, tc.wantErr)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.data, err)
		case !bytes.Equal(f.Data, []byte(tc.want)) || f.Name != "stdin":
			t.Errorf("%q: got %q named %q", tc.data, f.Data, f.Name)
		}
	}
}
