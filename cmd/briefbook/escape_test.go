package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	jsonr "github.com/briefbook/briefbook/internal/render/json"
	"github.com/briefbook/briefbook/internal/source"
)

func TestSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"tab\tkept", "tab\tkept"},
		{"\x1b]0;title\x07", `\x1b]0;title\x07`},
		{"a\nb\rc", `a\x0ab\x0dc`},
		{"del\x7f", `del\x7f`},
		{"c1 \u009b31m", `c1 \u009b31m`},
		{"bidi \u202eabc\u202c \u2066x\u2069", `bidi \u202eabc\u202c \u2066x\u2069`},
		{"line\u2028sep", `line\u2028sep`},
		{"bad \xff byte", `bad \xff byte`},
		{"Қазақстан — «ok» 😀", "Қазақстан — «ok» 😀"},
	}
	for _, tt := range tests {
		if got := safe(tt.in); got != tt.want {
			t.Errorf("safe(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJSONSafe(t *testing.T) {
	v := map[string]string{"k": "esc\x1b del\x7f c1\u009b bidi\u202e ok Қ"}
	b, _ := json.Marshal(v)
	got := jsonSafe(b)
	for _, bad := range []string{"\x1b", "\x7f", "\u009b", "\u202e"} {
		if bytes.Contains(got, []byte(bad)) {
			t.Errorf("%q left in %s", bad, got)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(got, &back); err != nil || back["k"] != v["k"] {
		t.Errorf("escaped JSON %s reads back as %q, %v", got, back["k"], err)
	}
}

// TestPrintersEscape feeds the printers strings holding ESC and bidi
// controls directly, whatever the parser does with them.
func TestPrintersEscape(t *testing.T) {
	evil := "x\x1b[2Jy\u202e"
	q := evil
	f := &jsonr.Facts{
		Figures:       []jsonr.Figure{{Value: 3, Qualifier: &q, Unit: evil, Text: evil, Paragraph: "p1"}},
		Timeline:      []jsonr.Event{{Date: "2008", Event: evil, Paragraph: "p1"}},
		People:        []jsonr.Person{{Name: evil, Role: evil, Paragraphs: []string{"p1"}}},
		Places:        []jsonr.Place{{Name: evil, Paragraphs: []string{"p1"}}},
		Organizations: []jsonr.Organization{{Name: evil, Acronym: evil, Paragraphs: []string{"p1"}}},
		Quotations:    []jsonr.Quotation{{Text: evil, Speaker: evil, Paragraph: "p1"}},
	}
	var buf bytes.Buffer
	printFacts(&buf, f)
	printWarnings(&buf, []source.Warning{{Pos: source.Pos{File: evil, Line: 2}, Msg: evil}})
	report(&evilError{evil}, &buf)
	p := &progress{w: &buf, total: 1}
	p.step(evil)
	out := strings.ReplaceAll(buf.String(), "\r\x1b[K", "") // the bar's own sequence
	if strings.ContainsAny(out, "\x1b\u202e") {
		t.Errorf("printed %q", out)
	}
	if n := strings.Count(out, `x\x1b[2Jy\u202e`); n < 14 {
		t.Errorf("escaped text printed %d times, want 14 or more:\n%s", n, out)
	}
}

type evilError struct{ s string }

func (e *evilError) Error() string { return e.s }
