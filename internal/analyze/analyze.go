package analyze

import (
	"unicode"
	"unicode/utf8"

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
	for i := range us {
		us[i].ws = nil // the split words served the facts; the summary splits its own way
	}
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
	// Role is what the part of the document holding the block is for, from
	// its headings (see headingRole) or, in a text whose reader found no
	// headings, from a line that names it (see pseudoHeading).
	Role role
	// Short is set for a list of short items (see shortItemsList).
	Short bool
	// ws caches words(Text); see wordList.
	ws []word
}

// wordList returns the words of the block, split once.
func (u unit) wordList() []word {
	if u.ws != nil {
		return u.ws
	}
	return words(u.Text)
}

// collectUnits returns the numbered blocks of doc in document order.
func collectUnits(doc *document.Document) []unit {
	var us []unit
	var walk func(s *document.Section, top int, r role)
	walk = func(s *document.Section, top int, r role) {
		if s.Title != "" && r != roleMatter {
			r = headingRole(s.Title)
		}
		for _, b := range s.Blocks {
			ref := document.RefOf(b)
			if ref == nil || ref.ID == "" {
				continue
			}
			text := document.BlockText(b)
			us = append(us, unit{ID: ref.ID, Text: text, Sents: Sentences(text, doc.Meta.Language), Lang: doc.Meta.Language,
				Sec: top, Role: r, Short: shortItemsList(b), ws: words(text)})
		}
		for _, c := range s.Sections {
			walk(c, top, r)
		}
	}
	for i, s := range doc.Sections {
		walk(s, i, roleBody)
	}
	markPseudoHeadings(us)
	return us
}

// markPseudoHeadings gives the blocks that follow a line naming a role
// ("Abstract", "References") that role, up to the next short line that
// looks like a heading, within the body of the document.
func markPseudoHeadings(us []unit) {
	cur, on := roleBody, false
	for i := range us {
		u := &us[i]
		if u.Role != roleBody {
			on = false
			continue
		}
		if r, ok := pseudoHeading(u.Text); ok {
			cur, on = r, true
			continue
		}
		if on && looksLikeHeading(u.Text) {
			on = false
			continue
		}
		if on {
			u.Role = cur
		}
	}
}

// looksLikeHeading reports whether a block is a short line without
// sentence punctuation that starts with a capital or a number.
func looksLikeHeading(text string) bool {
	t, ok := shortLine(text, 8, ".!?,;:")
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(t)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
