package pdf

import (
	"math"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/render"
)

// Where the contents go in the front matter: below the key points on the
// summary page, on a page of their own right after the summary, or after
// the key facts. The order is that of growing contents; a later layout
// pass never moves them to an earlier place, so the choice converges.
const (
	contentsOnSummary = iota
	contentsBeforeFacts
	contentsAfterFacts
)

// frontMatter sets the cover, the summary, the contents and the key facts,
// and leaves the body to start on a new page. The contents share the
// summary page when they fit below the key points, take a page of their
// own before the key facts when they fit on one page, and otherwise follow
// the key facts.
func (l *layout) frontMatter() {
	if !l.in.Options.Omit.Cover { // else page 1 opens with titleBlock (omit.go)
		l.cover = true
		l.part = "cover"
		l.newPage()
		sect := l.c.tag("Sect")
		l.coverPage()
		l.c.end(sect)
	}
	after := "cover" // the part the contents follow
	if len(l.fm.summary) > 0 {
		l.part = "summary"
		l.newPage()
		l.summaryPage()
		after = "summary"
	}
	place := contentsAfterFacts
	has := l.hasContents()
	if has {
		place = l.contentsPlace()
		l.rec.contentsPlace = place
		switch place {
		case contentsOnSummary:
			l.gap(l.contentsGap())
			l.part = "contents" // the page itself stays "summary"
			l.contentsPage()
			l.rec.contentsAfter = after
		case contentsBeforeFacts:
			l.part = "contents"
			l.newPage()
			l.contentsPage()
			l.rec.contentsAfter = after
		}
	}
	if len(l.fm.tiles) > 0 || len(l.fm.facts) > 0 {
		l.part = "facts"
		l.newPage()
		l.factsPage()
		after = "facts"
	}
	if has && place == contentsAfterFacts {
		l.part = "contents"
		l.newPage()
		l.contentsPage()
		l.rec.contentsAfter = after
	}
}

// contentsPlace decides where the contents go, from the space left on the
// current page (the summary's last page) and the height of the contents.
// It never returns a place before the previous pass's, so that the passes
// converge even when the summary's page references change its height.
func (l *layout) contentsPlace() int {
	h := l.contentsHeight()
	place := contentsAfterFacts
	switch {
	case len(l.fm.summary) > 0 && l.y+l.contentsGap()+h <= l.bottom+1e-6:
		place = contentsOnSummary
	case h <= l.pageBottom-l.top+1e-6:
		place = contentsBeforeFacts
	}
	if l.prev != nil {
		place = max(place, l.prev.contentsPlace)
	}
	return place
}

// contentsGap is the space above the contents heading when the contents
// share the summary page: that of a level-1 heading in the body, and twice
// it, so the heading reads as the start of a new part.
func (l *layout) contentsGap() float64 {
	return 2 * l.st.heading(1).SpaceBefore * ptMM
}

// frontHeading sets the heading of a front-matter page and its outline
// entry.
func (l *layout) frontHeading(id, title string) {
	size := l.st.Front.HeadingSize
	lead := size * 1.3 * ptMM
	h := l.c.tag(headingRole(l.startSection(id, title, 0)))
	l.c.write(l.left, l.y+baseline(size, lead), sansBold, size, l.accent, title)
	l.c.end(h)
	l.y += lead + 4*ptMM
}

// subHeading sets a small heading kept with need mm of what follows.
func (l *layout) subHeading(title string, need float64) {
	size := 11.0
	lead := size * 1.35 * ptMM
	l.gap(8 * ptMM)
	l.ensure(lead + need)
	h := l.c.tag("H2")
	l.c.write(l.left, l.y+baseline(size, lead), sansBold, size, l.accent, title)
	l.c.end(h)
	l.y += lead + 2*ptMM
}

// Bounds of the cover: the subtitle and each metadata line take at most
// this many lines, the last ending in an ellipsis when text is cut. The
// title takes what is left of the page above the rule.
const (
	coverSubtitleLines = 6
	coverMetaLines     = 3
)

// coverPage sets page 1: marking band, label, balanced title, subtitle,
// accent rule, metadata block. Every text is bounded: only as much of it
// as can be seen is measured and set.
func (l *layout) coverPage() {
	st := l.st
	w := l.right - l.left
	l.y = l.top + 40
	label := l.c.tag("P")
	l.letterSpaced(l.left, l.y, sansBold, 10, l.accent, l.fm.label)
	l.c.end(label)
	l.y += 8

	// Title: up to three balanced lines, shrinking the size if needed; at
	// the smallest size, as many lines as the page holds above l.bottom-40.
	size, lead := st.Cover.TitleSize, st.Cover.TitleLeading
	var lines []line
	for {
		var runs []run
		for _, p := range l.fm.coverTitle {
			runs = append(runs, run{text: p.text, face: p.face, size: size, color: l.text})
		}
		// Lines drawn: until one ends below l.bottom-40 (at least one).
		room := max(1, int((l.bottom-40-l.y)/(lead*ptMM))+1)
		runs, cut := l.capRuns(runs, w, room)
		if cut {
			lines = l.breakLines(l.words(runs), w)
		} else {
			lines = l.balanced(runs, w)
		}
		lines = l.clampBroken(lines, w, room)
		if len(lines) <= 3 || size <= 18 {
			break
		}
		lead *= (size - 2) / size
		size -= 2
	}
	title := l.c.tag("H1")
	for _, ln := range lines {
		l.drawLine(ln, l.left, l.y+baseline(size, lead*ptMM), w, lead*ptMM, false)
		l.y += lead * ptMM
		if l.y > l.bottom-40 {
			break
		}
	}
	l.c.end(title)
	if l.fm.subtitle != nil {
		l.y += 3
		sl := st.Cover.SubtitleSize * 1.35 * ptMM
		p := l.c.tag("P")
		for _, ln := range l.coverLines(l.fm.subtitle, w, coverSubtitleLines) {
			l.drawLine(ln, l.left, l.y+baseline(st.Cover.SubtitleSize, sl), w, sl, false)
			l.y += sl
		}
		l.c.end(p)
	}
	l.y += 8
	l.layoutRule(l.left, l.y, l.left+40, l.y, 0.8, l.accent)
	l.y += 8
	ml := st.Cover.MetaSize * 1.5 * ptMM
	for _, rs := range l.fm.coverMeta {
		p := l.c.tag("P")
		for _, ln := range l.coverLines(rs, w, coverMetaLines) {
			if l.y+ml > l.pageH {
				l.c.end(p)
				return
			}
			l.drawLine(ln, l.left, l.y+baseline(st.Cover.MetaSize, ml), w, ml, false)
			l.y += ml
		}
		l.c.end(p)
	}
}

// coverLines breaks runs into at most n lines of width w (hyphenated like
// the body), the last ending in an ellipsis when text is cut; only the
// text that can reach those lines is measured.
func (l *layout) coverLines(runs []run, w float64, n int) []line {
	runs, _ = l.capRuns(runs, w, n)
	return l.clampBroken(l.breakLines(l.words(runs), w), w, n)
}

// capRuns returns the start of runs that n lines of width w can show: it
// cuts the text once its running width passes n+2 line widths, as the
// words past that point cannot be set on the first n lines nor change how
// those lines break (a line holds at most w of text; the two spare lines
// cover the spaces dropped at breaks and the word that does not fit).
// cut reports whether text was dropped. The cost grows with the text
// kept, not with the text given.
func (l *layout) capRuns(runs []run, w float64, n int) (out []run, cut bool) {
	budget := float64(n+2) * w
	total := 0.0
	for i, r := range runs {
		if r.brk {
			// A hard break ends a line: count a whole one.
			total += w
			if total > budget {
				return runs[:i], true
			}
			continue
		}
		for j, c := range r.text {
			total += l.m.runeWidth(l.c, r.face, c) * r.size
			if total > budget {
				kept := append([]run(nil), runs[:i]...)
				if j > 0 {
					part := r
					part.text = r.text[:j]
					kept = append(kept, part)
				}
				return kept, true
			}
		}
	}
	return runs, false
}

// letterSpaced sets a short uppercase label spaced out by the width of a
// hair space between letters, with the PDF's character spacing (Tc)
// rather than space characters: the text read from the file is the word
// itself.
func (l *layout) letterSpaced(x, y float64, f face, size float64, col rgb, s string) {
	if l.c.dry() {
		return
	}
	gap := l.m.width(l.c, f, size, "\u200A") / ptMM // pt
	l.c.mark()
	l.c.RawWriteStr(strconv.FormatFloat(gap, 'f', 2, 64) + " Tc")
	l.c.write(x, y, f, size, col, s)
	l.c.RawWriteStr("0 Tc")
}

// balanced breaks runs into the fewest lines that fit width, then narrows
// the measure as far as the line count allows, so the lines come out even.
func (l *layout) balanced(runs []run, width float64) []line {
	ws := l.words(runs)
	best := l.breakLines(ws, width)
	n := len(best)
	if n < 2 {
		return best
	}
	lo, hi := width/2, width
	for i := 0; i < 12; i++ {
		mid := (lo + hi) / 2
		if ls := l.breakLines(ws, mid); len(ls) == n {
			best, hi = ls, mid
		} else {
			lo = mid
		}
	}
	return best
}

// pageOf returns the page of an anchor from the previous pass, 0 if unknown.
func (l *layout) pageOf(id string) int {
	if l.prev == nil {
		return 0
	}
	return l.prev.anchorPage[id]
}

// pageLabel prints a page number from the previous pass; the first pass
// uses a stand-in of similar width.
func (l *layout) pageLabel(id string) string {
	if p := l.pageOf(id); p > 0 {
		return strconv.Itoa(p)
	}
	return "00"
}

// summaryPage sets "Summary" with the key points in a shaded box, each
// point ending in a link "¶N · p. M" to its paragraph.
func (l *layout) summaryPage() {
	st := l.st
	sect := l.c.tag("Sect")
	defer l.c.end(sect)
	l.frontHeading("summary", l.fm.lb.Summary)
	tint := st.color(st.Colors.Tint)
	pad := 5.0
	f := frame{x: l.left + pad + 5, w: l.right - l.left - 2*pad - 5, size: st.Front.BulletSize,
		lead: st.Front.BulletLeading * ptMM}
	band := func(h float64) { l.layoutFill(l.left, l.y, l.right-l.left, h, tint) }

	title := 11.0
	tl := title * 1.4 * ptMM
	band(pad + tl)
	l.y += pad
	h := l.c.tag("H2")
	l.c.write(l.left+pad, l.y+baseline(title, tl), sansBold, title, l.accent, l.fm.lb.KeyPoints)
	l.c.end(h)
	l.y += tl
	list := l.c.tag("L")
	if list != nil {
		list.attrs = "/O /List /ListNumbering /Disc"
	}
	defer l.c.end(list)
	for i, it := range l.fm.summary {
		runs := append([]run(nil), it.runs...)
		if it.para != "" {
			ref := "¶" + strconv.Itoa(l.fm.paraNum[it.para]) + "\u00A0·\u00A0" + l.fm.lb.PageRef(l.pageLabel(it.para))
			runs = append(runs, run{text: "\u00A0", face: serif, size: f.size}, // tied: never alone on a line
				run{text: ref, face: sans, size: st.Front.RefSize, color: l.grey, dest: it.para})
		}
		lines := l.breakTotal(l.words(runs), f.w, 0, 0, -1) // justified: broken as a whole
		gap := 2.5 * ptMM
		if i > 0 {
			band(gap)
			l.y += gap
		}
		l.pendMarker = []run{{text: "•", face: serif, size: f.size, color: l.accent}}
		l.pendMarkX = f.x - 2
		li := l.c.tag("LI")
		l.pendLbl = l.c.tag("Lbl")
		l.c.end(l.pendLbl)
		body := l.c.tag("LBody")
		p := l.c.tag("P")
		for _, ln := range lines {
			if l.y+f.lead > l.bottom-pad {
				l.newPage()
			}
			band(f.lead)
			base := l.y + baseline(f.size, f.lead)
			l.lineStart(l.y, base, f.lead)
			l.drawLine(ln, f.x, base, f.w, f.lead, true)
			l.y += f.lead
		}
		l.c.end(p)
		l.c.end(body)
		l.c.end(li)
	}
	band(pad)
	l.y += pad
}

// factsPage sets "Key facts": figure tiles four to a row under "Figures",
// then the timeline, people, organisation, place and quotation tables, as
// the EPUB's key facts.
func (l *layout) factsPage() {
	st := l.st
	sect := l.c.tag("Sect")
	defer l.c.end(sect)
	l.frontHeading("key-facts", l.fm.lb.KeyFacts)
	if n := len(l.fm.tiles); n > 0 {
		per := st.Front.TilesPerRow
		gapX := 4.0
		tw := (l.right - l.left - float64(per-1)*gapX) / float64(per)
		vs, ls := st.Front.TileValueSize, st.Front.TileLabelSize
		vl, ll := vs*1.25*ptMM, ls*1.3*ptMM
		th := 2 + vl + 2*ll + 3
		l.subHeading(l.fm.lb.Figures, th)
		for i := 0; i < n; i += per {
			if i > 0 {
				l.y += 5
			}
			l.ensure(th)
			for j := i; j < min(i+per, n); j++ {
				t := l.fm.tiles[j]
				x := l.left + float64(j-i)*(tw+gapX)
				// A tile is a Figure with its value and label as
				// alternative text, inside the Link to its paragraph.
				alt := runsText(t.value) + " " + runsText(t.label)
				var lk *tagNode
				id, linked := 0, false
				if t.para != "" {
					id, linked = l.link(t.para)
				}
				if linked {
					lk = l.c.tag("Link")
				}
				fig := l.c.tag("Figure")
				if fig != nil {
					fig.alt = alt
				}
				l.c.rule(x, l.y, x+tw, l.y, 0.6, l.accent)
				y := l.y + 2
				// A number is never cut: a value wider than its tile is set
				// smaller until it fits on its one line.
				if lns := l.breakLines(l.words(l.shrinkToFit(t.value, tw)), tw); len(lns) > 0 {
					l.drawLine(lns[0], x, y+baseline(vs, vl), tw, vl, false)
				}
				y += vl
				for _, ln := range l.clampLines(t.label, tw, 2) {
					l.drawLine(ln, x, y+baseline(ls, ll), tw, ll, false)
					y += ll
				}
				l.c.end(fig)
				if linked {
					l.c.link(x, l.y, tw, th, id, alt)
				}
				l.c.end(lk)
			}
			l.y += th
		}
	}
	f := frame{x: l.left, w: l.right - l.left, size: st.Table.Size, lead: st.Table.Leading * ptMM}
	for _, t := range l.fm.facts {
		row := st.Table.Leading*ptMM + 2*st.Table.Padding
		if t.kind == render.TableTimeline && len(l.fm.events) > 0 {
			p := l.planTimeline(l.fm.events)
			l.subHeading(t.title, p.h+2)
			fig := l.c.tag("Figure")
			if fig != nil {
				fig.alt = l.timelineAlt(t)
			}
			l.drawTimeline(p)
			l.c.end(fig)
			l.gap(2)
		} else {
			l.subHeading(t.title, 2*row+1)
		}
		l.grid(nil, t.align, t.header, t.rows, f, t.kind)
	}
}

// hasContents reports whether the body has titled sections to list.
func (l *layout) hasContents() bool {
	var any func(ss []*section) bool
	any = func(ss []*section) bool {
		for _, s := range ss {
			if s.title != nil || any(s.subs) {
				return true
			}
		}
		return false
	}
	return any(l.d.sections)
}

// contentsRow is one row of the contents: a heading and its title broken
// into lines that leave room for the dot leaders and the page number.
type contentsRow struct {
	id     string
	title  string
	level  int
	indent float64 // mm
	width  float64 // mm, of the title column
	lines  []line
}

// contentsRows returns the rows of the contents: the titled sections in
// document order, then "Notes" when footnotes are collected at the end.
func (l *layout) contentsRows() []contentsRow {
	st := l.st
	size := st.Front.ContentsSize
	numW := l.m.width(l.c, sans, size, "0000")
	var rows []contentsRow
	add := func(id, title string, level int) {
		indent := float64(level-1) * 8
		face := sans
		if level == 1 {
			face = sansBold
		}
		tw := l.right - l.left - indent - numW - 8
		lines := l.breakLines(l.words(l.textRuns(title, face, size, l.text)), tw)
		rows = append(rows, contentsRow{id: id, title: title, level: level, indent: indent, width: tw, lines: lines})
	}
	var walk func(ss []*section)
	walk = func(ss []*section) {
		for _, s := range ss {
			if s.title != nil && s.plain != "" {
				add(s.id, s.plain, s.level)
			}
			walk(s.subs)
		}
	}
	walk(l.d.sections)
	if len(l.d.notes) > 0 && (l.prev == nil || l.prev.anchorPage["notes"] > 0) {
		add("notes", l.fm.lb.Notes, 1)
	}
	return rows
}

// contentsHeight is the height in mm of the contents set in one piece:
// heading and rows.
func (l *layout) contentsHeight() float64 {
	size := l.st.Front.HeadingSize
	h := size*1.3*ptMM + 4*ptMM
	lead := l.st.Front.ContentsLeading * ptMM
	for _, r := range l.contentsRows() {
		h += float64(len(r.lines)) * lead
	}
	return h
}

// contentsPage lists the titled sections with dot leaders and the pages of
// their headings; every row links to its heading. It starts at the current
// position, which need not be the top of a page.
func (l *layout) contentsPage() {
	st := l.st
	sect := l.c.tag("Sect")
	defer l.c.end(sect)
	l.frontHeading("contents", l.fm.lb.Contents)
	size := st.Front.ContentsSize
	lead := st.Front.ContentsLeading * ptMM
	toc := l.c.tag("TOC")
	defer l.c.end(toc)
	for _, r := range l.contentsRows() {
		h := float64(len(r.lines)) * lead
		l.ensure(h)
		top := l.y
		// TOCI > Link: the title and page number are the link's text;
		// the dot leaders are an artifact.
		item := l.c.tag("TOCI")
		lid, linked := l.link(r.id)
		var lk *tagNode
		if linked {
			lk = l.c.tag("Link")
		} else {
			lk = l.c.tag("P")
		}
		for _, ln := range r.lines {
			l.drawLine(ln, l.left+r.indent, l.y+baseline(size, lead), r.width, lead, false)
			l.y += lead
		}
		base := l.y - lead + baseline(size, lead)
		last := 0.0
		if len(r.lines) > 0 {
			last = r.lines[len(r.lines)-1].w
		}
		num := l.pageLabel(r.id)
		nw := l.m.width(l.c, sans, size, num)
		dot := l.m.width(l.c, sans, size, " .")
		from, to := l.left+r.indent+last+2, l.right-nw-2
		if n := int((to - from) / dot); n > 0 {
			l.c.artifact(artLayout)
			l.c.write(to-float64(n)*dot, base, sans, size, l.grey, strings.Repeat(" .", n))
			l.c.endArtifact()
		}
		l.c.write(l.right-nw, base, sans, size, l.text, num)
		if linked {
			l.c.link(l.left, top, l.right-l.left, h, lid, r.title+" "+num)
		}
		l.c.end(lk)
		l.c.end(item)
	}
}

// clampLines breaks runs into at most n lines of width w, ending the last
// with an ellipsis when text had to be cut. Labels are never hyphenated.
func (l *layout) clampLines(runs []run, w float64, n int) []line {
	hy := l.hy
	l.hy = nil
	runs, _ = l.capRuns(runs, w, n)
	lines := l.breakLines(l.words(runs), w)
	l.hy = hy
	return l.clampBroken(lines, w, n)
}

// clampBroken keeps the first n of lines (set in width w), ending the
// last with an ellipsis when lines were dropped.
func (l *layout) clampBroken(lines []line, w float64, n int) []line {
	if len(lines) <= n {
		return lines
	}
	// Drop words from the end of line n until it has room for "…".
	last := lines[n-1]
	for len(last.words) > 0 {
		ws := last.words[len(last.words)-1]
		r := *ws.frags[len(ws.frags)-1].r
		r.text, r.url, r.dest = "…", "", ""
		ell := l.m.width(l.c, r.face, r.size, r.text)
		if last.w+ell <= w || len(last.words) == 1 {
			ws.frags = append(append([]frag(nil), ws.frags...), frag{r: &r, text: r.text, w: ell})
			ws.w += ell
			last.words = append(append([]word(nil), last.words[:len(last.words)-1]...), ws)
			last.w += ell
			break
		}
		last.words = last.words[:len(last.words)-1]
		last.w = 0
		for i, x := range last.words {
			last.w += x.w
			if i < len(last.words)-1 {
				last.w += x.space
			}
		}
	}
	out := append([]line(nil), lines[:n-1]...)
	return append(out, last)
}

// minShrink is the smallest share of its size a tile value is set at.
const minShrink = 0.3

// shrinkToFit returns runs set small enough for their words to fit on one
// line of width w, at no less than minShrink of their size; runs that fit
// come back as they are.
func (l *layout) shrinkToFit(runs []run, w float64) []run {
	width := 0.0
	for _, wd := range l.words(runs) {
		width += wd.w + wd.space
	}
	if width <= w || width == 0 {
		return runs
	}
	f := math.Max(minShrink, 0.98*w/width)
	out := make([]run, len(runs))
	for i, r := range runs {
		r.size *= f
		out[i] = r
	}
	return out
}
