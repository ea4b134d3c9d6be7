package analyze

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// numberRe finds numbers written in digits: "1600", "1,600", "1.5".
// Indian grouping ("12,34,567") is read too.
var numberRe = regexp.MustCompile(`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d+(?:\.\d+)?`)

var scales = map[string]float64{
	"bn": 1e9, "billion": 1e9, "mn": 1e6, "m": 1e6, "million": 1e6, "millions": 1e6, "thousand": 1e3,
	"k": 1e3, "trillion": 1e12, "tn": 1e12, "тыс": 1e3, "млн": 1e6, "млрд": 1e9, "миллиона": 1e6,
	"миллионов": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "тысяч": 1e3,
	"mln": 1e6, "bln": 1e9, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// ofDeterminers may follow "N of" before the counted noun: "31 of the climbers".
var ofDeterminers = map[string]bool{"the": true, "its": true, "their": true, "these": true, "those": true}

// countModifiers may open a counted noun phrase although they are stop
// words: "40 other climbers", "200 more troops".
var countModifiers = map[string]bool{"other": true, "more": true, "new": true, "further": true, "additional": true, "extra": true}

// findFigures returns the figures of every numbered block.
func findFigures(us []unit) []document.Figure {
	var out []document.Figure
	for _, u := range us {
		seen := map[string]bool{}
		for _, s := range u.Sents {
			for _, f := range sentenceFigures(s.Text) {
				key := strconv.FormatFloat(f.Value, 'g', -1, 64) + "|" + f.Unit
				if seen[key] {
					continue
				}
				seen[key] = true
				f.Paragraph = u.ID
				out = append(out, f)
			}
		}
	}
	return out
}

// sentenceFigures finds the figures of one sentence.
func sentenceFigures(s string) []document.Figure {
	var got []placedFigure
	var spans [][2]int
	locs := numberRe.FindAllStringIndex(s, -1)
	skipUntil := 0
	for _, loc := range locs {
		if loc[0] < skipUntil {
			continue
		}
		f, end, ok := figureAt(s, loc[0], loc[1])
		if ok && finite(f.Value) && finite(f.High) {
			got = append(got, placedFigure{f, loc[0]})
			spans = append(spans, [2]int{loc[0], end})
			skipUntil = end
		}
	}
	// The spans are in order and do not overlap: search them.
	taken := func(a, b int) bool {
		i := sort.Search(len(spans), func(i int) bool { return spans[i][1] > a })
		return i < len(spans) && b > spans[i][0]
	}
	got = append(got, wordFigures(s, taken)...)
	sort.SliceStable(got, func(i, j int) bool { return got[i].pos < got[j].pos })
	out := make([]document.Figure, len(got))
	for i, p := range got {
		out[i] = typed(p.f)
	}
	return out
}

// placedFigure is a figure and the byte offset of its number in the sentence.
type placedFigure struct {
	f   document.Figure
	pos int
}

// parseNumber reads a number written in digits, with thousands commas. A
// number too large for a float64 is not one.
func parseNumber(s string) (float64, bool) {
	v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	return v, err == nil && finite(v)
}

// figureAt reads a figure whose number is s[a:b]. It returns the figure, the
// end of its text and whether it is one.
func figureAt(s string, a, b int) (document.Figure, int, bool) {
	var f document.Figure
	before := s[:a]
	// The error of a value ("158 ± 12 million") is no figure of its own.
	if strings.HasSuffix(strings.TrimRight(before, " \u00a0"), "±") {
		return f, 0, false
	}
	code, curStart, hasCur := currencyBefore(s, a)
	// Glued to a word or identifier ("KLM642", "B-757", "G20", "#5"), or
	// inside a web address ("?q=30%25"); an ISO code may be glued ("USD115").
	if r, _ := utf8.DecodeLastRuneInString(before); r != utf8.RuneError && (unicode.IsLetter(r) || strings.ContainsRune("#№/:.%=&?_@", r)) {
		if !(hasCur && unicode.IsLetter(r)) && currencySymbols[string(r)] == "" {
			return f, 0, false
		}
	}
	if strings.HasSuffix(before, "-") && len(before) > 1 {
		r, _ := utf8.DecodeLastRuneInString(before[:len(before)-1])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return f, 0, false
		}
	}
	val, ok := parseNumber(s[a:b])
	if !ok {
		return f, 0, false
	}
	start := a
	// Currency before the number: "$5", "US$ 5", "EUR 125".
	if hasCur {
		f.Unit, start = code, curStart
	}
	prevW := lastWordSpans(s[:start], 2)
	// Qualifier.
	if q, at := qualifierBefore(prevW); q != "" {
		f.Qualifier, start = q, at
	}
	prev1, prev1Start := "", 0
	if len(prevW) > 0 {
		prev1, prev1Start = prevW[len(prevW)-1].Text, prevW[len(prevW)-1].Start
	}
	if f.Qualifier == "" && prev1 != "" {
		lp := strings.ToLower(prev1)
		switch {
		case monthNumber(prev1) > 0, lp == "aged", lp == "age", lp == "no", lp == "number", lp == "flight", lp == "page", lp == "room", lp == "route", lp == "chapter":
			return f, 0, false
		case isCapitalized(prev1) && f.Unit == "" && !sentenceStart(s, prev1Start):
			// A number inside a name: "Boeing 737", "Squadron 9".
			if !isPrepositionLike(lp) {
				return f, 0, false
			}
		}
	}
	end := b
	rest := s[b:]
	// Ordinals, decades, glued units: "16th", "1990s", "1.5bn", "131ft".
	if r, _ := utf8.DecodeRuneInString(rest); unicode.IsLetter(r) {
		suf := leadingLetters(rest)
		ls := strings.ToLower(suf)
		switch {
		case scales[ls] > 0:
			val *= scales[ls]
			end += len(suf)
		case suf == "MM" && currencyCodes[f.Unit]:
			val *= 1e6 // "US$ 1MM"
			end += len(suf)
		case measureSuffixes[ls] && f.Unit == "":
			f.Unit = ls
			end += len(suf)
		case (isoCodes[suf] || currencySymbols[suf] != "") && f.Unit == "":
			f.Unit = suf // "115USD", "100元"
			if c := currencySymbols[suf]; c != "" {
				f.Unit = c
			}
			end += len(suf)
		default:
			return f, 0, false
		}
		rest = s[end:]
	}
	// Times of day, ISO dates, ages: "10:30", "2008-05-28", "46-year-old".
	if strings.HasPrefix(rest, ":") || (strings.HasPrefix(rest, "-") && len(rest) > 1 && rest[1] >= '0' && rest[1] <= '9' && f.Qualifier != "between") {
		if !(strings.HasPrefix(rest, "-") && isRangeHigh(rest[1:])) {
			return f, 0, false
		}
	}
	if hasPrefixFold(rest, "-year") || hasPrefixFold(rest, "-month-old") || timeOfDay(rest) {
		return f, 0, false
	}
	// "a 776-foot airship": a size written as an adjective.
	if u, n := measureAdjective(rest); u != "" && f.Unit == "" {
		f.Value, f.Unit = val, u
		end += n
		f.Text = strings.TrimSpace(s[start:end])
		return f, end, true
	}
	// "the 3,000-strong police force": the count is of the noun after.
	if hasPrefixFold(rest, "-strong ") {
		if unit, uend := countedNoun(rest[len("-strong"):]); unit != "" {
			f.Value, f.Unit = val, unit
			end += len("-strong") + uend
			f.Text = strings.TrimSpace(s[start:end])
			return f, end, true
		}
	}
	// "158 ± 12 million tonnes": the error is read past; its scale word,
	// if the value has none, is the value's.
	if m := plusMinusRe.FindStringSubmatchIndex(rest); m != nil {
		if m[2] >= 0 {
			end += m[2] // read on at the scale word
		} else {
			end += m[1]
		}
		rest = s[end:]
	}
	// Scale word: "1.5 billion".
	scaled := false
	if w := firstWord(rest); scales[strings.ToLower(w)] > 0 && len(w) > 1 {
		val *= scales[strings.ToLower(w)]
		end = strings.Index(s[end:], w) + end + len(w)
		rest = s[end:]
		scaled = true
	}
	// Range: "5-7", "5 to 7", "between 5 and 7". A scale word after the
	// high end only ("between 1.1 and 1.5 million") scales both ends.
	if hi, n, scale, ok := rangeHigh(rest, f.Qualifier == "between"); ok {
		if !scaled && scale > 1 && val*scale <= hi {
			val *= scale
		}
		if hi > val {
			f.High, f.HasRange = hi, true
			end += n
			rest = s[end:]
		}
	}
	f.Value = val
	// Percentages.
	switch {
	case strings.HasPrefix(rest, "%"):
		f.Unit, end = "%", end+1
	case strings.HasPrefix(rest, " %"):
		f.Unit, end = "%", end+2
	case hasPrefixFold(rest, " per cent"):
		f.Unit, end = "%", end+prefixFold(rest, " per cent")
	case hasPrefixFold(rest, " percent"):
		f.Unit, end = "%", end+prefixFold(rest, " percent")
	case hasPrefixFold(rest, " процент"):
		f.Unit = "%"
		end += len(" ") + len(firstWord(rest))
	}
	if f.Unit == "%" {
		// "30%25" is a web address's escape, not a share.
		if r, _ := utf8.DecodeRuneInString(s[end:]); isWordRune(r) {
			return f, 0, false
		}
		f.Text = strings.TrimSpace(s[start:end])
		return f, end, true
	}
	// Currency after the number: "120 euros", "10 swiss francs", "5 USD",
	// "10 €".
	if c, n := currencyAfter(rest); c != "" {
		if f.Unit == "" {
			f.Unit = c
		}
		end += n
		// "between 400 euros (£340) and 900 euros": a conversion in
		// brackets may sit inside the range.
		skip := 0
		if m := parenRe.FindStringIndex(s[end:]); m != nil && f.Qualifier == "between" {
			skip = m[1]
		}
		if hi, n, _, ok := rangeHigh(s[end+skip:], f.Qualifier == "between"); ok && hi > val {
			f.High, f.HasRange = hi, true
			end += skip + n
			if _, n := currencyAfter(s[end:]); n > 0 {
				end += n
			}
		}
		f.Text = strings.TrimSpace(s[start:end])
		return f, end, true
	}
	if f.Unit != "" {
		f.Text = strings.TrimSpace(s[start:end])
		return f, end, true
	}
	// Nought of something is not a figure worth a table row ("0 corresponds
	// to no signal").
	if val == 0 && !f.HasRange {
		return f, 0, false
	}
	// A unit of measure: "1.6 km west", "16,000 metric tons".
	isYearLike := val >= 1000 && val <= 2100 && val == float64(int(val)) && !strings.Contains(s[a:b], ",") && !f.HasRange
	// "на 2025 год", "в 1991 году", "2024 г.", "в 2017–2018 годах": years,
	// never 2025 years.
	yearRange := f.HasRange && val >= 1000 && f.High <= 2100 && val == float64(int(val)) && f.High == float64(int(f.High))
	if (isYearLike || yearRange) && yearWordAfter(rest) {
		return f, 0, false
	}
	if u, n := measureUnit(rest); u != "" && !(isYearLike && isPrepositionLike(strings.ToLower(prev1))) {
		f.Unit = u
		end += n
		f.Text = strings.TrimSpace(s[start:end])
		return f, end, true
	}
	// A year is not a figure: a four-digit whole number in range with a
	// date-like neighbour or nothing counted after it.
	unit, uend := countedNoun(rest)
	// "16 декабря", "3 March": a day of the month, not sixteen Decembers.
	if val >= 1 && val <= 31 && val == float64(int(val)) && dayMonth(unit) {
		return f, 0, false
	}
	if isYearLike && (unit == "" || isPrepositionLike(strings.ToLower(prev1)) || strings.HasSuffix(strings.TrimSpace(s[:a]), ",") || singularHead(unit) || isCapitalized(unit)) {
		// "the 1945 liberation", "the 1257 eruption": a thousand or more
		// of something are counted with a plural noun; "the 1992
		// Olympics" names an event.
		return f, 0, false
	}
	if unit == "" || notCounted(val, unit, strings.ToLower(prev1), rest[uend:]) {
		return f, 0, false
	}
	// "Nos. 11 and 20 Squadrons": a capitalised plural after a list of
	// numbers names units, it does not count them.
	if capitalizedPlural(unit) && len(prevW) == 2 && (strings.EqualFold(prev1, "and") || strings.EqualFold(prev1, "or")) && numberRe.MatchString(prevW[0].Text) {
		return f, 0, false
	}
	f.Unit = unit
	end += uend
	// "2 hours and 25 minutes": a compound duration is one figure.
	if sub, ok := compoundUnits[strings.ToLower(unit)]; ok {
		if m := compoundRe.FindStringSubmatchIndex(s[end:]); m != nil && strings.HasPrefix(strings.ToLower(s[end+m[4]:end+m[5]]), sub.unit) {
			if v2, ok := parseNumber(s[end+m[2] : end+m[3]]); ok {
				f.Value = val*sub.factor + v2
				f.Unit = s[end+m[4] : end+m[5]]
				end += m[1]
			}
		}
	}
	f.Text = strings.TrimSpace(s[start:end])
	return f, end, true
}

// compoundUnits maps a time unit to the smaller unit that may follow it in
// a compound duration and how many of those it holds.
var compoundUnits = map[string]struct {
	unit   string
	factor float64
}{
	"hour": {"minute", 60}, "hours": {"minute", 60}, "minute": {"second", 60}, "minutes": {"second", 60},
	"day": {"hour", 24}, "days": {"hour", 24}, "year": {"month", 12}, "years": {"month", 12},
}

var compoundRe = regexp.MustCompile(`^,?\s+and\s+(\d{1,2})\s+(\pL+)`)

// parenRe matches a short bracketed aside at the start of a text.
var parenRe = regexp.MustCompile(`^\s*\([^()]{1,40}\)`)

// plusMinusRe matches the error after a value: " ± 12", " +/- 0.5",
// keeping a scale word after it ("± 12 million") for the value.
var plusMinusRe = regexp.MustCompile(`^\s*(?:±|\+/-)\s*\d+(?:[.,]\d+)?( (?:bn|billion|million|mn|thousand|trillion)\b)?`)

var rangeRe = regexp.MustCompile(`^(\s*(?:-|–|—|to|and)\s*)(?:[$£€¥]\s?)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(\s*(?:bn|billion|million|mn|m|thousand|trillion)\b)?`)

// rangeHigh reads the high end of a range at the start of rest: "-7",
// " to 7", and " and 7" when between is true. It returns the value (scale
// word applied), the bytes read, the scale (1 when none follows) and
// whether there is one.
func rangeHigh(rest string, between bool) (float64, int, float64, bool) {
	m := rangeRe.FindStringSubmatchIndex(rest)
	if m == nil {
		return 0, 0, 0, false
	}
	if sep := strings.TrimSpace(rest[m[2]:m[3]]); sep == "and" && !between {
		return 0, 0, 0, false
	}
	hi, ok := parseNumber(rest[m[4]:m[5]])
	if !ok {
		return 0, 0, 0, false
	}
	scale := 1.0
	if m[6] >= 0 {
		scale = scales[strings.ToLower(strings.TrimSpace(rest[m[6]:m[7]]))]
		hi *= scale
	}
	return hi, m[1], scale, true
}

func isRangeHigh(s string) bool {
	return len(s) > 0 && s[0] >= '0' && s[0] <= '9' && !strings.Contains(strings.SplitN(s, " ", 2)[0], "-")
}

// isPrepositionLike reports whether w, before a number, makes it a year or
// a date: "in 2008", "by 2008", "since 1991".
// dayMonth reports whether a counted noun is a month's name, as a day of
// the month is followed: English names capitalised (monthNumber), Russian
// names in the genitive or nominative only — monthNumber reads Russian by
// prefix, and "марки" (stamps) is no March.
func dayMonth(unit string) bool {
	w, _, _ := strings.Cut(unit, " ")
	if !isCyrillic(w) {
		return isCapitalized(w) && monthNumber(w) > 0
	}
	switch strings.ToLower(w) {
	case "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря",
		"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь":
		return true
	}
	return false
}

// yearWordAfter reports whether rest starts with the Russian word for "year"
// in any case, or its abbreviation "г." / "гг.".
func yearWordAfter(rest string) bool {
	// Only the first word is read: rest runs to the end of the sentence,
	// and a sentence of many numbers must not be read once per number.
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(rest)
	}
	switch strings.ToLower(rest[:end]) {
	case "год", "года", "году", "годом", "годе", "годы", "годов", "годах", "г", "гг":
		return true
	}
	return false
}

func isPrepositionLike(w string) bool {
	switch w {
	case "in", "by", "since", "until", "till", "from", "during", "before", "after", "of", "to", "early", "late", "mid", "around", "circa", "through", "в", "с", "до", "к", "по":
		return true
	}
	return false
}

// sentenceStart reports whether the word starting at off is the first
// word of s. It reads backwards, so it stops at the first other character.
func sentenceStart(s string, off int) bool {
	return strings.TrimRight(s[:off], " \"'«“(") == ""
}

// qualifierBefore returns the qualifier ("over", "more than") that the
// words ws end with, if any, and where it starts. The words keep their
// spans in the original text, so the start is an offset there.
func qualifierBefore(ws []word) (string, int) {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = w.Text
	}
	low := strings.ToLower(strings.Join(parts, " "))
	for _, h := range hedges {
		if q := h.text; low == q || strings.HasSuffix(low, " "+q) {
			return q, ws[len(ws)-1-strings.Count(q, " ")].Start
		}
	}
	return "", 0
}

// countedNoun reads the noun phrase a number counts: lower-case words up to
// a stop word, punctuation or a verb-like word; "and" joins two parts
// ("contracts and agreements"). It returns the phrase and its end in rest.
//
// It reads at most windowWords words of a window at the start of rest.
func countedNoun(rest string) (string, int) {
	ws := wordsN(head(rest, 2*windowBytes), windowWords)
	var got []word
	plural := false
	for i := 0; i < len(ws) && len(got) < 6; i++ {
		w := ws[i]
		gap := rest[0:w.Start]
		if i > 0 {
			gap = rest[ws[i-1].End:w.Start]
		}
		if strings.TrimSpace(gap) != "" {
			break
		}
		lw := strings.ToLower(w.Text)
		if lw == "and" && len(got) > 0 && i+1 < len(ws) {
			nx := strings.ToLower(ws[i+1].Text)
			if isStop(nx) || strings.HasSuffix(nx, "ed") || !isLowerWord(ws[i+1].Text) || strings.TrimSpace(rest[w.End:ws[i+1].Start]) != "" {
				break
			}
			got = append(got, w)
			plural = false
			continue
		}
		if len(got) == 0 && i == 0 && lw == "of" && i+2 < len(ws) && ofDeterminers[strings.ToLower(ws[i+1].Text)] && onlySpace(rest[w.End:ws[i+1].Start]) {
			// "31 of the climbers": the count is of the noun after the determiner.
			off := ws[i+1].End
			if n, e := countedNoun(rest[off:]); n != "" {
				return n, off + e
			}
			break
		}
		if len(got) == 0 && countModifiers[lw] && i+1 < len(ws) && isLowerWord(ws[i+1].Text) && !isStop(strings.ToLower(ws[i+1].Text)) {
			got = append(got, w) // "40 other climbers", "another 12 stranded climbers"
			continue
		}
		if len(got) == 0 && i == 0 && capitalizedPlural(w.Text) {
			// "600,000 Syrians", "nine Syrians": a people or a plural name.
			got = append(got, w)
			break
		}
		if !isLowerWord(w.Text) || !hasLetter(lw) || (isStop(lw) && !isTimeUnit(lw)) {
			break
		}
		if plural || (len(got) > 0 && looksRussianVerb(lw)) {
			break
		}
		if lw == "worldwide" || lw == "abroad" {
			break
		}
		if mostlyVerb(lw) && (len(got) > 0 || strings.HasSuffix(lw, "s")) || len(got) == 0 && strings.HasSuffix(lw, "s") && mostlyVerb(lw[:len(lw)-1]) {
			break // "… corresponds to", "… works": a verb, not a counted noun
		}
		if len(got) > 0 && strings.HasSuffix(lw, "ed") && !isStop(lw) {
			break // "people live", "residents and grew", "liberation changed"
		}
		got = append(got, w)
		if isTimeUnit(lw) || currencyWords[lw] != "" || (strings.HasSuffix(lw, "s") && len(lw) > 3 && !(i+1 < len(ws) && strings.ToLower(ws[i+1].Text) == "and")) {
			plural = true
		}
	}
	for len(got) > 0 && strings.ToLower(got[len(got)-1].Text) == "and" {
		got = got[:len(got)-1]
	}
	if len(got) == 0 {
		return "", 0
	}
	return rest[got[0].Start:got[len(got)-1].End], got[len(got)-1].End
}

func isLowerWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

// lastWordSpans returns up to n words at the end of s that directly
// precede its end (it stops at punctuation), with their spans in s. It
// reads only a window at the end of s.
func lastWordSpans(s string, n int) []word {
	off := tailStart(s, windowBytes)
	ws := words(s[off:])
	if len(ws) > n {
		ws = ws[len(ws)-n:]
	}
	t := s[off:]
	k := len(ws)
	for i := len(ws) - 1; i >= 0; i-- {
		tail := t[ws[i].End:]
		if i < len(ws)-1 {
			tail = t[ws[i].End:ws[i+1].Start]
		}
		if strings.Trim(tail, " \u00a0$£€¥₸₽US") != "" {
			break
		}
		k = i
	}
	out := make([]word, 0, len(ws)-k)
	for _, w := range ws[k:] {
		out = append(out, word{Text: w.Text, Start: off + w.Start, End: off + w.End})
	}
	return out
}

// firstWord returns the word at the start of s after white space, or ""
// when something else comes first. It reads no further than that word.
func firstWord(s string) string {
	t := trimLeftSpace(s)
	if r, _ := utf8.DecodeRuneInString(t); !isWordRune(r) {
		return ""
	}
	ws := wordsN(t, 1)
	if len(ws) == 0 || ws[0].Start != 0 {
		return ""
	}
	return ws[0].Text
}

func leadingLetters(s string) string {
	for i, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return s[:i]
		}
	}
	return s
}

// looksRussianVerb reports whether a Cyrillic word has a common verb ending
// (past tense or present third person): "пришли", "работает".
func looksRussianVerb(w string) bool {
	if !isCyrillic(w) {
		return false
	}
	for _, e := range []string{"л", "ла", "ли", "ло", "ет", "ют", "ит", "ят", "ут"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// irregularPlurals are English plural nouns that do not end in "s".
var irregularPlurals = wordSet("people men women children police staff cattle personnel troops feet teeth mice geese")

// singularHead reports whether the last word of an English counted noun
// phrase is singular: it does not end in "s" and is no irregular plural.
// Words in other scripts are never judged singular.
func singularHead(unit string) bool {
	w := strings.ToLower(lastField(unit))
	if w == "" || isCyrillic(w) {
		return false
	}
	for _, r := range w {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return !strings.HasSuffix(w, "s") && !irregularPlurals[w]
}

// capitalizedPlural reports whether w is a capitalised English plural
// such as "Syrians" or "Catalinas": a capital, then lower-case ASCII
// letters ending in "s" (not "ss", "us" or "is": "Congress", "Judas",
// "Paris").
func capitalizedPlural(w string) bool {
	if len(w) < 4 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for i := 1; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}
