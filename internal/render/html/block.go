package html

import (
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// Blocks renders a sequence of blocks.
func (r *Renderer) Blocks(bs []document.Block) string {
	var b strings.Builder
	for _, bl := range bs {
		r.writeBlock(&b, bl)
	}
	return b.String()
}

// Block renders one block. A numbered block (Ref.ID set) carries its ID
// and shows its ¶ number in a span hidden from assistive technology.
func (r *Renderer) Block(bl document.Block) string {
	var b strings.Builder
	r.writeBlock(&b, bl)
	return b.String()
}

func writePnum(b *strings.Builder, ref document.Ref) {
	b.WriteString(`<span class="pnum" aria-hidden="true">¶`)
	b.WriteString(strconv.Itoa(ref.Number))
	b.WriteString("</span> ")
}

func writeID(b *strings.Builder, id string) {
	if id == "" {
		return
	}
	b.WriteString(` id="`)
	writeEscaped(b, id)
	b.WriteString(`"`)
}

func (r *Renderer) writeBlock(b *strings.Builder, bl document.Block) {
	r.boundary(b)
	switch bl := bl.(type) {
	case *document.Paragraph:
		b.WriteString("<p")
		writeID(b, bl.ID)
		b.WriteString(">")
		if bl.ID != "" {
			writePnum(b, bl.Ref)
		}
		r.writeInlines(b, bl.Inlines)
		b.WriteString("</p>\n")
	case *document.List:
		if bl.ID != "" {
			b.WriteString(`<div class="numbered"`)
			writeID(b, bl.ID)
			b.WriteString(">")
			writePnum(b, bl.Ref)
			b.WriteString("\n")
		}
		r.writeList(b, bl)
		if bl.ID != "" {
			b.WriteString("</div>\n")
		}
	case *document.Quote:
		b.WriteString("<blockquote")
		writeID(b, bl.ID)
		b.WriteString(">")
		if bl.ID != "" {
			writePnum(b, bl.Ref)
		}
		b.WriteString("\n")
		for _, c := range bl.Blocks {
			r.writeBlock(b, c)
		}
		b.WriteString("</blockquote>\n")
	case *document.Table:
		r.writeTable(b, bl)
	case *document.CodeBlock:
		b.WriteString("<pre><code")
		if lang := classToken(bl.Lang); lang != "" {
			b.WriteString(` class="language-`)
			b.WriteString(lang)
			b.WriteString(`"`)
		}
		b.WriteString(">")
		r.writeText(b, strings.TrimSuffix(bl.Text, "\n"))
		b.WriteString("</code></pre>\n")
	case *document.Rule:
		b.WriteString("<hr/>\n")
	}
}

func (r *Renderer) writeList(b *strings.Builder, l *document.List) {
	if l.Ordered {
		b.WriteString("<ol")
		if l.Start != 1 && l.Start != 0 {
			b.WriteString(` start="`)
			b.WriteString(strconv.Itoa(l.Start))
			b.WriteString(`"`)
		}
		b.WriteString(">\n")
	} else {
		b.WriteString("<ul>\n")
	}
	for _, it := range l.Items {
		if it.Task != document.TaskNone {
			// The box is text, so it is read aloud and copied with the item.
			b.WriteString(`<li class="task"><span class="box">`)
			b.WriteString(it.Task.Box())
			b.WriteString("</span> ")
		} else {
			b.WriteString("<li>")
		}
		r.boundary(b)
		if len(it.Blocks) == 1 {
			if p, ok := it.Blocks[0].(*document.Paragraph); ok && p.ID == "" {
				r.writeInlines(b, p.Inlines)
				b.WriteString("</li>\n")
				continue
			}
		}
		for _, c := range it.Blocks {
			r.writeBlock(b, c)
		}
		b.WriteString("</li>\n")
	}
	if l.Ordered {
		b.WriteString("</ol>\n")
	} else {
		b.WriteString("</ul>\n")
	}
}

func alignClass(a document.Align) string {
	switch a {
	case document.AlignLeft:
		return ` class="al-l"`
	case document.AlignCenter:
		return ` class="al-c"`
	case document.AlignRight:
		return ` class="al-r"`
	}
	return ""
}

func (r *Renderer) writeTable(b *strings.Builder, t *document.Table) {
	align := func(i int) string {
		if i < len(t.Align) {
			return alignClass(t.Align[i])
		}
		return ""
	}
	b.WriteString(`<div class="table-wrap"><table>`)
	if t.Caption != "" {
		r.tables++
		label := "Table " + strconv.Itoa(r.tables) + "."
		if r.opt.TableCaption != nil {
			label = r.opt.TableCaption(r.tables)
		}
		// The number is not part of the source text, so it is written
		// before the page-break boundary and not counted as a word.
		b.WriteString(`<caption><span class="tabnum">` + Escape(label) + " </span>")
		r.boundary(b)
		r.writeText(b, t.Caption)
		b.WriteString("</caption>")
	}
	b.WriteString("\n")
	if len(t.Header) > 0 {
		b.WriteString("<thead><tr>")
		for i, c := range t.Header {
			r.writeCell(b, `th scope="col"`, "th", align(i), c)
		}
		b.WriteString("</tr></thead>\n")
	}
	if len(t.Rows) > 0 {
		b.WriteString("<tbody>\n")
		for _, row := range t.Rows {
			b.WriteString("<tr>")
			for i, c := range row {
				r.writeCell(b, "td", "td", align(i), c)
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n")
	}
	b.WriteString("</table></div>\n")
}

// writeCell writes one table cell: the open tag (with its attributes),
// the alignment class, a page-break boundary and the cell's inlines.
func (r *Renderer) writeCell(b *strings.Builder, open, tag, class string, c document.Cell) {
	b.WriteString("<" + open + class + ">")
	r.boundary(b)
	r.writeInlines(b, c.Inlines)
	b.WriteString("</" + tag + ">")
}

// classToken keeps the letters, digits, '-' and '_' of an info-string
// word so that it can be used in a class attribute.
func classToken(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case 'a' <= r && r <= 'z', 'A' <= r && r <= 'Z', '0' <= r && r <= '9', r == '-', r == '_', r == '+':
			b.WriteRune(r)
		case r == ' ' || r == '\t':
			return b.String()
		}
	}
	return b.String()
}
