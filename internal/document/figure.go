package document

// FigureKind is the sort of quantity a Figure is. The set is closed:
// KindCount, KindMoney, KindPercent, KindDuration and KindMeasure.
type FigureKind string

// The kinds of figure, as the JSON export writes them.
const (
	// KindCount is a number of things; Unit is the counted noun phrase
	// ("1,600 agreements" → "agreements").
	KindCount FigureKind = "count"
	// KindMoney is an amount of money; Unit is an ISO 4217 currency code
	// ("$2m" → "USD").
	KindMoney FigureKind = "money"
	// KindPercent is a share; Unit is "%" and Value the number shown
	// ("35%" → 35).
	KindPercent FigureKind = "percent"
	// KindDuration is a length of time; Unit is the time unit as written
	// ("48 hours" → "hours").
	KindDuration FigureKind = "duration"
	// KindMeasure is a physical quantity; Unit is the unit of measure as
	// written ("131ft" → "ft", "158 million tonnes" → "tonnes").
	KindMeasure FigureKind = "measure"
)

// FigureBound says how a figure's value relates to the quantity it
// stands for. The set is closed: BoundExact, BoundAbout, BoundAtLeast,
// BoundAtMost and BoundRange.
type FigureBound string

// The bounds of a figure, as the JSON export writes them.
const (
	// BoundExact is a figure stated without a hedge ("140 countries",
	// "only 3 survivors").
	BoundExact FigureBound = "exact"
	// BoundAbout is an approximate figure ("about", "nearly", "около").
	BoundAbout FigureBound = "about"
	// BoundAtLeast is a lower bound ("over", "more than", "at least",
	// "более").
	BoundAtLeast FigureBound = "at_least"
	// BoundAtMost is an upper bound ("under", "up to", "less than",
	// "менее").
	BoundAtMost FigureBound = "at_most"
	// BoundRange is a range from Value to High ("10–15", "between 5 and 7").
	BoundRange FigureBound = "range"
)

// KindOrCount returns f.Kind, or KindCount when it is not set.
func (f Figure) KindOrCount() FigureKind {
	if f.Kind == "" {
		return KindCount
	}
	return f.Kind
}

// BoundOrExact returns f.Bound, or BoundExact when it is not set; a
// figure with a range is BoundRange whatever Bound says.
func (f Figure) BoundOrExact() FigureBound {
	switch {
	case f.HasRange:
		return BoundRange
	case f.Bound == "":
		return BoundExact
	}
	return f.Bound
}
