package analyze

import (
	"github.com/briefbook/briefbook/internal/document"
)

// Options control Analyze. The zero value gives the defaults.
type Options struct {
	// SummarySentences is the number of summary sentences; 0 chooses it
	// from the length of the document (3 for a short text, at most 7).
	SummarySentences int
}

// Analyze finds the summary and the facts of doc. It does not change doc.
// Every summary sentence and fact points to the ID of the numbered block
// ("p7") it comes from, so doc.Number must have run (readers call it).
func Analyze(doc *document.Document, opts Options) *document.Analysis {
	a := &document.Analysis{}
	if doc == nil {
		return a
	}
	us := collectUnits(doc)
	a.Facts = extractFacts(us)
	a.Summary = summarize(us, opts.SummarySentences, &a.Facts)
	a.Facts.Places = addTitlePlaces(a.Facts.Places, doc.Meta.Title)
	return a
}

// unit is a numbered block as the analysis sees it: its ID, plain text and
// sentences, and the index of the top-level section that holds it.
type unit struct {
	ID    string
	Text  string
	Sents []Sentence
	Lang  string
	Sec   int
}

// collectUnits returns the numbered blocks of doc in document order.
func collectUnits(doc *document.Document) []unit {
	var us []unit
	var walk func(s *document.Section, top int)
	walk = func(s *document.Section, top int) {
		for _, b := range s.Blocks {
			r := document.RefOf(b)
			if r == nil || r.ID == "" {
				continue
			}
			text := document.BlockText(b)
			us = append(us, unit{ID: r.ID, Text: text, Sents: Sentences(text, doc.Meta.Language), Lang: doc.Meta.Language, Sec: top})
		}
		for _, c := range s.Sections {
			walk(c, top)
		}
	}
	for i, s := range doc.Sections {
		walk(s, i)
	}
	return us
}
