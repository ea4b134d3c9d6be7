// Command hyphenpages reads briefbook PDFs with poppler's pdftotext and
// reports the two typesetting faults issue 16 counts: pages whose last line
// ends in a word hyphenated across the page break, and the widest word gap
// of a justified body line, in normal spaces.
//
//	go run ./scripts/hyphenpages output/war-and-peace.pdf output/urls.pdf
//
// Each file gives one line:
//
//	war-and-peace.pdf: 0 of 926 pages end with a hyphen; widest justified gap 2.57 spaces (page 311: "…")
//
// The last line of a page is its lowest text line but the page-number
// footer ("Page 2 of 6", "Страница 2 из 6"). Body lines are the lines of the
// most common height whose words lie inside the text area (the top and bottom
// margins are flags); a justified line is one that reaches the right edge of
// the body lines of its page and does not hold contents leaders. The normal
// space is the median gap of the body lines that stop short of that edge (the
// last lines of paragraphs, set unstretched). A gap after a list marker or a
// number with no letters is not a word gap and is not counted.
//
// Exit status: 0 after reporting, 1 when a file cannot be read, 2 on bad
// usage. With -check, 1 also when a file has a hyphenated page end or a gap
// wider than -max-gap spaces.
package main

import (
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its arguments; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("hyphenpages", flag.ContinueOnError)
	fl.SetOutput(stderr)
	top := fl.Float64("margin-top", 25, "top margin of the text area in mm (the default style's)")
	bottom := fl.Float64("margin-bottom", 25, "bottom margin of the text area in mm")
	check := fl.Bool("check", false, "exit 1 when a page ends with a hyphen or a gap exceeds -max-gap")
	maxGap := fl.Float64("max-gap", 3, "widest word gap allowed by -check, in normal spaces")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: hyphenpages [flags] FILE.pdf...")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() == 0 {
		fl.Usage()
		return 2
	}
	status := 0
	for _, file := range fl.Args() {
		out, err := exec.Command("pdftotext", "-bbox-layout", file, "-").Output()
		if err != nil {
			fmt.Fprintf(stderr, "%s: pdftotext: %v\n", file, err)
			status = 1
			continue
		}
		pages, err := readPages(out)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", file, err)
			status = 1
			continue
		}
		r := measure(pages, *top*ptPerMM, *bottom*ptPerMM)
		fmt.Fprintf(stdout, "%s: %s\n", filepath.Base(file), r)
		if *check && (r.hyphenEnds > 0 || r.widest > *maxGap) {
			status = 1
		}
	}
	return status
}

// ptPerMM is points per millimetre.
const ptPerMM = 72 / 25.4

// word is a word as pdftotext places it, in points from the top left.
type word struct {
	x0, y0, x1, y1 float64
	text           string
}

// line is a line of words, left to right.
type line struct {
	x0, y0, x1, y1 float64
	words          []word
}

func (l line) text() string {
	var b strings.Builder
	for i, w := range l.words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(w.text)
	}
	return b.String()
}

// page is one page's size and lines, top to bottom.
type page struct {
	w, h  float64
	lines []line
}

// readPages parses the XHTML of pdftotext -bbox-layout.
func readPages(data []byte) ([]page, error) {
	type xword struct {
		XMin float64 `xml:"xMin,attr"`
		YMin float64 `xml:"yMin,attr"`
		XMax float64 `xml:"xMax,attr"`
		YMax float64 `xml:"yMax,attr"`
		Text string  `xml:",chardata"`
	}
	type xline struct {
		Words []xword `xml:"word"`
	}
	type xpage struct {
		W     float64 `xml:"width,attr"`
		H     float64 `xml:"height,attr"`
		Lines []xline `xml:"flow>block>line"`
	}
	var doc struct {
		Pages []xpage `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("reading pdftotext's output: %v", err)
	}
	out := make([]page, 0, len(doc.Pages))
	for _, xp := range doc.Pages {
		p := page{w: xp.W, h: xp.H}
		for _, xl := range xp.Lines {
			if len(xl.Words) == 0 {
				continue
			}
			l := line{x0: math.Inf(1), y0: math.Inf(1), x1: math.Inf(-1), y1: math.Inf(-1)}
			for _, xw := range xl.Words {
				w := word{x0: xw.XMin, y0: xw.YMin, x1: xw.XMax, y1: xw.YMax, text: html.UnescapeString(strings.TrimSpace(xw.Text))}
				l.words = append(l.words, w)
				l.x0, l.y0 = min(l.x0, w.x0), min(l.y0, w.y0)
				l.x1, l.y1 = max(l.x1, w.x1), max(l.y1, w.y1)
			}
			sort.SliceStable(l.words, func(i, j int) bool { return l.words[i].x0 < l.words[j].x0 })
			p.lines = append(p.lines, l)
		}
		sort.SliceStable(p.lines, func(i, j int) bool {
			if d := p.lines[i].y1 - p.lines[j].y1; math.Abs(d) > 2 {
				return d < 0
			}
			return p.lines[i].x0 < p.lines[j].x0
		})
		out = append(out, p)
	}
	return out, nil
}

// report is what measure finds in one file.
type report struct {
	pages      int // pages with text
	hyphenEnds int // of which end with a hyphenated word
	widest     float64
	widestPage int    // 1-based; 0 when no justified line was found
	widestLine string // the line of the widest gap
}

func (r report) String() string {
	s := fmt.Sprintf("%d of %d pages end with a hyphen", r.hyphenEnds, r.pages)
	if r.widestPage == 0 {
		return s + "; no justified lines"
	}
	return s + fmt.Sprintf("; widest justified gap %.2f spaces (page %d: %q)", r.widest, r.widestPage, r.widestLine)
}

// footer matches the page-number line: a word, a number, a word, a number.
var footer = regexp.MustCompile(`^\pL+ \d+ \pL+ \d+$`)

// measure counts the hyphenated page ends and finds the widest justified
// gap of pages whose text area lies between top and bottom (pt) margins.
func measure(pages []page, top, bottom float64) report {
	var r report
	for _, p := range pages {
		var last *line
		for i := range p.lines {
			if !footer.MatchString(p.lines[i].text()) {
				last = &p.lines[i]
			}
		}
		if last == nil {
			continue
		}
		r.pages++
		if endsHyphenated(last.words[len(last.words)-1].text) {
			r.hyphenEnds++
		}
	}
	height := bodyHeight(pages, top, bottom)
	var body [][]line // by page
	var natural []float64
	for _, p := range pages {
		var ls []line
		for _, l := range p.lines {
			if l.y0 >= top-2 && l.y1 <= p.h-bottom+2 && len(l.words) > 1 && math.Abs((l.y1-l.y0)-height) < 0.25 && !leaders(l) {
				ls = append(ls, l)
			}
		}
		body = append(body, ls)
		edge := rightEdge(ls)
		for _, l := range ls {
			if l.x1 < edge-5 {
				natural = append(natural, gaps(l)...)
			}
		}
	}
	space := median(natural)
	if space <= 0 {
		return r
	}
	for i, ls := range body {
		edge := rightEdge(ls)
		for _, l := range ls {
			if l.x1 < edge-0.5 {
				continue
			}
			for _, g := range gaps(l) {
				if g/space > r.widest {
					r.widest, r.widestPage, r.widestLine = g/space, i+1, l.text()
				}
			}
		}
	}
	return r
}

// endsHyphenated reports whether a page's last word is a word broken by a
// hyphen: a letter, then the hyphen.
func endsHyphenated(w string) bool {
	if !strings.HasSuffix(w, "-") {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(strings.TrimSuffix(w, "-"))
	return unicode.IsLetter(r)
}

// bodyHeight is the most common line height (0.1 pt steps) inside the
// text area: the body text's.
func bodyHeight(pages []page, top, bottom float64) float64 {
	count := map[int]int{}
	for _, p := range pages {
		for _, l := range p.lines {
			if l.y0 >= top-2 && l.y1 <= p.h-bottom+2 {
				count[int(math.Round((l.y1-l.y0)*10))] += len(l.words)
			}
		}
	}
	best, n := 0, -1
	for _, h := range slices.Sorted(func(yield func(int) bool) {
		for h := range count {
			if !yield(h) {
				return
			}
		}
	}) {
		if count[h] > n {
			best, n = h, count[h]
		}
	}
	return float64(best) / 10
}

// rightEdge is the right edge of the widest body lines of a page.
func rightEdge(ls []line) float64 {
	e := 0.0
	for _, l := range ls {
		e = max(e, l.x1)
	}
	return e
}

// leaders reports whether a line holds contents leaders (runs of dots).
func leaders(l line) bool {
	dots := 0
	for _, w := range l.words {
		if strings.Trim(w.text, ".") == "" {
			dots++
		}
	}
	return dots >= 3
}

// gaps returns the word gaps of a line, leaving out the gap after a token
// with no letters (a list marker, a number) and the gap before a
// footnote mark raised above the line.
func gaps(l line) []float64 {
	var out []float64
	for i := 1; i < len(l.words); i++ {
		prev, w := l.words[i-1], l.words[i]
		if !strings.ContainsFunc(prev.text, unicode.IsLetter) {
			continue
		}
		out = append(out, w.x0-prev.x1)
	}
	return out
}

// median returns the median of v, 0 when it is empty.
func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}
