package pdf

import (
	"strconv"
)

// sections sets ss and their subsections.
func (l *layout) sections(ss []*section) {
	for _, s := range ss {
		l.curSection, l.curBlock = s.id, -1
		sect := l.c.tag("Sect")
		if s.title != nil {
			l.heading(s)
		} else {
			l.ensure(0)
			l.rec.sectionPage[s.id] = l.page
			l.anchor(s.id, l.y)
		}
		f := l.bodyFrame()
		space := l.st.Body.ParagraphSpace * ptMM
		for i, b := range s.blocks {
			if i > 0 {
				l.gap(space)
			}
			l.curSection, l.curBlock = s.id, b.index
			l.wc = wordCount{on: true}
			l.block(b, f)
			l.wc = wordCount{}
		}
		l.sections(s.subs)
		l.c.end(sect)
	}
}

// heading sets a section heading, kept on a page with what follows it.
func (l *layout) heading(s *section) {
	hs := l.st.heading(s.level)
	lead := hs.Leading * ptMM
	f := frame{x: l.left, w: l.right - l.left, size: hs.Size, lead: lead}
	lines := l.breakLines(l.words(s.title), f.w)
	h := float64(len(lines))*lead + hs.SpaceAfter*ptMM + l.minNext(s)
	if l.page == 0 {
		l.newPage()
	}
	if !l.atTop() {
		before := hs.SpaceBefore * ptMM
		if l.y+before+h > l.bottom {
			l.newPage()
		} else {
			l.y += before
		}
	}
	if s.id != "" {
		l.rec.sectionPage[s.id] = l.page
	}
	l.markStart(s.id, -1)
	ht := l.c.tag(headingRole(l.startSection(s.id, s.plain, s.level-1)))
	for _, ln := range lines {
		l.drawLine(ln, f.x, l.y+baseline(f.size, lead), f.w, lead, false)
		l.y += lead
	}
	l.c.end(ht)
	l.y += hs.SpaceAfter * ptMM
}

// startSection records a heading at the current position: page map,
// link target, outline entry and running header. It returns the outline
// level used (0 for the top), which the heading's tag follows.
func (l *layout) startSection(id, title string, level int) int {
	l.anchor(id, l.y)
	if level > l.outline+1 {
		level = l.outline + 1
	}
	if level < 0 {
		level = 0
	}
	l.outline = level
	l.c.setFont(sans, l.st.Body.Size) // Bookmark needs a UTF-8 font
	l.c.Bookmark(title, level, l.y)
	l.header = title
	if !l.headSet {
		l.rec.pageHeader[l.page] = title
		l.headSet = true
	}
	return level
}

// minNext is the height that must follow a heading on its page: two lines
// of the first block, or the next heading and its two lines.
func (l *layout) minNext(s *section) float64 {
	body := l.st.Body.Leading * ptMM
	if len(s.blocks) > 0 {
		b := s.blocks[0]
		switch b.kind {
		case bTable:
			t := l.st.Table.Leading*ptMM + 2*l.st.Table.Padding
			return 3 * t
		case bCode:
			return 2*l.st.Code.Leading*ptMM + 2*l.st.Code.Padding
		case bRule:
			return body
		case bPicture:
			return l.pictureHeight(b.pic, l.bodyFrame())
		}
		return 2 * body
	}
	if len(s.subs) > 0 && s.subs[0].title != nil {
		hs := l.st.heading(s.subs[0].level)
		return (hs.SpaceBefore+hs.Leading+hs.SpaceAfter)*ptMM + 2*body
	}
	return 0
}

// blocks sets bs in frame f with paragraph spacing between them.
func (l *layout) blocks(bs []*block, f frame) {
	space := l.st.Body.ParagraphSpace * ptMM * f.size / l.st.Body.Size
	for i, b := range bs {
		if i > 0 {
			l.gap(space)
		}
		l.block(b, f)
	}
}

func (l *layout) block(b *block, f frame) {
	if b.ref.ID != "" {
		l.pendRef = b.ref
	}
	switch b.kind {
	case bPara:
		p := l.c.tag("P")
		l.paragraph(b.runs, f)
		l.c.end(p)
	case bList:
		l.list(b, f)
	case bQuote:
		q := l.c.tag("BlockQuote")
		l.quote(b, f)
		l.c.end(q)
	case bTable:
		l.table(b.table, f)
	case bCode:
		p := l.c.tag("P")
		c := l.c.tag("Code")
		l.code(b.code, f)
		l.c.end(c)
		l.c.end(p)
	case bRule:
		l.c.artifact(artLayout)
		l.hrule(f)
		l.c.endArtifact()
	case bPicture:
		l.picture(b.pic, f)
	}
	l.flushPending()
}

// flushPending consumes first-line marks of a block that drew no line.
func (l *layout) flushPending() {
	if l.pendRef.ID == "" && l.pendAnchor == "" && l.pendMarker == nil {
		return
	}
	l.ensure(0)
	l.pendMarker = nil
	l.lineStart(l.y, l.y, 0)
}

func (l *layout) list(b *block, f frame) {
	ls := b.list
	n := ls.start
	if n <= 0 {
		n = 1
	}
	indent := l.st.List.Indent
	inner := f
	inner.x += indent
	inner.w -= indent
	if inner.w < 20 {
		inner.x, inner.w = f.x, f.w
	}
	list := l.c.tag("L")
	if list != nil {
		list.attrs = "/O /List /ListNumbering /Disc"
		if ls.ordered {
			list.attrs = "/O /List /ListNumbering /Decimal"
		}
	}
	defer l.c.end(list)
	for i, item := range ls.items {
		if i > 0 {
			l.gap(l.st.Body.ParagraphSpace * ptMM / 2)
		}
		li := l.c.tag("LI")
		l.pendLbl = l.c.tag("Lbl")
		l.c.end(l.pendLbl)
		body := l.c.tag("LBody")
		marker := "•"
		if ls.ordered {
			marker = strconv.Itoa(n+i) + "."
		}
		face := sans
		if !ls.ordered {
			face = serif
		}
		l.pendMarker = []run{{text: marker, face: face, size: f.size, color: l.accent}}
		if i < len(ls.tasks) && ls.tasks[i] != nil {
			l.pendMarker = ls.tasks[i]
		}
		l.pendMarkX = inner.x - l.st.List.MarkerGap
		if len(item) == 0 {
			l.paragraph(nil, inner)
		}
		l.blocks(item, inner)
		l.flushPending()
		l.c.end(body)
		l.c.end(li)
	}
}

func (l *layout) quote(b *block, f frame) {
	inner := f
	inner.x += l.st.Quote.Indent
	inner.w -= l.st.Quote.Indent
	if inner.w < 20 {
		inner = f
	}
	l.bars = append(l.bars, inner.x-l.st.Quote.RuleGap)
	l.blocks(b.kids, inner)
	l.bars = l.bars[:len(l.bars)-1]
}

// code sets preformatted lines in mono on a shaded band, cutting lines
// that are too wide.
func (l *layout) code(src [][]run, f frame) {
	pad := l.st.Code.Padding
	cf := frame{x: f.x + pad, w: f.w - 2*pad, size: l.st.Code.Size, lead: l.st.Code.Leading * ptMM}
	var lines []line
	for _, rs := range src {
		var w word
		for i := range rs {
			r := &rs[i]
			fw := l.m.width(l.c, r.face, r.size, r.text)
			w.frags = append(w.frags, frag{r: r, text: r.text, w: fw})
			w.w += fw
		}
		if w.w > cf.w {
			for _, p := range l.splitWord(w, cf.w) {
				lines = append(lines, line{words: []word{p}, w: p.w, last: true})
			}
		} else {
			lines = append(lines, line{words: []word{w}, w: w.w, last: true})
		}
	}
	bg := l.st.color(l.st.Colors.CodeBackground)
	l.ensure(2*cf.lead + 2*pad)
	l.layoutFill(f.x, l.y, f.w, pad, bg)
	l.y += pad
	n := len(lines)
	for i := 0; i < n; i++ {
		if l.y+cf.lead > l.bottom {
			l.newPage()
		}
		l.layoutFill(f.x, l.y, f.w, cf.lead, bg)
		base := l.y + baseline(cf.size, cf.lead)
		l.lineStart(l.y, base, cf.lead)
		l.drawLine(lines[i], cf.x, base, cf.w, cf.lead, false)
		l.y += cf.lead
	}
	if l.y+pad <= l.bottom {
		l.layoutFill(f.x, l.y, f.w, pad, bg)
		l.y += pad
	}
}

// hrule sets a thematic break: a short centred hairline.
func (l *layout) hrule(f frame) {
	h := f.lead
	l.ensure(h)
	l.lineStart(l.y, l.y+h/2, h)
	w := f.w / 3
	l.c.rule(f.x+(f.w-w)/2, l.y+h/2, f.x+(f.w+w)/2, l.y+h/2, 0.3, l.hair)
	l.y += h
}

// notes sets the footnotes at the end of the document under "Notes" (in
// the document's language).
func (l *layout) notes() {
	var left []*footnote
	for _, n := range l.d.notes {
		if !l.notePlaced[n.id] {
			left = append(left, n)
		}
	}
	if len(left) == 0 {
		return
	}
	l.curSection, l.curBlock = "", 0
	hs := l.st.heading(1)
	title := &section{id: "", plain: l.fm.lb.Notes, level: 1,
		title: []run{{text: l.fm.lb.Notes, face: sansBold, size: hs.Size, color: l.accent}}}
	if len(left[0].blocks) > 0 {
		title.blocks = left[0].blocks[:1]
	}
	sect := l.c.tag("Sect")
	defer l.c.end(sect)
	l.heading(title)
	l.anchor("notes", l.y-hs.SpaceAfter*ptMM-hs.Leading*ptMM)
	size := l.st.Footnote.Size
	f := frame{x: l.left + 6, w: l.right - l.left - 6, size: size, lead: l.st.Footnote.Leading * ptMM, justify: true}
	for i, n := range left {
		l.notePlaced[n.id] = true
		if i > 0 {
			l.gap(l.st.Body.ParagraphSpace * ptMM / 2)
		}
		note := l.c.tag("Note")
		if note != nil {
			note.id = n.id
		}
		l.pendAnchor = n.id
		l.pendMarker = []run{{text: strconv.Itoa(n.number) + ".", face: sans, size: size, color: l.accent}}
		l.pendMarkX = f.x - 1.5
		l.pendLbl = l.c.tag("Lbl")
		l.c.end(l.pendLbl)
		if len(n.blocks) == 0 {
			p := l.c.tag("P")
			l.paragraph(nil, f)
			l.c.end(p)
		}
		l.blocks(n.blocks, f)
		l.flushPending()
		l.c.end(note)
	}
}
