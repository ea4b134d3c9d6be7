// Package epub writes a briefing as an EPUB 3 book. It is the only package
// that imports go-epub (github.com/bmaupin/go-epub): go-epub assembles the
// container from XHTML made by package html, then a finishing pass
// replaces what go-epub gets wrong — package.opf (fixed dates, language,
// accessibility metadata, sorted manifest), nav.xhtml (localised heading,
// landmarks), toc.ncx, the lang attributes of every page — and re-zips the
// result so that the same input always gives the same bytes.
//
// The book holds a generated cover, a title page, the contents (the nav
// document), a summary and key facts when an analysis is given, then the
// body, one file per top-level section split so that no file passes about
// 300 KB (small sections share files of up to 64 KB), and the footnotes.
package epub

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/html"
)

// coverImageName is the cover's file name inside EPUB/images/.
const coverImageName = "cover.png"

// Render writes in as an EPUB 3 book to w.
func Render(w io.Writer, in *render.Input) error {
	if err := render1(w, in); err != nil {
		return fmt.Errorf("render epub: %w", err)
	}
	return nil
}

func render1(w io.Writer, in *render.Input) (err error) {
	if in == nil || in.Doc == nil {
		return errors.New("no document")
	}
	t := in.Options.Time
	if t.IsZero() {
		t = render.FixedEpoch
	}
	b, err := newBook(in)
	if err != nil {
		return err
	}
	css, fonts, err := styleSheet(b.fonts, b.userFonts)
	if err != nil {
		return err
	}
	var images []asset
	if b.cover != nil {
		images = append(images, asset{name: coverImageName, mime: "image/png", data: b.cover})
	}
	images = append(images, b.pictureAssets()...)
	raw, err := buildWithGoEPUB(b, css, fonts, images)
	if err != nil {
		return err
	}
	files, err := readZip(raw)
	if err != nil {
		return fmt.Errorf("reading go-epub output: %w", err)
	}
	if err := b.finish(files); err != nil {
		return err
	}
	files["EPUB/package.opf"] = b.packageOPF(sortedNames(files), t)
	var buf bytes.Buffer
	if err := writeZip(&buf, files, t); err != nil {
		return fmt.Errorf("zip: %w", err)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// newBook makes the book's content documents from in, front matter, body
// and notes, checked and with the pages of the print edition marked: all
// of the book but its packaging. Render and RenderChapters share it.
func newBook(in *render.Input) (*book, error) {
	b := &book{meta: in.Doc.Meta, fileOf: map[string]string{}, identifier: bookIdentifier(in.SourceData), fonts: in.Options.EPUBFonts, omit: in.Options.Omit, userFonts: in.Options.Fonts}
	b.setFront(in)
	cover := b.startCover()
	b.print, b.paper = newPageList(in.PageMap, in.Doc), in.Options.Paper
	b.hasTables = hasTables(in.Doc)
	b.addPictures(in.Doc)
	if err := b.addBody(in.Doc); err != nil {
		return nil, err
	}
	if err := b.addFront(cover); err != nil {
		return nil, err
	}
	b.placeFrontMarkers()
	for _, p := range b.pages {
		if err := html.Check(p.body); err != nil {
			return nil, fmt.Errorf("%s: %w", p.name, err)
		}
		b.recordIDs(p)
	}
	return b, nil
}

// finish is the finishing pass over go-epub's files: it replaces the nav
// and NCX and sets lang and xml:lang on every content document.
func (b *book) finish(files map[string][]byte) error {
	for _, need := range []string{"mimetype", "META-INF/container.xml"} {
		if _, ok := files[need]; !ok {
			return fmt.Errorf("go-epub output lacks %s", need)
		}
	}
	delete(files, "EPUB/package.opf")
	files["EPUB/"+navFileName] = b.navXHTML()
	files["EPUB/toc.ncx"] = b.tocNCX()
	for _, p := range b.pages {
		name := "EPUB/xhtml/" + p.name
		data, ok := files[name]
		if !ok {
			return fmt.Errorf("go-epub output lacks %s", name)
		}
		fixed, err := setRootLang(data, b.lang)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		files[name] = fixed
	}
	return nil
}

// setRootLang adds lang and xml:lang to the <html> element of an XHTML
// document written by go-epub.
func setRootLang(doc []byte, lang string) ([]byte, error) {
	i := bytes.Index(doc, []byte("<html "))
	if i < 0 {
		return nil, errors.New("no <html> root element")
	}
	end := bytes.IndexByte(doc[i:], '>')
	if end < 0 || bytes.Contains(doc[i:i+end], []byte("lang=")) {
		return doc, nil
	}
	attr := ` lang="` + lang + `" xml:lang="` + lang + `"`
	var out bytes.Buffer
	out.Grow(len(doc) + len(attr))
	out.Write(doc[:i+len("<html")])
	out.WriteString(attr)
	out.Write(doc[i+len("<html"):])
	return out.Bytes(), nil
}

func sortedNames(files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// hasTables reports whether a body section holds a table.
func hasTables(doc *document.Document) bool {
	found := false
	doc.WalkSections(func(s *document.Section) bool {
		for _, bl := range s.Blocks {
			if _, ok := bl.(*document.Table); ok {
				found = true
			}
		}
		return !found
	})
	return found
}
