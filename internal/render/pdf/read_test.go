package pdf

import (
	"encoding/xml"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// These tests read the PDF itself with poppler's pdftotext -bbox-layout,
// and skip when it is not installed.

// built is one rendered test document, kept for all tests of a run.
type built struct {
	in   *render.Input
	res  *Result
	file string
	err  error
	text map[int][]pdfLine // page → lines, filled on demand
	mu   sync.Mutex
}

var (
	builtMu sync.Mutex
	builtBy = map[string]*built{}
)

// buildTestdata parses, analyses and renders testdata/name once per run.
func buildTestdata(t *testing.T, name string) *built {
	t.Helper()
	builtMu.Lock()
	defer builtMu.Unlock()
	if b, ok := builtBy[name]; ok {
		if b.err != nil {
			t.Fatal(b.err)
		}
		return b
	}
	b := &built{text: map[int][]pdfLine{}}
	builtBy[name] = b
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		b.err = err
		t.Fatal(err)
	}
	var ws source.Warnings
	doc, err := parse.Parse(&source.File{Name: name, Data: data}, &ws)
	if err != nil {
		b.err = err
		t.Fatal(err)
	}
	b.in = &render.Input{Doc: doc, Analysis: analyze.Analyze(doc, analyze.Options{}), SourceData: data,
		Options: render.DefaultOptions(), Warnings: &ws}
	if b.res, err = Layout(b.in); err != nil {
		b.err = err
		t.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "briefbook-pdf-test")
	if err != nil {
		b.err = err
		t.Fatal(err)
	}
	b.file = filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".pdf")
	if err := os.WriteFile(b.file, b.res.PDF, 0o644); err != nil {
		b.err = err
		t.Fatal(err)
	}
	return b
}

// pdfLine is a line of text as pdftotext sees it, in points from the top left.
type pdfLine struct {
	x0, y0, x1, y1 float64
	words          []string
}

func (l pdfLine) text() string { return strings.Join(l.words, " ") }

// lines returns the lines of page p, top to bottom.
func (b *built) lines(t *testing.T, p int) []pdfLine {
	t.Helper()
	b.mu.Lock()
	defer b.mu.Unlock()
	if ls, ok := b.text[p]; ok {
		return ls
	}
	out, err := exec.Command("pdftotext", "-bbox-layout", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), b.file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	type word struct {
		XMin float64 `xml:"xMin,attr"`
		Text string  `xml:",chardata"`
	}
	type xline struct {
		XMin  float64 `xml:"xMin,attr"`
		YMin  float64 `xml:"yMin,attr"`
		XMax  float64 `xml:"xMax,attr"`
		YMax  float64 `xml:"yMax,attr"`
		Words []word  `xml:"word"`
	}
	var doc struct {
		Lines []xline `xml:"body>doc>page>flow>block>line"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext output: %v", err)
	}
	var ls []pdfLine
	for _, l := range doc.Lines {
		pl := pdfLine{x0: l.XMin, y0: l.YMin, x1: l.XMax, y1: l.YMax}
		for _, w := range l.Words {
			pl.words = append(pl.words, html.UnescapeString(w.Text))
		}
		ls = append(ls, pl)
	}
	sort.SliceStable(ls, func(i, j int) bool {
		if d := ls[i].y1 - ls[j].y1; d < -2 || d > 2 {
			return d < 0
		}
		return ls[i].x0 < ls[j].x0
	})
	b.text[p] = ls
	return ls
}

const mm = 72 / 25.4 // points per millimetre

// bodyLines returns the lines of page p inside the text area of the
// default style (margins 22/25 mm), without ¶ numbers in the margin.
func (b *built) bodyLines(t *testing.T, p int) []pdfLine {
	var out []pdfLine
	for _, l := range b.lines(t, p) {
		if l.y0 < 25*mm-2 || l.y1 > 841.89-25*mm+2 || l.x1 < 22*mm {
			continue
		}
		out = append(out, l)
	}
	return out
}

// tokens splits text into words as document.CountWords counts them.
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
	})
}

// blockAt returns the section with the given ID and its block at index.
func blockAt(doc *document.Document, id string, index int) (*document.Section, document.Block) {
	var sec *document.Section
	doc.WalkSections(func(s *document.Section) bool {
		if s.ID == id {
			sec = s
		}
		return sec == nil
	})
	if sec == nil || index < 0 || index >= len(sec.Blocks) {
		return sec, nil
	}
	return sec, sec.Blocks[index]
}

// TestPageMapWords checks the page map against the PDF: the first line of
// every body page holds the words at the recorded offset of its block.
func TestPageMapWords(t *testing.T) {
	needTool(t, "pdftotext")
	for _, name := range []string{"constructs.md", "kk-ru.md"} {
		t.Run(name, func(t *testing.T) {
			b := buildTestdata(t, name)
			pm := b.res.PageMap
			if pm == nil || pm.Pages != b.res.Pages || len(pm.Starts) != b.res.Pages {
				t.Fatalf("page map %+v for %d pages", pm, b.res.Pages)
			}
			checked := 0
			for _, ps := range pm.Starts {
				if ps.Part != "body" {
					continue
				}
				lines := b.bodyLines(t, ps.Page)
				if len(lines) == 0 {
					t.Errorf("page %d: no text", ps.Page)
					continue
				}
				first := tokens(lines[0].text())
				sec, blk := blockAt(b.in.Doc, ps.Section, ps.Block)
				if ps.Block == -1 {
					if sec == nil || !strings.Contains(squash(lines[0].text()), squash(sec.Title)) {
						t.Errorf("page %d starts with %q, want the heading of %s", ps.Page, lines[0].text(), ps.Section)
					}
					checked++
					continue
				}
				if blk == nil {
					t.Errorf("page %d: block %s/%d not found", ps.Page, ps.Section, ps.Block)
					continue
				}
				if _, ok := blk.(*document.Table); ok {
					continue // the page starts with the repeated header row
				}
				words := tokens(document.BlockText(blk))
				if ps.Word >= len(words) {
					t.Errorf("page %d: word %d of a block of %d words", ps.Page, ps.Word, len(words))
					continue
				}
				// List markers ("2.") lie inside the text area; a hyphenated
				// word goes on from the page before; the last word of the line
				// may be hyphenated.
				if _, ok := blk.(*document.List); ok && len(first) > 1 && isNumber(first[0]) && first[0] != words[ps.Word] {
					first = first[1:]
				}
				n := min(len(first)-1, 4)
				if n < 1 {
					n = 1
				}
				for i := 0; i < n && ps.Word+i < len(words); i++ {
					want, got := words[ps.Word+i], first[i]
					if got != want && !(i == 0 && strings.HasSuffix(want, got)) {
						t.Errorf("page %d (%s block %d word %d): first line %q, block text has %q at word %d",
							ps.Page, ps.Section, ps.Block, ps.Word, lines[0].text(), strings.Join(words[ps.Word:min(ps.Word+n, len(words))], " "), ps.Word)
						break
					}
				}
				checked++
			}
			if checked < 3 {
				t.Errorf("only %d body pages checked", checked)
			}
		})
	}
}

func isNumber(s string) bool {
	_, err := strconv.Atoi(s)
	return err == nil
}

func TestWriteTestdataPDFs(t *testing.T) {
	dir := os.Getenv("BRIEFBOOK_PDF_OUT")
	if dir == "" {
		t.Skip("set BRIEFBOOK_PDF_OUT to a directory to write the test PDFs there")
	}
	for _, name := range []string{"constructs.md", "kk-ru.md"} {
		b := buildTestdata(t, name)
		if err := os.WriteFile(filepath.Join(dir, strings.TrimSuffix(name, ".md")+".pdf"), b.res.PDF, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, ps := range b.res.PageMap.Starts {
			t.Logf("%s %+v", name, ps)
		}
	}
}

// sectionTitles returns the printed labels of the titled sections ("2 Data and methods").
func sectionTitles(doc *document.Document) map[string]string {
	out := map[string]string{}
	doc.WalkSections(func(s *document.Section) bool {
		if strings.TrimSpace(s.Title) != "" {
			out[s.ID] = squash(strings.TrimSpace(s.Number + " " + s.Title))
		}
		return true
	})
	return out
}

// TestHeadingsKeptWithText checks that no body page ends with a heading:
// at least two lines follow every heading on its page.
func TestHeadingsKeptWithText(t *testing.T) {
	needTool(t, "pdftotext")
	for _, name := range []string{"constructs.md", "kk-ru.md"} {
		b := buildTestdata(t, name)
		titles := sectionTitles(b.in.Doc)
		for id, title := range titles {
			p := b.res.SectionPage[id]
			lines := b.bodyLines(t, p)
			found := false
			for i, l := range lines {
				if squash(l.text()) == title {
					found = true
					if len(lines)-i-1 < 2 {
						t.Errorf("%s: heading %q ends page %d", name, title, p)
					}
				}
			}
			if !found {
				t.Errorf("%s: heading %q not on page %d", name, title, p)
			}
		}
	}
}

// TestContentsRowsMatchHeadings checks every Contents row against the page its heading is on.
func TestContentsRowsMatchHeadings(t *testing.T) {
	needTool(t, "pdftotext")
	b := buildTestdata(t, "constructs.md")
	titles := sectionTitles(b.in.Doc)
	// The page with the "Contents" heading: a page of its own, or the
	// summary page when the contents share it.
	var contents int
	for _, ps := range b.res.PageMap.Starts {
		if ps.Part == "body" {
			break
		}
		for _, l := range b.lines(t, ps.Page) {
			if squash(l.text()) == "Contents" {
				contents = ps.Page
			}
		}
		if contents > 0 {
			break
		}
	}
	if contents == 0 {
		t.Fatal("no contents page")
	}
	if b.res.PageMap.Starts[contents-1].Part != "summary" {
		t.Errorf("constructs.md: contents on page %d (%s), want them on the summary page", contents, b.res.PageMap.Starts[contents-1].Part)
	}
	var all []string
	for _, l := range b.lines(t, contents) {
		all = append(all, l.text())
	}
	text := squash(strings.Join(all, " "))
	for id, title := range titles {
		i := strings.Index(text, title+" ")
		if i < 0 {
			t.Errorf("contents: %q not found in %q", title, text)
			continue
		}
		f := strings.Fields(strings.TrimLeft(text[i+len(title):], " ."))
		if len(f) == 0 {
			t.Errorf("contents: no page after %q", title)
			continue
		}
		if n, err := strconv.Atoi(f[0]); err != nil || n != b.res.SectionPage[id] {
			t.Errorf("contents: %q has page %q, heading is on page %d", title, f[0], b.res.SectionPage[id])
		}
	}
}

// TestHyphenation checks that long justified English and Russian text is
// hyphenated: lines end in a hyphen inside a word.
func TestHyphenation(t *testing.T) {
	needTool(t, "pdftotext")
	for _, name := range []string{"constructs.md", "kk-ru.md"} {
		b := buildTestdata(t, name)
		n := 0
		for _, ps := range b.res.PageMap.Starts {
			if ps.Part != "body" {
				continue
			}
			for _, l := range b.bodyLines(t, ps.Page) {
				last := l.words[len(l.words)-1]
				if r := []rune(last); len(r) > 3 && r[len(r)-1] == '-' && unicode.IsLetter(r[len(r)-2]) {
					n++
				}
			}
		}
		if n < 3 {
			t.Errorf("%s: %d hyphenated lines", name, n)
		}
	}
}

// TestRunesEmbedded checks that every rune in the PDF text is in an embedded font.
func TestRunesEmbedded(t *testing.T) {
	needTool(t, "pdftotext")
	_, fs := testStyleFonts(t)
	for _, name := range []string{"constructs.md", "kk-ru.md"} {
		b := buildTestdata(t, name)
		out, err := exec.Command("pdftotext", "-enc", "UTF-8", b.file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range string(out) {
			if unicode.IsSpace(r) || r == '\f' {
				continue
			}
			ok := false
			for _, f := range fs {
				ok = ok || f.Has(r)
			}
			if !ok {
				t.Errorf("%s: rune %U %q in no embedded font", name, r, r)
			}
		}
	}
}
