package document

import "github.com/briefbook/briefbook/internal/source"

// Picture is a picture shown as a figure: an image that stands alone in
// its paragraph directly in a section. It takes no ¶ number (it is not a
// paragraph), so the numbers of the paragraphs after it are those they
// would have without it.
type Picture struct {
	Pos source.Pos
	// Path is the picture's address as the source writes it (a path
	// relative to the source file's folder, or a URL that was not read).
	Path string
	// Alt is the text alternative ("" when the source gives none).
	Alt string
	// Title is the title the source gives ("![a](p.png "Title")"), "" for
	// none; it is the caption when set.
	Title string
	// Image is the picture's content; nil when it could not be read (a
	// URL, a missing, corrupt or oversized file): renderers then show the
	// alt text in a framed note in its place.
	Image *Image
}

// Image is the content of a picture file, checked and measured.
type Image struct {
	// Format is "png", "jpeg" or "gif".
	Format string
	// Width and Height are the size in pixels (of the first frame of a
	// GIF); both are at least 1.
	Width, Height int
	// Data is the file's content as read.
	Data []byte
	// Hash is the hex SHA-256 of Data; renderers name the picture by it,
	// so that equal files are stored once and names never depend on the
	// order or place of the source.
	Hash string
}

// Caption returns the visible caption of p: its title, else its alt text.
func (p *Picture) Caption() string {
	if p.Title != "" {
		return p.Title
	}
	return p.Alt
}

// Shown reports whether p has content a renderer can show as a figure.
func (p *Picture) Shown() bool { return p.Image != nil }

func (*Picture) block() {}

// Position implements Block.
func (b *Picture) Position() source.Pos { return b.Pos }

// PictureNumbers numbers the pictures shown as figures (those with an
// Image) 1, 2, … in document order, as every edition captions them
// ("Figure 2. …"). Pictures that are not shown get no number.
func (d *Document) PictureNumbers() map[*Picture]int {
	m := map[*Picture]int{}
	d.WalkSections(func(s *Section) bool {
		for _, b := range s.Blocks {
			if p, ok := b.(*Picture); ok && p.Shown() {
				m[p] = len(m) + 1
			}
		}
		return true
	})
	return m
}
