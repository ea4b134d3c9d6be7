package pdf

import "github.com/briefbook/briefbook/internal/render"

// Leaving front-matter parts out (render.Omit: --no-cover, --no-summary,
// --no-facts, --brief). The prepared summary and key facts are dropped
// before layout, so the front-matter layout, which leaves out empty parts,
// sets no page for them; without the cover, page 1 opens with titleBlock.

// omitFront drops the prepared parts that o leaves out. The PDF metadata
// (title, subject, keywords) is kept: it describes the document, not its
// pages.
func omitFront(fm *front, o render.Omit) {
	if o.Summary {
		fm.summary = nil
	}
	if o.Facts {
		fm.tiles, fm.events, fm.facts = nil, nil, nil
	}
}

// Bounds of the title block: lines of the title, of the subtitle and of
// the metadata line.
const (
	titleBlockTitleLines    = 3
	titleBlockSubtitleLines = 2
	titleBlockMetaLines     = 2
)

// titleBlock sets the title, subtitle and metadata (date, author, source,
// length) at the top of page 1 when the cover is left out, so that a memo
// of one page still says what it is. It is smaller than the cover and
// takes no bookmark; the running header above it names the title too.
func (l *layout) titleBlock() {
	st := l.st
	w := l.right - l.left
	size := st.Front.HeadingSize + 4
	lead := size * 1.2 * ptMM
	var runs []run
	for _, p := range l.fm.coverTitle {
		runs = append(runs, run{text: p.text, face: p.face, size: size, color: l.text})
	}
	// The title block is real content, whatever element the page that
	// it opens was started in: it goes to the Document, before it.
	art := l.c.suspendArtifacts()
	defer l.c.resumeArtifacts(art)
	back := l.c.enter(l.c.root())
	defer l.c.leave(back)
	h := l.c.tag("H1")
	for _, ln := range l.clampLines(runs, w, titleBlockTitleLines) {
		l.drawLine(ln, l.left, l.y+baseline(size, lead), w, lead, false)
		l.y += lead
	}
	l.c.end(h)
	if l.fm.subtitle != nil {
		sl := st.Cover.SubtitleSize * 1.3 * ptMM
		l.y += 1
		p := l.c.tag("P")
		for _, ln := range l.clampLines(l.fm.subtitle, w, titleBlockSubtitleLines) {
			l.drawLine(ln, l.left, l.y+baseline(st.Cover.SubtitleSize, sl), w, sl, false)
			l.y += sl
		}
		l.c.end(p)
	}
	var meta []run
	for i, rs := range l.fm.coverMeta {
		if i > 0 {
			meta = append(meta, run{text: " · ", face: sans, size: st.Cover.MetaSize, color: l.grey})
		}
		meta = append(meta, rs...)
	}
	if len(meta) > 0 {
		ml := st.Cover.MetaSize * 1.4 * ptMM
		l.y += 2
		p := l.c.tag("P")
		for _, ln := range l.clampLines(meta, w, titleBlockMetaLines) {
			l.drawLine(ln, l.left, l.y+baseline(st.Cover.MetaSize, ml), w, ml, false)
			l.y += ml
		}
		l.c.end(p)
	}
	l.y += 3
	l.layoutRule(l.left, l.y, l.left+40, l.y, 0.8, l.accent)
	l.y += 8
}
