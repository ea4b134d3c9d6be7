package document

import (
	"strconv"
	"strings"
	"unicode"
)

// WalkSections calls fn for every section in document order (a section
// before its subsections). It stops early when fn returns false.
func (d *Document) WalkSections(fn func(*Section) bool) {
	var walk func([]*Section) bool
	walk = func(ss []*Section) bool {
		for _, s := range ss {
			if !fn(s) || !walk(s.Sections) {
				return false
			}
		}
		return true
	}
	walk(d.Sections)
}

// Numbered returns the ¶-numbered blocks of s (not of its subsections) in
// order, with their Ref.
func (s *Section) Numbered() []Block {
	var out []Block
	for _, b := range s.Blocks {
		if r := RefOf(b); r != nil && r.ID != "" {
			out = append(out, b)
		}
	}
	return out
}

// RefOf returns the Ref of a numbered block kind (Paragraph, List, Quote),
// or nil for other blocks.
func RefOf(b Block) *Ref {
	switch b := b.(type) {
	case *Paragraph:
		return &b.Ref
	case *List:
		return &b.Ref
	case *Quote:
		return &b.Ref
	}
	return nil
}

// Number assigns IDs and numbers: sections get "s1", "s2", … and printed
// numbers ("1", "1.1"); the Paragraphs, Lists and Quotes directly in a
// section get "p1", "p2", … and ¶ numbers; footnotes get "fn1", …. Sections
// with an empty title (text before the first heading) are not counted in
// the printed numbers. Number also sets Meta.Words. Readers call it last.
func (d *Document) Number() {
	sec, para := 0, 0
	var walk func(ss []*Section, prefix string, level int)
	walk = func(ss []*Section, prefix string, level int) {
		n := 0
		labelled := false
		for _, s := range ss {
			labelled = labelled || s.Label != ""
		}
		for _, s := range ss {
			sec++
			s.ID = "s" + strconv.Itoa(sec)
			s.Level = level
			switch {
			case s.Title != "" && s.Label != "":
				s.Number = s.Label
			case s.Title != "" && !labelled:
				n++
				s.Number = prefix + strconv.Itoa(n)
			default:
				s.Number = ""
			}
			for _, b := range s.Blocks {
				if r := RefOf(b); r != nil {
					para++
					r.ID = "p" + strconv.Itoa(para)
					r.Number = para
				}
			}
			p := s.Number
			if p != "" {
				p += "."
			} else {
				p = prefix
			}
			walk(s.Sections, p, level+1)
		}
	}
	walk(d.Sections, "", 1)
	for i, f := range d.Footnotes {
		f.ID = "fn" + strconv.Itoa(i+1)
		f.Number = i + 1
	}
	words := 0
	d.WalkSections(func(s *Section) bool {
		words += CountWords(s.Title)
		for _, b := range s.Blocks {
			words += CountWords(BlockText(b))
		}
		return true
	})
	d.Meta.Words = words
}

// CountWords counts runs of letters and digits in s.
func CountWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// InlineText returns the plain text of inline content. Footnote references
// and line breaks become nothing and a space.
func InlineText(ins []Inline) string {
	var b strings.Builder
	appendInlines(&b, ins)
	return b.String()
}

func appendInlines(b *strings.Builder, ins []Inline) {
	for _, in := range ins {
		switch in := in.(type) {
		case Text:
			b.WriteString(string(in))
		case Code:
			b.WriteString(string(in))
		case *Emph:
			appendInlines(b, in.Inlines)
		case *Strong:
			appendInlines(b, in.Inlines)
		case *Sup:
			appendInlines(b, in.Inlines)
		case *Sub:
			appendInlines(b, in.Inlines)
		case *Link:
			appendInlines(b, in.Inlines)
		case LineBreak:
			b.WriteByte(' ')
		}
	}
}

// BlockText returns the plain text of a block; the parts of a list, quote
// or table are joined with newlines. A Picture has none: its caption and
// alt text describe the picture and are not body text.
func BlockText(b Block) string {
	var parts []string
	switch b := b.(type) {
	case *Paragraph:
		return InlineText(b.Inlines)
	case *List:
		for _, it := range b.Items {
			for i, c := range it.Blocks {
				t := BlockText(c)
				if i == 0 && it.Task != TaskNone {
					t = it.Task.Box() + " " + t
				}
				parts = append(parts, t)
			}
		}
	case *Quote:
		for _, c := range b.Blocks {
			parts = append(parts, BlockText(c))
		}
	case *Table:
		if b.Caption != "" {
			parts = append(parts, b.Caption)
		}
		for _, row := range append([][]Cell{b.Header}, b.Rows...) {
			var cells []string
			for _, c := range row {
				cells = append(cells, InlineText(c.Inlines))
			}
			parts = append(parts, strings.Join(cells, " | "))
		}
	case *CodeBlock:
		return b.Text
	}
	return strings.Join(parts, "\n")
}

// Box returns the check box of a task state as text: "☐" for TaskOpen,
// "☑" for TaskDone, "" for TaskNone.
func (t Task) Box() string {
	switch t {
	case TaskOpen:
		return "\u2610"
	case TaskDone:
		return "\u2611"
	}
	return ""
}

// SectionAnchors maps every "#fragment" a link may use for a section to
// that section: each section's ID and, where set, its Anchor as written
// and percent-encoded. An Anchor
// wins over an equal ID of another section; the first of equal Anchors
// wins.
func (d *Document) SectionAnchors() map[string]*Section {
	m := map[string]*Section{}
	d.WalkSections(func(s *Section) bool {
		if s.ID != "" {
			m[s.ID] = s
		}
		return true
	})
	seen := map[string]bool{}
	d.WalkSections(func(s *Section) bool {
		if s.Anchor != "" && !seen[s.Anchor] {
			seen[s.Anchor] = true
			m[s.Anchor] = s
			// Links hold their targets percent-encoded (see CheckLink):
			// "#%D0%B0" names the anchor "а" too.
			if enc := strings.TrimPrefix(NormalizeURL("#"+s.Anchor), "#"); enc != s.Anchor && m[enc] == nil {
				m[enc] = s
			}
		}
		return true
	})
	return m
}
