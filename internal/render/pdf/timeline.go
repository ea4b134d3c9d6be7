package pdf

import (
	"sort"
	"strconv"
	"strings"
)

// tlEvent is a dated event of the timeline graphic.
type tlEvent struct {
	t     float64 // fractional year
	date  []run   // sans bold, accent
	label []run   // sans, grey
	para  string  // paragraph ID, "" when unknown
}

// parseYear turns "YYYY", "YYYY-MM" or "YYYY-MM-DD" into a fractional year.
func parseYear(d string) (float64, bool) {
	parts := strings.Split(strings.TrimSpace(d), "-")
	if len(parts) == 0 || len(parts) > 3 || len(parts[0]) != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(parts[0])
	if err != nil {
		return 0, false
	}
	t := float64(y)
	if len(parts) > 1 {
		m, err := strconv.Atoi(parts[1])
		if err != nil || m < 1 || m > 12 {
			return 0, false
		}
		t += float64(m-1) / 12
	}
	if len(parts) > 2 {
		day, err := strconv.Atoi(parts[2])
		if err != nil || day < 1 || day > 31 {
			return 0, false
		}
		t += float64(day-1) / 365
	}
	return t, true
}

// Sizes of the timeline graphic.
const (
	tlSize      = 7.5  // pt, labels
	tlLabelMax  = 40.0 // mm, widest label
	tlLabelGap  = 2.5  // mm between labels on one level
	tlLevelGap  = 1.5  // mm between levels
	tlAxisSpace = 4.0  // mm between the axis and the nearest labels
	tlMaxLevels = 3    // levels per side
	tlMaxEvents = 16   // marks drawn; the table below lists every event
)

// tlBox is a placed label.
type tlBox struct {
	ev        *tlEvent
	x, w      float64 // left edge and width, mm
	tick      float64 // x of the tick
	above     bool
	level     int
	date, lab []line
}

// timelinePositions maps the dates of evs (sorted) to [0, 1]. Gaps much
// longer than the typical gap are shortened; their indexes are returned
// so the axis can mark them.
func timelinePositions(ts []float64) (pos []float64, compressed []int) {
	n := len(ts)
	pos = make([]float64, n)
	if n < 2 {
		for i := range pos {
			pos[i] = 0.5
		}
		return pos, nil
	}
	var gaps []float64
	for i := 0; i+1 < n; i++ {
		if g := ts[i+1] - ts[i]; g > 0 {
			gaps = append(gaps, g)
		}
	}
	if len(gaps) == 0 {
		for i := range pos {
			pos[i] = 0.5
		}
		return pos, nil
	}
	sorted := append([]float64(nil), gaps...)
	sort.Float64s(sorted)
	typical := max(sorted[(len(sorted)-1)/2], 0.5)
	limit := 4 * typical
	shown := make([]float64, n-1)
	total := 0.0
	for i := 0; i+1 < n; i++ {
		g := ts[i+1] - ts[i]
		if g > limit && g > 3 {
			g = 2 * typical
			compressed = append(compressed, i)
		}
		shown[i] = g
		total += g
	}
	x := 0.0
	for i := range pos {
		pos[i] = x / total
		if i < n-1 {
			x += shown[i]
		}
	}
	return pos, compressed
}

// tlPlan is a laid-out timeline graphic.
type tlPlan struct {
	boxes      []*tlBox
	pos        []float64
	compressed []int
	x0, x1     float64
	levels     [2]int // levels above and below
	h          float64
}

// mergeEvents joins events of the same date: one mark, the first label
// and "+N" for the others.
func (l *layout) mergeEvents(evs []tlEvent) []tlEvent {
	var out []tlEvent
	for i := 0; i < len(evs); {
		j := i + 1
		for j < len(evs) && evs[j].t == evs[i].t {
			j++
		}
		ev := evs[i]
		if j-i > 1 {
			ev.date = append(append([]run(nil), ev.date...), run{text: " +" + strconv.Itoa(j-i-1),
				face: sans, size: tlSize, color: l.grey, extra: true})
		}
		out = append(out, ev)
		i = j
	}
	return out
}

// planTimeline places the marks and labels of the timeline graphic: dated
// marks on a horizontal line, labels alternating above and below and moved
// to further levels where they would collide, long gaps compressed and
// marked with a break. The front matter keeps the graphic on one page.
func (l *layout) planTimeline(evs []tlEvent) *tlPlan {
	evs = l.mergeEvents(evs)
	if len(evs) > tlMaxEvents {
		evs = evs[:tlMaxEvents]
	}
	ts := make([]float64, len(evs))
	for i := range evs {
		ts[i] = evs[i].t
	}
	pos, compressed := timelinePositions(ts)
	lead := tlSize * 1.25 * ptMM
	inset := 14.0
	x0, x1 := l.left+inset, l.right-inset

	// Place labels.
	var boxes []*tlBox
	ends := [2][]float64{} // right edge of the last box on each level, above and below
	for i := range evs {
		ev := &evs[i]
		b := &tlBox{ev: ev, tick: x0 + pos[i]*(x1-x0), above: i%2 == 0}
		b.date = l.clampLines(ev.date, tlLabelMax, 1)
		b.lab = l.clampLines(ev.label, tlLabelMax, 2)
		for _, ln := range append(append([]line(nil), b.date...), b.lab...) {
			b.w = max(b.w, ln.w)
		}
		b.x = min(max(b.tick-b.w/2, l.left), l.right-b.w)
		side := 1
		if b.above {
			side = 0
		}
		// The lowest free level on the preferred side, else on the other.
		placed := false
		for _, s := range []int{side, 1 - side} {
			for lv := 0; lv < tlMaxLevels && !placed; lv++ {
				if lv == len(ends[s]) {
					ends[s] = append(ends[s], -1e9)
				}
				if ends[s][lv]+tlLabelGap <= b.x {
					b.level, b.above, placed = lv, s == 0, true
					ends[s][lv] = b.x + b.w
				}
			}
			if placed {
				break
			}
		}
		if !placed { // every level is taken here: a mark without a label
			b.level = -1
		}
		boxes = append(boxes, b)
	}
	levelH := lead*3 + tlLevelGap
	h := float64(len(ends[0]))*levelH + 2*tlAxisSpace + float64(len(ends[1]))*levelH
	return &tlPlan{boxes: boxes, pos: pos, compressed: compressed, x0: x0, x1: x1,
		levels: [2]int{len(ends[0]), len(ends[1])}, h: h}
}

// drawTimeline draws a planned graphic at the current position.
func (l *layout) drawTimeline(p *tlPlan) {
	lead := tlSize * 1.25 * ptMM
	boxH := lead * 3
	levelH := boxH + tlLevelGap
	boxes, pos, compressed, x0, x1, h := p.boxes, p.pos, p.compressed, p.x0, p.x1, p.h
	axis := l.y + float64(p.levels[0])*levelH + tlAxisSpace

	// Axis, compressed gaps, ticks.
	l.c.rule(l.left, axis, l.right, axis, 0.5, l.accent)
	for _, i := range compressed {
		mid := x0 + (pos[i]+pos[i+1])/2*(x1-x0)
		l.c.fill(mid-1.3, axis-1, 2.6, 2, rgb{255, 255, 255})
		for _, dx := range []float64{-1.3, 0.5} {
			l.c.rule(mid+dx, axis+1.5, mid+dx+0.8, axis-1.5, 0.3, l.accent)
		}
	}
	for _, b := range boxes {
		l.c.circle(b.tick, axis, 0.9, l.accent)
		if b.level < 0 {
			continue
		}
		// Connector from the tick to its label.
		var ly, cy float64
		if b.above {
			ly = axis - tlAxisSpace - float64(b.level)*levelH - boxH
			cy = ly + boxH
		} else {
			ly = axis + tlAxisSpace + float64(b.level)*levelH
			cy = ly
		}
		l.c.rule(b.tick, axis, b.tick, cy, 0.15, l.hair)
		y := ly
		if b.above {
			// Labels above sit on their connector: push text to the bottom.
			y += boxH - float64(len(b.date)+len(b.lab))*lead
		}
		top := y
		// An event with a paragraph is a Link inside the Figure.
		id, linked := 0, false
		if b.ev.para != "" {
			id, linked = l.link(b.ev.para)
		}
		var lk *tagNode
		if linked {
			lk = l.c.tag("Link")
		}
		for _, ln := range b.date {
			l.drawLine(ln, b.x+(b.w-ln.w)/2, y+baseline(tlSize, lead), b.w, lead, false)
			y += lead
		}
		for _, ln := range b.lab {
			l.drawLine(ln, b.x+(b.w-ln.w)/2, y+baseline(tlSize, lead), b.w, lead, false)
			y += lead
		}
		if linked {
			l.c.link(b.x, top, b.w, y-top, id, runsText(b.ev.date)+" "+runsText(b.ev.label))
		}
		l.c.end(lk)
	}
	l.y += h + 2
}
