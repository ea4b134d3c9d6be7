package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"path"
	"reflect"
	"strconv"
	"strings"
	"sync"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/document"
)

// Labels are the words a briefing prints in one language, with the rules
// for its numbers, dates, plurals and quotation marks. They come from the
// label table assets/labels/<language>.json, which the PDF and the EPUB
// both read, so the two editions print the same words. Templates hold
// placeholders in braces ("Page {page} of {pages}"); the methods fill them.
type Labels struct {
	// Lang is the primary language subtag the table is for ("en", "ru",
	// "kk").
	Lang string `json:"-"`

	// Plural names the rule that picks the form of a noun after a number:
	// "one-other" (English), "east-slavic" (Russian: one, few, many) or
	// "invariant" (Kazakh: the noun does not agree with the numeral).
	Plural string `json:"plural"`
	// WordForms are the forms of "word" by plural category.
	WordForms map[string]string `json:"words"`
	Number    struct {
		// Group separates groups of three digits, Decimal the fraction.
		Group   string `json:"group"`
		Decimal string `json:"decimal"`
		// GroupFrom is the fewest digits an integer has before its digits
		// are grouped (Russian and Kazakh leave "2017" and "1600" whole).
		GroupFrom int `json:"group_from"`
		// Million and Billion abbreviate large values ("2.5 m").
		Million string `json:"million"`
		Billion string `json:"billion"`
	} `json:"number"`
	// Quotes are the opening and closing quotation marks.
	Quotes [2]string `json:"quotes"`
	// Months are the month names alone ("December", "декабрь"); MonthsOf
	// their form after a day ("3 декабря").
	Months   [12]string `json:"months"`
	MonthsOf [12]string `json:"months_of"`
	// DateDay, DateMonth and DateYear print a date of that precision from
	// {d}, {month}, {month_of} and {y}.
	DateDay   string `json:"date_day"`
	DateMonth string `json:"date_month"`
	DateYear  string `json:"date_year"`

	// Names of the parts and pages of a briefing.
	Briefing   string `json:"briefing"`
	Summary    string `json:"summary"`
	KeyPoints  string `json:"key_points"`
	KeyFacts   string `json:"key_facts"`
	Contents   string `json:"contents"`
	Landmarks  string `json:"landmarks"`
	Cover      string `json:"cover"`
	TitlePage  string `json:"title_page"`
	Text       string `json:"text"`
	Notes      string `json:"notes"`
	Continued  string `json:"continued"`
	Pages      string `json:"pages"`
	Source     string `json:"source"`
	Paragraph  string `json:"paragraph"`
	Figures    string `json:"figures"`
	Timeline   string `json:"timeline"`
	People     string `json:"people"`
	Orgs       string `json:"organizations"`
	Places     string `json:"places"`
	Quotations string `json:"quotations"`
	// CappedTitle names a fact table that shows only some of the facts
	// found: {title}, {shown}, {found}.
	CappedTitle string `json:"capped"`

	// Column headings of the fact tables.
	ColDate     string `json:"col_date"`
	ColEvent    string `json:"col_event"`
	ColPerson   string `json:"col_person"`
	ColRole     string `json:"col_role"`
	ColAcronym  string `json:"col_acronym"`
	ColFullName string `json:"col_full_name"`
	ColPlace    string `json:"col_place"`
	ColMentions string `json:"col_mentions"`
	ColQuote    string `json:"col_quote"`
	ColSpeaker  string `json:"col_speaker"`
	ColRefs     string `json:"col_refs"`

	// Words of a key-figure tile: the bound of a hedged figure ("about
	// 200") and the label of a share.
	About   string `json:"about"`
	AtLeast string `json:"at_least"`
	AtMost  string `json:"at_most"`
	Percent string `json:"percent"`

	// Templates: {n} minutes of reading; the running footer with and
	// without the page count; a page reference; captions.
	ReadingTimeT   string `json:"reading_time"`
	PageOfT        string `json:"page_of"`
	PageAloneT     string `json:"page_alone"`
	PageRefT       string `json:"page_ref"`
	TableCaptionT  string `json:"table_caption"`
	FigureCaptionT string `json:"figure_caption"`
}

// labelDir is the folder of the label table in assets.FS.
const labelDir = "labels"

// loadLabels reads and checks every table in assets.FS, once.
var loadLabels = sync.OnceValues(func() (map[string]*Labels, error) {
	return readLabels(assets.FS, labelDir)
})

// readLabels reads the tables <dir>/<lang>.json of fsys and checks that
// each is complete; English must be among them.
func readLabels(fsys fs.FS, dir string) (map[string]*Labels, error) {
	names, err := fs.Glob(fsys, dir+"/*.json")
	if err != nil {
		return nil, err
	}
	out := map[string]*Labels{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		l, err := parseLabels(data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		l.Lang = strings.TrimSuffix(path.Base(name), ".json")
		out[l.Lang] = l
	}
	if out["en"] == nil {
		return nil, fmt.Errorf("%s: no en.json", dir)
	}
	return out, nil
}

// parseLabels decodes one table and checks that no key is missing or
// empty, that the plural rule is known and has its forms, and that the
// number format is sound.
func parseLabels(data []byte) (*Labels, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	l := &Labels{}
	if err := dec.Decode(l); err != nil {
		return nil, err
	}
	v := reflect.ValueOf(l).Elem()
	for i := 0; i < v.NumField(); i++ {
		f := v.Type().Field(i)
		key, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if key == "-" {
			continue
		}
		switch x := v.Field(i); x.Kind() {
		case reflect.String:
			if strings.TrimSpace(x.String()) == "" {
				return nil, fmt.Errorf("key %q missing or empty", key)
			}
		case reflect.Array:
			for j := 0; j < x.Len(); j++ {
				if strings.TrimSpace(x.Index(j).String()) == "" {
					return nil, fmt.Errorf("key %q: entry %d missing or empty", key, j+1)
				}
			}
		}
	}
	forms, ok := pluralForms[l.Plural]
	if !ok {
		return nil, fmt.Errorf("plural rule %q unknown", l.Plural)
	}
	for _, c := range forms {
		if strings.TrimSpace(l.WordForms[c]) == "" {
			return nil, fmt.Errorf("key \"words\": form %q missing", c)
		}
	}
	if len(l.WordForms) != len(forms) {
		return nil, fmt.Errorf("key \"words\": want the forms %v of rule %q", forms, l.Plural)
	}
	n := l.Number
	if n.Group == "" || n.Decimal == "" || n.Million == "" || n.Billion == "" || n.GroupFrom < 4 {
		return nil, fmt.Errorf("key \"number\": group, decimal, million, billion and group_from ≥ 4 are needed")
	}
	return l, nil
}

// pluralForms are the categories each plural rule needs.
var pluralForms = map[string][]string{
	"one-other":   {"one", "other"},
	"east-slavic": {"one", "few", "many"},
	"invariant":   {"other"},
}

// LangTag returns the BCP 47 tag of a document language: tag itself when
// it is well formed, else "en".
func LangTag(tag string) string {
	tag = strings.TrimSpace(tag)
	if tag == "" || !validLangTag(tag) {
		return "en"
	}
	return tag
}

// validLangTag is a loose BCP 47 check: ASCII letters and digits in
// subtags of 1–8 separated by hyphens, the first all letters.
func validLangTag(tag string) bool {
	for i, sub := range strings.Split(tag, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for _, c := range sub {
			letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}

// LabelsFor returns the labels for the primary language of the BCP 47 tag
// lang ("ru-RU" → Russian); English for a language briefbook has no table
// for, or an empty tag. The tables are embedded and checked by the tests,
// so a broken one is a fault of the build and panics.
func LabelsFor(lang string) *Labels {
	all, err := loadLabels()
	if err != nil {
		panic("label table: " + err.Error())
	}
	primary := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	if l, ok := all[primary]; ok {
		return l
	}
	return all["en"]
}

// fill replaces each {key} of tpl by its value; kv alternates keys and
// values.
func fill(tpl string, kv ...string) string {
	pairs := make([]string, 0, len(kv))
	for i := 0; i+1 < len(kv); i += 2 {
		pairs = append(pairs, "{"+kv[i]+"}", kv[i+1])
	}
	return strings.NewReplacer(pairs...).Replace(tpl)
}

// PluralCategory returns the plural category of n under the table's
// rule: "one", "few", "many" or "other".
func (l *Labels) PluralCategory(n int) string {
	if n < 0 {
		n = -n
	}
	switch l.Plural {
	case "one-other":
		if n == 1 {
			return "one"
		}
	case "east-slavic":
		switch m10, m100 := n%10, n%100; {
		case m10 == 1 && m100 != 11:
			return "one"
		case m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14):
			return "few"
		default:
			return "many"
		}
	}
	return "other"
}

// Words prints a word count with its noun: "42,063 words", "2 слова",
// "5 сөз".
func (l *Labels) Words(n int) string {
	return l.FormatInt(n) + " " + l.WordForms[l.PluralCategory(n)]
}

// ReadingTime prints minutes of reading: "3 min read".
func (l *Labels) ReadingTime(minutes int) string {
	return fill(l.ReadingTimeT, "n", l.FormatInt(minutes))
}

// FormatInt prints n with its digits grouped when it has at least
// Number.GroupFrom of them: "42,063", "42 063" (narrow no-break space).
func (l *Labels) FormatInt(n int) string {
	return l.groupDigits(strconv.Itoa(n))
}

// groupDigits groups the digits of an integer string s ("-1234").
func (l *Labels) groupDigits(s string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	if len(s) >= l.Number.GroupFrom {
		var b strings.Builder
		for i, c := range s {
			if i > 0 && (len(s)-i)%3 == 0 {
				b.WriteString(l.Number.Group)
			}
			b.WriteRune(c)
		}
		s = b.String()
	}
	if neg {
		return "-" + s
	}
	return s
}

// FormatNumber prints v briefly: grouped digits, a decimal fraction with
// the language's separator, or millions and billions abbreviated ("2.5 m",
// "2,5 млн").
func (l *Labels) FormatNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "?"
	}
	frac := func(x float64) string {
		return strings.Replace(strconv.FormatFloat(x, 'f', -1, 64), ".", l.Number.Decimal, 1)
	}
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return frac(math.Round(v/1e8)/10) + "\u202F" + l.Number.Billion
	case a >= 1e6:
		return frac(math.Round(v/1e5)/10) + "\u202F" + l.Number.Million
	case v == math.Trunc(v):
		return l.groupDigits(strconv.FormatInt(int64(v), 10))
	}
	return frac(v)
}

// FormatDate prints an ISO date "YYYY", "YYYY-MM" or "YYYY-MM-DD" in the
// language ("3 December 2026", "3 декабря 2026 г.", "2026 жылғы 3
// желтоқсан"); anything else is printed as given, trimmed.
func (l *Labels) FormatDate(d string) string {
	d = strings.TrimSpace(d)
	parts := strings.Split(d, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return d
	}
	for _, p := range parts {
		if p == "" || strings.Trim(p, "0123456789") != "" {
			return d
		}
	}
	y := parts[0]
	if len(parts) == 1 {
		return fill(l.DateYear, "y", y)
	}
	m, _ := strconv.Atoi(parts[1])
	if len(parts[1]) > 2 || m < 1 || m > 12 {
		return d
	}
	if len(parts) == 2 {
		return fill(l.DateMonth, "month", l.Months[m-1], "y", y)
	}
	day, _ := strconv.Atoi(parts[2])
	if len(parts[2]) > 2 || day < 1 || day > 31 {
		return d
	}
	return fill(l.DateDay, "d", strconv.Itoa(day), "month_of", l.MonthsOf[m-1], "month", l.Months[m-1], "y", y)
}

// Quote puts s in the language's quotation marks: “s” or «s».
func (l *Labels) Quote(s string) string { return l.Quotes[0] + s + l.Quotes[1] }

// PageOf is the running footer of a page: "Page 2 of 4"; "Page 2" when
// the count is not known (pages ≤ 0).
func (l *Labels) PageOf(page, pages int) string {
	if pages <= 0 {
		return fill(l.PageAloneT, "page", strconv.Itoa(page))
	}
	return fill(l.PageOfT, "page", strconv.Itoa(page), "pages", strconv.Itoa(pages))
}

// PageRef is a reference to a page, "p. 7", with no-break spaces.
func (l *Labels) PageRef(page string) string {
	before, after := l.PageRefParts()
	return before + page + after
}

// PageRefParts are the text before and after the page number of a page
// reference ("p. " and ""; "" and "-бет"), with no-break spaces.
func (l *Labels) PageRefParts() (before, after string) {
	before, after, _ = strings.Cut(strings.ReplaceAll(l.PageRefT, " ", "\u00A0"), "{page}")
	return before, after
}

// Capped names a fact table that shows only some of the facts found:
// "People (25 of 312)".
func (l *Labels) Capped(title string, s Shown) string {
	if !s.Capped() {
		return title
	}
	return fill(l.CappedTitle, "title", title, "shown", l.FormatInt(s.Shown), "found", l.FormatInt(s.Found))
}

// TableCaption is the numbered label of a table's caption: "Table 3.".
func (l *Labels) TableCaption(n int) string { return fill(l.TableCaptionT, "n", strconv.Itoa(n)) }

// FigureCaption is the numbered label of a figure's caption: "Figure 3.".
func (l *Labels) FigureCaption(n int) string { return fill(l.FigureCaptionT, "n", strconv.Itoa(n)) }

// Bound returns the word that prints bound b ("about"), or "" for an
// exact figure or a range, whose number says it all.
func (l *Labels) Bound(b document.FigureBound) string {
	switch b {
	case document.BoundAbout:
		return l.About
	case document.BoundAtLeast:
		return l.AtLeast
	case document.BoundAtMost:
		return l.AtMost
	}
	return ""
}
