package gazetteer

import (
	"cmp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Hit is a place name found in a run of words.
type Hit struct {
	Place Place
	// End is the index after the last word of the name: words[i:End]
	// spell it.
	End int
	// Demonym reports that the words are a demonym or adjective of the
	// place ("Kazakh", "Central Asian") rather than its name.
	Demonym bool
	// Inflected reports that a Cyrillic word matched in an inflected form
	// ("Казахстане", "Москвы", "Қазақстанда").
	Inflected bool
	// Ambiguous reports that this spelling of the place is also a common
	// English word or a frequent given name ("Nice", "Reading", "Of",
	// "Victoria", "Charlotte"), so a caller should want context — a
	// preposition, a country after a comma — before taking it for a place.
	Ambiguous bool
	// Others lists the other places spelled the same way, best first
	// ("Georgia" the US state after Georgia the country).
	Others []Place
}

// Match returns the longest place name that starts at words[i], as words
// split by Words spell it. Names match case-sensitively ("Nice" but not
// "nice"); a Latin word may carry a possessive ("Kazakhstan's"); a
// Cyrillic word may carry a Russian or Kazakh case ending ("Казахстана",
// "Москве", "Қазақстанда"). When several places are spelled the same way,
// Match prefers, in order: a spelling without case ending; a country; a
// region; a place's own name (or a hand-made alias) over other names
// ("Victoria" the city before Hong Kong, also called Victoria); then the
// larger population, a division counting a tenth of its own. The result's
// Others gives the rest.
func Match(words []string, i int) (Hit, bool) {
	if i < 0 || i >= len(words) || words[i] == "" {
		return Hit{}, false
	}
	if r, _ := utf8.DecodeRuneInString(words[i]); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
		return Hit{}, false
	}
	t := load()
	var cands []candidate
	var seen []int32 // aliases tried; the lists are short, a scan beats a map
	try := func(l ids) {
		for n := range l.len {
			k := l.at32(n)
			if slices.Contains(seen, k) {
				continue
			}
			seen = append(seen, k)
			al := t.alias(k)
			if end, infl, ok := al.match(words, i); ok {
				cands = append(cands, candidate{alias: k, end: end, inflected: infl, al: al,
					kind: t.placeKind(al.place), weight: t.placeWeight(al.place)})
			}
		}
	}
	w := words[i]
	try(t.firstOf(w))
	if base, ok := cutPossessive(w); ok {
		try(t.firstOf(base))
	}
	if isCyrillic(w) {
		forEachBase(w, func(base string) {
			try(t.firstOf(base))
			try(t.stemOf(base))
		})
	}
	if len(cands) == 0 {
		return Hit{}, false
	}
	slices.SortFunc(cands, func(a, b candidate) int {
		if a.end != b.end {
			return b.end - a.end
		}
		if a.inflected != b.inflected {
			if a.inflected {
				return 1
			}
			return -1
		}
		aa, ab := &a.al, &b.al
		if c := cmp.Compare(kindRank[a.kind], kindRank[b.kind]); c != 0 {
			return c
		}
		if aa.preferred != ab.preferred {
			if aa.preferred {
				return -1
			}
			return 1
		}
		if c := cmp.Compare(b.weight, a.weight); c != 0 {
			return c
		}
		return cmp.Compare(a.alias, b.alias)
	})
	best := cands[0]
	al := best.al
	h := Hit{
		Place:     t.place(al.place),
		End:       best.end,
		Demonym:   al.demonym,
		Inflected: best.inflected,
		Ambiguous: al.ambiguous,
	}
	done := []int32{al.place}
	for _, c := range cands[1:] {
		p := c.al.place
		if c.end == best.end && !slices.Contains(done, p) {
			done = append(done, p)
			h.Others = append(h.Others, t.place(p))
		}
	}
	return h, true
}

// kindRank orders the kinds of place a name most likely means: countries,
// then regions, then cities and divisions by weight.
var kindRank = [...]int{Country: 0, Region: 1, City: 2, Admin1: 2}

// weight ranks cities and divisions of the same name: a division counts a
// tenth of its population, so a large city beats its namesake province
// ("New York", "Moscow") and a small one does not ("Ontario").
func weight(kind Kind, population int64) int64 {
	if kind == Admin1 {
		return population / 10
	}
	return population
}

type candidate struct {
	alias     int32
	end       int
	inflected bool
	al        alias // alias number alias, decoded
	kind      Kind  // of the place of al
	weight    int64 // of the place of al (see weight)
}

// match reports whether the alias's words start at words[i], and where
// they end.
func (a alias) match(words []string, i int) (end int, inflected, ok bool) {
	rest := a.words
	for j := i; ; j++ {
		var w string
		w, rest, _ = strings.Cut(rest, " ")
		if j >= len(words) {
			return 0, false, false
		}
		exact, infl := wordMatch(w, words[j], a.cyrillic)
		if !exact && !infl {
			return 0, false, false
		}
		inflected = inflected || infl
		if rest == "" {
			return j + 1, inflected, true
		}
	}
}

// wordMatch reports whether text is the alias word w as written (exact)
// or in an inflected form (infl).
func wordMatch(w, text string, cyrillic bool) (exact, infl bool) {
	if text == w {
		return true, false
	}
	if base, ok := cutPossessive(text); ok && base == w {
		return true, false
	}
	if !cyrillic || len(text) <= len(w)/2 {
		return false, false
	}
	if s := stem(w); strings.HasPrefix(text, s) && ruEnding(text[len(s):], s) {
		return false, true
	}
	if strings.HasPrefix(text, w) && kkEndings[text[len(w):]] {
		return false, true
	}
	return false, false
}

// cutPossessive returns w without an English possessive "'s" or "’s".
func cutPossessive(w string) (string, bool) {
	for _, s := range []string{"'s", "’s"} {
		if base, ok := strings.CutSuffix(w, s); ok && base != "" {
			return base, true
		}
	}
	return w, false
}

// Russian inflection. A Cyrillic alias word is matched through its stem:
// the word less a final vowel, soft or short sign ("Москва" → "Москв",
// "Китай" → "Кита", "Россия" → "Росси"), or less a two-letter adjective
// ending ("Центральная" → "Центральн"), never shorter than minStem
// letters. A text word matches when it is the stem plus one of ruEndings
// (noun and adjective case endings); a three-letter stem takes only the
// short noun endings ("Рим" → "Рима", "Риме" but not "Римские"). Kazakh
// adds endings to the whole word ("Қазақстан" → "Қазақстанда").
const minStem = 3

var (
	softEnd    = "аяоеёыиуюьй"
	adjEndings = map[string]bool{"ая": true, "яя": true, "ое": true, "ее": true, "ый": true, "ий": true, "ой": true, "ые": true, "ие": true}
	ruEndings  = setOf("а я о е ё ы и у ю ь й ой ей ом ем ём ою ею ью ам ям ах ях ами ями ов ев ий ия ии ию ая яя ое ее ый ые ие ого его ому ему ым им ую юю ых их ыми ими")
	// shortEndings are the endings a three-letter stem may take.
	shortEndings = setOf("а я у ю е ы и ом ем ой ей")
	kkEndings    = setOf("да де та те ның нің дың дің тың тің ға ге қа ке на не ны ні ды ді ты ті дан ден тан тен нан нен мен бен пен ы і сы сі дағы дегі тағы тегі ндағы ндегі лық лік дық дік тық тік")
)

func setOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// stem returns the Russian stem of the Cyrillic word w (see minStem).
func stem(w string) string {
	n := utf8.RuneCountInString(w)
	if n >= minStem+2 {
		_, last2 := splitLastRunes(w, 2)
		if adjEndings[last2] {
			return w[:len(w)-len(last2)]
		}
	}
	if n >= minStem+1 {
		r, size := utf8.DecodeLastRuneInString(w)
		if strings.ContainsRune(softEnd, r) {
			return w[:len(w)-size]
		}
	}
	return w
}

func ruEnding(ending, stem string) bool {
	if utf8.RuneCountInString(stem) <= minStem {
		return shortEndings[ending]
	}
	return ruEndings[ending]
}

// splitLastRunes splits w before its last n runes.
func splitLastRunes(w string, n int) (head, tail string) {
	i := len(w)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(w[:i])
		i -= size
	}
	return w[:i], w[i:]
}

// forEachBase calls f with w less each Russian or Kazakh ending it may
// carry (up to six letters).
func forEachBase(w string, f func(base string)) {
	for n := 1; n <= 6; n++ {
		head, tail := splitLastRunes(w, n)
		if utf8.RuneCountInString(head) < minStem {
			return
		}
		if ruEndings[tail] || kkEndings[tail] {
			f(head)
		}
	}
}

// isCyrillic reports whether s starts with a Cyrillic letter.
func isCyrillic(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.Is(unicode.Cyrillic, r)
}
