package parse

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/cputime"
	"github.com/briefbook/briefbook/internal/source"
)

// TestTextLinearTime checks that the plain-text reader's conventions cost
// time linear in the input: 4× the input takes well under 16× the time
// (see linearEnough), for inputs that stress each of them.
func TestTextLinearTime(t *testing.T) {
	tests := []linearCase{
		{"page breaks with running lines", "RFC 1  Title  May 2000\n\n   text of the page goes on here\n\nDoe  Info  [Page 7]\n\f\n"},
		{"numbered lines without form feeds", "Doe  Info  [Page 7]\n   text\n"},
		{"legal headings in one block", "Section 1\n"},
		{"legal heading above text", "Section 1\nText of it.\n\n"},
		{"preformatted blocks", "      +--+--+\n      |  |  |\n\n"},
		{"contents entries", "Chapter one                        12\n\n"},
		{"one paragraph per line", strings.Repeat("word ", 25) + "\n— Yes.\n"},
		{"memo-like lines", "To: x\n"},
		{"gutenberg markers", "*** START OF THE PROJECT GUTENBERG EBOOK X ***\n"},
		{"rfc-like header", "Request for Comments: 1     A. B\n"},
		{"look-alike headings", "ЧАСТЬ BTОРАЯ\n\n"},
	}
	runLinear(t, tests, measureText)
}

// measureText returns the best of 3 ParseText times of "T\n\n" and unit
// repeated to each size.
func measureText(t *testing.T, unit string, sizes ...int) [2]time.Duration {
	t.Helper()
	var times [2]time.Duration
	for i, size := range sizes {
		in := []byte("T\n\n" + strings.Repeat(unit, size/len(unit)))
		times[i] = time.Hour
		for range 3 {
			runtime.GC()
			start := cputime.Now()
			doc, err := ParseText(&source.File{Name: "p.txt", Data: in}, &source.Warnings{})
			times[i] = min(times[i], cputime.Since(start))
			checkDoc(t, "p.txt", in, doc, err)
		}
	}
	return times
}
