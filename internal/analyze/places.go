package analyze

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// placeMatch is a gazetteer hit: words ws[start:end] name lexicon place.
type placeMatch struct {
	start, end int
	place      int
}

// placeAt returns the longest gazetteer name starting at ws[i].
func placeAt(ws []word, i int) (placeMatch, bool) {
	lx := lex()
	best := placeMatch{start: i, end: i}
	try := func(pa placeAlias) {
		if i+len(pa.words) > len(ws) || i+len(pa.words) <= best.end {
			return
		}
		for k, aw := range pa.words {
			tw := trimPossessive(ws[i+k].Text)
			if p, ok := strings.CutSuffix(aw, "*"); ok {
				if !strings.HasPrefix(tw, p) {
					return
				}
			} else if tw != aw {
				return
			}
		}
		best = placeMatch{start: i, end: i + len(pa.words), place: pa.place}
	}
	first := trimPossessive(ws[i].Text)
	for _, pa := range lx.placeFirst[first] {
		try(pa)
	}
	if isCyrillic(first) {
		for _, pa := range lx.placePrefix {
			try(pa)
		}
	}
	return best, best.end > i
}

// placeEndingAt returns a gazetteer name whose last word is ws[k].
func placeEndingAt(ws []word, k int) (placeMatch, bool) {
	for i := k; i >= 0 && i > k-4; i-- {
		if p, ok := placeAt(ws, i); ok && p.end == k+1 {
			return p, true
		}
	}
	return placeMatch{}, false
}

// aliasWords splits a gazetteer alias the way text is split ("U.S." →
// "U", "S"), keeping a final "*".
func aliasWords(alias string) []string {
	star := strings.HasSuffix(alias, "*")
	var out []string
	for _, f := range strings.Fields(alias) {
		st := strings.HasSuffix(f, "*")
		for _, w := range words(strings.TrimSuffix(f, "*")) {
			out = append(out, w.Text)
		}
		if st && len(out) > 0 {
			out[len(out)-1] += "*"
		}
	}
	_ = star
	return out
}

// findPlaces returns the gazetteer places named in the blocks, in order of
// first mention, with the blocks that name them.
func findPlaces(us []unit, nt nameTags) []document.Place {
	var out []document.Place
	index := map[int]int{}
	for ui, u := range us {
		ws := words(u.Text)
		for i := 0; i < len(ws); {
			p, ok := placeAt(ws, i)
			if !ok {
				i++
				continue
			}
			i = p.end
			// "Jonathan Amsterdam": a place's name ending a person's.
			if nt.personBefore(ui, ws[p.start].Start, ws[p.end-1].End) {
				continue
			}
			// "HMCS Toronto", "USS Arizona": a ship, not a place.
			if p.start > 0 && shipPrefixes[ws[p.start-1].Text] {
				continue
			}
			k, seen := index[p.place]
			if !seen {
				k = len(out)
				index[p.place] = k
				out = append(out, document.Place{Name: lex().places[p.place].Name})
			}
			pl := &out[k]
			if n := len(pl.Paragraphs); n == 0 || pl.Paragraphs[n-1] != u.ID {
				pl.Paragraphs = append(pl.Paragraphs, u.ID)
			}
		}
	}
	return out
}

// shipPrefixes are written before a ship's name.
var shipPrefixes = map[string]bool{"HMAS": true, "HMS": true, "USS": true, "HMCS": true, "HMNZS": true, "RMS": true, "SS": true, "MV": true, "INS": true}

// addTitlePlaces adds the places named in the document title that the
// body does not name: a place in the headline belongs to the table even
// though it points at no paragraph.
func addTitlePlaces(places []document.Place, title string) []document.Place {
	ws := words(title)
	have := map[string]bool{}
	for _, p := range places {
		have[p.Name] = true
	}
	for i := 0; i < len(ws); {
		p, ok := placeAt(ws, i)
		if !ok {
			i++
			continue
		}
		i = p.end
		name := lex().places[p.place].Name
		if !have[name] {
			have[name] = true
			places = append(places, document.Place{Name: name, Paragraphs: []string{}})
		}
	}
	return places
}
