package pdf

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// opp is a place inside a word where a line may end.
type opp struct {
	at     int     // byte offset in the word's text: the line ends before it
	hyphen bool    // a hyphen is drawn at the end of the line
	flag   bool    // the line ends with a hyphen (drawn or the word's own)
	pen    float64 // penalty of breaking here
}

// Penalties of the kinds of breaks inside a word (TeX's \hyphenpenalty and
// \exhyphenpenalty are 50); a cut between any two characters is the last
// resort for a token with no other break that is wider than a line.
const (
	penHyphen   = 50
	penExHyphen = 50
	penURL      = 100
	penUAX      = 100
	penIdeo     = 0
	penCut      = 5000
)

// longToken is the fewest runes a word must have to break after the
// punctuation of addresses and identifiers (/ . - _ ? & =).
const longToken = 16

// urlBreakAfter are the characters a long token may break after.
const urlBreakAfter = "/.-_?&="

// wordText returns a word's text and how much of it may be hyphenated: the
// bytes before the first footnote mark or added text, and none at all in
// bold or monospaced words (headings, code).
func wordText(w word) (text string, hyphLimit int) {
	if len(w.frags) == 1 {
		f := w.frags[0]
		switch {
		case f.r.super || f.r.extra || f.extra:
			return f.text, 0
		case f.r.face == serifBold || f.r.face == sansBold || f.r.face == mono:
			return f.text, 0
		}
		return f.text, len(f.text)
	}
	var b strings.Builder
	hyphLimit = -1
	for _, f := range w.frags {
		if hyphLimit < 0 && (f.r.super || f.r.extra || f.extra) {
			hyphLimit = b.Len()
		}
		switch f.r.face {
		case serifBold, sansBold, mono:
			if hyphLimit < 0 {
				hyphLimit = 0
			}
		}
		b.WriteString(f.text)
	}
	if hyphLimit < 0 {
		hyphLimit = b.Len()
	}
	return b.String(), hyphLimit
}

// superSpans returns the byte spans of the word's raised fragments
// (footnote marks), which are never split from what precedes them.
func superSpans(w word) [][2]int {
	var out [][2]int
	n := 0
	for _, f := range w.frags {
		if f.r.super {
			out = append(out, [2]int{n, n + len(f.text)})
		}
		n += len(f.text)
	}
	return out
}

// opportunities returns the breaks inside w, sorted by offset, at most one
// per offset: hyphenation points, breaks after a hyphen in the word,
// after the punctuation of a long token (addresses), and the UAX #14 line
// break opportunities (between ideographs, after dashes). When cut is set,
// a token with no break every width mm may also be cut between characters.
func (l *layout) opportunities(w word) []opp {
	text, hlim := wordText(w)
	if len(text) < 2 {
		return nil
	}
	runes, wide, dash := 0, false, false
	for _, r := range text {
		runes++
		switch {
		case r == '-':
			dash = true
		case r == '—' || r == '–' || r >= 0x1100 && ideographic(r):
			wide = true
		}
	}
	if runes < hyphMinWord && !wide && !dash {
		return nil
	}
	var found []opp
	put := func(o opp) {
		if o.at > 0 && o.at < len(text) {
			found = append(found, o)
		}
	}
	// Addresses and identifiers are not hyphenated: a hyphen there would
	// read as part of them.
	if strings.ContainsAny(text, "/@_=&?") || strings.Contains(text, "www.") {
		hlim = 0
	}
	if hlim >= hyphMinWord && l.hy != nil {
		for _, p := range l.hy.points(text[:hlim]) {
			put(opp{at: p, hyphen: true, flag: true, pen: penHyphen})
		}
	}
	long := runes >= longToken
	prev, ri := rune(0), 0
	for i, r := range text {
		if i > 0 {
			next, _ := utf8.DecodeRuneInString(text[i:])
			before, after := ri, runes-ri
			switch {
			case prev == '-' && unicode.IsLetter(next) && before >= 3 && after >= 3 && i-1 < hlim:
				put(opp{at: i, flag: true, pen: penExHyphen})
			case long && strings.ContainsRune(urlBreakAfter, prev) && before >= 2 && after >= 3 &&
				!strings.ContainsRune(urlBreakAfter, next) && !unicode.IsPunct(next) && !unicode.IsSpace(next):
				// Not before a no-break space, which ties what follows.
				put(opp{at: i, flag: prev == '-', pen: penURL})
			case long && before >= 2 && after >= 3 && (next == '#' ||
				unicode.IsLower(prev) && unicode.IsUpper(next) && !unicode.IsUpper(r)):
				// Before a fragment, and between the words of a
				// camel-case identifier.
				put(opp{at: i, pen: penURL})
			}
		}
		prev = r
		ri++
	}
	// UAX #14: only where the text is not a word of a script that spaces
	// its words (those are handled above), that is next to a character of
	// an ideographic or syllabic script, or after a dash.
	state, off, rest := -1, 0, text
	if !wide {
		rest = ""
	}
	for len(rest) > 0 {
		var seg string
		seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
		off += len(seg)
		if len(rest) == 0 {
			break
		}
		before, _ := utf8.DecodeLastRuneInString(text[:off])
		after, _ := utf8.DecodeRuneInString(text[off:])
		switch {
		case ideographic(before) || ideographic(after):
			put(opp{at: off, pen: penIdeo})
		case before == '—' || before == '–':
			put(opp{at: off, pen: penUAX})
		}
	}
	// One break per offset, the least penalised; none inside or right
	// before a footnote mark.
	slices.SortStableFunc(found, func(a, b opp) int {
		if a.at != b.at {
			return a.at - b.at
		}
		return int(a.pen - b.pen)
	})
	supers := superSpans(w)
	out := found[:0]
	for _, o := range found {
		if n := len(out); n > 0 && out[n-1].at == o.at {
			continue
		}
		inSuper := false
		for _, s := range supers {
			inSuper = inSuper || o.at >= s[0] && o.at < s[1]
		}
		if !inSuper {
			out = append(out, o)
		}
	}
	return out
}

// ideographic reports whether r belongs to a script written without spaces
// between words, where a line may break between most characters.
func ideographic(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, unicode.Bopomofo) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}
