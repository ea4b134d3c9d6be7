package html

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// Inlines renders inline content.
func (r *Renderer) Inlines(ins []document.Inline) string {
	var b strings.Builder
	r.writeInlines(&b, ins)
	return b.String()
}

func (r *Renderer) writeInlines(b *strings.Builder, ins []document.Inline) {
	for _, in := range ins {
		r.writeInline(b, in)
	}
}

// writeElement writes ins inside the element tag.
func (r *Renderer) writeElement(b *strings.Builder, tag string, ins []document.Inline) {
	b.WriteString("<" + tag + ">")
	r.writeInlines(b, ins)
	b.WriteString("</" + tag + ">")
}

func (r *Renderer) writeInline(b *strings.Builder, in document.Inline) {
	switch in := in.(type) {
	case document.Text:
		r.writeText(b, string(in))
	case *document.Emph:
		r.writeElement(b, "em", in.Inlines)
	case *document.Strong:
		r.writeElement(b, "strong", in.Inlines)
	case *document.Sup:
		r.writeElement(b, "sup", in.Inlines)
	case *document.Sub:
		r.writeElement(b, "sub", in.Inlines)
	case document.Code:
		b.WriteString("<code>")
		r.writeText(b, string(in))
		b.WriteString("</code>")
	case *document.Link:
		href, ok := LinkHref(in.URL)
		if u, kind := document.CheckLink(in.URL); kind == document.LinkInternal && r.opt.Internal != nil {
			href, ok = r.opt.Internal(strings.TrimPrefix(u, "#"))
		}
		if !ok {
			r.writeInlines(b, in.Inlines)
			return
		}
		b.WriteString(`<a href="`)
		writeEscaped(b, href)
		b.WriteString(`">`)
		if len(in.Inlines) == 0 {
			writeEscaped(b, in.URL)
		} else {
			r.writeInlines(b, in.Inlines)
		}
		b.WriteString("</a>")
	case document.FootnoteRef:
		r.writeNoteRef(b, in)
	case document.LineBreak:
		r.breakText()
		b.WriteString("<br/>")
	}
}

// writeNoteRef writes a footnote reference. The first reference to a
// footnote gets the anchor "fnrefN" that the footnote links back to.
func (r *Renderer) writeNoteRef(b *strings.Builder, f document.FootnoteRef) {
	id := f.ID
	if id == "" {
		id = "fn" + strconv.Itoa(f.Number)
	}
	b.WriteString(`<sup><a epub:type="noteref" role="doc-noteref"`)
	if ref := "fnref" + strings.TrimPrefix(id, "fn"); !r.seenRef[ref] {
		r.seenRef[ref] = true
		b.WriteString(` id="`)
		writeEscaped(b, ref)
		b.WriteString(`"`)
	}
	b.WriteString(` href="`)
	writeEscaped(b, r.href(id))
	b.WriteString(`">`)
	b.WriteString(strconv.Itoa(f.Number))
	b.WriteString("</a></sup>")
}

// LinkHref returns the href for a link whose target in the model is raw,
// and whether it may become a link at all: only what document.CheckLink
// classes as external (http, https and mailto URLs) does, percent-encoded
// by document.NormalizeURL; anything url.Parse rejects is refused too. The
// caller escapes the result once for the attribute.
func LinkHref(raw string) (string, bool) {
	s, kind := document.CheckLink(raw)
	if kind != document.LinkExternal {
		return "", false
	}
	u, err := url.Parse(s)
	if err != nil || u.Opaque == "" && u.Host == "" {
		return "", false
	}
	return s, true
}
