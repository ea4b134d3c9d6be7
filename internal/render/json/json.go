// Package json renders the document model and its analysis as versioned
// JSON. The shape is a public contract (see README.md, "JSON export"): every
// key is always written, lists are [] and never null.
package json

import (
	"encoding/json"
	"io"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

// Version is the version of the JSON shape written by Render.
const Version = 1

// Export is the top-level JSON object.
type Export struct {
	Version  int       `json:"version"`
	Meta     Meta      `json:"meta"`
	Sections []Section `json:"sections"`
	Summary  []Summary `json:"summary"`
	Facts    Facts     `json:"facts"`
}

// Meta is the document metadata.
type Meta struct {
	Title    string   `json:"title"`
	Subtitle string   `json:"subtitle"`
	Author   string   `json:"author"`
	Date     string   `json:"date"`
	Language string   `json:"language"`
	Marking  string   `json:"marking"`
	Keywords []string `json:"keywords"`
	Source   string   `json:"source"`
	Words    int      `json:"words"`
}

// Section is one section with its numbered paragraphs and subsections.
type Section struct {
	ID             string      `json:"id"`
	Number         string      `json:"number"`
	Title          string      `json:"title"`
	TitleGenerated bool        `json:"title_generated"`
	Level          int         `json:"level"`
	Paragraphs     []Paragraph `json:"paragraphs"`
	// Blocks is every block of the section in order, numbered or not:
	// paragraphs again, and the tables, code and preformatted blocks and
	// rules that carry no ¶ number.
	Blocks   []Block   `json:"blocks"`
	Sections []Section `json:"sections"`
}

// Block is one block of a section.
type Block struct {
	// Kind is "paragraph", "list", "quote", "table", "code", "rule" or
	// "picture".
	Kind string `json:"kind"`
	// ID is the ¶ ID of a numbered block ("p7"), or "".
	ID   string `json:"id"`
	Line int    `json:"line"`
	// Text is the block's text: code verbatim, a table's rows with " | "
	// between cells, "" for a rule, a picture's caption.
	Text string `json:"text"`
	// Picture describes a block of kind "picture"; the key is written for
	// those blocks only.
	Picture *Picture `json:"picture,omitempty"`
}

// Picture is a picture shown as a figure (its bytes are in the PDF and
// EPUB, not here).
type Picture struct {
	// Number is N of its caption "Figure N." in the PDF and EPUB; 0 when
	// the picture could not be read and is shown as its alt text.
	Number int `json:"number"`
	// Path is the address as the source writes it.
	Path    string `json:"path"`
	Alt     string `json:"alt"`
	Title   string `json:"title"`
	Caption string `json:"caption"`
	// Format is "png", "jpeg" or "gif"; "" when the picture was not read.
	Format string `json:"format"`
	// Width and Height are in pixels; 0 when the picture was not read.
	Width  int `json:"width"`
	Height int `json:"height"`
}

// Paragraph is one ¶-numbered block.
type Paragraph struct {
	ID     string `json:"id"`
	Number int    `json:"number"`
	Line   int    `json:"line"`
	Text   string `json:"text"`
}

// Summary is one summary sentence.
type Summary struct {
	Text      string `json:"text"`
	Paragraph string `json:"paragraph"`
}

// Facts holds the fact tables.
type Facts struct {
	Figures       []Figure       `json:"figures"`
	Timeline      []Event        `json:"timeline"`
	People        []Person       `json:"people"`
	Places        []Place        `json:"places"`
	Organizations []Organization `json:"organizations"`
	Quotations    []Quotation    `json:"quotations"`
}

// Figure is a number; Value is a JSON number, or [lo, hi] for a range.
// Kind is one of document.FigureKind's values ("count", "money",
// "percent", "duration", "measure") and Bound one of
// document.FigureBound's ("exact", "about", "at_least", "at_most",
// "range").
type Figure struct {
	Value     any     `json:"value"`
	Kind      string  `json:"kind"`
	Bound     string  `json:"bound"`
	Qualifier *string `json:"qualifier"`
	Unit      string  `json:"unit"`
	Text      string  `json:"text"`
	Paragraph string  `json:"paragraph"`
}

// Event is a timeline entry.
type Event struct {
	Date string `json:"date"`
	// End is the last date of a range, at its own precision; omitted for a
	// single date.
	End       string `json:"end,omitempty"`
	Text      string `json:"text"`
	Event     string `json:"event"`
	Paragraph string `json:"paragraph"`
}

// Person is a named person.
type Person struct {
	Name       string   `json:"name"`
	Role       string   `json:"role"`
	Paragraphs []string `json:"paragraphs"`
}

// Place is a named place.
type Place struct {
	Name       string   `json:"name"`
	Paragraphs []string `json:"paragraphs"`
}

// Organization is a named body.
type Organization struct {
	Name       string   `json:"name"`
	Acronym    string   `json:"acronym"`
	Expansion  string   `json:"expansion"`
	Paragraphs []string `json:"paragraphs"`
}

// Quotation is quoted speech.
type Quotation struct {
	Text      string `json:"text"`
	Speaker   string `json:"speaker"`
	Paragraph string `json:"paragraph"`
}

// Render writes the JSON export of in.Doc and in.Analysis, indented, with a
// final newline.
func Render(w io.Writer, in *render.Input) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(Build(in.Doc, in.Analysis))
}

// Build converts the model into its JSON shape. a may be nil.
func Build(d *document.Document, a *document.Analysis) *Export {
	m := d.Meta
	x := &Export{
		Version: Version,
		Meta: Meta{
			Title: m.Title, Subtitle: m.Subtitle, Author: m.Author, Date: m.Date,
			Language: m.Language, Marking: m.Marking, Keywords: strs(m.Keywords),
			Source: m.Source, Words: m.Words,
		},
		Sections: sections(d.Sections, d.PictureNumbers()),
		Summary:  []Summary{},
		Facts: Facts{
			Figures: []Figure{}, Timeline: []Event{}, People: []Person{},
			Places: []Place{}, Organizations: []Organization{}, Quotations: []Quotation{},
		},
	}
	if a == nil {
		return x
	}
	for _, s := range a.Summary {
		x.Summary = append(x.Summary, Summary{Text: s.Text, Paragraph: s.Paragraph})
	}
	f := &x.Facts
	for _, g := range a.Facts.Figures {
		var v any = g.Value
		if g.HasRange {
			v = []float64{g.Value, g.High}
		}
		var q *string
		if g.Qualifier != "" {
			q = &g.Qualifier
		}
		f.Figures = append(f.Figures, Figure{Value: v, Kind: string(g.KindOrCount()), Bound: string(g.BoundOrExact()), Qualifier: q, Unit: g.Unit, Text: g.Text, Paragraph: g.Paragraph})
	}
	for _, e := range a.Facts.Timeline {
		f.Timeline = append(f.Timeline, Event{Date: e.Date, End: e.End, Text: e.Text, Event: e.Event, Paragraph: e.Paragraph})
	}
	for _, p := range a.Facts.People {
		f.People = append(f.People, Person{Name: p.Name, Role: p.Role, Paragraphs: strs(p.Paragraphs)})
	}
	for _, p := range a.Facts.Places {
		f.Places = append(f.Places, Place{Name: p.Name, Paragraphs: strs(p.Paragraphs)})
	}
	for _, o := range a.Facts.Organizations {
		f.Organizations = append(f.Organizations, Organization{Name: o.Name, Acronym: o.Acronym, Expansion: o.Expansion, Paragraphs: strs(o.Paragraphs)})
	}
	for _, q := range a.Facts.Quotations {
		f.Quotations = append(f.Quotations, Quotation{Text: q.Text, Speaker: q.Speaker, Paragraph: q.Paragraph})
	}
	return x
}

func sections(ss []*document.Section, figures map[*document.Picture]int) []Section {
	out := []Section{}
	for _, s := range ss {
		js := Section{
			ID: s.ID, Number: s.Number, Title: s.Title, TitleGenerated: s.TitleGenerated,
			Level: s.Level, Paragraphs: []Paragraph{}, Blocks: []Block{}, Sections: sections(s.Sections, figures),
		}
		for _, b := range s.Blocks {
			jb := Block{Kind: blockKind(b), Line: b.Position().Line, Text: document.BlockText(b)}
			if r := document.RefOf(b); r != nil {
				jb.ID = r.ID
			}
			if p, ok := b.(*document.Picture); ok {
				jb.Text = p.Caption()
				jb.Picture = &Picture{Number: figures[p], Path: p.Path, Alt: p.Alt, Title: p.Title, Caption: p.Caption()}
				if im := p.Image; im != nil {
					jb.Picture.Format, jb.Picture.Width, jb.Picture.Height = im.Format, im.Width, im.Height
				}
			}
			js.Blocks = append(js.Blocks, jb)
		}
		for _, b := range s.Numbered() {
			r := document.RefOf(b)
			js.Paragraphs = append(js.Paragraphs, Paragraph{ID: r.ID, Number: r.Number, Line: b.Position().Line, Text: document.BlockText(b)})
		}
		out = append(out, js)
	}
	return out
}

func strs(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// blockKind names a block's type for the export.
func blockKind(b document.Block) string {
	switch b.(type) {
	case *document.Paragraph:
		return "paragraph"
	case *document.List:
		return "list"
	case *document.Quote:
		return "quote"
	case *document.Table:
		return "table"
	case *document.CodeBlock:
		return "code"
	case *document.Rule:
		return "rule"
	case *document.Picture:
		return "picture"
	}
	return "other"
}
