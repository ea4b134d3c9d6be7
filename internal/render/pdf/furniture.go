package pdf

// furniture draws the running header, the footer and the marking of the
// current page; each is fitted to one line with an ellipsis. Texts that depend on later pages (the section of the page,
// the page count) come from the previous pass.
func (l *layout) furniture() {
	size := l.st.Furniture.Size
	// All of it is page furniture: artifacts, outside the structure.
	l.c.artifact(artPage)
	defer l.c.endArtifact()
	if l.cover && l.page == 1 {
		if l.fm.marking != "" {
			l.c.artifact(artMark)
			defer l.c.endArtifact()
			ms := l.st.Furniture.MarkingSize + 1
			col := l.st.color(l.st.Colors.Marking)
			m := l.fit(l.fm.marking, sansBold, ms, l.right-l.left)
			w := l.m.width(l.c, sansBold, ms, m)
			l.c.fill(0, 0, l.pageW, l.st.Page.MarkingY+4, l.st.color(l.st.Colors.Tint))
			l.c.write((l.pageW-w)/2, l.st.Page.MarkingY, sansBold, ms, col, m)
			l.c.fill(0, l.pageH-l.st.Page.MarkingY-4, l.pageW, l.st.Page.MarkingY+4, l.st.color(l.st.Colors.Tint))
			l.c.write((l.pageW-w)/2, l.pageH-l.st.Page.MarkingY+ms*0.35*ptMM, sansBold, ms, col, m)
		}
		return
	}
	if l.fm.marking != "" {
		ms := l.st.Furniture.MarkingSize
		col := l.st.color(l.st.Colors.Marking)
		m := l.fit(l.fm.marking, sansBold, ms, l.right-l.left)
		w := l.m.width(l.c, sansBold, ms, m)
		x := (l.pageW - w) / 2
		l.c.artifact(artMark)
		l.c.write(x, l.st.Page.MarkingY, sansBold, ms, col, m)
		l.c.write(x, l.pageH-l.st.Page.MarkingY+ms*0.35*ptMM, sansBold, ms, col, m)
		l.c.endArtifact()
	}
	section := l.header
	total := 0
	if l.prev != nil {
		section = l.prev.pageHeader[l.page]
		total = l.prev.pages
	}
	half := (l.right - l.left - 6) / 2
	y := l.st.Page.HeaderY
	l.c.artifact(artHeader)
	l.c.write(l.left, y, sans, size, l.grey, l.fit(l.d.title, sans, size, half))
	if section != "" {
		s := l.fit(section, sans, size, half)
		l.c.write(l.right-l.m.width(l.c, sans, size, s), y, sans, size, l.grey, s)
	}
	l.c.rule(l.left, y+1.8, l.right, y+1.8, 0.15, l.hair)
	l.c.endArtifact()

	foot := l.fm.lb.PageOf(l.page, total)
	fy := l.pageH - l.st.Page.FooterY
	l.c.artifact(artFooter)
	l.c.write(l.right-l.m.width(l.c, sans, size, foot), fy, sans, size, l.grey, foot)
	l.c.endArtifact()
}

// fitMinAdvance is the narrowest advance, in em, that fit assumes for a
// rune when it bounds how many runes it reads: the narrowest visible glyphs
// of the embedded faces are several times wider, so only a run of
// zero-width characters is cut by the bound rather than by its width.
const fitMinAdvance = 0.02

// fit shortens s with an ellipsis until it is at most w mm wide: it returns
// s when s fits, else the longest rune prefix of s that fits with "…"
// after it (or "…" alone). Widths add up rune by rune, so one pass with a
// running sum finds the prefix, and the pass stops at the first rune that
// passes w: the cost grows with what fits in w, not with the length of s.
// Runs of zero-width runes are bounded too: past w/(fitMinAdvance em)
// runes s counts as too long.
func (l *layout) fit(s string, f face, size, w float64) string {
	if s == "" {
		return ""
	}
	ell := l.m.runeWidth(l.c, f, '…')
	limit := 2
	if size > 0 && w > 0 {
		limit = int(min(w/(size*ptMM*fitMinAdvance), 1<<20)) + 2
	}
	cut := -1 // byte length of the longest prefix that fits with "…"
	sum, n := 0.0, 0
	for i, r := range s {
		if (sum+ell)*size <= w {
			cut = i
		}
		n++
		sum += l.m.runeWidth(l.c, f, r)
		if sum*size > w || n > limit {
			if cut <= 0 {
				return "…"
			}
			return s[:cut] + "…"
		}
	}
	return s
}
