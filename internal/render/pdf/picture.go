package pdf

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/png"
	"path"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/go-pdf/fpdf"
)

// pictureDPI is the resolution a picture is set at when the text width
// allows: it is never set larger than its pixels at this resolution.
const pictureDPI = 150

// picture is a prepared picture block: an image ready for fpdf with its
// caption, or, when it cannot be shown, the text of the note in its place.
type picture struct {
	name    string // fpdf image name, from the content hash
	typ     string // fpdf image type: "PNG" or "JPG"
	data    []byte // the bytes fpdf reads
	px, py  int    // size in pixels
	caption []run  // "Figure N. …"; nil when the picture is not shown
	note    []run  // the alt text (or address) shown in a frame instead
	alt     string // the Figure's alternative text: alt, else title, else file name
}

// preparePicture makes the picture block of p: the image in a form fpdf
// reads (see embedBytes) with a numbered caption, or the framed note that
// replaces a picture that was not read or that fpdf refuses (with a
// warning).
func (p *preparer) preparePicture(b *document.Picture, number int) *picture {
	out := &picture{alt: pictureAlt(b)}
	if b.Shown() && number > 0 {
		typ, data, err := embedBytes(b.Image)
		if err == nil {
			err = fpdfReads(typ, data)
		}
		if err == nil {
			out.name, out.typ, out.data = "pic-"+shortHash(b.Image.Hash)+"-"+typ, typ, data
			out.px, out.py = b.Image.Width, b.Image.Height
			size := p.st.Table.CaptionSize
			out.caption = []run{{text: p.figureCaption(number), face: sansBold, size: size, color: p.accent, extra: true}}
			if c := b.Caption(); c != "" {
				out.caption[0].text += " "
				out.caption = append(out.caption, p.runs(run{face: sans, size: size, color: p.text}, c, b.Pos)...)
			}
			markExtra(out.caption)
			return out
		}
		p.z.warn.Add(b.Pos, "picture %q not embedded in the PDF: %v; its alt text is kept", b.Path, err)
	}
	text := b.Alt
	if text == "" {
		text = b.Path
	}
	out.note = p.runs(run{face: sans, size: p.st.Table.CaptionSize, color: p.text}, text, b.Pos)
	markExtra(out.note)
	return out
}

// markExtra marks runs as added by the renderer: a caption is not body
// text, so its words are not counted in the page map.
func markExtra(rs []run) {
	for i := range rs {
		rs[i].extra = true
	}
}

func shortHash(h string) string {
	if len(h) > 16 {
		return h[:16]
	}
	return h
}

// embedBytes returns the picture's bytes in a form fpdf embeds as they are:
// a JPEG unchanged, a PNG unchanged unless fpdf cannot read its kind
// (16 bits a channel, interlaced), a GIF's first frame as PNG. Re-encoding
// is deterministic, so equal inputs give equal PDFs.
func embedBytes(im *document.Image) (typ string, data []byte, err error) {
	switch im.Format {
	case "jpeg":
		return "JPG", im.Data, nil
	case "png":
		if fpdfPNG(im.Data) {
			return "PNG", im.Data, nil
		}
		m, err := png.Decode(bytes.NewReader(im.Data))
		if err != nil {
			return "", nil, err
		}
		data, err := encode8(m)
		return "PNG", data, err
	case "gif":
		m, err := gif.Decode(bytes.NewReader(im.Data))
		if err != nil {
			return "", nil, err
		}
		data, err := encode8(m)
		return "PNG", data, err
	}
	return "", nil, fmt.Errorf("format %q", im.Format)
}

// fpdfPNG reports whether fpdf reads the PNG data as it is: 8 bits a
// channel or fewer, not interlaced (from the IHDR chunk, which PNG puts
// first).
func fpdfPNG(data []byte) bool {
	const depth, interlace = 8 + 8 + 8, 8 + 8 + 12
	if len(data) < interlace+1 {
		return false
	}
	return data[depth] <= 8 && data[interlace] == 0
}

// encode8 encodes m as a PNG of 8 bits a channel, without interlace.
func encode8(m image.Image) ([]byte, error) {
	var buf bytes.Buffer
	switch m.(type) {
	case *image.Paletted, *image.Gray, *image.NRGBA, *image.RGBA:
	default:
		n := image.NewNRGBA(m.Bounds())
		draw.Draw(n, n.Bounds(), m, m.Bounds().Min, draw.Src)
		m = n
	}
	if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// fpdfReads reports whether fpdf reads the image, on a scratch document:
// fpdf's errors stick to the document, and one picture it refuses must
// not cost the whole PDF.
func fpdfReads(typ string, data []byte) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = errors.New("the PDF library cannot read it")
		}
	}()
	f := fpdf.New("P", "mm", "A4", "")
	f.RegisterImageOptionsReader("probe", fpdf.ImageOptions{ImageType: typ}, bytes.NewReader(data))
	if f.Err() {
		return fmt.Errorf("the PDF library cannot read it (%v)", f.Error())
	}
	return nil
}

// pictureSize returns the size in mm a picture is set at in frame f: its
// natural size at pictureDPI, scaled down to the frame's width, and to the
// height of the text area less its caption (capH) when it is taller.
func (l *layout) pictureSize(pc *picture, f frame, capH float64) (w, h float64) {
	w = float64(pc.px) * 25.4 / pictureDPI
	h = float64(pc.py) * 25.4 / pictureDPI
	if w > f.w {
		h, w = h*f.w/w, f.w
	}
	if room := l.pageBottom - l.top - capH; h > room && room > 0 {
		w, h = w*room/h, room
	}
	return w, h
}

// captionLead is the leading of picture captions and notes.
func (l *layout) captionLead() float64 { return l.st.Table.Leading * ptMM }

// pictureGap is the space between a picture and its caption.
func (l *layout) pictureGap() float64 { return l.st.Table.Padding * 2 }

// pictureHeight is the height a picture block takes in frame f, with its
// caption or note.
func (l *layout) pictureHeight(pc *picture, f frame) float64 {
	lead := l.captionLead()
	if pc.caption == nil {
		return float64(len(l.breakLines(l.words(pc.note), f.w-4*l.pictureGap())))*lead + 2*l.pictureGap()
	}
	capH := float64(len(l.breakLines(l.words(pc.caption), f.w)))*lead + l.pictureGap()
	_, h := l.pictureSize(pc, f, capH)
	return h + capH
}

// picture sets a picture centred in frame f, scaled to fit, with its
// caption centred below; picture and caption move to the next page
// together when they do not fit.
func (l *layout) picture(pc *picture, f frame) {
	if pc.caption == nil {
		l.pictureNote(pc, f)
		return
	}
	lead := l.captionLead()
	lines := l.breakLines(l.words(pc.caption), f.w)
	capH := float64(len(lines))*lead + l.pictureGap()
	w, h := l.pictureSize(pc, f, capH)
	l.ensure(h + capH)
	l.lineStart(l.y, l.y, 0)
	if l.pics == nil {
		l.pics = map[string]bool{}
	}
	opts := fpdf.ImageOptions{ImageType: pc.typ}
	if !l.pics[pc.name] {
		l.pics[pc.name] = true
		l.c.registerImage(pc.name, opts, pc.data, len(l.pics))
	}
	fig := l.c.tag("Figure")
	if fig != nil {
		fig.alt = pc.alt
	}
	if !l.c.dry() {
		l.c.mark()
		l.c.ImageOptions(pc.name, f.x+(f.w-w)/2, l.y, w, h, false, opts, 0, "")
	}
	l.c.end(fig)
	l.y += h + l.pictureGap()
	capTag := l.c.tag("Caption")
	for _, ln := range lines {
		l.drawLine(ln, f.x+(f.w-ln.w)/2, l.y+baseline(l.st.Table.CaptionSize, lead), ln.w, lead, false)
		l.y += lead
	}
	l.c.end(capTag)
}

// pictureAlt is the alternative text of a picture: its alt text, else its
// title, else its file name.
func pictureAlt(b *document.Picture) string {
	for _, s := range []string{b.Alt, b.Title, path.Base(b.Path)} {
		if s = strings.Join(strings.Fields(s), " "); s != "" && s != "." {
			return s
		}
	}
	return "picture"
}

// pictureNote sets the framed note that stands for a picture that is not
// shown: its alt text (or address), centred in a hairline frame.
func (l *layout) pictureNote(pc *picture, f frame) {
	lead, pad := l.captionLead(), l.pictureGap()
	lines := l.breakLines(l.words(pc.note), f.w-4*pad)
	h := float64(len(lines))*lead + 2*pad
	l.ensure(min(h, l.bottom-l.top))
	l.lineStart(l.y, l.y, 0)
	l.c.artifact(artLayout)
	l.c.frameRect(f.x, l.y, f.w, h, 0.3, l.hair)
	l.c.endArtifact()
	l.y += pad
	p := l.c.tag("P")
	for _, ln := range lines {
		l.drawLine(ln, f.x+(f.w-ln.w)/2, l.y+baseline(l.st.Table.CaptionSize, lead), ln.w, lead, false)
		l.y += lead
	}
	l.c.end(p)
	l.y += pad
}

// orderImage makes fpdf write the images of a document in the order they
// were registered. fpdf sorts its image objects by pixel width and leaves
// images of equal width in map order, which differs from run to run: the
// same input would give different bytes. Adding rank millionths of a pixel
// to the width fpdf sorts by (it writes the width as a whole number, so
// nothing else changes) breaks the ties in registration order. fpdf gives
// no other access to the width than its gob encoding of the image.
func orderImage(info *fpdf.ImageInfoType, rank int) error {
	buf, err := info.GobEncode()
	if err != nil {
		return fmt.Errorf("picture: %w", err)
	}
	var (
		data, smask, pal []byte
		n, bpc           int
		w, h             float64
		cs, f, dp        string
		trns             []int
		scale, dpi       float64
	)
	dec := gob.NewDecoder(bytes.NewReader(buf))
	fields := []any{&data, &smask, &n, &w, &h, &cs, &pal, &bpc, &f, &dp, &trns, &scale, &dpi}
	for _, v := range fields {
		if err := dec.Decode(v); err != nil {
			return fmt.Errorf("picture: reading fpdf's image: %w", err)
		}
	}
	w += float64(rank) * 1e-6
	var out bytes.Buffer
	enc := gob.NewEncoder(&out)
	for _, v := range []any{data, smask, n, w, h, cs, pal, bpc, f, dp, trns, scale, dpi} {
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("picture: %w", err)
		}
	}
	return info.GobDecode(out.Bytes())
}

// figureCaption is the numbered label of the n-th picture's caption
// ("Figure 2.", "Рисунок 2."), in the document's language.
func (p *preparer) figureCaption(n int) string {
	if p.lb == nil {
		return "Figure " + strconv.Itoa(n) + "."
	}
	return p.lb.FigureCaption(n)
}
