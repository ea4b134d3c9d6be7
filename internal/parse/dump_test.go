package parse

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// dump renders a document tree and its warnings as readable, deterministic
// text for golden files.
func dump(doc *document.Document, ws *source.Warnings) string {
	var b strings.Builder
	m := doc.Meta
	fmt.Fprintf(&b, "meta title=%q subtitle=%q author=%q date=%q lang=%q marking=%q keywords=%q source=%q words=%d\n",
		m.Title, m.Subtitle, m.Author, m.Date, m.Language, m.Marking, m.Keywords, m.Source, m.Words)
	var sections func([]*document.Section, int)
	sections = func(ss []*document.Section, depth int) {
		for _, s := range ss {
			ind := strings.Repeat("  ", depth)
			anchor := ""
			if s.Anchor != "" {
				anchor = fmt.Sprintf(" anchor=%q", s.Anchor)
			}
			fmt.Fprintf(&b, "%ssection %s %q%s level=%d number=%q line=%d\n", ind, s.ID, s.Title, anchor, s.Level, s.Number, s.Pos.Line)
			for _, bl := range s.Blocks {
				dumpBlock(&b, bl, depth+1)
			}
			sections(s.Sections, depth+1)
		}
	}
	sections(doc.Sections, 0)
	for _, f := range doc.Footnotes {
		fmt.Fprintf(&b, "footnote %s %d\n", f.ID, f.Number)
		for _, bl := range f.Blocks {
			dumpBlock(&b, bl, 1)
		}
	}
	if ws != nil {
		for _, w := range ws.List {
			fmt.Fprintf(&b, "warning %s\n", w)
		}
	}
	return b.String()
}

func dumpBlock(b *strings.Builder, bl document.Block, depth int) {
	ind := strings.Repeat("  ", depth)
	ref := func(r document.Ref) string {
		if r.ID == "" {
			return ""
		}
		return " " + r.ID
	}
	line := bl.Position().Line
	switch bl := bl.(type) {
	case *document.Paragraph:
		fmt.Fprintf(b, "%spara%s line=%d %s\n", ind, ref(bl.Ref), line, dumpInlines(bl.Inlines))
	case *document.List:
		fmt.Fprintf(b, "%slist%s line=%d ordered=%v start=%d\n", ind, ref(bl.Ref), line, bl.Ordered, bl.Start)
		for _, it := range bl.Items {
			if it.Task != document.TaskNone {
				fmt.Fprintf(b, "%s  item task=%s\n", ind, it.Task.Box())
			} else {
				fmt.Fprintf(b, "%s  item\n", ind)
			}
			for _, c := range it.Blocks {
				dumpBlock(b, c, depth+2)
			}
		}
	case *document.Quote:
		fmt.Fprintf(b, "%squote%s line=%d\n", ind, ref(bl.Ref), line)
		for _, c := range bl.Blocks {
			dumpBlock(b, c, depth+1)
		}
	case *document.Table:
		fmt.Fprintf(b, "%stable line=%d align=%v\n", ind, line, bl.Align)
		for _, row := range append([][]document.Cell{bl.Header}, bl.Rows...) {
			var cells []string
			for _, c := range row {
				cells = append(cells, dumpInlines(c.Inlines))
			}
			fmt.Fprintf(b, "%s  row %s\n", ind, strings.Join(cells, " | "))
		}
	case *document.CodeBlock:
		fmt.Fprintf(b, "%scode line=%d lang=%q %q\n", ind, line, bl.Lang, bl.Text)
	case *document.Rule:
		fmt.Fprintf(b, "%srule line=%d\n", ind, line)
	case *document.Picture:
		im := "not read"
		if bl.Image != nil {
			im = fmt.Sprintf("%s %dx%d", bl.Image.Format, bl.Image.Width, bl.Image.Height)
		}
		fmt.Fprintf(b, "%spicture line=%d path=%q alt=%q title=%q (%s)\n", ind, line, bl.Path, bl.Alt, bl.Title, im)
	}
}

func dumpInlines(ins []document.Inline) string {
	var parts []string
	for _, in := range ins {
		switch in := in.(type) {
		case document.Text:
			parts = append(parts, strconv.Quote(string(in)))
		case document.Code:
			parts = append(parts, "code("+strconv.Quote(string(in))+")")
		case *document.Emph:
			parts = append(parts, "emph("+dumpInlines(in.Inlines)+")")
		case *document.Strong:
			parts = append(parts, "strong("+dumpInlines(in.Inlines)+")")
		case *document.Sup:
			parts = append(parts, "sup("+dumpInlines(in.Inlines)+")")
		case *document.Sub:
			parts = append(parts, "sub("+dumpInlines(in.Inlines)+")")
		case *document.Link:
			parts = append(parts, "link("+strconv.Quote(in.URL)+" "+dumpInlines(in.Inlines)+")")
		case document.FootnoteRef:
			parts = append(parts, "fnref("+in.ID+")")
		case document.LineBreak:
			parts = append(parts, "br")
		}
	}
	return strings.Join(parts, " ")
}
