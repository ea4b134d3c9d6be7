package pdf

import "strconv"

// Footnotes are set at the bottom of the page that calls them, under a
// short rule, in the footnote size. Room is reserved while the lines that
// call them are placed: a line goes to the next page when it and its notes
// do not fit. Notes called from places that are not running text (table
// cells, headings) and notes never called are set at the end under "Notes".

// noteRuleSpace is the room above the first note of a page: space, a short
// rule, space (mm).
const noteRuleSpace = 4.5

// noteLines returns the lines of a footnote at the footnote size, laid out
// once per pass.
func (l *layout) noteLines(n *footnote) []line {
	if ls, ok := l.noteCache[n.id]; ok {
		return ls
	}
	var runs []run
	var add func(bs []*block)
	add = func(bs []*block) {
		for _, b := range bs {
			if len(runs) > 0 {
				runs = append(runs, run{text: " ", face: serif, size: l.st.Footnote.Size, color: l.text})
			}
			switch b.kind {
			case bPara:
				runs = append(runs, b.runs...)
			case bCode:
				for _, c := range b.code {
					runs = append(runs, c...)
					runs = append(runs, run{brk: true, face: mono, size: l.st.Footnote.Size})
				}
			case bQuote:
				add(b.kids)
			case bList:
				for _, it := range b.list.items {
					add(it)
				}
			}
		}
	}
	add(n.blocks)
	f := l.noteFrame()
	ls := l.breakTotal(l.words(runs), f.w, 0, 0, -1) // justified: broken as a whole
	if len(ls) == 0 {
		ls = []line{{last: true}}
	}
	l.noteCache[n.id] = ls
	return ls
}

func (l *layout) noteFrame() frame {
	return frame{x: l.left + 5, w: l.right - l.left - 5, size: l.st.Footnote.Size,
		lead: l.st.Footnote.Leading * ptMM, justify: true}
}

// noteHeight is the height of footnote n on the page, with its gap.
func (l *layout) noteHeight(n *footnote) float64 {
	return float64(len(l.noteLines(n)))*l.noteFrame().lead + 0.8
}

// lineNotes returns the footnotes called in ln that are not yet set.
func (l *layout) lineNotes(ln line, seen map[string]bool) []*footnote {
	var out []*footnote
	for _, w := range ln.words {
		for _, f := range w.frags {
			if !f.r.super || f.r.dest == "" {
				continue
			}
			n := l.d.noteByID[f.r.dest]
			if n == nil || l.notePlaced[n.id] || seen[n.id] {
				continue
			}
			seen[n.id] = true
			out = append(out, n)
		}
	}
	return out
}

// notesRoom returns the extra height the notes of ln need on this page,
// counting the rule when they are the first of the page.
func (l *layout) notesRoom(ns []*footnote, first bool) float64 {
	h := 0.0
	for _, n := range ns {
		h += l.noteHeight(n)
	}
	if h > 0 && first {
		h += noteRuleSpace
	}
	return h
}

// takeNotes reserves room on the current page for ns.
func (l *layout) takeNotes(ns []*footnote) {
	if len(ns) == 0 {
		return
	}
	l.bottom -= l.notesRoom(ns, len(l.pageNotes) == 0)
	for _, n := range ns {
		l.notePlaced[n.id] = true
		l.pageNotes = append(l.pageNotes, n)
	}
}

// drawPageNotes sets the notes reserved on the current page in the room
// left for them at its bottom.
func (l *layout) drawPageNotes() {
	if len(l.pageNotes) == 0 {
		return
	}
	saved, bars := l.wc, l.bars
	l.wc.on, l.bars = false, nil
	f := l.noteFrame()
	y := l.bottom + noteRuleSpace
	l.layoutRule(l.left, y-noteRuleSpace/2, l.left+30, y-noteRuleSpace/2, 0.2, l.hair)
	// Each note is a Note element (with its ID) in the element being set
	// when its page ends: the paragraph that calls it, or one near it.
	art := l.c.suspendArtifacts()
	back := l.c.enter(l.c.noteParent())
	for _, n := range l.pageNotes {
		note := l.c.tag("Note")
		if note != nil {
			note.id = n.id
		}
		var p *tagNode
		for i, ln := range l.noteLines(n) {
			base := y + baseline(f.size, f.lead)
			if i == 0 {
				l.anchor(n.id, y)
				s := strconv.Itoa(n.number)
				w := l.m.width(l.c, sans, f.size, s)
				lbl := l.c.tag("Lbl")
				l.c.write(f.x-1.5-w, base, sans, f.size, l.accent, s)
				l.c.end(lbl)
				p = l.c.tag("P")
			}
			l.drawLine(ln, f.x, base, f.w, f.lead, f.justify)
			y += f.lead
		}
		l.c.end(p)
		l.c.end(note)
		y += 0.8
	}
	l.c.leave(back)
	l.c.resumeArtifacts(art)
	l.pageNotes = nil
	l.wc, l.bars = saved, bars
}
