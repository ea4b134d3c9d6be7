package pdf

import (
	"sort"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// front is the prepared front matter (cover, summary, key facts) and the
// document metadata, sanitised once before layout. Its words come from
// render.Front, which the EPUB sets too.
type front struct {
	title, author, subject, keywords string // PDF metadata
	marking                          string // for the sans bold face; "" for none

	// lb are the labels of the document's language: the words the PDF
	// prints around the text (headings, footer, captions).
	lb *render.Labels

	label      string  // the word above the cover title
	coverTitle []piece // sans bold
	subtitle   []run
	coverMeta  [][]run

	summary []summaryItem
	tiles   []tile
	events  []tlEvent // timeline graphic, in date order
	facts   []factTable
	// paraNum maps a paragraph ID to its ¶ number.
	paraNum map[string]int
}

type summaryItem struct {
	runs []run
	para string // paragraph ID, "" when unknown
}

type tile struct {
	value []run
	label []run
	para  string
}

// factTable is one of the key-fact tables (timeline, people, …).
type factTable struct {
	kind   render.TableKind
	title  string
	align  []document.Align
	header [][]run
	rows   [][][]run
}

func prepareFront(in *render.Input, st *Style, z *sanitizer) *front {
	doc := in.Doc
	meta := doc.Meta
	pos := metaPos(doc)
	text, grey, accent := st.color(st.Colors.Text), st.color(st.Colors.Grey), st.color(st.Colors.Accent)
	rf := render.NewFront(in, st.Cover.WordsPerMinute)
	fm := &front{
		title:    metaClean(meta.Title),
		author:   metaClean(meta.Author),
		keywords: metaClean(strings.Join(meta.Keywords, ", ")),
		marking:  z.plain(rf.Cover.Marking, sansBold, pos),
		lb:       rf.Labels,
		label:    rf.Cover.Label,
		paraNum:  rf.ParaNum,
	}
	if st.Cover.Label != "" {
		fm.label = st.Cover.Label
	}
	mk := func(f face, size float64, col rgb, s string) []run {
		var out []run
		for _, p := range z.clean(s, f, pos) {
			out = append(out, run{text: p.text, face: p.face, size: size, color: col})
		}
		return out
	}

	// Cover.
	c := rf.Cover
	fm.coverTitle = z.clean(c.Title, sansBold, pos)
	if c.Subtitle != "" {
		fm.subtitle = mk(sans, st.Cover.SubtitleSize, grey, c.Subtitle)
	}
	ms := st.Cover.MetaSize
	for _, line := range []struct {
		s   string
		col rgb
	}{{c.Date, text}, {c.AuthorLine(), text}, {c.Source, grey}, {c.Length, grey}} {
		if line.s != "" {
			fm.coverMeta = append(fm.coverMeta, mk(sans, ms, line.col, line.s))
		}
	}
	if fm.subject = metaClean(meta.Subtitle); len(rf.Summary) > 0 {
		fm.subject = metaClean(rf.Summary[0].Text)
	}

	// Summary.
	for _, pt := range rf.Summary {
		fm.summary = append(fm.summary, summaryItem{runs: mk(serif, st.Front.BulletSize, text, pt.Text), para: pt.Ref.ID})
	}

	// Figure tiles.
	for _, kf := range rf.Tiles {
		v, label := figureValue(kf.Tile)
		t := tile{label: mk(sans, st.Front.TileLabelSize, grey, label), para: kf.Ref.ID}
		for _, p := range v {
			t.value = append(t.value, mk(p.face, st.Front.TileValueSize, accent, p.text)...)
		}
		fm.tiles = append(fm.tiles, t)
	}

	// Timeline graphic.
	for _, e := range rf.Events {
		ty, ok := parseYear(e.Date)
		if !ok {
			continue
		}
		ev := tlEvent{t: ty, date: mk(sansBold, tlSize, accent, e.Text), label: mk(sans, tlSize, grey, e.What)}
		if len(e.Refs) > 0 {
			ev.para = e.Refs[0].ID
		}
		fm.events = append(fm.events, ev)
	}
	sort.SliceStable(fm.events, func(i, j int) bool { return fm.events[i].t < fm.events[j].t })

	// Fact tables.
	ts := st.Table.Size
	refs := func(c render.Cell) []run {
		var out []run
		for _, r := range c.Refs {
			if len(out) > 0 {
				out = append(out, run{text: ", ", face: sans, size: ts, color: grey})
			}
			out = append(out, run{text: "¶" + strconv.Itoa(r.Num), face: sans, size: ts, color: accent, dest: r.ID})
		}
		if c.More > 0 {
			if len(out) > 0 {
				out = append(out, run{text: ", ", face: sans, size: ts, color: grey})
			}
			out = append(out, run{text: "+" + strconv.Itoa(c.More), face: sans, size: ts, color: grey})
		}
		return out
	}
	for _, ft := range rf.Tables {
		t := factTable{kind: ft.Kind, title: ft.Title}
		for _, col := range ft.Columns {
			t.align = append(t.align, col.Align)
			t.header = append(t.header, mk(sansBold, ts, text, col.Heading))
		}
		for _, r := range ft.Rows {
			var row [][]run
			for i, cell := range r {
				if ft.Columns[i].Part == render.PartRefs {
					row = append(row, refs(cell))
				} else {
					row = append(row, mk(sans, ts, text, cell.Text))
				}
			}
			t.rows = append(t.rows, row)
		}
		fm.facts = append(fm.facts, t)
	}
	return fm
}

// metaPos is the position reported for characters in the metadata: line 1
// of the source file.
func metaPos(doc *document.Document) source.Pos {
	for _, s := range doc.Sections {
		if s != nil && s.Pos.File != "" {
			return source.Pos{File: s.Pos.File, Line: 1}
		}
	}
	return source.Pos{File: doc.Meta.Source, Line: 1}
}

// figureValue returns the value of a tile as pieces (the bound word in
// the document's language, then the number) and its label.
func figureValue(t render.Tile) ([]piece, string) {
	var out []piece
	if t.Bound != "" {
		out = append(out, piece{t.Bound + " ", sans})
	}
	return append(out, piece{t.Number, sansBold}), t.Label
}
