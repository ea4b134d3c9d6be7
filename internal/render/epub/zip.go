package epub

import (
	"archive/zip"
	"bytes"
	"fmt"
	"hash/crc32"
	"io"
	"sort"
	"time"
)

// readZip returns the entries of an archive by name.
func readZip(data []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		if f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		if cerr := rc.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		out[f.Name] = b
	}
	return out, nil
}

// dosTime returns the MS-DOS date and time fields for t, clamped to the
// range the format can hold (1980–2107).
func dosTime(t time.Time) (date, tm uint16) {
	t = t.UTC()
	if t.Year() < 1980 {
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	if t.Year() > 2107 {
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	tm = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, tm
}

// writeZip writes an OCF container: "mimetype" first and stored, then the
// other entries deflated in sorted order, all with the same time in the
// legacy MS-DOS fields and no extra fields, so the bytes depend only on
// the content.
func writeZip(w io.Writer, files map[string][]byte, t time.Time) error {
	date, tm := dosTime(t)
	zw := zip.NewWriter(w)
	mt := files["mimetype"]
	hdr := &zip.FileHeader{
		Name:               "mimetype",
		Method:             zip.Store,
		ModifiedDate:       date,
		ModifiedTime:       tm,
		CRC32:              crc32.ChecksumIEEE(mt),
		CompressedSize64:   uint64(len(mt)),
		UncompressedSize64: uint64(len(mt)),
	}
	fw, err := zw.CreateRaw(hdr)
	if err != nil {
		return err
	}
	if _, err := fw.Write(mt); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		if n != "mimetype" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate, ModifiedDate: date, ModifiedTime: tm})
		if err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
		if _, err := fw.Write(files[n]); err != nil {
			return fmt.Errorf("%s: %w", n, err)
		}
	}
	return zw.Close()
}
