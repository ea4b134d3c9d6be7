package main

import (
	"bytes"
	"fmt"
	"math"
	"os/exec"
	"strings"
	"testing"
)

// xmlPage writes a page of pdftotext -bbox-layout output: each line is a
// y (top, pt) and its words as "x0-x1:text" with a height of 10 pt.
func xmlPage(lines ...string) string {
	var b strings.Builder
	b.WriteString(`<page width="595.28" height="841.89"><flow><block>`)
	for _, l := range lines {
		f := strings.Fields(l)
		var y float64
		fmt.Sscan(f[0], &y)
		b.WriteString("<line>")
		for _, w := range f[1:] {
			var x0, x1 float64
			var text string
			c := strings.SplitN(w, ":", 2)
			fmt.Sscanf(c[0], "%g-%g", &x0, &x1)
			text = c[1]
			fmt.Fprintf(&b, `<word xMin="%g" yMin="%g" xMax="%g" yMax="%g">%s</word>`, x0, y, x1, y+10, text)
		}
		b.WriteString("</line>")
	}
	b.WriteString("</block></flow></page>")
	return b.String()
}

func xmlDoc(pages ...string) []byte {
	return []byte(`<html><body><doc>` + strings.Join(pages, "") + `</doc></body></html>`)
}

// TestMeasure counts hyphenated page ends and finds the widest gap on
// made-up pages: a body line of 3 pt gaps ending short gives the normal
// space; justified lines reach the right edge (500).
func TestMeasure(t *testing.T) {
	footer := "800 250-270:Page 280-285:1 290-300:of 305-310:2"
	short := "100 100-150:natural 153-200:spaces 203-250:here"
	tests := []struct {
		name       string
		pages      []string
		hyphenEnds int
		widest     float64
		widestPage int
	}{
		{"hyphen at the end, under the footer",
			[]string{xmlPage(short, "120 100-200:justi 209-400:fied 409-500:hyphen-", footer)}, 1, 3, 1},
		{"a dash after a number is not a hyphenated word",
			[]string{xmlPage(short, "120 100-200:from 206-500:1990-", footer)}, 0, 2, 1},
		{"a list marker's gap is not a word gap",
			[]string{xmlPage(short, "120 70-75:• 100-200:item 203-400:text 403-500:ends")}, 0, 1, 1},
		{"contents leaders are left out",
			[]string{xmlPage(short, "120 100-150:Intro 300-302:. 310-312:. 320-322:. 490-500:5")}, 0, 0, 0},
		{"the widest of two pages",
			[]string{xmlPage(short, "120 100-200:a 206-500:b"), xmlPage(short, "120 100-200:c 212-500:d")}, 0, 4, 2},
		{"lines in the margins are not body lines",
			[]string{xmlPage(short, "10 100-200:running 230-500:header")}, 0, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			pages, err := readPages(xmlDoc(tc.pages...))
			if err != nil {
				t.Fatal(err)
			}
			r := measure(pages, 25*ptPerMM, 25*ptPerMM)
			if r.hyphenEnds != tc.hyphenEnds || r.pages != len(tc.pages) {
				t.Errorf("%d of %d pages end with a hyphen, want %d of %d", r.hyphenEnds, r.pages, tc.hyphenEnds, len(tc.pages))
			}
			if math.Abs(r.widest-tc.widest) > 1e-9 || r.widestPage != tc.widestPage {
				t.Errorf("widest gap %.2f on page %d, want %.2f on page %d (%s)", r.widest, r.widestPage, tc.widest, tc.widestPage, r)
			}
		})
	}
}

// TestRunUsage: no files is a usage error; a file pdftotext cannot read
// is reported with its name.
func TestRunUsage(t *testing.T) {
	var out, errs bytes.Buffer
	if got := run(nil, &out, &errs); got != 2 {
		t.Errorf("no arguments: status %d, want 2", got)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	errs.Reset()
	if got := run([]string{"no-such.pdf"}, &out, &errs); got != 1 || !strings.Contains(errs.String(), "no-such.pdf") {
		t.Errorf("missing file: status %d, stderr %q", got, errs.String())
	}
}
