package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// longQuoteHeavy returns a document of about n paragraphs without
// headings, full of quotation marks, names, figures and dates: the input
// that made the analysis corrupt the heap (see
// internal/analyze/testdata/builder-copy).
func longQuoteHeavy(n int) string {
	names := []string{"Arman Bekov", "Dana Serikova", "Қасым-Жомарт Тоқаев", "Mr Lucien Dufort", "Айгерим Нурланова"}
	marks := [][2]string{{"«", "»"}, {"“", "”"}, {"„", "“"}, {"\"", "\""}, {"‘", "’"}}
	var b strings.Builder
	b.WriteString("Talks on trade and transit\n\n")
	for i := 0; i < n; i++ {
		for k := 0; k < 3; k++ {
			m := marks[(i+k)%len(marks)]
			fmt.Fprintf(&b, "On %d March %d %s said %sthe talks with Өзбекстан on trade worth $%d million went well%s, and %s “nested «inner words» too”. ",
				1+(i+k)%28, 1991+(i+k)%30, names[(i+k)%len(names)], m[0], 10+i*7+k, m[1], names[(i+k+1)%len(names)])
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// TestLongInputUnderGCStress runs the commands that analyse a long text
// with the collector running almost continuously (GOGC=1), several times:
// a miscompile or a dangling pointer shows up here as "fatal error" and
// exit 2 rather than as a wrong answer.
func TestLongInputUnderGCStress(t *testing.T) {
	if testing.Short() {
		t.Skip("GC stress: not in -short mode")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "long.txt")
	if err := os.WriteFile(src, []byte(longQuoteHeavy(300)), 0o644); err != nil {
		t.Fatal(err)
	}
	md := filepath.Join(dir, "long.md")
	if err := os.WriteFile(md, []byte("# Talks\n\n"+longQuoteHeavy(300)), 0o644); err != nil {
		t.Fatal(err)
	}
	env := []string{"GOGC=1", "SOURCE_DATE_EPOCH=0"}
	for i := 0; i < 3; i++ {
		for _, args := range [][]string{
			{"facts", src},
			{"sections", src},
			{"facts", md},
			{"build", "-o", filepath.Join(dir, "out"), "--format", "json", src},
		} {
			r := run(t, dir, env, args...)
			if r.code != 0 || strings.Contains(r.stderr, "fatal error") {
				t.Fatalf("run %d, %v: exit %d\n%.2000s", i, args, r.code, r.stderr)
			}
		}
	}
}
