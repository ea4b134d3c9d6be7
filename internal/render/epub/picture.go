package epub

import (
	"maps"
	"slices"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// pictureExt and pictureMIME give the file extension and media type of
// each picture format.
var (
	pictureExt  = map[string]string{"png": ".png", "jpeg": ".jpg", "gif": ".gif"}
	pictureMIME = map[string]string{"png": "image/png", "jpeg": "image/jpeg", "gif": "image/gif"}
)

// pictureName is the file name of a picture inside EPUB/images/: "pic-"
// and the first 16 hex digits of its content hash, so that equal files
// are stored once and the name depends on nothing but the content.
func pictureName(im *document.Image) string {
	h := im.Hash
	if len(h) > 16 {
		h = h[:16]
	}
	return "pic-" + h + pictureExt[im.Format]
}

// addPictures records the picture files the body shows and counts the
// pictures with and without alt text, for the accessibility metadata.
func (b *book) addPictures(doc *document.Document) {
	b.pictures = map[string]asset{}
	doc.WalkSections(func(s *document.Section) bool {
		for _, bl := range s.Blocks {
			p, ok := bl.(*document.Picture)
			if !ok || !p.Shown() || pictureExt[p.Image.Format] == "" || p.Image.Hash == "" {
				continue
			}
			name := pictureName(p.Image)
			b.pictures[name] = asset{name: name, mime: pictureMIME[p.Image.Format], data: p.Image.Data}
			b.shownPictures++
			if strings.TrimSpace(p.Alt) == "" {
				b.picturesWithoutAlt++
			}
		}
		return true
	})
}

// pictureSrc is html.Options.PictureSrc: the image's href from a page in
// EPUB/xhtml/, or "" for a picture that is not stored.
func (b *book) pictureSrc(p *document.Picture) string {
	if !p.Shown() {
		return ""
	}
	name := pictureName(p.Image)
	if _, ok := b.pictures[name]; !ok {
		return ""
	}
	return "../images/" + name
}

// pictureAssets returns the picture files in name order.
func (b *book) pictureAssets() []asset {
	var out []asset
	for _, name := range slices.Sorted(maps.Keys(b.pictures)) {
		out = append(out, b.pictures[name])
	}
	return out
}
