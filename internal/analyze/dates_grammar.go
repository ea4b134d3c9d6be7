package analyze

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// The date grammar: each dateRule is one way of writing an absolute date
// or range with its year. Rules are tried in order and a later rule never
// takes text an earlier one took, so ranges and full dates come before the
// bare month and year.

// monthPat matches an English month name or abbreviation in any case;
// monthNumber refuses lower-case "may" and "march", which are words.
const monthPat = `((?i:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))\.?`
const ruMonthPat = `((?i:январ[ьяе]|феврал[ьяе]|март[ае]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[ае]?|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе]))`

// ruYearWord is the Russian "year" after a year: "2015 года", "1991 г.",
// "в 1997–2019 годах".
const ruYearWord = `(?:\s*(?:год[ауом]?|годах|годы|гг?\.))?`

// ordinalDay matches the suffix of an English ordinal day: "3rd".
const ordinalDay = `(?:st|nd|rd|th)?`

// dateRule is one way of writing a date; the submatch indexes say where
// the year, month and day are (0 = absent).
type dateRule struct {
	re               *regexp.Regexp
	year, month, day int
	// span is true for a year range whose last four digits are its end.
	span bool
	// conv, when set, reads a match instead of the indexes above: the
	// date, the end of a range ("" for one date), and whether the match is
	// a date at all.
	conv func(s string, m []int) (date, end string, ok bool)
}

var dateRules = []dateRule{
	// Quarters and halves: "Q3 2019", "2019 Q3", "the third quarter of
	// 2016", "the first half of 2015", "H2 2016".
	{re: regexp.MustCompile(`\b(?i:(q[1-4]|h[12]))[\s-]*(?:of\s+)?(\d{4})\b`), conv: quarterBefore},
	{re: regexp.MustCompile(`\b(\d{4})[\s-]*(?i:(q[1-4]|h[12]))\b`), conv: quarterAfter},
	{re: regexp.MustCompile(`\b(?i:(first|second|third|fourth|1st|2nd|3rd|4th|last)\s+(quarter|half)\s+of\s+(?:the\s+year\s+)?)(\d{4})\b`), conv: quarterWords},
	// Year ranges: "1991–1995", "2014-2018", "from 1941 to 1945",
	// "2014 through 2018", "с 1997 по 2019 год" (the end year is the last
	// four digits).
	{re: regexp.MustCompile(`\b(\d{4})\s*(?:[–—]|-)\s*\d{4}\b` + ruYearWord), year: 1, span: true},
	{re: regexp.MustCompile(`\b(?i:from|between)\s+(\d{4})\s*(?:-|–|~|to|and|until|till|through|thru)\s*\d{4}\b`), year: 1, span: true},
	{re: regexp.MustCompile(`\b(\d{4})\s+(?i:to|through|thru|until|till)\s+\d{4}\b`), year: 1, span: true},
	{re: regexp.MustCompile(`(?:^|[^\p{L}])(?i:с|от)\s+(\d{4})(?:\s*(?:г\.|года))?\s+(?i:по|до)\s+\d{4}` + ruYearWord), year: 1, span: true},
	// Numeric dates: "2015-08-12", "2015/8/12", "2015.5.13"; "21/04/2016",
	// "13.5.2015" (see numericDate).
	{re: regexp.MustCompile(`\b(\d{4})([-/.])(\d{1,2})([-/.])(\d{1,2})\b`), conv: yearFirstDate},
	{re: regexp.MustCompile(`\b(\d{1,2})([-/.])(\d{1,2})([-/.])(\d{4})\b`), conv: numericDate},
	// Month name with separators: "2019-Sep-01", "05-Aug-2016", "Sep-23-2020".
	{re: regexp.MustCompile(`\b(\d{4})[-/]` + monthPat + `[-/](\d{1,2})\b`), year: 1, month: 2, day: 3},
	{re: regexp.MustCompile(`\b(\d{1,2})[-/]` + monthPat + `[-/](\d{4})\b`), year: 3, month: 2, day: 1},
	{re: regexp.MustCompile(`\b` + monthPat + `-(\d{1,2})-(\d{4})\b`), year: 3, month: 1, day: 2},
	// Day ranges within a month: "3–5 August 1916", "from 4 to 22
	// January, 1995", "between 4-22 January, 1995".
	{re: regexp.MustCompile(`\b(\d{1,2})` + ordinalDay + `(?:\s*([–—-])\s*|\s+(to|until|till|through)\s+)(\d{1,2})` + ordinalDay + `\s+(?:of\s+)?` + monthPat + `,?\s+(?:of\s+)?(\d{4})\b`), conv: dayRange},
	// Month ranges: "June–August 1992", "from May to October 2020",
	// "Nov-Feb 2017".
	{re: regexp.MustCompile(`\b` + monthPat + `\s*(?:[–—-]|\s(?i:to|until|till|through)\s)\s*` + monthPat + `,?\s+(?:of\s+|in\s+)?(\d{4})\b`), conv: monthRange},
	// Full dates.
	{re: regexp.MustCompile(`\b` + monthPat + `\s+(\d{1,2})` + ordinalDay + `\b\s*,?\s*(?:of\s+|in\s+)?(\d{4})\b`), year: 3, month: 1, day: 2},
	{re: regexp.MustCompile(`\b(\d{1,2})(?:st|nd|rd|th|\.)?(?:\s*/\s*\d{1,2}` + ordinalDay + `)?\s+(?:of\s+)?` + monthPat + `\s*,?\s+(?:of\s+|in\s+)?(\d{4})\b`), year: 3, month: 2, day: 1},
	{re: regexp.MustCompile(`(\d{1,2})\s+` + ruMonthPat + `\s+(\d{4})` + ruYearWord), year: 3, month: 2, day: 1},
	// Months: "March 2011", "Dec-2018", "11/2016", "в марте 2015 года".
	{re: regexp.MustCompile(`\b` + monthPat + `(?:\s*,?\s+(?:of\s+)?|[-/])(\d{4})\b`), year: 2, month: 1},
	{re: regexp.MustCompile(`\b(\d{1,2})[/-](\d{4})\b`), conv: numericMonth},
	{re: regexp.MustCompile(`\b(\d{4})[/-](\d{2})\b`), conv: isoMonthOrSeason},
	{re: regexp.MustCompile(`(?:^|[^\p{L}])(?i:в|с|до|к|по|от)\s+` + ruMonthPat + `\s+(\d{4})` + ruYearWord), year: 2, month: 1},
	// Years with a word that makes them dates: "since the end of 2005",
	// "by mid-2010", "summer of 2016", "in 1991", "before the year 2019".
	{re: regexp.MustCompile(`\b(?:` + yearPreposition + `\s+)?(?i:the\s+)?(?i:end|beginning|start|middle)\s+of\s+(?:the\s+year\s+)?(\d{4})\b`), year: 1},
	{re: regexp.MustCompile(`\b(?:` + yearPreposition + `\s+)?(?i:the\s+)?(?i:early|mid|late|spring|summer|autumn|winter)(?:\s+of\s+|[\s-]+)(\d{4})\b`), year: 1},
	{re: regexp.MustCompile(`\b` + yearPreposition + `\s+(?i:the\s+year\s+(?:of\s+)?)?(\d{4})\b`), year: 1},
	{re: regexp.MustCompile(`\b(?i:the\s+)?(?i:year)\s+(?:of\s+)?(\d{4})\b`), year: 1},
	{re: regexp.MustCompile(`(\d{4})\s+(?:год[ауом]?|г\.)`), year: 1},
}

// yearPreposition is a word that makes a following year a date.
const yearPreposition = `(?i:in|by|since|until|till|from|during|before|after|around|circa|through|throughout|of|to|between|prior\s+to|as\s+of|later\s+than|earlier\s+than|sooner\s+than|starting\s+(?:in|from))`

// Day-and-month without a year take the year of the same sentence.
var dayMonthRules = []dateRule{
	{re: regexp.MustCompile(`\b` + monthPat + `\s+(\d{1,2})` + ordinalDay + `\b`), month: 1, day: 2},
	{re: regexp.MustCompile(`\b(\d{1,2})` + ordinalDay + `\s+(?:of\s+)?` + monthPat + `\b`), month: 2, day: 1},
	{re: regexp.MustCompile(`(?:^|[^\d\p{L}])(\d{1,2})\s+` + ruMonthPat), month: 2, day: 1},
}

// yearListRe matches a year that continues a list after a dated year:
// "in 2007 and 2009", "in 1991, 1995 and 2003", "в 1991 и 1995 годах".
var yearListRe = regexp.MustCompile(`^(?:,\s*|,?\s+(?i:and|or|и|или)\s+)(\d{4})\b`)

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

// daysIn returns the number of days of month mon (1–12) of year y.
func daysIn(y, mon int) int {
	switch mon {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// minYear and maxYear bound the years read as dates.
const minYear, maxYear = 1000, 2100

// isoDay formats a checked calendar date, or reports false.
func isoDay(y, mon, d int) (string, bool) {
	if y < minYear || y > maxYear || mon < 1 || mon > 12 || d < 1 || d > daysIn(y, mon) {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, mon, d), true
}

func isoMonth(y, mon int) (string, bool) {
	if y < minYear || y > maxYear || mon < 1 || mon > 12 {
		return "", false
	}
	return fmt.Sprintf("%04d-%02d", y, mon), true
}

// group returns submatch g of m in s, or "".
func group(s string, m []int, g int) string {
	if g == 0 || 2*g+1 >= len(m) || m[2*g] < 0 {
		return ""
	}
	return s[m[2*g]:m[2*g+1]]
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

// numberAround reports whether the match s[a:b] is part of a longer run
// of numbers: a phone number, a version, a code ("138-2010-2015",
// "6,107.31", "133-03-03-2020").
func numberAround(s string, a, b int) bool {
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	if isDigit(a) && a > 0 && (isDigit(a-1) || strings.IndexByte("-/.,:", s[a-1]) >= 0 && isDigit(a-2)) {
		return true
	}
	if isDigit(b-1) && b < len(s) && (isDigit(b) || strings.IndexByte("-/.,:", s[b]) >= 0 && isDigit(b+1)) {
		return true
	}
	return false
}

// quarterRange turns quarter or half n of year y into a month range.
func quarterRange(y int, half bool, n int) (string, string, bool) {
	months := 3
	if half {
		months = 6
	}
	if n < 1 || n*months > 12 {
		return "", "", false
	}
	a, ok1 := isoMonth(y, (n-1)*months+1)
	b, ok2 := isoMonth(y, n*months)
	return a, b, ok1 && ok2
}

func quarterCode(code string, y int) (string, string, bool) {
	code = strings.ToLower(code)
	return quarterRange(y, code[0] == 'h', int(code[1]-'0'))
}

func quarterBefore(s string, m []int) (string, string, bool) {
	return quarterCode(group(s, m, 1), atoi(group(s, m, 2)))
}

func quarterAfter(s string, m []int) (string, string, bool) {
	return quarterCode(group(s, m, 2), atoi(group(s, m, 1)))
}

var ordinalNumbers = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}

func quarterWords(s string, m []int) (string, string, bool) {
	half := strings.EqualFold(group(s, m, 2), "half")
	n := ordinalNumbers[strings.ToLower(group(s, m, 1))]
	if strings.EqualFold(group(s, m, 1), "last") {
		n = 4
		if half {
			n = 2
		}
	}
	return quarterRange(atoi(group(s, m, 3)), half, n)
}

// yearFirstDate reads "2015-08-12", "2015/8/12" and "2015.5.13": year,
// month, day with one separator.
func yearFirstDate(s string, m []int) (string, string, bool) {
	if group(s, m, 2) != group(s, m, 4) || numberAround(s, m[0], m[1]) {
		return "", "", false
	}
	d, ok := isoDay(atoi(group(s, m, 1)), atoi(group(s, m, 3)), atoi(group(s, m, 5)))
	return d, "", ok
}

// numericDate reads a day and a month before the year. Dots mean day
// first ("13.5.2015"); with slashes or hyphens the order is known only
// when one number is above 12 ("21/04/2016", "02/22/2016") or both are
// the same ("1/1/2016"): "3/7/2017" is left out.
func numericDate(s string, m []int) (string, string, bool) {
	sep := group(s, m, 2)
	if sep != group(s, m, 4) || numberAround(s, m[0], m[1]) {
		return "", "", false
	}
	a, b, y := atoi(group(s, m, 1)), atoi(group(s, m, 3)), atoi(group(s, m, 5))
	var day, mon int
	switch {
	case sep == ".":
		day, mon = a, b
	case a == b || a > 12 && b <= 12:
		day, mon = a, b
	case b > 12 && a <= 12:
		day, mon = b, a
	default:
		return "", "", false
	}
	d, ok := isoDay(y, mon, day)
	return d, "", ok
}

// numericMonth reads "11/2016" and "3-2015".
func numericMonth(s string, m []int) (string, string, bool) {
	if numberAround(s, m[0], m[1]) {
		return "", "", false
	}
	d, ok := isoMonth(atoi(group(s, m, 2)), atoi(group(s, m, 1)))
	return d, "", ok
}

// isoMonthOrSeason reads "2016-11" and "2016/11" as a month, but not
// "2008-09" or "2011/12", whose second number is the next year's: a
// season or a fiscal year.
func isoMonthOrSeason(s string, m []int) (string, string, bool) {
	y, mon := atoi(group(s, m, 1)), atoi(group(s, m, 2))
	if numberAround(s, m[0], m[1]) || mon == (y+1)%100 {
		return "", "", false
	}
	d, ok := isoMonth(y, mon)
	return d, "", ok
}

// dayRange reads "3–5 August 1916" and "4 to 22 January 1995".
func dayRange(s string, m []int) (string, string, bool) {
	y, mon := atoi(group(s, m, 6)), monthNumber(group(s, m, 5))
	a, ok1 := isoDay(y, mon, atoi(group(s, m, 1)))
	b, ok2 := isoDay(y, mon, atoi(group(s, m, 4)))
	if !ok1 || !ok2 || b <= a {
		return "", "", false
	}
	return a, b, true
}

// monthRange reads "June–August 1992" and "from May to October 2020"; a
// range that wraps the new year starts the year before ("Nov–Feb 2017").
func monthRange(s string, m []int) (string, string, bool) {
	y := atoi(group(s, m, 3))
	m1, m2 := monthNumber(group(s, m, 1)), monthNumber(group(s, m, 2))
	if m1 == 0 || m2 == 0 || m1 == m2 {
		return "", "", false
	}
	y1 := y
	if m1 > m2 {
		y1--
	}
	a, ok1 := isoMonth(y1, m1)
	b, ok2 := isoMonth(y, m2)
	return a, b, ok1 && ok2
}

// isoDate turns a match of rule r into "YYYY", "YYYY-MM" or "YYYY-MM-DD".
func isoDate(s string, m []int, r dateRule) (string, bool) {
	y := atoi(group(s, m, r.year))
	if y < minYear || y > maxYear {
		return "", false
	}
	// "1990s" and "2008-09" season ranges are not this rule's dates.
	if end := m[2*r.year+1]; end == m[1] && end < len(s) && (s[end] == 's' || s[end] == '\'' && end+1 < len(s) && s[end+1] == 's' || (s[end] == '-' && r.month == 0 && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9')) {
		return "", false
	}
	if r.month == 0 {
		return strconv.Itoa(y), true
	}
	mon := 0
	if p := group(s, m, r.month); p != "" {
		if p[0] >= '0' && p[0] <= '9' {
			mon = atoi(p)
		} else {
			mon = monthNumber(p)
		}
	}
	if r.day == 0 {
		return isoMonth(y, mon)
	}
	// "6,107.31 August 2019": the day is the end of another number.
	if a := m[2*r.day]; a > 1 && strings.IndexByte(".,", s[a-1]) >= 0 && s[a-2] >= '0' && s[a-2] <= '9' {
		return "", false
	}
	return isoDay(y, mon, atoi(group(s, m, r.day)))
}
