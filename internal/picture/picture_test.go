package picture

import (
	"strings"
	"testing"
)

func TestDecode(t *testing.T) {
	good := pngBytes(t, 30, 20)
	tests := []struct {
		name   string
		data   []byte
		format string
		w, h   int
		err    string
	}{
		{"png", good, "png", 30, 20, ""},
		{"jpeg", jpegBytes(t, 16, 9), "jpeg", 16, 9, ""},
		{"gif", gifBytes(t, 5, 7), "gif", 5, 7, ""},
		{"truncated png", good[:len(good)/2], "", 0, 0, "PNG data is damaged or cut short"},
		{"truncated jpeg", cut(jpegBytes(t, 64, 64), 200), "", 0, 0, "JPEG data is damaged or cut short"},
		{"bit flipped in png data", flip(good, len(good)-20), "", 0, 0, "damaged"},
		{"huge header", pngHeaderOnly(20000, 20000), "", 0, 0, "more than the limit of 10000 pixels a side"},
		{"too many pixels", pngHeaderOnly(9000, 9000), "", 0, 0, "more than the limit of 50 million pixels"},
		{"empty header", pngHeaderOnly(0, 10), "", 0, 0, "header cannot be read"},
		{"text", []byte("not a picture at all"), "", 0, 0, "not a PNG, JPEG or GIF image"},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), "", 0, 0, "not a PNG, JPEG or GIF image"},
		{"nothing", nil, "", 0, 0, "not a PNG, JPEG or GIF image"},
		{"too large a file", append(append([]byte{}, good...), make([]byte, MaxFileSize)...), "", 0, 0, "more than the limit of 20.0 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			im, err := Decode(tt.data)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Decode: err %v, want one containing %q", err, tt.err)
				}
				if im != nil {
					t.Fatalf("Decode returned an image with its error")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if im.Format != tt.format || im.Width != tt.w || im.Height != tt.h {
				t.Fatalf("got %s %d×%d, want %s %d×%d", im.Format, im.Width, im.Height, tt.format, tt.w, tt.h)
			}
			if len(im.Hash) != 64 || string(im.Data) != string(tt.data) {
				t.Fatalf("hash %q or data not kept", im.Hash)
			}
		})
	}
}

// flip returns a copy of data with the byte at i inverted.
func flip(data []byte, i int) []byte {
	out := append([]byte{}, data...)
	out[i] ^= 0xff
	return out
}

// cut returns data without its last n bytes.
func cut(data []byte, n int) []byte { return data[:len(data)-n] }
