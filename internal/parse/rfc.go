package parse

import (
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// RFC front matter. An RFC (and an Internet-Draft) opens with a header of
// two columns — the series on the left ("Internet Engineering Task Force
// (IETF)", "Request for Comments: 6455", "Category: …"), the authors,
// their organisations and the date on the right — and then the title,
// centred. The reader takes the title, the authors (the right-column
// entries written as initials and a surname, "I. Fette"), the date and
// the RFC number (as the subtitle "RFC 6455") into the metadata and leaves
// the header and title lines out of the body, with a warning. A header
// has two series lines at least, one of them "Request for Comments: N" or
// "Internet-Draft", and at most 21 lines.

// rfcSeries matches the left-column lines that mark an RFC header.
var rfcSeries = regexp.MustCompile(`^(Request for Comments|Internet-Draft|Network Working Group|Internet Engineering Task Force|Category|Obsoletes|Updates|ISSN|Intended status|Expires)\b`)

// rfcNumber finds the number of "Request for Comments: 6455".
var rfcNumber = regexp.MustCompile(`^Request for Comments:\s*(\d+)`)

// rfcAuthor matches an author entry: initials and a surname, perhaps
// ", Ed.".
var rfcAuthor = regexp.MustCompile(`^(\p{Lu}[\p{L}]?\.[ -]?)+\s*\p{Lu}[\p{L}'’-]+( [\p{Lu}][\p{L}'’-]+)?(, Ed\.)?$`)

// columns splits a header line at its first run of three or more spaces
// into left and right columns; a line indented that far is all right
// column.
func columns(l string) (left, right string) {
	if indentOf(l) >= 3 {
		return "", strings.TrimSpace(l)
	}
	if i := strings.Index(l, "   "); i >= 0 {
		return strings.TrimSpace(l[:i]), strings.TrimSpace(l[i:])
	}
	return strings.TrimSpace(l), ""
}

// rfcHeader reads an RFC header at the top of lines (see above).
func (r *textReader) rfcHeader(lines []srcLine, m *document.Meta) []srcLine {
	i := 0
	for i < len(lines) && lines[i].text == "" {
		i++
	}
	j := i
	series, named := 0, false
	for j < len(lines) && lines[j].text != "" && j-i <= 20 {
		left, _ := columns(lines[j].text)
		if rfcSeries.MatchString(left) {
			series++
			named = named || rfcNumber.MatchString(left) || strings.HasPrefix(left, "Internet-Draft")
		}
		j++
	}
	if series < 2 || !named || (j < len(lines) && lines[j].text != "") {
		return lines
	}
	var authors []string
	for _, l := range lines[i:j] {
		left, right := columns(l.text)
		if mm := rfcNumber.FindStringSubmatch(left); mm != nil {
			m.Subtitle = "RFC " + mm[1]
		}
		switch {
		case right == "":
		case rfcAuthor.MatchString(right):
			authors = append(authors, right)
		default:
			if d, ok := NormalizeDate(right); ok {
				m.Date = d
			}
		}
	}
	m.Author = strings.Join(authors, ", ")
	end := j
	// The title: the next block, when its lines are centred (indented
	// well past the body) and short.
	k := j
	for k < len(lines) && lines[k].text == "" {
		k++
	}
	t := k
	var title []string
	for t < len(lines) && lines[t].text != "" && indentOf(lines[t].text) >= 8 && utf8.RuneCountInString(strings.TrimSpace(lines[t].text)) <= maxTitleRunes {
		s := strings.TrimSpace(lines[t].text)
		if !strings.HasPrefix(s, "draft-") && !strings.HasPrefix(s, "<draft-") {
			title = append(title, s)
		}
		t++
	}
	if t > k && (t == len(lines) || lines[t].text == "") && len(title) > 0 {
		m.Title = collapse(strings.Join(title, " "))
		end = t
	}
	for n := i; n < end; n++ {
		lines[n].text = ""
	}
	r.w.Add(posAt(r.f, lines[i].n), "RFC header (lines %d–%d) read into the title, subtitle, authors and date; its series, category and organisation lines left out", lines[i].n, lines[end-1].n)
	return lines
}
