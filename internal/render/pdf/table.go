package pdf

import (
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

// table sets a document table with a numbered caption.
func (l *layout) table(t *table, f frame) {
	var caption []run
	if len(t.caption) > 0 {
		l.tableNo++
		caption = append([]run{{text: l.fm.lb.TableCaption(l.tableNo) + " ", face: sansBold,
			size: l.st.Table.CaptionSize, color: l.accent, extra: true}}, t.caption...)
	}
	l.grid(caption, t.align, t.header, t.rows, f, 0)
}

// cellLines is a laid-out table cell.
type cellLines struct {
	lines []line
}

// grid sets a table: caption above, a header row with a light fill that is
// repeated after every page break, zebra rows, horizontal hairlines only.
// A row moves whole to the next page when it fits there; a row taller than
// a page is split between its lines. kind is the fact table it sets, 0 for
// a document table: the cells of the quotations are tagged Quote.
//
// Tags: Table, its Caption, THead with the header row (TH cells with a
// column scope), TBody with the rows (TD); the header repeated after a
// page break is an artifact, rules and fills too. A row split between
// pages stays one TR.
func (l *layout) grid(caption []run, align []document.Align, header [][]run, rows [][][]run, f frame, kind render.TableKind) {
	ncol := len(header)
	for _, r := range rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return
	}
	pad := l.st.Table.Padding
	lead := l.st.Table.Leading * ptMM
	size := l.st.Table.Size

	// Column widths from natural (one-line) and minimum (longest word) widths.
	nat := make([]float64, ncol)
	minw := make([]float64, ncol)
	measure := func(row [][]run) {
		for i, c := range row {
			ws := l.words(c)
			line := 0.0
			for j, w := range ws {
				line += w.w
				if j < len(ws)-1 {
					line += w.space
				}
				minw[i] = max(minw[i], w.w+2*pad)
			}
			nat[i] = max(nat[i], line+2*pad)
		}
	}
	measure(header)
	for _, r := range rows {
		measure(r)
	}
	widths := columnWidths(nat, minw, f.w, 2*pad+4)

	layRow := func(row [][]run) ([]cellLines, float64) {
		cells := make([]cellLines, ncol)
		h := lead
		for i := 0; i < ncol; i++ {
			if i < len(row) {
				cells[i].lines = l.breakLines(l.words(row[i]), widths[i]-2*pad)
			}
			h = max(h, float64(len(cells[i].lines))*lead)
		}
		return cells, h + 2*pad
	}
	drawRow := func(cells []cellLines, h float64, fill *rgb, rule rgb, rw float64, rt []*tagNode) {
		l.lineStart(l.y, l.y+pad+baseline(size, lead), 0)
		l.drawBars(l.y, l.y+h)
		if fill != nil {
			l.layoutFill(f.x, l.y, f.w, h, *fill)
		}
		x := f.x
		for i, c := range cells {
			var back *tagNode
			if i < len(rt) {
				back = l.c.enter(rt[i])
			}
			a := document.AlignDefault
			if i < len(align) {
				a = align[i]
			}
			for j, ln := range c.lines {
				lx := x + pad
				switch a {
				case document.AlignRight:
					lx += widths[i] - 2*pad - ln.w
				case document.AlignCenter:
					lx += (widths[i] - 2*pad - ln.w) / 2
				}
				l.drawLine(ln, lx, l.y+pad+float64(j)*lead+baseline(size, lead), widths[i]-2*pad, lead, false)
			}
			l.c.leave(back)
			x += widths[i]
		}
		l.y += h
		l.layoutRule(f.x, l.y, f.x+f.w, l.y, rw, rule)
	}
	// rowTags opens a TR of ncol cells of role under the current element
	// and returns the content element of each cell (nil in a dry pass).
	rowTags := func(role string) []*tagNode {
		tr := l.c.tag("TR")
		if tr == nil {
			return nil
		}
		out := make([]*tagNode, ncol)
		for i := range out {
			cell := l.c.tag(role)
			if role == "TH" {
				cell.attrs = "/O /Table /Scope /Column"
			}
			out[i] = cell
			if kind == render.TableQuotations && role == "TD" && i == 0 {
				out[i] = l.c.tag("Quote")
				l.c.end(out[i])
			}
			l.c.end(cell)
		}
		l.c.end(tr)
		return out
	}

	hcells, hh := layRow(header)
	hasHeader := len(header) > 0
	tint := l.st.color(l.st.Colors.Tint)
	zebra := l.st.color(l.st.Colors.Zebra)
	drawHeader := func(rt []*tagNode) {
		if hasHeader {
			drawRow(hcells, hh, &tint, l.accent, 0.35, rt)
		}
	}
	table := l.c.tag("Table")
	defer l.c.end(table)

	var capLines []line
	capLead := l.st.Table.CaptionSize * 1.35 * ptMM
	if len(caption) > 0 {
		capLines = l.breakLines(l.words(caption), f.w)
	}
	first := 0.0
	if len(rows) > 0 {
		_, first = layRow(rows[0])
		first = min(first, 2*lead+2*pad) // a taller row is split anyway
	}
	need := float64(len(capLines))*capLead + first
	if hasHeader {
		need += hh
	}
	if l.page == 0 {
		l.newPage()
	}
	if l.y+need > l.bottom && !l.atTop() {
		l.newPage()
	}
	var capTag *tagNode
	if len(capLines) > 0 {
		capTag = l.c.tag("Caption")
	}
	for _, ln := range capLines {
		l.lineStart(l.y, l.y+baseline(l.st.Table.CaptionSize, capLead), capLead)
		l.drawLine(ln, f.x, l.y+baseline(l.st.Table.CaptionSize, capLead), f.w, capLead, false)
		l.y += capLead
	}
	l.c.end(capTag)
	if len(capLines) > 0 {
		l.y += 1
	}
	l.layoutRule(f.x, l.y, f.x+f.w, l.y, 0.35, l.accent)
	if hasHeader {
		head := l.c.tag("THead")
		drawHeader(rowTags("TH"))
		l.c.end(head)
	}
	body := l.c.tag("TBody")
	defer l.c.end(body)
	headerTop := func() bool { return l.y <= l.top+hh+1e-6 }
	nextPage := func() {
		l.newPage()
		l.layoutRule(f.x, l.y, f.x+f.w, l.y, 0.35, l.accent)
		l.wc.mute = true // a repeated header is not document text
		l.c.artifact(artPage)
		drawHeader(nil)
		l.c.endArtifact()
		l.wc.mute = false
	}
	for i, r := range rows {
		cells, h := layRow(r)
		rt := rowTags("TD")
		var fill *rgb
		if i%2 == 1 {
			fill = &zebra
		}
		room := l.pageBottom - l.top - hh // a fresh page's room for rows
		if l.y+h > l.bottom && !headerTop() && (h <= room || l.y+2*lead+2*pad > l.bottom) {
			nextPage()
		}
		// A row taller than the room left is split: each cell goes on
		// with its next line on the next page, below the repeated header.
		for l.y+h > l.bottom+1e-6 {
			k := int((l.bottom - l.y - 2*pad + 1e-6) / lead)
			if k < 1 {
				if headerTop() {
					break // not even one line fits on a fresh page: overflow rather than loop
				}
				nextPage()
				continue
			}
			part, rest := splitCells(cells, k)
			drawRow(part, float64(k)*lead+2*pad, fill, l.hair, 0.15, rt)
			cells, h = rest, rowHeight(rest, lead)+2*pad
			nextPage()
		}
		drawRow(cells, h, fill, l.hair, 0.15, rt)
	}
}

// splitCells cuts a row after its first k lines: the lines of each cell
// that go on this page and those that go on the next.
func splitCells(cells []cellLines, k int) (part, rest []cellLines) {
	part = make([]cellLines, len(cells))
	rest = make([]cellLines, len(cells))
	for i, c := range cells {
		n := min(k, len(c.lines))
		part[i].lines = c.lines[:n]
		rest[i].lines = c.lines[n:]
	}
	return part, rest
}

// rowHeight is the height of the tallest cell of a row, at least one line.
func rowHeight(cells []cellLines, lead float64) float64 {
	n := 1
	for _, c := range cells {
		n = max(n, len(c.lines))
	}
	return float64(n) * lead
}

// columnWidths shares total among columns: natural widths when they fit
// (stretched to fill), else minimum widths plus a share of the rest.
func columnWidths(nat, minw []float64, total, floor float64) []float64 {
	n := len(nat)
	out := make([]float64, n)
	sumNat, sumMin := 0.0, 0.0
	for i := range nat {
		nat[i] = max(nat[i], floor)
		minw[i] = min(max(minw[i], floor), nat[i])
		sumNat += nat[i]
		sumMin += minw[i]
	}
	switch {
	case sumNat <= total:
		for i := range out {
			out[i] = nat[i] * total / sumNat
		}
	case sumMin >= total:
		for i := range out {
			out[i] = minw[i] * total / sumMin
		}
	default:
		slack := sumNat - sumMin
		for i := range out {
			out[i] = minw[i] + (total-sumMin)*(nat[i]-minw[i])/slack
		}
	}
	return out
}
