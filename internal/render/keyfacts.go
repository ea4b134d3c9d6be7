package render

import (
	"sort"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// FactLimits bound what the Key facts part of a briefing shows, so that a
// book-length source gets a few pages of facts, not hundreds. The JSON
// export always carries every fact.
type FactLimits struct {
	Tiles, Timeline, People, Places, Organizations, Quotations int
	// Refs is the number of ¶ references shown in one row.
	Refs int
}

// DefaultFactLimits are the limits both editions use.
var DefaultFactLimits = FactLimits{Tiles: 8, Timeline: 30, People: 25, Places: 25, Organizations: 25, Quotations: 12, Refs: 8}

// Shown says how many facts of each table a briefing shows out of how
// many were found.
type Shown struct {
	Shown, Found int
}

// Capped reports whether some facts were left out.
func (s Shown) Capped() bool { return s.Shown < s.Found }

// KeyFacts selects the facts a briefing shows, within l. Tables under their
// limit keep every fact in the analysis's order. Over it: figures keep the
// most headline-like (see headline), in document order (tiles show counts,
// money and shares, not durations); people, places and organisations keep the ones mentioned in
// the most paragraphs, most mentioned first; the timeline keeps the most
// precise dates (day, then month, then year), in date order; quotations
// keep those with a known speaker first, in document order.
func KeyFacts(f document.Facts, l FactLimits) (document.Facts, map[string]Shown) {
	shown := map[string]Shown{}
	var out document.Facts
	tiles := TileFigures(f.Figures)
	out.Figures = tiles
	if len(tiles) > l.Tiles {
		idx := make([]int, len(tiles))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return headline(tiles[idx[a]]) > headline(tiles[idx[b]]) })
		idx = idx[:l.Tiles]
		sort.Ints(idx)
		out.Figures = make([]document.Figure, len(idx))
		for i, j := range idx {
			out.Figures[i] = tiles[j]
		}
	}
	shown["figures"] = Shown{len(out.Figures), len(tiles)}

	out.People = topByMentions(f.People, l.People, func(p document.Person) int { return len(p.Paragraphs) })
	shown["people"] = Shown{len(out.People), len(f.People)}
	out.Places = topByMentions(f.Places, l.Places, func(p document.Place) int { return len(p.Paragraphs) })
	shown["places"] = Shown{len(out.Places), len(f.Places)}
	out.Organizations = topByMentions(f.Organizations, l.Organizations, func(o document.Organization) int { return len(o.Paragraphs) })
	shown["organizations"] = Shown{len(out.Organizations), len(f.Organizations)}

	out.Timeline = f.Timeline
	if len(f.Timeline) > l.Timeline {
		idx := make([]int, len(f.Timeline))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool {
			return len(f.Timeline[idx[a]].Date) > len(f.Timeline[idx[b]].Date)
		})
		idx = idx[:l.Timeline]
		sort.SliceStable(idx, func(a, b int) bool {
			ea, eb := f.Timeline[idx[a]], f.Timeline[idx[b]]
			if ea.Date != eb.Date {
				return ea.Date < eb.Date
			}
			return idx[a] < idx[b]
		})
		out.Timeline = make([]document.Event, len(idx))
		for i, j := range idx {
			out.Timeline[i] = f.Timeline[j]
		}
	}
	shown["timeline"] = Shown{len(out.Timeline), len(f.Timeline)}

	out.Quotations = f.Quotations
	if len(f.Quotations) > l.Quotations {
		var keep []int
		for pass := 0; pass < 2 && len(keep) < l.Quotations; pass++ {
			for i, q := range f.Quotations {
				if len(keep) == l.Quotations {
					break
				}
				if (strings.TrimSpace(q.Speaker) != "") == (pass == 0) {
					keep = append(keep, i)
				}
			}
		}
		sort.Ints(keep)
		out.Quotations = make([]document.Quotation, len(keep))
		for i, j := range keep {
			out.Quotations[i] = f.Quotations[j]
		}
	}
	shown["quotations"] = Shown{len(out.Quotations), len(f.Quotations)}
	return out, shown
}

// headline scores how much a figure looks like a headline number: a
// hedged amount or a range ("over 1600"), money or a share, and a value
// of ten or more each count one.
func headline(f document.Figure) int {
	n := 0
	if f.BoundOrExact() != document.BoundExact {
		n++
	}
	if k := f.KindOrCount(); k == document.KindMoney || k == document.KindPercent {
		n++
	}
	if f.Value >= 10 {
		n++
	}
	return n
}

// topByMentions keeps the n items with the most mentions, most mentioned
// first (ties in their original order); under n it keeps all in order.
func topByMentions[T any](items []T, n int, mentions func(T) int) []T {
	if len(items) <= n {
		return items
	}
	out := append([]T(nil), items...)
	sort.SliceStable(out, func(i, j int) bool { return mentions(out[i]) > mentions(out[j]) })
	return out[:n]
}
