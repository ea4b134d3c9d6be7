package analyze

import (
	"regexp"
	"strings"
	"testing"
)

// langOf is "ru" for a text with Cyrillic letters, else "en".
func langOf(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return r >= 'а' && r <= 'я' }) {
		return "ru"
	}
	return "en"
}

// TestDateGrammar lists the ways of writing a date the timeline reads and
// those it must leave alone, as a reader of a briefing meets them: one
// sentence, the dates it holds ("date" or "date/end").
func TestDateGrammar(t *testing.T) {
	tests := []struct {
		text string
		want string // comma-separated, in order of date
	}{
		{"The plant opened on March 3rd, 2015 after delays.", "2015-03-03"},
		{"The law was signed on 21/04/2016 by the president.", "2016-04-21"},
		{"The law was signed on 02/22/2016 by the president.", "2016-02-22"},
		{"The law was signed on 3/12/2015 by the president.", ""}, // day and month order unknown
		{"The law was signed on 12.03.2015 by the president.", "2015-03-12"},
		{"The log was written on 2015-08-12 at noon.", "2015-08-12"},
		{"The figures of 2016-11 were revised.", "2016-11"},
		{"He scored twice in the 2008-09 season.", ""},
		{"The treaty was in force from 1997 to 2019 in the region.", "1997/2019"},
		{"Output fell in 2014-2018 across the sector.", "2014/2018"},
		{"The mine was closed from May to October 2020 for repairs.", "2020-05/2020-10"},
		{"Talks ran from November to February 2017 without result.", "2016-11/2017-02"},
		{"The festival ran 3–5 August 1916 in the town.", "1916-08-03/1916-08-05"},
		{"Revenue rose in Q3 2019 after the merger.", "2019-07/2019-09"},
		{"Revenue rose in the first half of 2015 after the merger.", "2015-01/2015-06"},
		{"Sales went up from Q1 2017 to Q3 2018.", "2017-01/2018-09"},
		{"The company was founded in early 2015 in Almaty.", "2015"},
		{"Work resumed in the summer of 2016.", "2016"},
		{"He stayed until the end of 1989 in Moscow.", "1989"},
		{"Elections were held in 2007 and 2009.", "2007,2009"},
		{"They met between May 2015 and 2018 every spring.", "2015-05/2018"},
		{"Prices fell in the 1990s and rose in the mid-2010s.", ""},
		{"On 27 March, 1500 troops landed at the port.", ""},
		{"The budget of 6,107.31 August 2019 was approved.", "2019-08"},
		{"He called +7 727 2010-2015 twice.", ""},
		{"It is observed on 19 June every year since 1865.", "1865"},
		{"The vote was set for February 30, 2019 by mistake.", ""},
		{"Казахстан провозгласил независимость в 1991 году.", "1991"},
		{"Соглашение подписано 12 марта 2015 года в Астане.", "2015-03-12"},
		{"С 1997 по 2019 год столицей была Астана.", "1997/2019"},
		{"Реформа шла с марта 2015 по май 2016 года.", "2015-03/2016-05"},
		{"В 1997–2019 годах население выросло.", "1997/2019"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			evs := findDates([]unit{{ID: "p1", Text: tt.text, Sents: Sentences(tt.text, langOf(tt.text))}})
			var got []string
			for _, e := range evs {
				d := e.Date
				if e.End != "" {
					d += "/" + e.End
				}
				got = append(got, d)
			}
			if g := strings.Join(got, ","); g != tt.want {
				t.Errorf("got %q, want %q (%+v)", g, tt.want, evs)
			}
		})
	}
}

// FuzzFindDates checks that any sentence gives well-formed dates without a
// panic: ISO dates, and a range's end after its start.
func FuzzFindDates(f *testing.F) {
	for _, s := range []string{
		"From Q1 2017 to Q3 2018 (see 3–5 August 1916) — Retrieved 12 March 2015.",
		"С 1997 по 2019 год; в 1991 и 1995 годах (12.03.2015).",
		"Nov 18-Dec 19, 2015, 26 june to 28 june in 2020, 6,107.31 August 2019",
		"((1991–1995) – в 2008 году – ) : ; 1/1/2016-2/2/2016",
	} {
		f.Add(s)
	}
	iso := regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)
	f.Fuzz(func(t *testing.T, s string) {
		for _, e := range findDates(units1(s)) {
			if !iso.MatchString(e.Date) || e.End != "" && (!iso.MatchString(e.End) || e.End[:min(len(e.End), len(e.Date))] < e.Date[:min(len(e.End), len(e.Date))]) {
				t.Errorf("%q: bad date %+v", s, e)
			}
		}
	})
}
