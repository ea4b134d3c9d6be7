package parse

import (
	"bytes"

	"github.com/briefbook/briefbook/internal/source"
)

// maxTableColumns is the widest table passed to goldmark: columns past it
// are cut (with a warning). Real tables stay far below it; the README
// promises that 50-column tables work.
const maxTableColumns = 100

// minTableCells is the number of cells (rows × columns, header included)
// any table may have whatever its size in bytes; past it a table may have
// at most one cell per byte of its source (see limitTables).
const minTableCells = 10_000

// limitTables cuts the columns of GFM tables that would cost more than
// their size justifies, before goldmark sees them. goldmark (v1.8.7,
// extension/table.go) pads every body row with empty cells up to the width
// of the delimiter row, so a 5 000-column header over 3 000 one-cell rows
// (83 KB) became 15 million cells and more than 4 GB. A table keeps at most
// maxTableColumns columns, and at most max(minTableCells, its bytes) cells
// in all; a table written out in full (every row with every cell) has
// fewer cells than bytes, since each cell takes a "|", so only padded
// tables are cut. Cutting shortens
// the header and delimiter lines after the last kept cell; body rows are
// left alone (goldmark ignores cells past the delimiter row's width). No
// line is added or removed. Bytes before from (the front matter) are never
// changed. It warns at the header line of each table it cuts.
//
// Tables are found as goldmark finds them: a delimiter line ("|---|:-:|")
// whose cell count equals that of the line before it; the rows run to the
// next blank line (a paragraph may end earlier, which only overestimates
// the rows). Block quote and list markers before the cells are skipped,
// and nothing inside fenced code is touched.
func limitTables(f *source.File, src []byte, from int, w *source.Warnings) []byte {
	if bytes.IndexByte(src[from:], '|') < 0 {
		return src
	}
	type line struct{ start, end int } // [start, end) without the "\n"
	var lines []line
	for start := from; start <= len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		lines = append(lines, line{start, end})
		start = end + 1
	}
	firstLine := 1 + bytes.Count(src[:from], []byte("\n"))
	content := func(l line) []byte { return src[l.start+containerPrefix(src[l.start:l.end]) : l.end] }

	var cuts []struct{ start, end, to int }
	var fence []byte // the open fence ("```" or "~~~…"), nil outside code
	for i := 0; i < len(lines); i++ {
		c := content(lines[i])
		if fence != nil {
			if t := bytes.TrimRight(c, " \t"); len(t) >= len(fence) && len(bytes.Trim(t, string(fence[:1]))) == 0 {
				fence = nil
			}
			continue
		}
		if fl := fenceOpen(c); fl != nil {
			fence = fl
			continue
		}
		if i == 0 || !isDelimiterRow(c) {
			continue
		}
		cols := countCells(c)
		head := content(lines[i-1])
		if isBlank(head) || countCells(head) != cols {
			continue
		}
		last := i
		for last+1 < len(lines) && !isBlank(content(lines[last+1])) {
			last++
		}
		rows := last - i + 1 // the header and the body rows
		size := lines[last].end - lines[i-1].start + 1
		keep := min(cols, maxTableColumns)
		if budget := max(minTableCells, size); keep*rows > budget {
			keep = max(1, budget/rows)
		}
		if keep < cols {
			w.Add(posAt(f, firstLine+i-1), "table with %d columns and %d rows: only the first %d columns kept", cols, rows-1, keep)
			for _, k := range []int{i - 1, i} {
				l := lines[k]
				p := containerPrefix(src[l.start:l.end])
				cuts = append(cuts, struct{ start, end, to int }{l.start, l.end, l.start + p + cellsEnd(src[l.start+p:l.end], keep)})
			}
		}
		i = last
	}
	if len(cuts) == 0 {
		return src
	}
	out := make([]byte, 0, len(src))
	prev := 0
	for _, c := range cuts {
		out = append(out, src[prev:c.to]...)
		prev = c.end
	}
	return append(out, src[prev:]...)
}

// containerPrefix returns the length of the block quote markers, list
// markers and indentation at the start of l.
func containerPrefix(l []byte) int {
	i := 0
	for i < len(l) {
		switch c := l[i]; {
		case c == ' ' || c == '\t' || c == '>':
			i++
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
			i += 2
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
				i = j + 2
				continue
			}
			return i
		default:
			return i
		}
	}
	return i
}

// fenceOpen returns the fence that l opens (three or more backticks or
// tildes), or nil.
func fenceOpen(l []byte) []byte {
	if len(l) < 3 || l[0] != '`' && l[0] != '~' {
		return nil
	}
	n := 0
	for n < len(l) && l[n] == l[0] {
		n++
	}
	if n < 3 || l[0] == '`' && bytes.IndexByte(l[n:], '`') >= 0 {
		return nil
	}
	return l[:n]
}

func isBlank(l []byte) bool { return len(bytes.TrimSpace(l)) == 0 }

// isDelimiterRow reports whether l is a table delimiter row as goldmark
// reads one: only "-", ":", "|" and spaces, not only dashes, and every cell
// "-+", ":-+", "-+:" or ":-+:" (spaces around allowed).
func isDelimiterRow(l []byte) bool {
	l = bytes.TrimSpace(l)
	if len(l) == 0 || len(bytes.Trim(l, "-")) == 0 {
		return false
	}
	for _, c := range l {
		if !(c == ' ' || c == '\t' || c == '-' || c == '|' || c == ':') {
			return false
		}
	}
	cells := bytes.Split(l, []byte("|"))
	if len(cells[0]) == 0 {
		cells = cells[1:]
	}
	if len(cells) > 0 && len(cells[len(cells)-1]) == 0 {
		cells = cells[:len(cells)-1]
	}
	if len(cells) == 0 {
		return false
	}
	for _, cell := range cells {
		cell = bytes.TrimSpace(cell)
		cell = bytes.TrimPrefix(cell, []byte(":"))
		cell = bytes.TrimSuffix(cell, []byte(":"))
		if len(cell) == 0 || len(bytes.Trim(cell, "-")) != 0 {
			return false
		}
	}
	return true
}

// countCells returns the number of cells goldmark reads in a table row:
// white space trimmed, one leading and one trailing "|" dropped, the rest
// split at each "|" not preceded by a backslash.
func countCells(l []byte) int {
	l = bytes.TrimSpace(l)
	pos, limit := 0, len(l)
	if limit > 0 && l[0] == '|' {
		pos++
	}
	if limit > 0 && l[limit-1] == '|' {
		limit--
	}
	n := 0
	for pos < limit {
		n++
		pos = nextPipe(l, pos, limit) + 1
	}
	return n
}

// nextPipe returns the offset of the first "|" at or after pos that is not
// preceded by a backslash, or limit.
func nextPipe(l []byte, pos, limit int) int {
	for i := pos; i < limit; i++ {
		if l[i] == '|' && (i == 0 || l[i-1] != '\\') {
			return i
		}
	}
	return limit
}

// cellsEnd returns the length of the prefix of row l that holds its first
// keep cells and the "|" after them (so that the cut line reads as keep
// cells), or len(l) when it has no more.
func cellsEnd(l []byte, keep int) int {
	lead := len(l) - len(bytes.TrimLeft(l, " \t\n\v\f\r"))
	t := bytes.TrimSpace(l)
	pos, limit := 0, len(t)
	if limit > 0 && t[0] == '|' {
		pos++
	}
	if limit > 0 && t[limit-1] == '|' {
		limit--
	}
	for n := 0; pos < limit; n++ {
		p := nextPipe(t, pos, limit)
		if n+1 == keep {
			if p >= limit {
				return len(l)
			}
			return lead + p + 1
		}
		pos = p + 1
	}
	return len(l)
}
