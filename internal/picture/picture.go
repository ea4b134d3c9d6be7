// Package picture reads the pictures a document shows: local PNG, JPEG and
// GIF files inside the source file's folder tree. Each file is checked
// against size limits from its header before it is decoded, then decoded
// whole, so that a renderer only ever receives an image that decodes.
//
// Nothing here fetches a URL or reads outside the folder it is given: a
// reference with a scheme, an absolute path, a ".." that climbs out and a
// symbolic link that points out are all refused with an error that says
// why.
package picture

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"

	"github.com/briefbook/briefbook/internal/document"
)

// Limits on what is read and decoded: a picture file of at most
// MaxFileSize bytes, at most MaxSide pixels wide and high and at most
// MaxPixels pixels in all. They bound the memory a picture can take
// (a PNG of a few kilobytes can claim 4 GB when decoded).
const (
	MaxFileSize = 20 << 20
	MaxSide     = 10000
	MaxPixels   = 50_000_000
)

// Decode checks and measures the picture file data: it must be a PNG,
// JPEG or GIF within the limits, and must decode entirely (a truncated or
// damaged file is an error). For a GIF only the first frame counts. The
// error says what is wrong in words fit for a warning.
func Decode(data []byte) (im *document.Image, err error) {
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the file has %s, more than the limit of %s", sizeText(int64(len(data))), sizeText(MaxFileSize))
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		if errors.Is(err, image.ErrFormat) {
			return nil, errors.New("not a PNG, JPEG or GIF image")
		}
		return nil, fmt.Errorf("its header cannot be read (%v)", err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	// The standard decoders return errors for bad input; a panic would be
	// a bug in them, and is still no reason to stop a build.
	defer func() {
		if r := recover(); r != nil {
			im, err = nil, fmt.Errorf("the %s decoder failed on it", formatName(format))
		}
	}()
	r := bytes.NewReader(data)
	var derr error
	switch format {
	case "png":
		_, derr = png.Decode(r)
	case "jpeg":
		_, derr = jpeg.Decode(r)
	case "gif":
		_, derr = gif.Decode(r)
	default:
		return nil, errors.New("not a PNG, JPEG or GIF image")
	}
	if derr != nil {
		return nil, fmt.Errorf("the %s data is damaged or cut short (%v)", formatName(format), derr)
	}
	sum := sha256.Sum256(data)
	return &document.Image{Format: format, Width: cfg.Width, Height: cfg.Height, Data: data, Hash: hex.EncodeToString(sum[:])}, nil
}

// checkSize refuses a picture whose size is empty or above the limits.
func checkSize(w, h int) error {
	switch {
	case w < 1 || h < 1:
		return fmt.Errorf("it is %d×%d pixels: empty", w, h)
	case w > MaxSide || h > MaxSide:
		return fmt.Errorf("it is %d×%d pixels, more than the limit of %d pixels a side", w, h, MaxSide)
	case int64(w)*int64(h) > MaxPixels:
		return fmt.Errorf("it is %d×%d pixels, more than the limit of %d million pixels", w, h, MaxPixels/1_000_000)
	}
	return nil
}

func formatName(f string) string {
	switch f {
	case "png":
		return "PNG"
	case "jpeg":
		return "JPEG"
	case "gif":
		return "GIF"
	}
	return f
}

// sizeText formats a byte count in MB with one decimal ("20.0 MB").
func sizeText(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
