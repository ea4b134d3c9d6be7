package pdf

import (
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// tallTableInput is a document whose table has a row with about three
// pages of text in one cell, between two ordinary rows.
func tallTableInput() *render.Input {
	cell := func(s string) document.Cell { return document.Cell{Inlines: []document.Inline{document.Text(s)}} }
	var long strings.Builder
	for i := 1; i <= 56; i++ {
		long.WriteString("(" + strconv.Itoa(i) + ") " + lorem)
	}
	tbl := &document.Table{Pos: source.Pos{File: "tall.md", Line: 3}, Caption: "A tall row",
		Header: []document.Cell{cell("Column A"), cell("Column B")},
		Rows: [][]document.Cell{
			{cell("first"), cell("A short row before.")},
			{cell("tall"), cell(long.String())},
			{cell("last"), cell("A short row after.")},
		}}
	d := &document.Document{Meta: document.Meta{Title: "Tall table", Language: "en", Source: "tall.md"}}
	d.Sections = []*document.Section{{Title: "Table", Pos: source.Pos{File: "tall.md", Line: 1},
		Blocks: []document.Block{para("Before the table.", 2), tbl, para("After the table.", 9)}}}
	d.Number()
	return &render.Input{Doc: d, Options: render.DefaultOptions(), Warnings: &source.Warnings{}}
}

// TestTallTableRow checks that a row taller than a page is split across
// pages: no text runs into the bottom margin, the header is repeated on
// every page of the table, and the cell's text comes out whole and in order.
func TestTallTableRow(t *testing.T) {
	needTool(t, "pdftotext")
	res := mustLayout(t, tallTableInput())
	b := &built{res: res, file: writeTemp(t, res.PDF), text: map[int][]pdfLine{}}
	first, last := res.SectionPage["s1"], res.Pages
	if last-first < 2 {
		t.Fatalf("table on pages %d–%d, want at least 3 pages", first, last)
	}
	const pageH = 841.89
	var all []string
	for p := first; p <= last; p++ {
		header := false
		for _, ln := range b.lines(t, p) {
			txt := ln.text()
			if ln.y1 > pageH-25*mm+1.5 && !strings.HasPrefix(txt, "Page ") {
				t.Errorf("page %d: %q runs into the bottom margin (y %.1f pt)", p, txt, ln.y1)
			}
			if strings.Contains(txt, "Column B") {
				header = true
			}
			if ln.y0 >= 25*mm-2 && ln.y1 <= pageH-25*mm+2 {
				all = append(all, txt)
			}
		}
		if !header && p < last {
			t.Errorf("page %d: no table header", p)
		}
	}
	text := squash(strings.Join(all, " "))
	pos := 0
	for i := 1; i <= 56; i++ {
		want := "(" + strconv.Itoa(i) + ")"
		j := strings.Index(text[pos:], want)
		if j < 0 {
			t.Fatalf("%q not found in order in %q", want, text[pos:min(len(text), pos+300)])
		}
		pos += j + len(want)
	}
	if !strings.Contains(text[pos:], "A short row after.") || !strings.Contains(text[pos:], "After the table.") {
		t.Error("the rows after the tall row are missing")
	}
}
