package html

import (
	"strings"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// validXMLRune reports whether r may appear in an XML 1.0 document. C1
// controls and DEL, which XML allows but HTML forbids, are refused too.
func validXMLRune(r rune) bool {
	switch {
	case r == '\t' || r == '\n':
		return true
	case document.IsControl(r):
		return false
	case 0xD800 <= r && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	case r > 0x10FFFF:
		return false
	}
	return true
}

// Clean returns s without the characters XML 1.0 forbids: control
// characters other than tab and newline, U+FFFE, U+FFFF, surrogates and
// invalid UTF-8. A carriage return is dropped.
func Clean(s string) string {
	clean := true
	for i, r := range s {
		if r == utf8.RuneError {
			if _, n := utf8.DecodeRuneInString(s[i:]); n == 1 {
				clean = false
				break
			}
		}
		if !validXMLRune(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if (r == utf8.RuneError && n == 1) || !validXMLRune(r) {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Escape returns s cleaned (see Clean) and escaped for use as XML text or
// as a double-quoted attribute value. Only the five predefined XML
// entities are used, never HTML named entities.
func Escape(s string) string {
	var b strings.Builder
	writeEscaped(&b, s)
	return b.String()
}

func writeEscaped(b *strings.Builder, s string) {
	s = Clean(s)
	last := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '"':
			esc = "&quot;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(esc)
		last = i + 1
	}
	b.WriteString(s[last:])
}
