package analyze

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// findDates returns the timeline: explicit dates with the clause around
// each, sorted by date and then by paragraph.
func findDates(us []unit) []document.Event {
	type ev struct {
		document.Event
		order int
	}
	var evs []ev
	for ui, u := range us {
		for _, s := range u.Sents {
			if !strings.ContainsAny(s.Text, "0123456789") {
				continue // every date rule needs a digit
			}
			found, spans := sentenceDates(s.Text)
			found, spans = joinRanges(s.Text, found, spans)
			for i, e := range found {
				e.Event = eventClause(s.Text, spans[i][0], spans[i][1])
				e.Paragraph = u.ID
				evs = append(evs, ev{e, ui*100000 + spans[i][0]})
			}
		}
	}
	sort.SliceStable(evs, func(a, b int) bool {
		if evs[a].Date != evs[b].Date {
			return evs[a].Date < evs[b].Date
		}
		return evs[a].order < evs[b].order
	})
	out := make([]document.Event, 0, len(evs))
	for i, e := range evs {
		if i > 0 && e.Date == evs[i-1].Date && e.Paragraph == evs[i-1].Paragraph {
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
			if !ok || numberAround(s, a, m[1]) {
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
				if !ok {
					continue
				}
				add(document.Event{Date: date, Text: s[a:m[1]]}, a, m[1])
			}
		}
	}
	return found, spans
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

// subordinators open the clause that usually holds a dated event.
var subordinators = map[string]bool{"after": true, "when": true, "while": true, "as": true, "because": true, "once": true, "until": true, "before": true, "that": true, "which": true, "where": true, "когда": true, "после": true, "как": true}

const maxEventWords = 15

// clauseBytes bounds the text read on either side of a date for its
// clause, so that a long sentence with many dates stays linear.
const clauseBytes = 512

// eventClause describes the event dated by s[a:b]: the clause around the
// date without the date itself, at most maxEventWords words. The clause
// is looked for within clauseBytes on either side.
func eventClause(s string, a, b int) string {
	from := tailStart(s[:a], clauseBytes)
	lo := from
	if i := strings.LastIndexAny(s[from:a], ";:—–()"); i >= 0 {
		// Skip the whole separator: "—" and "–" are three bytes long.
		_, n := utf8.DecodeRuneInString(s[from+i:])
		lo = from + i + n
	}
	after := head(s[b:], clauseBytes)
	hi := strings.IndexAny(after, ";:—–()")
	if hi < 0 {
		hi = b + len(after)
	} else {
		hi += b
	}
	pre := strings.Fields(s[lo:a])
	post := strings.Fields(s[b:hi])
	// Drop the preposition that introduced the date.
	if n := len(pre); n > 0 {
		switch strings.ToLower(pre[n-1]) {
		case "on", "in", "by", "since", "until", "from", "during", "of", "at", "в", "с", "до", "к":
			pre = pre[:n-1]
		}
	}
	for i := len(pre) - 1; i >= 0 && i >= len(pre)-12; i-- {
		if subordinators[strings.ToLower(pre[i])] && len(pre)-i-1 >= 2 {
			pre = pre[i+1:]
			break
		}
	}
	var ws []string
	switch {
	case len(pre) <= 2 && len(post) >= 3:
		ws = post
	default:
		ws = append(append([]string{}, pre...), post...)
	}
	cut := false
	if len(ws) > maxEventWords {
		ws, cut = ws[:maxEventWords], true
	}
	e := strings.Join(ws, " ")
	e = strings.Trim(e, " ,.;:!?-–—")
	if cut {
		e += "…"
	}
	return capitalizeFirst(e)
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
