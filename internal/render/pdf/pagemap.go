package pdf

import (
	"unicode"

	"github.com/briefbook/briefbook/internal/render"
)

// wordCount counts the document words drawn of the current body block,
// exactly as document.CountWords counts them over document.BlockText: a
// word is a maximal run of letters, digits and marks. Text the renderer
// adds (hyphens at breaks, shown addresses, footnote marks, caption
// numbers, repeated table headers) is not fed to it.
type wordCount struct {
	on   bool // inside a body block
	mute bool // drawing text that is not the block's (a repeated table header)
	n    int  // words begun so far
	in   bool // the last rune fed was part of a word
}

func (c *wordCount) feed(s string) {
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if w && !c.in {
			c.n++
		}
		c.in = w
	}
}

// done returns the number of words completed before the current point: a
// word that goes on (the line before ended inside it) is not counted.
func (c *wordCount) done() int {
	if c.in {
		return c.n - 1
	}
	return c.n
}

// countLine feeds the document text of a drawn line to the counter.
func (l *layout) countLine(ln line) {
	if !l.wc.on || l.wc.mute {
		return
	}
	for i, w := range ln.words {
		for _, f := range w.frags {
			if !f.extra && !f.r.extra {
				l.wc.feed(f.text)
			}
		}
		if i < len(ln.words)-1 || !ln.cont {
			l.wc.in = false
		}
	}
}

// markStart records where the current page begins, if it is not recorded
// yet: at the heading of section id (block -1) or in the current block.
func (l *layout) markStart(section string, block int) {
	if !l.needStart {
		return
	}
	l.needStart = false
	ps := render.PageStart{Page: l.page, Part: l.part, Section: section, Block: block}
	if block >= 0 && l.wc.on {
		ps.Word = l.wc.done()
	}
	l.rec.starts[l.page] = ps
}

// pageMap completes the recorded page starts: a page on which nothing
// began (only the rest of a figure, or footnotes) starts where the page
// before it ends.
func (r *record) pageMap() *render.PageMap {
	pm := &render.PageMap{Pages: r.pages, ContentsAfter: r.contentsAfter}
	prev := render.PageStart{Part: "cover", Block: 0}
	for p := 1; p <= r.pages; p++ {
		ps, ok := r.starts[p]
		if !ok {
			ps = prev
			ps.Page = p
		}
		pm.Starts = append(pm.Starts, ps)
		prev = ps
	}
	return pm
}
