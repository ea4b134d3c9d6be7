package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// safe makes s harmless to print on a terminal as (part of) one line: it
// escapes C0 control characters (newline and carriage return included; tab
// is kept), DEL, C1 control characters, invalid UTF-8 bytes, the
// bidirectional embedding, override and isolate characters (U+202A–U+202E,
// U+2066–U+2069) and the line and paragraph separators, so that no escape
// or OSC sequence from a document or a file name reaches the terminal and
// no text can pretend to be on another line. Every line the CLI prints
// from a document or a file name goes through it.
func safe(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < 0x20 && c != '\t' || c == 0x7f || c >= utf8.RuneSelf {
			break
		}
		i++
	}
	if i == len(s) {
		return s // plain printable ASCII: the common case
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x20 && r != '\t' || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// unsafeRune reports the non-ASCII runes safe escapes: C1 controls,
// bidirectional controls and the Unicode line and paragraph separators.
func unsafeRune(r rune) bool {
	return 0x80 <= r && r <= 0x9f || 0x202a <= r && r <= 0x202e || 0x2066 <= r && r <= 0x2069 || r == 0x2028 || r == 0x2029
}

// jsonSafe escapes, in JSON written by encoding/json, what encoding/json
// leaves raw and a terminal may act on: DEL, C1 controls and bidirectional
// controls, as \uXXXX (encoding/json already escapes C0 controls and
// U+2028/U+2029). Such runes only occur inside JSON strings, where the
// escape means the same character, so the JSON keeps its meaning.
func jsonSafe(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == 0x7f || unsafeRune(r) {
			if out == nil {
				out = append(make([]byte, 0, len(b)+16), b[:i]...)
			}
			out = fmt.Appendf(out, `\u%04x`, r)
		} else if out != nil {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	if out == nil {
		return b
	}
	return out
}

// safeWriter passes every line written to it through safe, keeping the
// newlines; it is the output of the flag package's own messages, which
// quote the arguments as given.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	lines := strings.Split(string(p), "\n")
	for i, l := range lines {
		lines[i] = safe(l)
	}
	if _, err := io.WriteString(s.w, strings.Join(lines, "\n")); err != nil {
		return 0, err
	}
	return len(p), nil
}
