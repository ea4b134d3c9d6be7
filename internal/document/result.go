package document

// Analysis is what the analysis stage found in a document. It lives beside
// the document, not inside it (like go/types.Info); every item points back
// to a numbered block by its paragraph ID ("p7").
type Analysis struct {
	Summary []SummarySentence
	Facts   Facts
}

// SummarySentence is one sentence of the extractive summary.
type SummarySentence struct {
	Text string
	// Paragraph is the ID of the block the sentence comes from.
	Paragraph string
}

// Facts are the fact tables.
type Facts struct {
	Figures       []Figure
	Timeline      []Event
	People        []Person
	Places        []Place
	Organizations []Organization
	Quotations    []Quotation
}

// Figure is a number with what it counts or measures.
type Figure struct {
	// Value is the number; for a range, Value is the low end and High the
	// high end (HasRange true).
	Value    float64
	High     float64
	HasRange bool
	// Kind says what sort of quantity the figure is; the zero value is
	// read as KindCount.
	Kind FigureKind
	// Bound says how Value relates to the true quantity; the zero value is
	// read as BoundExact. A range is BoundRange.
	Bound FigureBound
	// Qualifier is the hedge as written ("over", "nearly", "около") or ""
	// when there is none. It is for display and export only: Bound is what
	// it means.
	Qualifier string
	// Unit is the counted noun, "%", a currency code or a unit of measure
	// or time, as Kind says.
	Unit string
	// Text is the figure as written.
	Text      string
	Paragraph string
}

// Event is a dated event of the timeline.
type Event struct {
	// Date is "YYYY", "YYYY-MM" or "YYYY-MM-DD".
	Date string
	// End is the last date of a range ("1991–1995" → "1995"), at its own
	// precision, or "" for a single date.
	End string
	// Text is the date as written.
	Text      string
	Event     string
	Paragraph string
}

// Person is a person named in the document.
type Person struct {
	Name       string
	Role       string
	Paragraphs []string
}

// Place is a country, region or city named in the document.
type Place struct {
	Name       string
	Paragraphs []string
}

// Organization is a named body.
type Organization struct {
	Name      string
	Acronym   string
	Expansion string
	// Paragraphs are the IDs of the blocks that mention it.
	Paragraphs []string
}

// Quotation is quoted speech.
type Quotation struct {
	Text      string
	Speaker   string
	Paragraph string
}
