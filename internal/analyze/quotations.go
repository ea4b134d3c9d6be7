package analyze

import (
	"sort"
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
// marks, nested marks kept inside. A blank line ends every open quotation
// unmatched. The marks are matched in one pass (see matchQuotes), so the
// cost is linear even with many unmatched marks.
func quoteSpans(text string) []quoteSpan {
	closing := matchQuotes(text)
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
			if j, ok := closing[i]; ok {
				_, n2 := utf8.DecodeRuneInString(text[j:])
				out = append(out, quoteSpan{i + n, j})
				i = j + n2
				found = true
			}
			break
		}
		if !found {
			i += n
		}
	}
	return out
}

// matchQuotes maps the offset of every opening mark of text that is closed
// to the offset of its closing mark: for nesting pairs («», “”, „“, ‘’)
// the mark that brings the depth back to zero, for the straight double
// quote the next one. A blank line leaves the marks open before it
// unmatched.
func matchQuotes(text string) map[int]int {
	closing := map[int]int{}
	open := make([][]int, len(quotePairs)) // open marks of each pair, a stack
	for j := 0; j < len(text); {
		r, n := utf8.DecodeRuneInString(text[j:])
		for p, qp := range quotePairs {
			switch {
			case qp.open == qp.close && r == qp.open:
				if k := len(open[p]); k > 0 {
					closing[open[p][k-1]] = j
				}
				open[p] = append(open[p][:0], j)
			case r == qp.close:
				if k := len(open[p]); k > 0 {
					closing[open[p][k-1]] = j
					open[p] = open[p][:k-1]
				}
			case r == qp.open:
				open[p] = append(open[p], j)
			}
		}
		if r == '\n' && j+1 < len(text) && text[j+1] == '\n' {
			for p := range open {
				open[p] = open[p][:0]
			}
		}
		j += n
	}
	return closing
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
	// The mentions are in document order: look only at this block's.
	lo := sort.Search(len(ms), func(k int) bool { return ms[k].unit >= ui })
	hi := sort.Search(len(ms), func(k int) bool { return ms[k].unit > ui })
	lastBefore := -1
	if lo > 0 {
		lastBefore = ms[lo-1].person
	}
	for _, m := range ms[lo:hi] {
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
