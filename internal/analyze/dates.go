package analyze

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

const monthPat = `(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?`
const ruMonthPat = `(январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])`

// dateRule is one way of writing a date; the submatch indexes say where
// the year, month and day are (0 = absent).
type dateRule struct {
	re               *regexp.Regexp
	year, month, day int
	// span is true for a year range whose last four digits are its end.
	span bool
}

var dateRules = []dateRule{
	// Year ranges first: "1991–1995", "from 1941 to 1945" (the end year is
	// read by yearRangeEnd).
	{regexp.MustCompile(`\b(\d{4})\s*[–—]\s*\d{4}\b`), 1, 0, 0, true},
	{regexp.MustCompile(`\b(?i:from|between)\s+(\d{4})\s*(?:-|to|and|until|till)\s*\d{4}\b`), 1, 0, 0, true},
	{regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})\b`), 1, 2, 3, false},
	{regexp.MustCompile(`\b` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b`), 3, 1, 2, false},
	{regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?(?:\s*[/–-]\s*\d{1,2}(?:st|nd|rd|th)?)?\s+(?:of\s+)?` + monthPat + `,?\s+(\d{4})\b`), 3, 2, 1, false},
	{regexp.MustCompile(`(\d{1,2})\s+` + ruMonthPat + `\s+(\d{4})`), 3, 2, 1, false},
	{regexp.MustCompile(`\b` + monthPat + `,?\s+(?:of\s+)?(\d{4})\b`), 2, 1, 0, false},
	{regexp.MustCompile(`(?i:в|с|до|к|по)\s+` + ruMonthPat + `\s+(\d{4})`), 2, 1, 0, false},
	{regexp.MustCompile(`\b(?i:in|by|since|until|till|from|during|before|after|around|circa|through|of|to)\s+(?:(?i:early|late|mid|the\s+end\s+of|the\s+spring\s+of|the\s+summer\s+of|the\s+autumn\s+of|the\s+winter\s+of)[\s-]+)?(\d{4})\b`), 1, 0, 0, false},
	{regexp.MustCompile(`(\d{4})\s+(?:год[ауом]?|г\.)`), 1, 0, 0, false},
}

// Day-and-month without a year take the year of the same sentence.
var dayMonthRules = []dateRule{
	{regexp.MustCompile(`\b` + monthPat + `\s+(\d{1,2})(?:st|nd|rd|th)?\b`), 0, 1, 2, false},
	{regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthPat + `\b`), 0, 2, 1, false},
}

// monthNumber returns 1–12 for an English or Russian month name or
// abbreviation, 0 otherwise.
func monthNumber(s string) int {
	s = strings.TrimSuffix(s, ".")
	if len(s) >= 3 {
		en := []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}
		ls := strings.ToLower(s)
		full := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}
		for i, m := range en {
			if ls == m || ls == full[i] || (ls == "sept" && i == 8) {
				// "may" and "march" as common words are only months when capitalised.
				if (ls == "may" || ls == "march") && !isCapitalized(s) {
					return 0
				}
				return i + 1
			}
		}
	}
	ru := []string{"янв", "фев", "мар", "апр", "ма", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"}
	ls := strings.ToLower(s)
	if isCyrillic(ls) {
		for i, m := range ru {
			if strings.HasPrefix(ls, m) && (i != 4 || ls == "май" || ls == "мая" || ls == "мае") {
				return i + 1
			}
		}
	}
	return 0
}

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
			taken := make([]bool, len(s.Text)+1)
			sentYear := ""
			var found []document.Event
			var spans [][2]int
			for _, r := range dateRules {
				for _, m := range r.re.FindAllStringSubmatchIndex(s.Text, -1) {
					if overlaps(taken, m[0], m[1]) {
						continue
					}
					date, ok := isoDate(s.Text, m, r)
					if !ok {
						continue
					}
					// "of 1600 agreements": a count, not a year.
					if r.month == 0 && m[1] < len(s.Text) && s.Text[m[1]] == ' ' {
						if n, _ := countedNoun(s.Text[m[1]:]); n != "" && !hasPrefixFold(s.Text[m[0]:], "in ") && !hasPrefixFold(s.Text[m[0]:], "since ") {
							continue
						}
					}
					mark(taken, m[0], m[1])
					if sentYear == "" {
						sentYear = date[:4]
					}
					e := document.Event{Date: date, Text: strings.TrimSpace(s.Text[m[0]:m[1]])}
					if r.span {
						e.End = s.Text[m[1]-4 : m[1]]
						if e.End <= e.Date {
							continue
						}
					}
					found = append(found, e)
					spans = append(spans, [2]int{m[0], m[1]})
				}
			}
			if sentYear != "" {
				for _, r := range dayMonthRules {
					for _, m := range r.re.FindAllStringSubmatchIndex(s.Text, -1) {
						if overlaps(taken, m[0], m[1]) {
							continue
						}
						mon := monthNumber(s.Text[m[2*r.month]:m[2*r.month+1]])
						day, _ := strconv.Atoi(s.Text[m[2*r.day]:m[2*r.day+1]])
						if mon == 0 || day < 1 || day > 31 {
							continue
						}
						mark(taken, m[0], m[1])
						found = append(found, document.Event{Date: fmt.Sprintf("%s-%02d-%02d", sentYear, mon, day), Text: s.Text[m[0]:m[1]]})
						spans = append(spans, [2]int{m[0], m[1]})
					}
				}
			}
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

// isoDate turns a match of rule r into "YYYY", "YYYY-MM" or "YYYY-MM-DD".
func isoDate(s string, m []int, r dateRule) (string, bool) {
	part := func(g int) string {
		if g == 0 || m[2*g] < 0 {
			return ""
		}
		return s[m[2*g]:m[2*g+1]]
	}
	y, err := strconv.Atoi(part(r.year))
	if err != nil || y < 1000 || y > 2100 {
		return "", false
	}
	// "1990s" and "2008-09" season ranges are not this rule's dates.
	if end := m[2*r.year+1]; end == m[1] && end < len(s) && (s[end] == 's' || (s[end] == '-' && r.month == 0 && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9')) {
		return "", false
	}
	if r.month == 0 {
		return strconv.Itoa(y), true
	}
	mon := 0
	if p := part(r.month); p != "" {
		if p[0] >= '0' && p[0] <= '9' {
			mon, _ = strconv.Atoi(p)
		} else {
			mon = monthNumber(p)
		}
	}
	if mon < 1 || mon > 12 {
		return "", false
	}
	if r.day == 0 {
		return fmt.Sprintf("%04d-%02d", y, mon), true
	}
	d, _ := strconv.Atoi(part(r.day))
	if d < 1 || d > 31 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mon, d), true
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
// October 1951 and April 1952", "from May to June 2008", "1 April – 3 May
// 2019" — into one event whose End is the second date.
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
		if k+1 < len(idx) && e.End == "" {
			j := idx[k+1]
			gap := strings.ToLower(strings.TrimSpace(s[sp[1]:spans[j][0]]))
			before := strings.TrimRight(s[:sp[0]], " ")
			opened := hasSuffixFold(before, "between") || hasSuffixFold(before, "from")
			dash := gap == "-" || gap == "–" || gap == "—" || gap == "through"
			if (dash || (opened && (gap == "and" || gap == "to" || gap == "until" || gap == "till"))) && found[j].Date > e.Date {
				e.End = found[j].Date
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
