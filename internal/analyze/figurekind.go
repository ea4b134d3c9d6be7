package analyze

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// hedge is a word or phrase that may precede a figure and the bound it
// gives the figure.
type hedge struct {
	text  string
	bound document.FigureBound
}

// hedges are the qualifiers read before a figure, longest first (a
// longer phrase must be tried before a word it ends with). "between" gives
// a range only when a high end follows; "just" and "only" stress an exact
// figure.
var hedges = []hedge{
	{"more than", document.BoundAtLeast}, {"less than", document.BoundAtMost},
	{"fewer than", document.BoundAtMost}, {"at least", document.BoundAtLeast},
	{"at most", document.BoundAtMost}, {"up to", document.BoundAtMost},
	{"as many as", document.BoundAtMost}, {"as much as", document.BoundAtMost},
	{"over", document.BoundAtLeast}, {"nearly", document.BoundAbout}, {"about", document.BoundAbout},
	{"almost", document.BoundAbout}, {"some", document.BoundAbout}, {"around", document.BoundAbout},
	{"approximately", document.BoundAbout}, {"roughly", document.BoundAbout},
	{"between", document.BoundExact}, {"just", document.BoundExact}, {"only", document.BoundExact},
	{"under", document.BoundAtMost},
	{"почти", document.BoundAbout}, {"около", document.BoundAbout}, {"более", document.BoundAtLeast},
	{"свыше", document.BoundAtLeast}, {"менее", document.BoundAtMost}, {"примерно", document.BoundAbout},
}

// boundOf returns the bound that qualifier q (as qualifierBefore returns
// it) gives a figure; a range is a range whatever its qualifier.
func boundOf(q string, hasRange bool) document.FigureBound {
	if hasRange {
		return document.BoundRange
	}
	for _, h := range hedges {
		if h.text == q {
			return h.bound
		}
	}
	return document.BoundExact
}

// currencyCodes are the codes the extractor writes as a money unit: those
// of the currency signs, words and phrases, the dollar prefixes and the
// ISO codes it reads.
var currencyCodes = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range []map[string]string{currencySymbols, currencyWords, currencyPhrases, dollarPrefixes} {
		for _, c := range t {
			m[c] = true
		}
	}
	for c := range isoCodes {
		m[c] = true
	}
	return m
}()

// kindOf returns the kind of a figure with unit u, as the extractor set
// it: "%", a currency code, a unit of measure, a unit of time (the first
// word of the phrase: "months of talks") or else a counted noun.
func kindOf(u string) document.FigureKind {
	first := strings.ToLower(firstField(u))
	switch {
	case u == "%":
		return document.KindPercent
	case currencyCodes[u]:
		return document.KindMoney
	case measureSuffixes[strings.ToLower(u)] || measureWords[first] || measurePrefixes[first]:
		return document.KindMeasure
	case isTimeUnit(first):
		return document.KindDuration
	}
	return document.KindCount
}

// typed sets the kind and bound of a figure the extractor read.
func typed(f document.Figure) document.Figure {
	f.Kind = kindOf(f.Unit)
	f.Bound = boundOf(f.Qualifier, f.HasRange)
	return f
}

func firstField(s string) string {
	fs := strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' || r == '\u00a0' })
	if len(fs) == 0 {
		return ""
	}
	return fs[0]
}
