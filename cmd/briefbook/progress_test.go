package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestProgressTruncatesByRunes(t *testing.T) {
	var buf bytes.Buffer
	p := &progress{w: &buf, total: 2}
	p.step(strings.Repeat("Қазақстан-", 8) + ".txt")
	if !utf8.Valid(buf.Bytes()) || !strings.Contains(buf.String(), "1/2") || !strings.Contains(buf.String(), "...") {
		t.Errorf("progress line %q", buf.String())
	}
	p.clear()
	var none *progress
	none.step("x") // a nil bar draws nothing and does not panic
	none.clear()
}
