package pdf

import (
	"math"
	"slices"
	"unicode/utf8"
)

// Total-fit line breaking (Knuth and Plass, "Breaking paragraphs into
// lines", 1981) over the word model of lines.go: words are boxes, the
// space after a word is glue that stretches by half and shrinks by a third
// of its width, and the breaks inside a word (breakopp.go) are penalties.
// The breaker chooses the breaks of the whole paragraph that minimise the
// sum of the lines' demerits.

// Parameters, named after TeX's.
const (
	kpLinePenalty     = 10    // \linepenalty
	kpDoubleHyphen    = 10000 // \doublehyphendemerits
	kpFinalHyphen     = 5000  // \finalhyphendemerits
	kpAdjDemerits     = 10000 // \adjdemerits
	kpStretch         = 1.0 / 2
	kpShrink          = 1.0 / 3
	kpInfBad          = 10000
	kpForced          = -10000
	maxJustifyStretch = 4 // drawLine stretches a gap to at most 1+4·½ = 3 spaces
)

// kpTolerances are the successive passes: TeX's \tolerance, a looser one,
// and a last one that accepts any line (and overfull ones if it must).
var kpTolerances = []float64{200, 2000, math.Inf(1)}

// bp is a place where a line may end, with the sums of widths, stretch and
// shrink from the paragraph's start to it (before) and past the space
// dropped at a break there (after).
type bp struct {
	w, y, z    float64
	wa, ya, za float64
	pw         float64 // width added when breaking here (a hyphen)
	pen        float64
	flag       bool // the line ends with a hyphen
	hyphen     bool // draw a hyphen
	fill       bool // the line ends the paragraph or a hard break: not justified
	word, at   int  // the break is in ws[word] before byte at (at = len: after it)
}

// kpNode is an active or chosen break.
type kpNode struct {
	b     int // index into the breakpoints
	line  int // lines before this break
	fit   int // fitness class of the line ending here
	hy    int // consecutive lines ending with a hyphen, up to here
	total float64
	prev  *kpNode
}

// kpWindow is the most words broken at once: a longer paragraph is broken
// in overlapping windows (all lines of a window but its last three are
// kept), so that time and memory stay linear however long it is.
const kpWindow = 2000

// breakTotal breaks ws, from byte at of word k on, into lines of width mm
// with total fit. When noFlag ≥ 0, line noFlag (0-based) must not end
// with a hyphen: the paginator asks this when that line ends a page.
func (l *layout) breakTotal(ws []word, width float64, k, at, noFlag int) []line {
	return l.breakSpan(ws, width, k, at, len(ws), noFlag, 0)
}

// breakSpan breaks ws[k:end] from byte at of ws[k]. When end < len(ws)
// the span's last line is justified (it is not the paragraph's last). hy0
// is the number of hyphenated lines just before the span.
func (l *layout) breakSpan(ws []word, width float64, k, at, end, noFlag, hy0 int) []line {
	var out []line
	shift := func() int {
		if noFlag < len(out) {
			return -1
		}
		return noFlag - len(out)
	}
	for end-k > kpWindow {
		part := l.breakOnce(ws[:k+kpWindow], width, k, at, true, shift(), hy0)
		keep := len(part) - 3
		if keep < 1 {
			break
		}
		out = append(out, part[:keep]...)
		hy0 = trailingFlags(out)
		k, at = part[keep].from, part[keep].fromAt
	}
	return append(out, l.breakOnce(ws[:end], width, k, at, end < len(ws), shift(), hy0)...)
}

// trailingFlags counts the hyphenated lines at the end of ls, up to the
// most allowed in a row.
func trailingFlags(ls []line) int {
	n := 0
	for i := len(ls) - 1; i >= 0 && ls[i].flag && n < maxHyphenRun; i-- {
		n++
	}
	return n
}

// breakOnce breaks ws from byte at of ws[k] to its end in one run of the
// breaker; open marks an end that is not the paragraph's.
func (l *layout) breakOnce(ws []word, width float64, k, at int, open bool, noFlag, hy0 int) []line {
	if k >= len(ws) {
		return nil
	}
	key, cacheable := breakKeyOf(ws, width, k, at, open, noFlag, hy0)
	if cacheable {
		if ends, ok := l.m.breaks.get(key); ok {
			if ends == nil {
				return nil
			}
			return l.buildLines(ws, ends, k, at, open)
		}
	}
	bps := l.breakpoints(ws, width, k, at, open)
	var best *kpNode
	for _, tol := range kpTolerances {
		if best = kpRun(bps, width, tol, noFlag, hy0); best != nil {
			break
		}
	}
	var ends []lineEnd
	if best != nil {
		ends = lineEnds(bps, best)
	}
	if cacheable {
		l.m.breaks.put(key, ends)
	}
	if ends == nil {
		return nil
	}
	return l.buildLines(ws, ends, k, at, open)
}

// lineEnd is a chosen break, all that buildLines needs of it.
type lineEnd struct {
	word, at           int32   // the break is in ws[word] before byte at
	dy                 float64 // stretch (the bp's y) from the line's start to its end
	fill, hyphen, flag bool    // as in bp
}

// lineEnds returns the breaks chosen up to best, first line first.
func lineEnds(bps []bp, best *kpNode) []lineEnd {
	n := 0
	for b := best; b.prev != nil; b = b.prev {
		n++
	}
	out := make([]lineEnd, n)
	for b := best; b.prev != nil; b = b.prev {
		n--
		e, start := &bps[b.b], &bps[b.prev.b]
		out[n] = lineEnd{word: int32(e.word), at: int32(e.at), dy: e.y - start.ya,
			fill: e.fill, hyphen: e.hyphen, flag: e.flag}
	}
	return out
}

// rebreakAt breaks lines again from line i so that line i+noFlag does not
// end with a hyphen, and returns all the paragraph's lines; nil when that
// cannot be done. Only a window is broken again: up to the first line
// ending between words at least three lines after line i+noFlag.
func (l *layout) rebreakAt(ws []word, width float64, lines []line, i, noFlag int) []line {
	j := i + noFlag + 3
	for j < len(lines)-1 && (lines[j].cont || lines[j].last) {
		j++
	}
	end := len(ws)
	var tail []line
	if j < len(lines)-1 {
		end, tail = lines[j+1].from, lines[j+1:]
	}
	mid := l.breakSpan(ws, width, lines[i].from, lines[i].fromAt, end, noFlag, trailingFlags(lines[:i]))
	if len(mid) <= noFlag || mid[noFlag].flag {
		return nil
	}
	if len(tail) > 0 && tail[0].flag && trailingFlags(mid)+trailingFlags(tail[:1]) > maxHyphenRun {
		return nil
	}
	return append(append(lines[:i:i], mid...), tail...)
}

// breakpoints lists the places a line may end, from byte at of ws[k].
func (l *layout) breakpoints(ws []word, width float64, k, at int, open bool) []bp {
	bps := make([]bp, 1, 2*(len(ws)-k)+1)
	bps[0] = bp{word: k, at: at} // the start
	var w, y, z float64
	var cuts []int
	one := make([]float64, 1)
	for i := k; i < len(ws); i++ {
		wd := ws[i]
		from := 0
		if i == k {
			from = at
		}
		ops := l.opportunities(wd)
		cuts = cuts[:0]
		for _, o := range ops {
			if o.at > from {
				cuts = append(cuts, o.at)
			}
		}
		text, _ := wordText(wd)
		cuts = append(cuts, len(text))
		widths := one
		if len(cuts) == 1 && from == 0 {
			one[0] = wd.w
		} else {
			widths = l.pieceWidths(wd, from, cuts)
		}
		pos, oi := from, 0
		for j, c := range cuts {
			pw := widths[j]
			if pw > width {
				// A piece wider than a line may be cut anywhere.
				for _, rc := range l.runeCuts(wd, pos, c) {
					w += rc.w
					bps = append(bps, bp{w: w, y: y, z: z, wa: w, ya: y, za: z, pen: penCut, word: i, at: rc.at})
					pw -= rc.w
				}
			}
			w += pw
			pos = c
			if j == len(cuts)-1 {
				break
			}
			for oi < len(ops) && ops[oi].at < c {
				oi++
			}
			o := ops[oi]
			b := bp{w: w, y: y, z: z, wa: w, ya: y, za: z, pen: o.pen, flag: o.flag, hyphen: o.hyphen, word: i, at: c}
			if o.hyphen {
				f := lastFragAt(wd, c)
				b.pw = l.m.width(l.c, f.r.face, f.r.size, "-")
			}
			bps = append(bps, b)
			if o.pen == penIdeo && !o.flag {
				// Between ideographs the breaker may leave a line a
				// quarter em short (it is set unstretched).
				f := lastFragAt(wd, c)
				y += f.r.size * ptMM / 4
			}
		}
		end := len(text)
		switch {
		case i == len(ws)-1 || wd.brk:
			fill := wd.brk || !open
			bps = append(bps, bp{w: w, y: y, z: z, wa: w, ya: y, za: z, pen: kpForced, fill: fill, word: i, at: end})
		case wd.space > 0:
			b := bp{w: w, y: y, z: z, word: i, at: end}
			w += wd.space
			y += wd.space * kpStretch
			z += wd.space * kpShrink
			b.wa, b.ya, b.za = w, y, z
			bps = append(bps, b)
		}
	}
	return bps
}

// pieceWidths measures the word's text between from and each cut.
func (l *layout) pieceWidths(w word, from int, cuts []int) []float64 {
	out := make([]float64, len(cuts))
	if from == 0 && len(cuts) == 1 {
		out[0] = w.w
		return out
	}
	off, j := 0, 0
	for _, f := range w.frags {
		for i, r := range f.text {
			p := off + i
			for j < len(cuts)-1 && p >= cuts[j] {
				j++
			}
			if p >= from {
				out[j] += l.m.runeWidth(l.c, f.r.face, r) * f.r.size
			}
		}
		off += len(f.text)
	}
	return out
}

// runeCut is a cut between two characters and the width before it since
// the previous cut.
type runeCut struct {
	at int
	w  float64
}

// runeCuts lists a cut after every character of the word's text in
// [from, to) except the last.
func (l *layout) runeCuts(w word, from, to int) []runeCut {
	var out []runeCut
	off := 0
	acc := 0.0
	for _, f := range w.frags {
		for i, r := range f.text {
			p := off + i
			if p < from || p >= to {
				continue
			}
			acc += l.m.runeWidth(l.c, f.r.face, r) * f.r.size
			if e := p + utf8.RuneLen(r); e < to {
				out = append(out, runeCut{at: e, w: acc})
				acc = 0
			}
		}
		off += len(f.text)
	}
	return out
}

// kpRun finds the best breaks with the given tolerance; nil when no
// breaks fit it. An infinite tolerance always succeeds.
func kpRun(bps []bp, width, tol float64, noFlag, hy0 int) *kpNode {
	emergency := math.IsInf(tol, 1)
	active := []*kpNode{{b: 0, hy: hy0}}
	type key struct{ fit, hy, line int }
	for b := 1; b < len(bps); b++ {
		cur := &bps[b]
		var keys []key // in the order first found, for determinism
		var nodes []*kpNode
		var lastDropped *kpNode
		kept := active[:0]
		for _, a := range active {
			st := &bps[a.b]
			nat := cur.w - st.wa + cur.pw
			var r float64
			switch {
			case nat < width && cur.fill:
				r = 0
			case nat < width:
				if s := cur.y - st.ya; s > 0 {
					r = (width - nat) / s
				} else {
					r = math.Inf(1)
				}
			case nat > width:
				if s := cur.z - st.za; s > 0 {
					r = (width - nat) / s
				} else {
					r = math.Inf(-1)
				}
			}
			if r < -1 || cur.pen == kpForced {
				lastDropped = a
			} else {
				kept = append(kept, a)
			}
			if r < -1 {
				continue
			}
			bad, cost := kpInfBad, 0.0
			if !math.IsInf(r, 1) {
				cost = 100 * math.Abs(r*r*r)
				bad = min(kpInfBad, int(cost+0.5))
			}
			if float64(bad) > tol {
				continue
			}
			if bad >= kpInfBad {
				// Past "infinitely bad" (emergency pass only) the lines
				// still differ: prefer the one less short.
				cost = min(cost, 1e12)
				if math.IsInf(r, 1) {
					cost = 1e12 * (1 + (width-nat)/width)
				}
			} else {
				cost = float64(bad)
			}
			if n := newNode(a, cur, b, r, cost, noFlag); n != nil {
				k := key{n.fit, n.hy, lineClass(n.line, noFlag)}
				if i := slices.Index(keys, k); i < 0 {
					keys, nodes = append(keys, k), append(nodes, n)
				} else if n.total < nodes[i].total {
					nodes[i] = n
				}
			}
		}
		active = kept
		if len(keys) == 0 && len(active) == 0 && emergency && lastDropped != nil {
			// Nothing fits: end an overfull line here.
			n := newNode(lastDropped, cur, b, -1, 3e12, -1)
			nodes = append(nodes, n)
		}
		active = append(active, nodes...)
		if len(active) == 0 {
			return nil
		}
		if b == len(bps)-1 {
			var out *kpNode
			for _, n := range active {
				if n.b == b && (out == nil || n.total < out.total) {
					out = n
				}
			}
			return out
		}
	}
	return nil
}

// lineClass tells nodes apart by line number only up to the line that
// must not end with a hyphen.
func lineClass(line, noFlag int) int {
	if noFlag < 0 || line > noFlag+1 {
		return -1
	}
	return line
}

// newNode is the break at bps[b] after a, or nil when a rule forbids it.
func newNode(a *kpNode, cur *bp, b int, r, bad float64, noFlag int) *kpNode {
	if cur.flag && (a.hy >= maxHyphenRun || a.line == noFlag) {
		return nil
	}
	fit := 1
	switch {
	case r < -0.5:
		fit = 0
	case r > 1:
		fit = 3
	case r > 0.5:
		fit = 2
	}
	d := kpLinePenalty + bad
	d *= d
	switch {
	case cur.pen >= 0:
		d += cur.pen * cur.pen
	case cur.pen > kpForced:
		d -= cur.pen * cur.pen
	}
	hy := 0
	if cur.flag {
		hy = a.hy + 1
		if a.hy > 0 {
			d += kpDoubleHyphen
		}
	}
	if cur.fill && a.hy > 0 && cur.pen == kpForced {
		d += kpFinalHyphen
	}
	if a.b > 0 && (fit-a.fit > 1 || a.fit-fit > 1) {
		d += kpAdjDemerits
	}
	return &kpNode{b: b, line: a.line + 1, fit: fit, hy: hy, total: a.total + d, prev: a}
}

// buildLines cuts the words at the chosen breaks.
func (l *layout) buildLines(ws []word, ends []lineEnd, k, at int, open bool) []line {
	out := make([]line, 0, len(ends))
	rest := ws[k] // what is left of the word being cut
	restFrom := 0 // byte offset of rest in ws[restWord]
	restWord := k
	if at > 0 {
		_, rest = l.cutWord(ws[k], at)
		restFrom = at
	}
	take := func(i int) word { // the rest of word i
		if i == restWord {
			return rest
		}
		restWord, restFrom, rest = i, 0, ws[i]
		return rest
	}
	sw, sat := k, at
	for c := range ends {
		e := &ends[c]
		ew, eat := int(e.word), int(e.at)
		ln := line{from: sw, fromAt: sat, last: e.fill}
		for i := sw; i <= ew; i++ {
			wd := take(i)
			text, _ := wordText(ws[i])
			if i == ew && eat < len(text) {
				head, tail := l.cutWord(wd, eat-restFrom)
				if e.hyphen && len(head.frags) > 0 {
					r := head.frags[len(head.frags)-1].r
					hw := l.m.width(l.c, r.face, r.size, "-")
					head.frags = append(head.frags, frag{r: r, text: "-", w: hw, extra: true})
					head.w += hw
				}
				rest, restFrom = tail, eat
				wd = head
				ln.cont = true
			}
			if len(ln.words) > 0 {
				ln.w += ln.words[len(ln.words)-1].space
			}
			ln.words = append(ln.words, wd)
			ln.w += wd.w
		}
		ln.flag = e.flag
		// Stretch between ideographs, which drawLine leaves unset.
		spaces := 0.0
		for _, w := range ln.words[:len(ln.words)-1] {
			spaces += w.space
		}
		ln.inner = max(0, e.dy-spaces*kpStretch)
		out = append(out, ln)
		if ln.cont {
			sw, sat = ew, eat
		} else {
			sw, sat = ew+1, 0
		}
	}
	if n := len(out); n > 0 && !open {
		out[n-1].last = true
	}
	return out
}
