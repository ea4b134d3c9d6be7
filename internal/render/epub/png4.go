package epub

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"image"
)

// encodePNG4 writes img, whose palette has at most 16 colours, as a PNG of
// 4 bits a pixel (colour type 3) with the rows unfiltered, compressed at
// zlib's best speed. image/png writes such an image one ColorIndexAt call
// per pixel, which took most of the time of drawing the cover; here each
// row is packed straight from img.Pix. The bytes depend only on img.
func encodePNG4(img *image.Paletted) ([]byte, error) {
	if len(img.Palette) == 0 || len(img.Palette) > 16 {
		return nil, errors.New("png: a 4-bit palette needs 1 to 16 colours")
	}
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	if w <= 0 || h <= 0 {
		return nil, errors.New("png: empty image")
	}
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, uint32(w))
	ihdr = binary.BigEndian.AppendUint32(ihdr, uint32(h))
	ihdr = append(ihdr, 4, 3, 0, 0, 0) // bit depth, palette colour, deflate, no filter choice, no interlace
	writeChunk(&out, "IHDR", ihdr)
	plte := make([]byte, 0, 3*len(img.Palette))
	for _, c := range img.Palette {
		r, g, b, _ := c.RGBA()
		plte = append(plte, byte(r>>8), byte(g>>8), byte(b>>8))
	}
	writeChunk(&out, "PLTE", plte)
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	// A row is the filter byte 0 (none), then two pixels a byte. Most
	// rows of a cover are blank (colour 0): those are written from one
	// zero row rather than packed.
	row := make([]byte, 1+(w+1)/2)
	blankPix, blankRow := make([]byte, w), make([]byte, len(row))
	for y := b.Min.Y; y < b.Max.Y; y++ {
		pix := img.Pix[img.PixOffset(b.Min.X, y):][:w]
		if bytes.Equal(pix, blankPix) {
			if _, err := zw.Write(blankRow); err != nil {
				return nil, err
			}
			continue
		}
		packed := row[1:]
		for i := range w / 2 {
			packed[i] = pix[2*i]<<4 | pix[2*i+1]&0x0F
		}
		if w%2 == 1 {
			packed[w/2] = pix[w-1] << 4
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	writeChunk(&out, "IDAT", z.Bytes())
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

// writeChunk appends one PNG chunk: length, type, data, CRC of type and data.
func writeChunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}
