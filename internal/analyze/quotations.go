package analyze

import (
	"strings"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// quotePairs are the opening and closing marks of quotations.
var quotePairs = []struct{ open, close rune }{
	{'«', '»'}, {'“', '”'}, {'„', '“'}, {'"', '"'}, {'‘', '’'},
}

const minQuoteWords = 3

// quoteSpan is quoted text at [start,end) of a block's text.
type quoteSpan struct {
	start, end int
}

// quoteSpans finds quoted passages in text: the text between matching
// marks, nested marks kept inside.
func quoteSpans(text string) []quoteSpan {
	var out []quoteSpan
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		found := false
		for _, qp := range quotePairs {
			if r != qp.open {
				continue
			}
			if qp.open == '‘' || qp.open == '"' {
				// An opening mark follows a space, a start or a bracket.
				if i > 0 {
					pr, _ := utf8.DecodeLastRuneInString(text[:i])
					if isWordRune(pr) {
						break
					}
				}
			}
			depth := 1
			j := i + n
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				switch {
				case r2 == qp.close && qp.open != qp.close:
					depth--
				case r2 == qp.open && qp.open != qp.close:
					depth++
				case r2 == qp.close:
					depth = 0
				}
				if r2 == '\n' && j+1 < len(text) && text[j+1] == '\n' {
					break
				}
				if depth == 0 {
					out = append(out, quoteSpan{i + n, j})
					i = j + n2
					found = true
					break
				}
				j += n2
			}
			break
		}
		if !found {
			i += n
		}
	}
	return out
}

// findQuotations returns the quotations of three words or more with their
// speakers: the person named nearest in the same sentence, else an
// organisation named there, else the last person named before a pronoun.
func findQuotations(us []unit, people []document.Person, ms []mention, orgs []document.Organization) []document.Quotation {
	var out []document.Quotation
	for ui, u := range us {
		for _, q := range quoteSpans(u.Text) {
			text := strings.TrimRight(strings.TrimSpace(u.Text[q.start:q.end]), ",.;: ")
			if document.CountWords(text) < minQuoteWords {
				continue
			}
			// "its reputation as "a harbour of free trade"": a label.
			if document.CountWords(text) < 8 && labelIntro[strings.ToLower(lastWordOf(strings.TrimRight(u.Text[:q.start], "«“\"‘„ ")))] {
				continue
			}
			sa, sb := sentenceAround(u, q.start, q.end)
			out = append(out, document.Quotation{
				Text:      text,
				Speaker:   speakerOf(u, ui, q, sa, sb, people, ms, orgs),
				Paragraph: u.ID,
			})
		}
	}
	return out
}

// sentenceAround returns the span of the sentences that hold [a,b).
func sentenceAround(u unit, a, b int) (int, int) {
	sa, sb := 0, len(u.Text)
	for _, s := range u.Sents {
		if s.Start <= a && a < s.End+1 {
			sa = s.Start
		}
		if s.Start <= b && b <= s.End+1 {
			sb = s.End
		}
	}
	if sb < sa {
		sb = len(u.Text)
	}
	return sa, sb
}

func speakerOf(u unit, ui int, q quoteSpan, sa, sb int, people []document.Person, ms []mention, orgs []document.Organization) string {
	best, bestD := -1, 1<<30
	lastBefore := -1
	for _, m := range ms {
		if m.unit < ui || (m.unit == ui && m.end <= q.start) {
			lastBefore = m.person
		}
		if m.unit != ui || m.start >= q.start && m.end <= q.end {
			continue
		}
		if m.end <= sa || m.start >= sb {
			continue
		}
		d := q.start - m.end
		if m.start >= q.end {
			d = m.start - q.end
		}
		if d < 0 {
			d = -d
		}
		if d < bestD {
			best, bestD = m.person, d
		}
	}
	if best >= 0 {
		return people[best].Name
	}
	sent := u.Text[sa:sb]
	outside := u.Text[sa:q.start] + " " + u.Text[q.end:sb]
	for _, o := range orgs {
		if o.Acronym != "" && containsWord(outside, o.Acronym) {
			return o.Name
		}
		if o.Acronym == "" && strings.Contains(outside, o.Name) {
			return o.Name
		}
	}
	_ = sent
	low := " " + strings.ToLower(outside) + " "
	if lastBefore >= 0 && (strings.Contains(low, " he ") || strings.Contains(low, " she ")) {
		for v := range speechVerbs {
			if strings.Contains(low, " "+v) {
				return people[lastBefore].Name
			}
		}
	}
	return ""
}

func containsWord(s, w string) bool {
	for _, x := range words(s) {
		if x.Text == w {
			return true
		}
	}
	return false
}

// labelIntro are the words that introduce a quoted label or term rather
// than speech: "known as", "so-called", "dubbed".
var labelIntro = map[string]bool{
	"as": true, "called": true, "so-called": true, "dubbed": true, "termed": true, "named": true,
	"labelled": true, "labeled": true, "branded": true, "nicknamed": true, "word": true, "term": true,
	"как": true, "называемый": true, "называемая": true, "называемое": true,
}
