package html

import (
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// writePicture writes a picture as a figure: the image with its alt text
// as the accessible name and a numbered caption ("Figure 2. Sales by
// region") as visible text. A picture that is not stored (it could not be
// read) is a framed note holding its alt text, or its address when it has
// none, with no number.
func (r *Renderer) writePicture(b *strings.Builder, p *document.Picture) {
	src := ""
	if p.Shown() && r.opt.PictureSrc != nil {
		src = r.opt.PictureSrc(p)
	}
	if src == "" {
		text := p.Alt
		if strings.TrimSpace(text) == "" {
			text = p.Path
		}
		b.WriteString(`<div class="picture-missing" role="note"><p>`)
		writeEscaped(b, text)
		b.WriteString("</p></div>\n")
		return
	}
	r.figures++
	label := "Figure " + strconv.Itoa(r.figures) + "."
	if r.opt.FigureCaption != nil {
		label = r.opt.FigureCaption(r.figures)
	}
	b.WriteString(`<figure class="picture"><img src="`)
	writeEscaped(b, src)
	b.WriteString(`" alt="`)
	writeEscaped(b, p.Alt)
	// The style sheet keeps a large picture within the screen
	// (max-width) and a small one at its natural size.
	b.WriteString(`"/>`)
	b.WriteString("\n<figcaption>")
	// Neither the number nor the caption is body text: no page-break
	// marker falls inside, and no word is counted.
	b.WriteString(`<span class="fignum">` + Escape(label) + "</span>")
	if c := p.Caption(); c != "" {
		b.WriteString(" ")
		writeEscaped(b, c)
	}
	b.WriteString("</figcaption></figure>\n")
}
