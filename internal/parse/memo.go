package parse

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// Memo headers. A memo opens with "Key: value" lines — To:, From:, Date:,
// Subject: (or Re:), CC: — in its first block. When that block (the first
// or the second, after a "MEMORANDUM" line) holds only such lines, two
// keys at least, one of them Subject/Re or From, the reader takes
// Subject → title, From → author and Date → date, and leaves those lines
// out; the other lines (To:, CC:) stay, each a paragraph of its own.

// memoKeys maps the keys of memo header lines (lower case) to the
// metadata field they fill, "" for a key that stays in the text.
var memoKeys = map[string]string{
	"to": "", "cc": "", "bcc": "", "attn": "", "copy": "",
	"from": "author", "date": "date", "subject": "title", "re": "title", "subj": "title",
	"кому": "", "копия": "", "от": "author", "дата": "date", "тема": "title",
}

// memoLine splits a memo header line into its key (lower case) and value.
func memoLine(l string) (key, val string, ok bool) {
	k, v, found := strings.Cut(l, ":")
	if !found || indentOf(l) > 0 {
		return "", "", false
	}
	k = strings.ToLower(strings.TrimSpace(k))
	if _, known := memoKeys[k]; !known || strings.TrimSpace(v) == "" {
		return "", "", false
	}
	return k, collapse(v), true
}

// memo reads a memo header (see above) into m.
func (r *textReader) memo(lines []srcLine, m *document.Meta) []srcLine {
	i := 0
	for blocks := 0; blocks < 2 && i < len(lines); blocks++ {
		for i < len(lines) && lines[i].text == "" {
			i++
		}
		j := i
		keys := map[string]bool{}
		all := true
		for j < len(lines) && lines[j].text != "" {
			k, _, ok := memoLine(lines[j].text)
			all = all && ok
			keys[k] = true
			j++
		}
		if j > i && all && len(keys) >= 2 && (keys["subject"] || keys["re"] || keys["subj"] || keys["тема"] || keys["from"] || keys["от"]) {
			r.memoFields(lines[i:j], m)
			// A blank line after each header line keeps the ones left
			// (To:, CC:) apart.
			out := make([]srcLine, 0, len(lines)+j-i)
			out = append(out, lines[:i]...)
			for _, l := range lines[i:j] {
				out = append(out, l, srcLine{n: l.n})
			}
			return append(out, lines[j:]...)
		}
		i = j
	}
	return lines
}

// memoFields fills m from the header lines and blanks the ones it used;
// a blank line is left between the kept ones so each is a paragraph.
func (r *textReader) memoFields(header []srcLine, m *document.Meta) {
	for k := range header {
		key, val, _ := memoLine(header[k].text)
		switch memoKeys[key] {
		case "title":
			if m.Title == "" {
				m.Title = val
			}
		case "author":
			if m.Author == "" {
				m.Author = val
			}
		case "date":
			if d, ok := NormalizeDate(val); ok {
				m.Date = d
			} else {
				r.w.Add(posAt(r.f, header[k].n), "memo date %q not understood (use YYYY-MM-DD or \"2 January 2006\"): left in the text", val)
				continue
			}
		default:
			continue
		}
		header[k].text = ""
	}
}
