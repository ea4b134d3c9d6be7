package analyze

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// findDates returns the timeline: explicit dates with the clause around
// each, sorted by date and then by paragraph. Dates of references,
// citations and access notes ("Retrieved 12 March 2015") are not events.
func findDates(us []unit) []document.Event {
	type ev struct {
		document.Event
		unit, at int // the block's index and the date's offset in it
	}
	var evs []ev
	for ui, u := range us {
		if u.Role == roleMatter {
			continue
		}
		// A block of one line may be a reference; in a list or a block of
		// lines, each line may.
		refs := referenceLines(u.Text)
		if len(refs) == 1 && refs[0] == [2]int{0, len(u.Text)} {
			continue
		}
		for _, s := range u.Sents {
			if !strings.ContainsAny(s.Text, "0123456789") {
				continue // every date rule needs a digit
			}
			if citationSentence(s.Text) {
				continue
			}
			found, spans := sentenceDates(s.Text)
			if len(refs) > 0 {
				found, spans = outsideLines(found, spans, refs, s.Start)
			}
			found, spans = joinRanges(s.Text, found, spans)
			clauses := listSpans(s.Text, spans)
			starts := make([]int, len(clauses))
			for i, c := range clauses {
				starts[i] = c[0]
			}
			sort.Ints(starts)
			for i, e := range found {
				e.Event = eventClauseUntil(s.Text, clauses[i][0], clauses[i][1], nextDate(starts, clauses[i][1], len(s.Text)))
				e.Paragraph = u.ID
				evs = append(evs, ev{e, ui, s.Start + spans[i][0]})
			}
		}
	}
	sort.SliceStable(evs, func(a, b int) bool {
		if evs[a].Date != evs[b].Date {
			return evs[a].Date < evs[b].Date
		}
		if evs[a].End != evs[b].End {
			return evs[a].End < evs[b].End
		}
		if evs[a].unit != evs[b].unit {
			return evs[a].unit < evs[b].unit
		}
		return evs[a].at < evs[b].at
	})
	out := make([]document.Event, 0, len(evs))
	for i, e := range evs {
		if i > 0 && e.Date == evs[i-1].Date && e.End == evs[i-1].End && e.Paragraph == evs[i-1].Paragraph {
			continue
		}
		out = append(out, e.Event)
	}
	return out
}

// sentenceDates returns the dates of one sentence and their spans, in the
// order the rules found them.
func sentenceDates(s string) ([]document.Event, [][2]int) {
	taken := make([]bool, len(s)+1)
	sentYear := ""
	var found []document.Event
	var spans [][2]int
	add := func(e document.Event, a, b int) {
		mark(taken, a, b)
		if sentYear == "" {
			sentYear = e.Date[:4]
		}
		found = append(found, e)
		spans = append(spans, [2]int{a, b})
	}
	for _, r := range dateRules {
		for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
			a := skipLeadingSpace(s, m[0], m[1])
			if overlaps(taken, a, m[1]) {
				continue
			}
			var date, end string
			ok := false
			if r.conv != nil {
				date, end, ok = r.conv(s, m)
			} else {
				date, ok = isoDate(s, m, r)
				if ok && r.span {
					end = lastYear(s[m[2*r.year+1]:m[1]])
					if y := atoi(end); y <= atoi(date) || y > maxYear {
						continue
					}
				}
			}
			if !ok || numberAround(s, a, m[1]) || accessDate(s, a) {
				continue
			}
			// "of 1600 agreements", "on 27 March, 1500 troops": a count,
			// not a year.
			if yearEnds(s, m[1]) && m[1] < len(s) && s[m[1]] == ' ' {
				if n, _ := countedNoun(s[m[1]:]); n != "" && (len(date) == 4 && !hasPrefixFold(s[a:], "in ") && !hasPrefixFold(s[a:], "since ") || commaBeforeYear(s, m[1])) {
					continue
				}
			}
			add(document.Event{Date: date, End: end, Text: strings.TrimSpace(s[a:m[1]])}, a, m[1])
		}
	}
	// "in 2007 and 2009": a year that continues a list of years.
	for i := 0; i < len(found); i++ {
		e, sp := found[i], spans[i]
		if e.End != "" {
			continue
		}
		m := yearListRe.FindStringSubmatchIndex(s[sp[1]:])
		if m == nil {
			continue
		}
		// After a month or a day only the end of a range: "between May
		// 2015 and 2018".
		if len(e.Date) != 4 && !(rangeOpened(s, sp[0], e.Text) && strings.TrimSpace(s[sp[1]:sp[1]+m[2]]) == "and") {
			continue
		}
		a, b := sp[1]+m[2], sp[1]+m[3]
		y := atoi(s[a:b])
		if overlaps(taken, a, b) || y < minYear || y > maxYear || b < len(s) && (s[b] == 's' || s[b] == '\'') {
			continue
		}
		if n, _ := countedNoun(s[b:]); n != "" {
			continue
		}
		add(document.Event{Date: s[a:b], Text: s[a:b]}, a, b)
	}
	if sentYear != "" {
		for _, r := range dayMonthRules {
			for _, m := range r.re.FindAllStringSubmatchIndex(s, -1) {
				a := m[2*min(r.month, r.day)]
				if overlaps(taken, a, m[1]) || recurring(s[m[1]:]) || yearFollows(s[m[1]:]) {
					continue
				}
				mon := monthNumber(group(s, m, r.month))
				date, ok := isoDay(atoi(sentYear), mon, atoi(group(s, m, r.day)))
				if !ok || accessDate(s, a) {
					continue
				}
				add(document.Event{Date: date, Text: s[a:m[1]]}, a, m[1])
			}
		}
	}
	return found, spans
}

// listSpans returns, for each date span, the span of the list of dates it
// belongs to ("in 1947 and 1948", "December 1998 and February 1999"), so
// that the dates of one list share their clause.
func listSpans(s string, spans [][2]int) [][2]int {
	out := make([][2]int, len(spans))
	copy(out, spans)
	if len(spans) < 2 {
		return out
	}
	idx := make([]int, len(spans))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return spans[idx[a]][0] < spans[idx[b]][0] })
	for k := 0; k < len(idx); {
		end := k
		for end+1 < len(idx) && spans[idx[end]][1] <= spans[idx[end+1]][0] && listGap(s[spans[idx[end]][1]:spans[idx[end+1]][0]]) {
			end++
		}
		for m := k; m <= end; m++ {
			out[idx[m]] = [2]int{spans[idx[k]][0], spans[idx[end]][1]}
		}
		k = end + 1
	}
	return out
}

// nextDate returns the first of the sorted starts at or after b, or n.
func nextDate(starts []int, b, n int) int {
	if i := sort.SearchInts(starts, b); i < len(starts) {
		return starts[i]
	}
	return n
}

// listGap reports whether the text between two dates joins them in a list.
func listGap(g string) bool {
	g = strings.ToLower(strings.TrimSpace(g))
	switch g {
	case ",", "and", "or", ", and", ", or", "и", "или", ", и":
		return true
	}
	return false
}

// skipLeadingSpace moves a match start past the space or punctuation a
// rule needs before a Cyrillic word ("(с 1997 по 2019 год").
func skipLeadingSpace(s string, a, b int) int {
	for a < b && s[a] < 0x80 && !(s[a] >= '0' && s[a] <= '9' || s[a] >= 'A' && s[a] <= 'Z' || s[a] >= 'a' && s[a] <= 'z') {
		a++
	}
	return a
}

// yearEnds reports whether the match ending at b ends with a year.
func yearEnds(s string, b int) bool {
	return b >= 4 && strings.Trim(s[b-4:b], "0123456789") == ""
}

// commaBeforeYear reports whether the year ending at b follows a comma
// after a month name: "on 27 March, 1500 troops" (in "May 28, 2008" the
// comma is the usual one before the year).
func commaBeforeYear(s string, b int) bool {
	if b < 7 || s[b-6:b-4] != ", " {
		return false
	}
	c := s[b-7]
	return c >= 'a' && c <= 'z' || c == '.'
}

// recurring reports whether a day and month recur ("on 19 June every
// year"): they have no year of their own.
func recurring(rest string) bool {
	rest = strings.TrimLeft(head(rest, 32), " ,")
	for _, w := range []string{"every year", "each year", "annually", "каждый год", "ежегодно"} {
		if hasPrefixFold(rest, w) {
			return true
		}
	}
	return false
}

// yearFollows reports whether a four-digit number follows a day and month
// with only numbers between ("Oct 26 15:50:06 2016"): their year is
// written there, in a form the rules did not read, so the sentence's year
// is not theirs.
func yearFollows(rest string) bool {
	rest = head(rest, 24)
	n := 0
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		switch {
		case c >= '0' && c <= '9':
			n++
			if n == 4 && (i+1 == len(rest) || rest[i+1] < '0' || rest[i+1] > '9') {
				return true
			}
			continue
		case c == ' ' || c == ':' || c == '.' || c == ',':
		default:
			return false
		}
		n = 0
	}
	return false
}

func overlaps(taken []bool, a, b int) bool {
	for i := a; i < b; i++ {
		if taken[i] {
			return true
		}
	}
	return false
}

func mark(taken []bool, a, b int) {
	for i := a; i < b; i++ {
		taken[i] = true
	}
}

// lastYear returns the last four digits of s, or "".
func lastYear(s string) string {
	i := strings.LastIndexAny(s, "0123456789")
	if i < 3 {
		return ""
	}
	return s[i-3 : i+1]
}

// accessNotes are the words before the date of a citation's access or
// archive note: "Retrieved 12 March 2015", "Accessed on 3 May 2019",
// "Archived from the original on …", "(дата обращения: 12.03.2015)".
var accessNotes = regexp.MustCompile(`(?i:retrieved|accessed|archived(?:\s+from\s+the\s+original)?|last\s+(?:modified|updated|accessed|visited|edited)|дата\s+обращения|проверено|архивировано)(?:\s+(?:on|at))?[\s:(]*$`)

// accessDate reports whether the date starting at a is a citation's
// access or archive date.
func accessDate(s string, a int) bool {
	return accessNotes.MatchString(s[tailStart(s[:a], 48):a])
}

// referenceLines returns the byte ranges of the lines of text that are
// bibliography entries (see bibliographyEntry), in order. A text of one
// line that is an entry gives the whole text.
func referenceLines(text string) [][2]int {
	var out [][2]int
	for a := 0; a < len(text); {
		b := strings.IndexByte(text[a:], '\n')
		if b < 0 {
			b = len(text)
		} else {
			b += a
		}
		if bibliographyEntry(text[a:b]) {
			out = append(out, [2]int{a, b})
		}
		a = b + 1
	}
	if len(out) == 1 && !strings.Contains(text, "\n") {
		out[0] = [2]int{0, len(text)}
	}
	return out
}

// outsideLines keeps the dates of a sentence starting at off in its block
// that lie outside the sorted line ranges refs.
func outsideLines(found []document.Event, spans [][2]int, refs [][2]int, off int) ([]document.Event, [][2]int) {
	var f []document.Event
	var sp [][2]int
	for i, e := range found {
		a := off + spans[i][0]
		k := sort.Search(len(refs), func(j int) bool { return refs[j][1] > a })
		if k < len(refs) && refs[k][0] <= a {
			continue
		}
		f = append(f, e)
		sp = append(sp, spans[i])
	}
	return f, sp
}

// bibliographyLead matches the start of a bibliography entry: "Smith, J.
// (2005).", "Smith, John (12 March 2015).", "Иванов, И. И.".
var bibliographyLead = regexp.MustCompile(`^\s*(?:\p{Lu}[\p{L}'’-]+,\s+(?:\p{Lu}\.\s*)+|\p{Lu}[\p{L}'’-]+,\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}\.)*\s*\(\d{1,2}?\s*\p{L}*\s*\d{4}[a-z]?\))`)

// bibliographyEntry reports whether a block is an entry of a reference
// list: its first sentence is an author and year, or it is short and
// holds a citation's marks (an ISBN, a DOI, "Retrieved …").
func bibliographyEntry(text string) bool {
	t := strings.TrimSpace(text)
	if t == "" {
		return false
	}
	if bibliographyLead.MatchString(head(t, 160)) {
		return true
	}
	if t[0] == '[' || t[0] == '^' || t[0] >= '0' && t[0] <= '9' {
		if referenceEntry.MatchString(t) {
			return true
		}
	}
	return document.CountWords(t) <= 80 && citationMarksOf(t)
}

// citationNotes are the marks of a citation that body text does not hold:
// an access or archive note, an ISBN, a DOI, an arXiv number. (Page
// ranges, "pp. 4–9", are left out: "(Smith 2005, pp. 4–9)" ends a body
// sentence.)
var citationNotes = regexp.MustCompile(`(?i)\b(?:retrieved (?:on )?(?:\d|january|february|march|april|may|june|july|august|september|october|november|december)|isbn(?:-1[03])?:?\s*[\d-]{9,}|doi:\s*10\.|arxiv:\s*\d|accessed (?:on )?\d|archived from the original|дата обращения|проверено \d)`)

// citationMarksOf reports whether t holds a mark of a citation (see
// citationNotes). Sentences without any hint skip the expression.
func citationMarksOf(t string) bool {
	for _, h := range []string{"retrieved", "isbn", "doi", "arxiv", "accessed", "archived"} {
		if containsFoldASCII(t, h) {
			return citationNotes.MatchString(t)
		}
	}
	return strings.Contains(t, "обращения") || strings.Contains(t, "роверено") && citationNotes.MatchString(t)
}

// citationSentence reports whether a sentence is a citation or the start
// of a bibliography entry, whose dates are no events.
func citationSentence(s string) bool {
	t := strings.TrimSpace(s)
	if t == "" {
		return false
	}
	if t[0] == '[' || t[0] == '^' || t[0] >= '0' && t[0] <= '9' {
		if referenceEntry.MatchString(t) {
			return true
		}
	}
	return citationMarksOf(t) || bibliographyLead.MatchString(head(t, 160))
}

// subordinators open the clause that usually holds a dated event.
var subordinators = map[string]bool{"after": true, "when": true, "while": true, "as": true, "because": true, "once": true, "until": true, "before": true, "that": true, "which": true, "where": true, "когда": true, "после": true, "как": true}

const maxEventWords = 15

// clauseBytes bounds the text read on either side of a date for its
// clause, so that a long sentence with many dates stays linear.
const clauseBytes = 512

// eventClause describes the event dated by s[a:b]: the clause around the
// date without the date itself, at most maxEventWords words, or "" when
// no content word is left. A date in parentheses dates what the
// parentheses follow ("the war (1939–1945) ended"); other parenthetical
// remarks are left out. The clause is looked for within clauseBytes on
// either side.
func eventClause(s string, a, b int) string { return eventClauseUntil(s, a, b, len(s)) }

// eventClauseUntil is eventClause with the clause after the date ending at
// limit at the latest: where the next date of the sentence starts.
func eventClauseUntil(s string, a, b, limit int) string {
	if pa, pb, ok := enclosingParens(s, a, b); ok {
		a, b = pa, pb
	}
	from := tailStart(s[:a], clauseBytes)
	lo := from + clauseStart(s[from:a])
	after := head(s[b:], clauseBytes)
	hi := min(b+clauseEnd(after), max(limit, b))
	pre := strings.Fields(withoutParens(s[lo:a]))
	post := strings.Fields(withoutParens(s[b:hi]))
	// Drop the words that introduced the date ("prior to", "during and
	// after") and those that joined it to the rest ("and", "года").
	pre = trimFunctionWords(pre)
	for len(post) > 0 && (leadingConnectors[strings.ToLower(strings.Trim(post[0], ",–—-"))] || strings.Trim(post[0], ",.–—-") == "") {
		post = post[1:]
	}
	// The words before the next date belong to it: "in June 1969, Hat
	// Dich in December 1968".
	if hi < b+clauseEnd(after) {
		post = trimFunctionWords(post)
	}
	whole := pre
	for i := len(pre) - 1; i >= 0 && i >= len(pre)-12; i-- {
		if subordinators[strings.ToLower(pre[i])] && len(pre)-i-1 >= 2 {
			pre = pre[i+1:]
			break
		}
	}
	var ws []string
	switch {
	case hasContentWord(pre):
		ws = append(append([]string{}, pre...), post...)
	case hasContentWord(post):
		ws = post
	default:
		// "He died after 1184, perhaps even after 1194": the clause
		// before the subordinator is all there is.
		ws = append(append([]string{}, whole...), post...)
	}
	if !hasContentWord(ws) {
		return ""
	}
	cut := false
	if len(ws) > maxEventWords {
		ws, cut = trimFunctionWords(ws[:maxEventWords]), true
	}
	e := strings.Join(ws, " ")
	e = strings.Trim(e, " ,.;:!?-–—")
	if cut {
		e += "…"
	}
	return capitalizeFirst(e)
}

// dateFunctionWords stand between a date and its clause: prepositions,
// conjunctions, articles and the hedges of a date.
var dateFunctionWords = setOf("on", "in", "by", "since", "until", "till", "from", "during", "of", "at", "to",
	"through", "throughout", "between", "and", "or", "the", "a", "an", "prior", "as", "than", "later", "earlier",
	"no", "early", "late", "mid", "around", "circa", "c.", "ca.", "before", "after", "year", "years",
	"в", "с", "до", "к", "по", "от", "и", "или", "на", "за", "около", "года", "году", "год", "г.")

// trimFunctionWords drops the function words at the end of ws: a clause
// cut short never ends in "of the" or "during and".
func trimFunctionWords(ws []string) []string {
	for len(ws) > 0 && dateFunctionWords[strings.ToLower(strings.Trim(ws[len(ws)-1], ",–—-"))] {
		ws = ws[:len(ws)-1]
	}
	return ws
}

// leadingConnectors join a date to the words after it: "2008, and the
// city …", "2015 года".
var leadingConnectors = setOf("and", "or", "but", "и", "а", "но", "или", "года", "году", "год", "г.")

// hasContentWord reports whether ws hold a word that says something: a
// word with a letter that is neither a stop word nor a date's function word.
func hasContentWord(ws []string) bool {
	for _, w := range ws {
		l := strings.ToLower(strings.Trim(w, ",.;:!?\"'“”‘’«»()"))
		if l == "" || dateFunctionWords[l] || isStop(l) || !strings.ContainsFunc(l, unicode.IsLetter) {
			continue
		}
		return true
	}
	return false
}

// clauseStart returns where the clause ending at the end of t starts: after
// the last ";", ":", dash or unmatched "(".
func clauseStart(t string) int {
	depth := 0
	for i := len(t); i > 0; {
		r, n := utf8.DecodeLastRuneInString(t[:i])
		i -= n
		switch r {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				return i + n
			}
			depth--
		case ';', ':', '—':
			return i + n
		case '–':
			// A spaced en dash is a dash; "1991–1995" is inside a date.
			if i > 0 && t[i-1] == ' ' {
				return i + n
			}
		}
	}
	return 0
}

// clauseEnd returns where the clause starting t ends: at the first ";",
// ":", dash or unmatched ")".
func clauseEnd(t string) int {
	depth := 0
	for i, r := range t {
		switch r {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return i
			}
			depth--
		case ';', ':', '—':
			return i
		case '–':
			if i+len("–") < len(t) && t[i+len("–")] == ' ' {
				return i
			}
		}
	}
	return len(t)
}

// enclosingParens returns the parentheses around s[a:b], if the date is
// inside a parenthetical remark, looked for within clauseBytes.
func enclosingParens(s string, a, b int) (int, int, bool) {
	from := tailStart(s[:a], clauseBytes)
	i := from + clauseStart(s[from:a])
	if i == from || s[i-1] != '(' {
		return 0, 0, false
	}
	after := head(s[b:], clauseBytes)
	j := clauseEnd(after)
	if j == len(after) || after[j] != ')' {
		return 0, 0, false
	}
	return i - 1, b + j + 1, true
}

// withoutParens drops the balanced parenthetical remarks of t.
func withoutParens(t string) string {
	if !strings.Contains(t, "(") {
		return t
	}
	var sb strings.Builder
	depth := 0
	for _, r := range t {
		switch {
		case r == '(':
			depth++
		case r == ')' && depth > 0:
			depth--
		case depth == 0:
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// joinRanges merges two dates of a sentence written as a range — "between
// October 1951 and April 1952", "from May 2008 to 2010", "1 April – 3 May
// 2019", "с марта 2015 по май 2016 года" — into one event whose End is the
// second date.
func joinRanges(s string, found []document.Event, spans [][2]int) ([]document.Event, [][2]int) {
	if len(found) < 2 {
		return found, spans
	}
	idx := make([]int, len(found))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return spans[idx[a]][0] < spans[idx[b]][0] })
	var outF []document.Event
	var outS [][2]int
	for k := 0; k < len(idx); k++ {
		i := idx[k]
		e, sp := found[i], spans[i]
		// A range may join two ranges of the same kind: "from Q1 2017 to
		// Q3 2018".
		if k+1 < len(idx) && (e.End == "" || found[idx[k+1]].End != "" && len(e.Date) == len(found[idx[k+1]].Date)) {
			j := idx[k+1]
			// The word that joins them may open the second match ("to
			// 2010", "through 2018", "по май").
			gap := strings.ToLower(strings.TrimSpace(s[sp[1]:spans[j][0]] + " " + leadWord(found[j].Text)))
			gap = strings.TrimSuffix(gap, " the") // "from 26th of June to the 28th of June 2020"
			opened := rangeOpened(s, sp[0], e.Text)
			dash := gap == "-" || gap == "–" || gap == "—" || gap == "through" || gap == "thru"
			word := gap == "and" || gap == "to" || gap == "until" || gap == "till" || gap == "по" || gap == "до"
			// "on 26 June to 28 June 2020": two days or months joined by
			// "to" are a range without "from".
			sameFine := len(e.Date) > 4 && len(e.Date) == len(found[j].Date) && (gap == "to" || gap == "until" || gap == "till")
			if (dash || opened && word || sameFine) && rangeAfter(found[j], e) {
				e.End = found[j].Date
				if found[j].End != "" {
					e.End = found[j].End
				}
				e.Text = strings.TrimSpace(s[sp[0]:spans[j][1]])
				sp[1] = spans[j][1]
				k++
			}
		}
		outF = append(outF, e)
		outS = append(outS, sp)
	}
	return outF, outS
}

// rangeOpened reports whether the date starting at a, written t, opens a
// range: "between …", "from …", "с …", "от …".
func rangeOpened(s string, a int, t string) bool {
	switch strings.ToLower(leadWord(t)) {
	case "from", "between", "с", "от":
		return true
	}
	before := " " + strings.TrimRight(s[tailStart(s[:a], 16):a], " ")
	for _, w := range []string{" between", " from", " с", " от"} {
		if hasSuffixFold(before, w) {
			return true
		}
	}
	return false
}

// rangeAfter reports whether b ends after a starts, comparing at the
// coarser of their precisions ("2015" to "2015-05" is a range too).
func rangeAfter(b, a document.Event) bool {
	n := min(len(a.Date), len(b.Date))
	return b.Date[:n] > a.Date[:n]
}

// leadWord returns the first word of a date as written when it is a word
// that introduces a date or joins a range ("to 2010", "from 1941"), or "".
func leadWord(t string) string {
	i := strings.IndexByte(t, ' ')
	if i <= 0 {
		return ""
	}
	w := t[:i]
	switch strings.ToLower(w) {
	case "to", "through", "thru", "until", "till", "and", "from", "between", "по", "до", "с", "от":
		return w
	}
	return ""
}
