package parse

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/yuin/goldmark/ast"
)

// Pictures. A picture alone in its paragraph directly in a section —
// "![alt](chart.png "Title")" in Markdown, or an <img src alt title> alone
// in a paragraph of an HTML block — becomes a document.Picture, read by
// the reader's PictureReader. It takes no ¶ number. A picture that cannot
// be read (a URL, a missing or damaged file, no PictureReader) is still a
// Picture, without an Image, with a warning naming the file, line and
// picture: the renderers show its alt text in its place. A picture inside
// text, a list, a quote, a table or a footnote keeps only its alt text,
// with a warning.

// maxPictureBytes bounds the bytes of all the pictures of one document
// together; pictures past it are not read (with a warning). With the
// reader's cache (one read per reference), a document naming one large
// file thousands of times costs one read.
const maxPictureBytes = 256 << 20

// pictureRead is the outcome of reading one reference.
type pictureRead struct {
	im  *document.Image
	err error
}

// htmlImg is an <img> element met in an HTML block.
type htmlImg struct {
	src, alt, title string
	line            int
}

// sectionBlocks converts a block node that sits directly in a section:
// as blocks does, except that a lone picture becomes a Picture.
func (r *mdReader) sectionBlocks(n ast.Node) []document.Block {
	switch n := n.(type) {
	case *ast.Paragraph:
		if img := r.loneImage(n); img != nil {
			r.block = r.line(n)
			alt := plain(r.inlines(img))
			title := r.clean(strings.TrimSpace(string(unescape(restore(img.Title)))), img, "a picture title")
			return []document.Block{r.picture(r.block, string(unescape(restore(img.Destination))), alt, collapse(title))}
		}
	case *ast.HTMLBlock:
		r.block = r.line(n)
		return r.htmlBlock(n, true)
	}
	return r.blocks(n)
}

// loneImage returns the image that is all of paragraph p (white space
// around it allowed), or nil.
func (r *mdReader) loneImage(p *ast.Paragraph) *ast.Image {
	var img *ast.Image
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = c
		case *ast.Text:
			if len(bytes.TrimSpace(c.Segment.Value(r.src))) > 0 {
				return nil
			}
		default:
			return nil
		}
	}
	return img
}

// loneAltText reports whether ins, a paragraph read from HTML, is nothing
// but the alt text of its one <img>.
func loneAltText(ins []document.Inline, alt string) bool {
	alt = strings.TrimSpace(collapseSpace(alt))
	switch len(ins) {
	case 0:
		return alt == ""
	case 1:
		t, ok := ins[0].(document.Text)
		return ok && strings.TrimSpace(string(t)) == alt
	}
	return false
}

// picture makes the Picture for ref at line, reading it with the
// reader's PictureReader; when it cannot be read, the Picture has no
// Image and a warning says why.
func (r *mdReader) picture(line int, ref, alt, title string) *document.Picture {
	p := &document.Picture{Pos: posAt(r.f, line), Path: ref, Alt: alt, Title: title}
	if r.pictures == nil {
		r.w.Add(p.Pos, "picture %q not embedded: the source has no folder to read it from; its alt text is kept", shorten(ref))
		return p
	}
	if r.picCache == nil {
		r.picCache = map[string]pictureRead{}
	}
	got, seen := r.picCache[ref]
	if !seen {
		got.im, got.err = r.pictures(ref)
		if got.err == nil && r.picBytes+len(got.im.Data) > maxPictureBytes {
			got = pictureRead{err: fmt.Errorf("the document's pictures pass %d MB in all", maxPictureBytes>>20)}
		}
		if got.err == nil {
			r.picBytes += len(got.im.Data)
		}
		r.picCache[ref] = got
	}
	im, err := got.im, got.err
	if err != nil {
		r.w.Add(p.Pos, "picture %q not embedded: %v; its alt text is kept", shorten(ref), err)
		return p
	}
	p.Image = im
	return p
}

// warnInlinePicture warns that the picture ref at line, which does not
// stand alone in a paragraph of a section, is kept as its alt text.
func (r *mdReader) warnInlinePicture(line int, ref string) {
	r.w.Add(posAt(r.f, line), "picture %q not embedded: only a picture alone in its paragraph (not in text, a list, a quote, a table or a footnote) is shown; its alt text is kept", shorten(ref))
}
