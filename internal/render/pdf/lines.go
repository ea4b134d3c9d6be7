package pdf

import (
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// frag is part of a word in one run's look.
type frag struct {
	r     *run
	text  string
	w     float64 // mm
	extra bool    // added by layout (a hyphen at a break): not document text
}

// word is an unbreakable sequence of fragments; space is the width of the
// space that follows it (0 at a hard break or the end).
type word struct {
	frags []frag
	w     float64
	space float64
	brk   bool // a hard line break follows
}

// line is one set line: its words and their natural width with spaces.
type line struct {
	words []word
	w     float64
	last  bool // ends the paragraph or a hard break: not justified
	cont  bool // ends inside a word (hyphenated or cut): the word goes on
	flag  bool // ends with a hyphen (drawn, or the word's own)
	// from and fromAt are where the line starts: byte fromAt of word from
	// of the paragraph's words (set by breakTotal).
	from, fromAt int
	// inner is the stretch total fit counted between ideographs: the
	// spaces stretch as much as the breaker judged, and the line may end
	// that much short.
	inner float64
}

// words splits runs at spaces into words, measuring them.
func (l *layout) words(runs []run) []word {
	var out []word
	var cur word
	finish := func(space float64) {
		if len(cur.frags) > 0 {
			cur.space = space
			out = append(out, cur)
		} else if len(out) > 0 && out[len(out)-1].space == 0 && !out[len(out)-1].brk {
			out[len(out)-1].space = space
		}
		cur = word{}
	}
	for i := range runs {
		r := &runs[i]
		if r.brk {
			finish(0)
			if len(out) > 0 {
				out[len(out)-1].brk = true
				out[len(out)-1].space = 0
			}
			continue
		}
		s := r.text
		if r.pageOf != "" {
			s = l.pageLabel(r.pageOf)
		}
		for len(s) > 0 {
			j := 0
			for j < len(s) && s[j] != ' ' {
				j++
			}
			if j > 0 {
				t := s[:j]
				w := l.m.width(l.c, r.face, r.size, t)
				cur.frags = append(cur.frags, frag{r: r, text: t, w: w})
				cur.w += w
			}
			if j < len(s) { // a space
				finish(l.m.width(l.c, r.face, r.size, " "))
				j++
			}
			s = s[j:]
		}
	}
	finish(0)
	if n := len(out); n > 0 {
		out[n-1].space = 0
	}
	return out
}

// breakLines fills lines of the given width greedily. Words wider than a
// line are cut between characters.
func (l *layout) breakLines(ws []word, width float64) []line {
	var out []line
	var cur line
	var pendingSpace float64
	hyphRun := 0 // consecutive lines ending with a hyphen
	// emit ends the current line; cont marks a line that ends inside a word.
	emit := func(cont bool) {
		cur.cont = cur.cont || cont
		out = append(out, cur)
		cur, pendingSpace = line{}, 0
	}
	// add puts w on the current line after the pending space.
	add := func(w word) {
		if len(cur.words) > 0 {
			cur.w += pendingSpace
		}
		cur.words = append(cur.words, w)
		cur.w += w.w
		pendingSpace = w.space
	}
	// addWide cuts a word wider than a line between characters; its first
	// piece joins the current line when it fits there.
	addWide := func(w word) {
		parts := l.splitWord(w, width)
		for k, pw := range parts {
			if len(cur.words) > 0 && cur.w+pendingSpace+pw.w > width {
				emit(false)
			}
			add(pw)
			if k < len(parts)-1 {
				emit(true)
			}
		}
	}
	for _, w := range ws {
		for {
			if cur.w+pendingSpace+w.w <= width+1e-6 || len(cur.words) == 0 && w.w <= width+1e-6 {
				add(w)
				break
			}
			room := width
			if len(cur.words) > 0 {
				room = width - cur.w - pendingSpace
			}
			head, tail, flag, ok := l.hyphenate(w, room, hyphRun >= maxHyphenRun)
			if ok {
				if len(cur.words) > 0 {
					cur.w += pendingSpace
				}
				cur.w += head.w
				cur.words = append(cur.words, head)
				cur.flag = flag
				emit(true)
				if flag {
					hyphRun++
				} else {
					hyphRun = 0
				}
				w = tail
				continue
			}
			if len(cur.words) > 0 {
				emit(false)
				hyphRun = 0
				continue
			}
			// Alone on a line, with no break that fits: cut it.
			addWide(w)
			break
		}
		if w.brk {
			cur.last = true
			emit(false)
		}
	}
	if len(cur.words) > 0 {
		out = append(out, cur)
	}
	if n := len(out); n > 0 {
		out[n-1].last = true
	}
	return out
}

// splitWord cuts a word wider than width into pieces that fit.
func (l *layout) splitWord(w word, width float64) []word {
	var out []word
	var cur word
	for _, f := range w.frags {
		s := f.text
		for len(s) > 0 {
			r, n := utf8.DecodeRuneInString(s)
			rw := l.m.runeWidth(l.c, f.r.face, r) * f.r.size
			if cur.w+rw > width && len(cur.frags) > 0 {
				out = append(out, cur)
				cur = word{}
			}
			if k := len(cur.frags); k > 0 && cur.frags[k-1].r == f.r {
				cur.frags[k-1].text += s[:n]
				cur.frags[k-1].w += rw
			} else {
				cur.frags = append(cur.frags, frag{r: f.r, text: s[:n], w: rw})
			}
			cur.w += rw
			s = s[n:]
		}
	}
	if len(cur.frags) > 0 {
		cur.space, cur.brk = w.space, w.brk
		out = append(out, cur)
	}
	return out
}

// drawLine sets ln at x with its baseline at y. When justify is set and the
// line is not the last of its paragraph, spaces stretch to fill width.
func (l *layout) drawLine(ln line, x, y, width, lead float64, justify bool) {
	ratio, shrink := 0.0, false // of each gap's stretch (½ space) or shrink (⅓ space)
	if justify && !ln.last && len(ln.words) > 1 {
		gaps := 0.0
		for _, w := range ln.words[:len(ln.words)-1] {
			gaps += w.space
		}
		if diff := width - ln.w; gaps > 0 && diff > 0 {
			ratio = min(diff/(gaps*kpStretch+ln.inner), maxJustifyStretch)
		} else if gaps > 0 && diff < 0 {
			ratio, shrink = max(diff/(gaps*kpShrink), -1), true
		}
	}
	top := y - lead*0.72
	for i, w := range ln.words {
		fx := x
		for j, f := range w.frags {
			if j == len(w.frags)-1 && (i < len(ln.words)-1 || !ln.cont) && l.c.t != nil {
				// A space after each word, and at the end of a line
				// that does not end inside a word, so that text taken
				// from the structure (which knows no positions) keeps
				// its spaces. It is drawn where nothing follows it on
				// the line, or under the gap, and so is never seen.
				f.text += " "
			}
			by := y
			if f.r.super {
				by -= f.r.size / 0.62 * 0.33 * ptMM
			}
			by -= f.r.rise * ptMM
			if annotate := l.annotation(f, fx, top, lead); annotate != nil {
				back := l.c.enter(l.linkTag(f.r))
				l.c.write(fx, by, f.r.face, f.r.size, f.r.color, f.text)
				annotate()
				l.c.leave(back)
			} else {
				l.c.write(fx, by, f.r.face, f.r.size, f.r.color, f.text)
			}
			fx += f.w
		}
		x += w.w
		if i < len(ln.words)-1 {
			if shrink {
				x += w.space * (1 + ratio*kpShrink)
			} else {
				x += w.space * (1 + ratio*kpStretch)
			}
		}
	}
	l.countLine(ln)
}

// annotation returns what adds the link annotation of fragment f drawn at
// fx (its line's top and leading), nil when f links nowhere. The last
// guard: whatever the model holds, only an allowed scheme becomes a /URI
// action.
func (l *layout) annotation(f frag, fx, top, lead float64) func() {
	switch {
	case f.r.url != "":
		if u, kind := document.CheckLink(f.r.url); kind == document.LinkExternal {
			return func() { l.c.linkURL(fx, top, f.w, lead, u, f.r.text) }
		}
	case f.r.dest != "":
		if id, ok := l.link(f.r.dest); ok {
			return func() { l.c.link(fx, top, f.w, lead, id, f.r.text) }
		}
	}
	return nil
}

// linkTag returns the Link element of link run r: the one its earlier
// words opened when it is still a child of the current element, else a
// new one. A link broken across lines or pages stays one element.
func (l *layout) linkTag(r *run) *tagNode {
	if l.c.t == nil {
		return nil
	}
	if l.lk.r == r && l.lk.n != nil && l.lk.n.parent == l.c.t.cur {
		return l.lk.n
	}
	n := l.c.tag("Link")
	l.c.end(n)
	l.lk.r, l.lk.n = r, n
	return n
}
