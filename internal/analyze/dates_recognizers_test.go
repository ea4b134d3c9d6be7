package analyze

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
)

// dateRecognizersCase is one English case of Microsoft Recognizers-Text's
// DateTime suite that fits the timeline's contract (see
// testdata/recognizers-datetime/SOURCE.md): an input and the absolute
// dates it holds.
type dateRecognizersCase struct {
	ID    string `json:"id"`    // spec file and index: "DatePeriodParser#17"
	Group string `json:"group"` // day, month, year, range, part, open, not-a-date
	Input string `json:"input"`
	Want  []struct {
		Text string `json:"text"` // the date as the suite found it
		Date string `json:"date"`
		End  string `json:"end"`
	} `json:"want"`
}

// dateRecognizersSkipped lists the suite's cases that do not fit the contract,
// each with a category whose reason is recorded beside it.
type dateRecognizersSkipped struct {
	Commit  string            `json:"commit"`
	Reasons map[string]string `json:"reasons"`
	Cases   []struct {
		ID    string `json:"id"`
		Input string `json:"input"`
		Skip  string `json:"skip"`
	} `json:"cases"`
}

func loadDateRecognizers(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "recognizers-datetime", name))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatal(err)
	}
}

// dateRecognizersGot is what the timeline makes of an input: its dates as
// "date" or "date/end", sorted.
func dateRecognizersGot(input string) []string {
	var out []string
	for _, e := range findDates(units1(input)) {
		d := e.Date
		if e.End != "" {
			d += "/" + e.End
		}
		out = append(out, d)
	}
	sort.Strings(out)
	return out
}

// TestRecognizersDateTime runs the fitting English cases of
// Recognizers-Text through the timeline and reports the pass rate per
// group (go test ./internal/analyze -run Recogn -v). The cases failing
// today are listed in knownDateRecognizersFailures with the reason; any other
// failure is a regression, and a listed case that passes must leave the
// list.
func TestRecognizersDateTime(t *testing.T) {
	var cases []dateRecognizersCase
	loadDateRecognizers(t, "cases.json", &cases)
	var skipped dateRecognizersSkipped
	loadDateRecognizers(t, "skipped.json", &skipped)

	pass, total := map[string]int{}, map[string]int{}
	var groups []string
	for _, c := range cases {
		if total[c.Group] == 0 {
			groups = append(groups, c.Group)
		}
		total[c.Group]++
		var want []string
		for _, w := range c.Want {
			d := w.Date
			if w.End != "" {
				d += "/" + w.End
			}
			want = append(want, d)
		}
		sort.Strings(want)
		got := dateRecognizersGot(c.Input)
		ok := slices.Equal(got, want)
		if ok {
			pass[c.Group]++
		}
		_, known := knownDateRecognizersFailures[c.ID]
		switch {
		case !ok && !known:
			t.Errorf("%s (%s): %q\n got  %q\n want %q", c.ID, c.Group, c.Input, got, want)
		case ok && known:
			t.Errorf("%s passes now: remove it from knownDateRecognizersFailures", c.ID)
		}
	}
	all, allPass := 0, 0
	for _, g := range groups {
		t.Logf("%-10s %3d of %3d pass (%.0f%%)", g, pass[g], total[g], 100*float64(pass[g])/float64(total[g]))
		all += total[g]
		allPass += pass[g]
	}
	t.Logf("%-10s %3d of %3d pass (%.0f%%)", "all", allPass, all, 100*float64(allPass)/float64(max(all, 1)))

	// Skipped cases: every one has a category with a recorded reason.
	bySkip := map[string]int{}
	for _, s := range skipped.Cases {
		if skipped.Reasons[s.Skip] == "" {
			t.Errorf("%s: skip category %q has no reason", s.ID, s.Skip)
		}
		bySkip[s.Skip]++
	}
	var cats []string
	for k := range bySkip {
		cats = append(cats, k)
	}
	sort.Strings(cats)
	for _, k := range cats {
		t.Logf("skipped %-12s %3d: %s", k, bySkip[k], skipped.Reasons[k])
	}
	for id := range knownDateRecognizersFailures {
		if !slices.ContainsFunc(cases, func(c dateRecognizersCase) bool { return c.ID == id }) {
			t.Errorf("knownDateRecognizersFailures lists %s, which is not a case", id)
		}
	}
}

// knownDateRecognizersFailures are the suite's cases the timeline gets wrong
// today, by ID, with why.
var knownDateRecognizersFailures = map[string]string{
	"DateParser#23":        "month/day then a comma and the year (08/12,2015): not read",
	"DateParser#102":       "spelled-out ordinal day (fourth of July, January first, twenty second): not read",
	"DateParser#116":       "day and month order unknown: both numbers are 12 or less",
	"DateParser#128":       "spelled-out ordinal day (fourth of July, January first, twenty second): not read",
	"DatePeriodParser#22":  "year and month as numbers with the year first (2015.3, 2015/3): reads as a decimal or a ratio",
	"DatePeriodParser#23":  "year and month as numbers with the year first (2015.3, 2015/3): reads as a decimal or a ratio",
	"DatePeriodParser#24":  "year and month as numbers with the year first (2015.3, 2015/3): reads as a decimal or a ratio",
	"DatePeriodParser#69":  "\"the third month of 2021\", \"2016 the third quarter\": not read, the year alone is kept",
	"DatePeriodParser#159": "the first day of a range without its month (from 4 to January 22): the start is lost",
	"DatePeriodParser#162": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#163": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#164": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#166": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#168": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#169": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#170": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#172": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#173": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#174": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#176": "month number and year with spaces round the hyphen or slash (11 - 2016): a subtraction or a score as often",
	"DatePeriodParser#177": "month number and year with spaces round the hyphen or slash (11 - 2016): a subtraction or a score as often",
	"DatePeriodParser#178": "month number and year with spaces round the hyphen or slash (11 - 2016): a subtraction or a score as often",
	"DatePeriodParser#180": "month number and year with spaces round the hyphen or slash (11 - 2016): a subtraction or a score as often",
	"DatePeriodParser#187": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#188": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DatePeriodParser#190": "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"MergedParser#58":      "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"MergedParser#117":     "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"MergedParser#132":     "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"DateTimeModel#137":    "year before a month name (2016 June, 2015 May), or before a month number with spaces (2016 - 11): rare in prose",
	"DateTimeModel#152":    "month name glued to the day (Dec31): not read",
	"DateTimeModel#205":    "a tilde as a range sign (2014~2018): not read",
	"DateTimeModel#269":    "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"DateTimeModel#277":    "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"DateTimeModel#298":    "a range of numeric dates with the order of day and month unknown",
	"DateTimeModel#299":    "a range of numeric dates with the order of day and month unknown",
	"DateTimeModel#300":    "a range of numeric dates with the order of day and month unknown",
	"DateTimeModel#304":    "a month without a year before a full date (Nov-Feb 5th, 2017): the start is lost",
	"DateTimeModel#310":    "a range of numeric dates with the order of day and month unknown",
	"DateTimeModel#311":    "a range of numeric dates with the order of day and month unknown",
	"DateTimeModel#312":    "a range of numeric dates with the order of day and month unknown",
	"DateTimeModel#427":    "a date-time stamp (Wed Oct 26 15:50:06 2016): not read; the sentence's other year is not lent to it",
	"DateTimeModel#432":    "a month followed by \"in\" and the year (april in 2016): only the year is read",
	"DateTimeModel#466":    "spelled-out ordinal day (fourth of July, January first, twenty second): not read",
	"DateTimeModel#468":    "year after 2100: read as a number",
	"DateTimeModel#476":    "\"cy 2008\": an abbreviation of calendar year not read",
	"DateTimeModel#485":    "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"DateTimeModel#486":    "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"DateTimeModel#487":    "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"DateTimeModel#595":    "\"June the 28th\": not read",
	"DateTimeModel#610":    "a range of numeric dates with the order of day and month unknown",
	"DateTimeModel#620":    "spelled-out ordinal day (fourth of July, January first, twenty second): not read",
	"DateTimeModel#624":    "spelled-out ordinal day (fourth of July, January first, twenty second): not read",
	"DateTimeModel#625":    "spelled-out ordinal day (fourth of July, January first, twenty second): not read",
	"DateTimeModel#703":    "\"from 2015 and 2016\" is read as a range; the suite reads two years",
	"DateTimeModel#755":    "year first with a month name and the day last or inside (2020/23/Sep, September-2020-23, 23-2020-September): not read",
	"DateTimeModel#756":    "year first with a month name and the day last or inside (2020/23/Sep, September-2020-23, 23-2020-September): not read",
	"DateTimeModel#759":    "year first with a month name and the day last or inside (2020/23/Sep, September-2020-23, 23-2020-September): not read",
	"DateTimeModel#854":    "year, month and day separated by spaces (2016 10 16): a run of numbers",
	"DateTimeModel#857":    "\"the third month of 2021\", \"2016 the third quarter\": not read, the year alone is kept",
	"DateTimeModel#889":    "a bare year with no word that makes it a date (1998, =2019, 2012 or after): read as a number",
	"DateTimeModel#918":    "dates on lines of a search phrase with a bare year: the bare year is not read",
}
