package parse

import (
	"fmt"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// MetaKeys are the metadata keys that can be set from outside the document
// (briefbook build -M key=value), in the order help lists them. They are the
// front matter keys; "lang" is taken as an alias of "language".
var MetaKeys = []string{"title", "subtitle", "author", "date", "language", "marking", "keywords"}

// MetaOverride is one metadata value set from outside the document. It
// replaces what the document says (its front matter, a memo header, the
// first line of a plain text), whatever the reader.
type MetaOverride struct {
	// Key is one of MetaKeys.
	Key string
	// Value is the value to set, already checked and normalised: a date is
	// "YYYY", "YYYY-MM" or "YYYY-MM-DD", a language its primary subtag in
	// lower case. An empty value clears the field.
	Value string
}

// ParseMetaOverride reads "key=value" (or "key:value"). Keys are matched
// without regard to case; an unknown key, a date NormalizeDate does not
// understand or a language that is not a language tag is an error, which
// names the known keys or the accepted forms. Control characters are
// removed from the value and white space runs collapse to one space.
func ParseMetaOverride(s string) (MetaOverride, error) {
	i := strings.IndexAny(s, "=:")
	if i < 0 {
		return MetaOverride{}, fmt.Errorf("%q: want key=value (keys: %s)", s, strings.Join(MetaKeys, ", "))
	}
	return NewMetaOverride(s[:i], s[i+1:])
}

// NewMetaOverride checks key and value as ParseMetaOverride does.
func NewMetaOverride(key, value string) (MetaOverride, error) {
	k := strings.ToLower(strings.TrimSpace(key))
	if k == "lang" {
		k = "language"
	}
	known := false
	for _, m := range MetaKeys {
		known = known || m == k
	}
	if !known {
		return MetaOverride{}, fmt.Errorf("unknown metadata key %q (known: %s)", key, strings.Join(MetaKeys, ", "))
	}
	v := collapse(strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		if document.IsControl(r) {
			return -1
		}
		return r
	}, value))
	switch {
	case v == "":
	case k == "date":
		d, ok := NormalizeDate(v)
		if !ok {
			return MetaOverride{}, fmt.Errorf("date %q not understood (use YYYY, YYYY-MM or YYYY-MM-DD)", value)
		}
		v = d
	case k == "language":
		if !langTag.MatchString(v) {
			return MetaOverride{}, fmt.Errorf("language %q is not a language tag (en, ru, kk, en-GB)", value)
		}
		if i := strings.IndexAny(v, "-_"); i > 0 {
			v = v[:i]
		}
		v = strings.ToLower(v)
	}
	return MetaOverride{Key: k, Value: v}, nil
}

// ApplyMeta sets the overrides on m, in order (a later value for the same
// key wins). Keywords are a comma-separated list.
func ApplyMeta(m *document.Meta, overrides []MetaOverride) {
	for _, o := range overrides {
		switch o.Key {
		case "title":
			m.Title = o.Value
		case "subtitle":
			m.Subtitle = o.Value
		case "author":
			m.Author = o.Value
		case "date":
			m.Date = o.Value
		case "language":
			m.Language = o.Value
		case "marking":
			m.Marking = o.Value
		case "keywords":
			m.Keywords = nil
			for _, k := range strings.Split(o.Value, ",") {
				if k = strings.TrimSpace(k); k != "" {
					m.Keywords = append(m.Keywords, k)
				}
			}
		}
	}
}

// SniffReader chooses the reader for a source that has no name to go by
// (standard input): "md" when its text holds Markdown or HTML markup that a
// plain-text reading would print, else "txt".
func SniffReader(data []byte) string {
	if looksMarkedUp(data) {
		return "md"
	}
	return "txt"
}
