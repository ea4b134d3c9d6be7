package parse

import (
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// Project Gutenberg texts open with a header (the e-book's title, author,
// release date and language, and a notice) ended by a line "*** START OF
// THE PROJECT GUTENBERG EBOOK … ***", and close with "*** END OF THE
// PROJECT GUTENBERG EBOOK … ***" and the licence. The reader keeps the
// text between the two lines only, reads the header's "Title:",
// "Author:", "Release date:" and "Language:" lines into the metadata and
// warns that it left the rest out.

// gutenbergMarker reports whether l is a START (start true) or END line.
func gutenbergMarker(l string) (start, end bool) {
	t := strings.TrimSpace(l)
	if !strings.HasPrefix(t, "***") || len(t) > 200 {
		return false, false
	}
	u := strings.ToUpper(t)
	if !strings.Contains(u, "PROJECT GUTENBERG") {
		return false, false
	}
	return strings.Contains(u, "START OF TH"), strings.Contains(u, "END OF TH")
}

// gutenbergEndNote reports whether l is the "End of the Project Gutenberg
// EBook of …" line that older files put before the END marker.
func gutenbergEndNote(l string) bool {
	u := strings.ToUpper(strings.TrimSpace(l))
	return strings.HasPrefix(u, "END OF THE PROJECT GUTENBERG") || strings.HasPrefix(u, "END OF PROJECT GUTENBERG")
}

// gutenbergLanguages maps the language names of Gutenberg headers to
// language tags.
var gutenbergLanguages = map[string]string{
	"english": "en", "russian": "ru", "kazakh": "kk", "french": "fr", "german": "de",
	"spanish": "es", "italian": "it", "portuguese": "pt", "dutch": "nl", "latin": "la",
	"finnish": "fi", "swedish": "sv", "danish": "da", "norwegian": "no", "polish": "pl",
	"ukrainian": "uk", "greek": "el", "chinese": "zh", "japanese": "ja", "hungarian": "hu",
}

// gutenberg cuts a Project Gutenberg header and licence away (blanking
// their lines, so numbering stays) and fills m from the header.
func (r *textReader) gutenberg(lines []srcLine, m *document.Meta) []srcLine {
	start, end := -1, -1
	for i, l := range lines {
		s, e := gutenbergMarker(l.text)
		if start < 0 && s {
			start = i
			continue
		}
		if start >= 0 && (e || gutenbergEndNote(l.text)) {
			end = i
			break
		}
	}
	if start < 0 {
		return lines
	}
	r.gutenbergMeta(lines[:start], m)
	var parts []string
	parts = append(parts, lineRange(lines[0].n, lines[start].n)+" (header)")
	for i := 0; i <= start; i++ {
		lines[i].text = ""
	}
	if end >= 0 {
		parts = append(parts, lineRange(lines[end].n, lines[len(lines)-1].n)+" (licence)")
		lines = lines[:end]
	}
	r.w.Add(posAt(r.f, lines[0].n), "Project Gutenberg boilerplate left out: lines %s", strings.Join(parts, " and "))
	return lines
}

func lineRange(a, b int) string {
	if a == b {
		return strconv.Itoa(a)
	}
	return strconv.Itoa(a) + "–" + strconv.Itoa(b)
}

// gutenbergMeta reads "Key: value" lines of a Gutenberg header into m. A
// value may go on in indented lines below its key (a long title).
func (r *textReader) gutenbergMeta(lines []srcLine, m *document.Meta) {
	for i := 0; i < len(lines); i++ {
		key, val, ok := strings.Cut(lines[i].text, ":")
		if !ok || indentOf(lines[i].text) > 0 {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		val = strings.TrimSpace(val)
		for i+1 < len(lines) && indentOf(lines[i+1].text) > 0 && strings.TrimSpace(lines[i+1].text) != "" && key == "title" {
			i++
			val += " " + strings.TrimSpace(lines[i].text)
		}
		val = collapse(val)
		if val == "" {
			continue
		}
		switch key {
		case "title":
			m.Title = val
		case "author":
			m.Author = val
		case "release date", "release-date":
			if j := strings.IndexByte(val, '['); j >= 0 {
				val = strings.TrimSpace(val[:j])
			}
			if d, ok := NormalizeDate(val); ok {
				m.Date = d
			}
		case "language":
			if tag, ok := gutenbergLanguages[strings.ToLower(val)]; ok {
				m.Language = tag
			}
		}
	}
}
