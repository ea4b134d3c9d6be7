package parse

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// captionPrefixes start a table caption paragraph, as pandoc writes them:
// "Table: Main agreements" or ": Main agreements", directly before or after
// the table.
var captionPrefixes = []string{"Table: ", "Table:", ": "}

// attachCaptions moves a caption paragraph next to a table into the
// table's Caption, in every section and block quote of doc.
func attachCaptions(doc *document.Document) {
	doc.WalkSections(func(s *document.Section) bool {
		s.Blocks = captionBlocks(s.Blocks)
		return true
	})
}

func captionBlocks(bs []document.Block) []document.Block {
	out := bs[:0]
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if q, ok := b.(*document.Quote); ok {
			q.Blocks = captionBlocks(q.Blocks)
		}
		// A caption before the table…
		if c, ok := captionOf(b); ok && i+1 < len(bs) {
			if t, ok := bs[i+1].(*document.Table); ok && t.Caption == "" {
				t.Caption = c
				continue
			}
		}
		out = append(out, b)
		// …or after it.
		if t, ok := b.(*document.Table); ok && t.Caption == "" && i+1 < len(bs) {
			if c, ok := captionOf(bs[i+1]); ok {
				t.Caption = c
				i++
			}
		}
	}
	return out
}

// captionOf returns the caption text of a paragraph that is a caption: plain
// text (no links, notes or markup) after a caption prefix.
func captionOf(b document.Block) (string, bool) {
	p, ok := b.(*document.Paragraph)
	if !ok || len(p.Inlines) == 0 {
		return "", false
	}
	for _, in := range p.Inlines {
		if _, ok := in.(document.Text); !ok {
			return "", false
		}
	}
	text := document.InlineText(p.Inlines)
	for _, pre := range captionPrefixes {
		if rest, ok := strings.CutPrefix(text, pre); ok && strings.TrimSpace(rest) != "" {
			return strings.TrimSpace(rest), true
		}
	}
	return "", false
}
