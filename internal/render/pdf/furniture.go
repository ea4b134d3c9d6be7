package pdf

import (
	"strconv"
	"unicode/utf8"
)

// furniture draws the running header, the footer and the marking of the
// current page. Texts that depend on later pages (the section of the page,
// the page count) come from the previous pass.
func (l *layout) furniture() {
	size := l.st.Furniture.Size
	if l.cover && l.page == 1 {
		if l.fm.marking != "" {
			ms := l.st.Furniture.MarkingSize + 1
			col := l.st.color(l.st.Colors.Marking)
			w := l.m.width(l.c, sansBold, ms, l.fm.marking)
			l.c.fill(0, 0, l.pageW, l.st.Page.MarkingY+4, l.st.color(l.st.Colors.Tint))
			l.c.write((l.pageW-w)/2, l.st.Page.MarkingY, sansBold, ms, col, l.fm.marking)
			l.c.fill(0, l.pageH-l.st.Page.MarkingY-4, l.pageW, l.st.Page.MarkingY+4, l.st.color(l.st.Colors.Tint))
			l.c.write((l.pageW-w)/2, l.pageH-l.st.Page.MarkingY+ms*0.35*ptMM, sansBold, ms, col, l.fm.marking)
		}
		return
	}
	if l.fm.marking != "" {
		ms := l.st.Furniture.MarkingSize
		col := l.st.color(l.st.Colors.Marking)
		w := l.m.width(l.c, sansBold, ms, l.fm.marking)
		x := (l.pageW - w) / 2
		l.c.write(x, l.st.Page.MarkingY, sansBold, ms, col, l.fm.marking)
		l.c.write(x, l.pageH-l.st.Page.MarkingY+ms*0.35*ptMM, sansBold, ms, col, l.fm.marking)
	}
	section := l.header
	total := 0
	if l.prev != nil {
		section = l.prev.pageHeader[l.page]
		total = l.prev.pages
	}
	half := (l.right - l.left - 6) / 2
	y := l.st.Page.HeaderY
	l.c.write(l.left, y, sans, size, l.grey, l.fit(l.d.title, sans, size, half))
	if section != "" {
		s := l.fit(section, sans, size, half)
		l.c.write(l.right-l.m.width(l.c, sans, size, s), y, sans, size, l.grey, s)
	}
	l.c.rule(l.left, y+1.8, l.right, y+1.8, 0.15, l.hair)

	foot := "Page " + strconv.Itoa(l.page)
	if total > 0 {
		foot += " of " + strconv.Itoa(total)
	}
	fy := l.pageH - l.st.Page.FooterY
	l.c.write(l.right-l.m.width(l.c, sans, size, foot), fy, sans, size, l.grey, foot)
}

// fit shortens s with an ellipsis until it is at most w mm wide.
func (l *layout) fit(s string, f face, size, w float64) string {
	if l.m.width(l.c, f, size, s) <= w {
		return s
	}
	r := []rune(s)
	for len(r) > 0 {
		r = r[:len(r)-1]
		t := string(r) + "…"
		if l.m.width(l.c, f, size, t) <= w {
			return t
		}
	}
	if utf8.RuneCountInString(s) > 0 {
		return "…"
	}
	return ""
}
