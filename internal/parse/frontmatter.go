package parse

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
	meta "github.com/yuin/goldmark-meta"
)

// applyFrontMatter copies the known front matter keys into m, warning about
// values it cannot use. src is the cleaned file, used to find key lines.
//
// Control characters that YAML escapes produce ("\e", "\0", "\x07", also
// tab and newline) are removed from every value, with one warning at the
// key's line (ctl warns once).
func applyFrontMatter(f *source.File, src []byte, fm map[string]any, m *document.Meta, w *source.Warnings, ctl *controlCleaner) {
	at := func(key string) source.Pos { return posAt(f, keyLine(src, key)) }
	// get returns the value of key with control characters removed from
	// every string in it.
	get := func(key string) (any, bool) {
		v, ok := fm[key]
		if !ok {
			return nil, false
		}
		return cleanYAML(v, func(s string) string {
			// Tab and newline are white space to collapse, not removed.
			s = strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
			return ctl.text(s, false, func() int { return keyLine(src, key) }, "front matter")
		}, 0), true
	}
	if v, ok := get("title"); ok {
		m.Title = collapse(scalar(v))
	}
	if v, ok := get("subtitle"); ok {
		m.Subtitle = collapse(scalar(v))
	}
	if v, ok := get("author"); ok {
		m.Author = strings.Join(list(v, false), ", ")
	}
	if v, ok := get("marking"); ok {
		m.Marking = collapse(scalar(v))
	}
	if v, ok := get("keywords"); ok {
		m.Keywords = list(v, true)
	}
	if v, ok := get("date"); ok {
		s := collapse(scalar(v))
		d, ok := NormalizeDate(s)
		if !ok && s != "" {
			w.Add(at("date"), "date %q not understood (use YYYY, YYYY-MM or YYYY-MM-DD): ignored", s)
		}
		m.Date = d
	}
	for _, key := range []string{"language", "lang"} {
		v, ok := get(key)
		if !ok {
			continue
		}
		s := strings.TrimSpace(scalar(v))
		if langTag.MatchString(s) {
			// Keep the primary language subtag: "ru-RU" → "ru".
			if i := strings.IndexAny(s, "-_"); i > 0 {
				s = s[:i]
			}
			m.Language = strings.ToLower(s)
			break
		}
		w.Add(at(key), "language %q is not a language tag: detecting the language instead", s)
	}
}

// cleanYAML returns v with fn applied to the strings that scalar and list
// read: v itself, the elements of a list, and the "name" of a map (alone or
// in a list). Deeper values are left as they are (nothing reads them), so
// the cost is that of list, whatever YAML aliases expand to.
func cleanYAML(v any, fn func(string) string, depth int) any {
	switch v := v.(type) {
	case string:
		return fn(v)
	case []any:
		if depth > 0 {
			return v
		}
		out := make([]any, len(v))
		for i, e := range v {
			out[i] = cleanYAML(e, fn, depth+1)
		}
		return out
	case map[any]any:
		if depth > 1 {
			return v
		}
		name, ok := v["name"]
		if !ok {
			return map[any]any{}
		}
		return map[any]any{"name": cleanYAML(name, fn, 2)}
	}
	return v
}

// langTag accepts tags such as "en", "kk", "ru-RU", "en_GB".
var langTag = regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$`)

// scalar formats a YAML scalar; lists and maps give "".
func scalar(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case time.Time:
		return v.Format("2006-01-02")
	case int, int64, uint64, float64, bool:
		return fmt.Sprint(v)
	}
	return ""
}

// list reads a YAML list or a single value; with splitCommas a string is
// split at commas. Maps with a "name" key (author: [{name: X}]) give X.
func list(v any, splitCommas bool) []string {
	var out []string
	add := func(s string) {
		if s = collapse(s); s != "" {
			out = append(out, s)
		}
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			switch e := e.(type) {
			case map[any]any:
				add(scalar(e["name"]))
			default:
				add(scalar(e))
			}
		}
	case map[any]any:
		add(scalar(v["name"]))
	default:
		s := scalar(v)
		if splitCommas {
			for _, p := range strings.Split(s, ",") {
				add(p)
			}
		} else {
			add(s)
		}
	}
	return out
}

// keyLine returns the line of "key:" inside the front matter at the top of
// src, or 1.
func keyLine(src []byte, key string) int {
	lines := strings.Split(string(src), "\n")
	for i := 1; i < len(lines); i++ {
		l := lines[i]
		if dashes([]byte(l)) {
			break
		}
		if strings.HasPrefix(l, key) && strings.HasPrefix(strings.TrimSpace(l[len(key):]), ":") {
			return i + 1
		}
	}
	return 1
}

var dateLayouts = []struct {
	layout string
	out    string
}{
	{"2006-01-02", "2006-01-02"},
	{"2006-1-2", "2006-01-02"},
	{"2006/01/02", "2006-01-02"},
	{"2006/1/2", "2006-01-02"},
	{"02.01.2006", "2006-01-02"},
	{"2.1.2006", "2006-01-02"},
	{"2 January 2006", "2006-01-02"},
	{"2 Jan 2006", "2006-01-02"},
	{"January 2, 2006", "2006-01-02"},
	{"Jan 2, 2006", "2006-01-02"},
	{"January 2 2006", "2006-01-02"},
	{"2006-01", "2006-01"},
	{"2006/01", "2006-01"},
	{"01.2006", "2006-01"},
	{"January 2006", "2006-01"},
	{"Jan 2006", "2006-01"},
	{"2006", "2006"},
}

// NormalizeDate turns a date as written in front matter into "YYYY",
// "YYYY-MM" or "YYYY-MM-DD". It accepts ISO dates (also with a time, as in
// RFC 3339), "2006/01/02", "02.01.2006", "2 January 2006", "January 2,
// 2006", "January 2006" and a bare year. It returns "" and false otherwise.
func NormalizeDate(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if len(s) > 10 && (s[10] == 'T' || s[10] == ' ') {
		if _, err := time.Parse(time.RFC3339, s); err == nil {
			s = s[:10]
		} else if _, err := time.Parse("2006-01-02 15:04:05", s); err == nil {
			s = s[:10]
		} else if _, err := time.Parse("2006-01-02 15:04", s); err == nil {
			s = s[:10]
		}
	}
	for _, d := range dateLayouts {
		t, err := time.Parse(d.layout, s)
		if err != nil {
			continue
		}
		if t.Year() < 1 || t.Year() > 9999 {
			return "", false
		}
		return t.Format(d.out), true
	}
	return "", false
}

var yamlLine = regexp.MustCompile(`line (\d+)`)

// yamlErrorLine returns the file line of a YAML error in the front matter
// (the YAML starts on line 2), or 1 when the error does not say.
func yamlErrorLine(err error) int {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 1
	}
	n, convErr := strconv.Atoi(m[1])
	if convErr != nil || n < 1 {
		return 1
	}
	return n + 1
}

// yamlErrorText returns the YAML error on one line, without its
// "yaml: line N:" prefix.
func yamlErrorText(err error) string {
	s := strings.TrimPrefix(err.Error(), "yaml: ")
	if loc := yamlLine.FindStringIndex(s); loc != nil && loc[0] == 0 {
		s = strings.TrimLeft(s[loc[1]:], ": ")
	}
	return collapse(strings.ReplaceAll(s, "\n", "; "))
}

// frontMatterKeys are the keys applyFrontMatter reads.
var frontMatterKeys = []string{"title", "subtitle", "author", "date", "language", "lang", "marking", "keywords"}

// frontMatter reads YAML front matter at the top of a plain text, as
// Markdown has it: a "---" line, YAML, a closing line of dashes. It is
// taken only when the YAML parses to a mapping with at least one known key
// (a text may well open with a rule line); its lines are then blanked.
// YAML that does not parse is read as text, with a warning when its first
// line looks like a "key:" line.
func (r *textReader) frontMatter(data []byte, lines []srcLine, m *document.Meta) []srcLine {
	if open, closed := frontMatter(data); !open || !closed {
		return lines
	}
	end := frontMatterEnd(data)
	if end == 0 {
		return lines
	}
	_, ctx := parseMarkdown(data[:end], true, nil)
	fm, err := meta.TryGet(ctx)
	if err != nil {
		if len(lines) > 1 && yamlKeyLine.MatchString(lines[1].text) {
			r.w.Add(posAt(r.f, yamlErrorLine(err)), "front matter ignored: %s", yamlErrorText(err))
		}
		return lines
	}
	known := false
	for _, k := range frontMatterKeys {
		_, ok := fm[k]
		known = known || ok
	}
	if !known {
		return lines
	}
	applyFrontMatter(r.f, data, fm, m, r.w, &controlCleaner{f: r.f, w: r.w})
	last := bytes.Count(data[:end], []byte("\n"))
	if end == len(data) && !bytes.HasSuffix(data, []byte("\n")) {
		last++
	}
	for i := range lines {
		if lines[i].n > last {
			break
		}
		lines[i].text = ""
	}
	return lines
}

// yamlKeyLine matches a line that starts like a YAML mapping entry.
var yamlKeyLine = regexp.MustCompile(`^[A-Za-z_][\w-]*:(\s|$)`)
