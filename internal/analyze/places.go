package analyze

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/gazetteer"
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
	return out
}

// findPlaces returns the places named in the blocks, in order of first
// mention, with the blocks that name them. The hand-made list (data/
// places.txt: countries, regions and their demonyms in English and Russian)
// is tried first; the open-data gazetteer (internal/gazetteer: every
// country and region, in English, Russian and Kazakh) fills in where it
// has nothing (see gazetteerPlace).
func findPlaces(us []unit, nt nameTags) []document.Place {
	var out []document.Place
	index := map[string]int{}
	var texts []string
	for ui, u := range us {
		ws := u.wordList()
		texts = texts[:0]
		for _, w := range ws {
			texts = append(texts, w.Text)
		}
		for i := 0; i < len(ws); {
			// "Shanghai Cooperation Organisation", "Евразийского
			// экономического союза": a place's name inside a known body's
			// is the body's.
			if _, e, ok := knownBodyAt(ws, i); ok {
				i = e
				continue
			}
			start, end, name := i, 0, ""
			if p, ok := placeAt(ws, i); ok {
				end, name = p.end, lex().places[p.place].Name
			} else if e, n, ok := gazetteerPlace(texts, ws, i); ok {
				end, name = e, n
			} else {
				i++
				continue
			}
			i = end
			// "Jonathan Amsterdam": a place's name ending a person's.
			if nt.personBefore(ui, ws[start].Start, ws[end-1].End) {
				continue
			}
			// "HMCS Toronto", "USS Arizona": a ship, not a place.
			if start > 0 && shipPrefixes[ws[start-1].Text] {
				continue
			}
			k, seen := index[name]
			if !seen {
				k = len(out)
				index[name] = k
				out = append(out, document.Place{Name: name})
			}
			pl := &out[k]
			if n := len(pl.Paragraphs); n == 0 || pl.Paragraphs[n-1] != u.ID {
				pl.Paragraphs = append(pl.Paragraphs, u.ID)
			}
		}
	}
	return out
}

// gazetteerPlace returns the end and name of the open-data country or
// region whose name starts at ws[i]. Divisions and cities are left out of
// the table: the fact guidelines make countries and regions the places a
// briefing must list, and a city list drawn from 30 000 names costs more
// in false hits ("Reading", "Xinhua", "Victoria said") than it gives. A
// spelling that is also an everyday word counts only as the country's own
// English name ("Chad", "Turkey"; not "Island", German for Iceland), and a
// country's name followed by a feature's ("Timor Sea", "Jordan River") is
// that feature.
func gazetteerPlace(texts []string, ws []word, i int) (int, string, bool) {
	h, ok := gazetteer.Match(texts, i)
	if !ok || (h.Place.Kind != gazetteer.Country && h.Place.Kind != gazetteer.Region) {
		return 0, "", false
	}
	if h.Ambiguous && strings.Join(texts[i:h.End], " ") != h.Place.Name {
		return 0, "", false
	}
	if h.End < len(ws) && isCapitalized(ws[h.End].Text) && placeWords[strings.ToLower(ws[h.End].Text)] {
		return 0, "", false
	}
	return h.End, h.Place.Name, true
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
