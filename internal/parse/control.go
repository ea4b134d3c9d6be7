package parse

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// controlCleaner removes control characters that decoding brings back
// after clean has run on the source: character references ("&#x1b;",
// "&#7;", "&#x9b;", "&#133;") and YAML escapes ("\e", "\0", "\x07"). It
// warns once per document, at the first one removed, like clean.
type controlCleaner struct {
	f      *source.File
	w      *source.Warnings
	warned bool
}

// text returns s without control characters; with keepSeparators, tab and
// newline stay (the model uses them in body text and code). what names
// where the character came from, for the warning at line() (called only
// when a character is removed).
func (c *controlCleaner) text(s string, keepSeparators bool, line func() int, what string) string {
	i := strings.IndexFunc(s, func(r rune) bool {
		return document.IsControl(r) && !(keepSeparators && (r == '\t' || r == '\n'))
	})
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if !document.IsControl(r) || keepSeparators && (r == '\t' || r == '\n') {
			b.WriteRune(r)
			continue
		}
		if !c.warned {
			c.warned = true
			c.w.Add(posAt(c.f, line()), "control character %U from %s removed (further ones are removed silently)", r, what)
		}
	}
	return b.String()
}
