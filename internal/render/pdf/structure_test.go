package pdf

import (
	"encoding/xml"
	"html"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

// These tests read the structure of the PDF (outline, link annotations)
// with mutool and qpdf, and skip when those are not installed.

// outlineEntry is one line of `mutool show F outline`.
type outlineEntry struct {
	depth int // 1 for top-level entries
	title string
	page  int
}

var outlineLine = regexp.MustCompile(`^[|+-]((?:\t)+)"(.*)"\t#page=(\d+)`)

func readOutline(t *testing.T, file string) []outlineEntry {
	t.Helper()
	needTool(t, "mutool")
	out, err := exec.Command("mutool", "show", file, "outline").Output()
	if err != nil {
		t.Fatalf("mutool show outline: %v", err)
	}
	var es []outlineEntry
	for _, ln := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		m := outlineLine.FindStringSubmatch(ln)
		if m == nil {
			t.Fatalf("outline line %q not understood", ln)
		}
		p, _ := strconv.Atoi(m[3])
		es = append(es, outlineEntry{depth: len(m[1]), title: m[2], page: p})
	}
	return es
}

// TestOutline checks that the bookmarks are the front-matter pages and then
// every titled section once, with its number and title, in document order,
// nested by level and pointing at the page of its heading.
func TestOutline(t *testing.T) {
	for _, name := range []string{"constructs.md", "kk-ru.md"} {
		t.Run(name, func(t *testing.T) {
			b := buildTestdata(t, name)
			got := readOutline(t, b.file)
			// The front matter in page order; contents that share the
			// summary's last page (no page of their own) follow it there.
			var want []outlineEntry
			// The front matter is named in the document's language.
			lb := render.LabelsFor(b.in.Doc.Meta.Language)
			own := false
			for _, ps := range b.res.PageMap.Starts {
				own = own || ps.Part == "contents"
			}
			for i, ps := range b.res.PageMap.Starts {
				switch ps.Part {
				case "summary", "facts", "contents":
					title := map[string]string{"summary": lb.Summary, "facts": lb.KeyFacts, "contents": lb.Contents}[ps.Part]
					if len(want) == 0 || want[len(want)-1].title != title {
						want = append(want, outlineEntry{1, title, ps.Page})
					}
				}
				next := b.res.PageMap.Starts[min(i+1, len(b.res.PageMap.Starts)-1)].Part
				if !own && ps.Part == "summary" && (next != "summary" || i == len(b.res.PageMap.Starts)-1) &&
					b.res.PageMap.ContentsAfter == "summary" {
					want = append(want, outlineEntry{1, lb.Contents, ps.Page})
				}
			}
			front := len(want)
			b.in.Doc.WalkSections(func(s *document.Section) bool {
				if strings.TrimSpace(s.Title) != "" {
					want = append(want, outlineEntry{s.Level, squash(s.Number + " " + s.Title), b.res.SectionPage[s.ID]})
				}
				return true
			})
			if len(want)-front < 2 {
				t.Fatalf("only %d titled sections in %s", len(want)-front, name)
			}
			// Footnotes that did not fit at the foot of their page go under
			// a closing "Notes" heading.
			if n := len(got); n > 0 && len(b.in.Doc.Footnotes) > 0 && got[n-1].title == lb.Notes && got[n-1].depth == 1 {
				want = append(want, got[n-1])
			}
			for i := 0; i < max(len(got), len(want)); i++ {
				var g, w outlineEntry
				if i < len(got) {
					g = got[i]
				}
				if i < len(want) {
					w = want[i]
				}
				if g != w {
					t.Errorf("outline entry %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// pdfLink is a link annotation as qpdf sees it: its rectangle in points
// from the bottom left, and the page its /Dest points at (0 for a URI).
type pdfLink struct {
	x0, y0, x1, y1 float64
	dest           int
}

// readLinks returns the link annotations of every page, by page number.
func readLinks(t *testing.T, file string) map[int][]pdfLink {
	t.Helper()
	needTool(t, "qpdf")
	objs, pages := qpdfJSON(t, file)
	num := func(v any) float64 { f, _ := v.(float64); return f }
	links := map[int][]pdfLink{}
	pageNo := map[string]int{}
	for i, p := range pages {
		pageNo[p] = i + 1
	}
	for i, p := range pages {
		page, _ := objs["obj:"+p].Value.(map[string]any)
		annots, _ := page["/Annots"].([]any)
		for _, a := range annots {
			ref, ok := a.(string)
			if !ok {
				t.Fatalf("page %d: /Annots element %v is not a reference", i+1, a)
			}
			d, _ := objs["obj:"+ref].Value.(map[string]any)
			if d["/Subtype"] != "/Link" {
				continue
			}
			r, _ := d["/Rect"].([]any)
			if len(r) != 4 {
				t.Fatalf("page %d: %s has no /Rect", i+1, ref)
			}
			l := pdfLink{x0: min(num(r[0]), num(r[2])), x1: max(num(r[0]), num(r[2])),
				y0: min(num(r[1]), num(r[3])), y1: max(num(r[1]), num(r[3]))}
			if dest, ok := d["/Dest"].([]any); ok && len(dest) > 0 {
				s, _ := dest[0].(string)
				if l.dest = pageNo[s]; l.dest == 0 {
					t.Errorf("page %d: %s points at %v, not a page", i+1, ref, dest[0])
				}
			}
			links[i+1] = append(links[i+1], l)
		}
	}
	return links
}

// pdfWord is a word as pdftotext -bbox sees it, in points from the top left.
type pdfWord struct {
	x0, y0, x1, y1 float64
	text           string
}

func readWords(t *testing.T, file string, page int) (words []pdfWord, height float64) {
	t.Helper()
	needTool(t, "pdftotext")
	out, err := exec.Command("pdftotext", "-bbox", "-f", strconv.Itoa(page), "-l", strconv.Itoa(page), file, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	var doc struct {
		Page struct {
			Height float64 `xml:"height,attr"`
			Words  []struct {
				XMin float64 `xml:"xMin,attr"`
				YMin float64 `xml:"yMin,attr"`
				XMax float64 `xml:"xMax,attr"`
				YMax float64 `xml:"yMax,attr"`
				Text string  `xml:",chardata"`
			} `xml:"word"`
		} `xml:"body>doc>page"`
	}
	dec := xml.NewDecoder(strings.NewReader(string(out)))
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	if err := dec.Decode(&doc); err != nil {
		t.Fatalf("pdftotext output: %v", err)
	}
	for _, w := range doc.Page.Words {
		words = append(words, pdfWord{w.XMin, w.YMin, w.XMax, w.YMax, html.UnescapeString(w.Text)})
	}
	return words, doc.Page.Height
}

var paraRef = regexp.MustCompile(`^¶(\d+)`)

// TestFrontLinksLandOnParagraphs checks every "¶N" printed on the summary
// and key-facts pages: a link annotation covers it, and its destination is
// the page of paragraph N.
func TestFrontLinksLandOnParagraphs(t *testing.T) {
	for _, name := range []string{"constructs.md", "kk-ru.md"} {
		t.Run(name, func(t *testing.T) {
			b := buildTestdata(t, name)
			links := readLinks(t, b.file)
			checked := map[string]int{}
			for _, ps := range b.res.PageMap.Starts {
				if ps.Part != "summary" && ps.Part != "facts" {
					continue
				}
				words, h := readWords(t, b.file, ps.Page)
				for _, w := range words {
					m := paraRef.FindStringSubmatch(w.text)
					if m == nil {
						continue
					}
					id := "p" + m[1]
					want := b.res.ParagraphPage[id]
					if want == 0 {
						t.Errorf("page %d: %q names no paragraph", ps.Page, w.text)
						continue
					}
					// The middle of the "¶N" glyphs, in PDF space.
					cx, cy := w.x0+1, h-(w.y0+w.y1)/2
					var hit *pdfLink
					for i, l := range links[ps.Page] {
						if cx >= l.x0 && cx <= l.x1 && cy >= l.y0 && cy <= l.y1 {
							hit = &links[ps.Page][i]
							break
						}
					}
					switch {
					case hit == nil:
						t.Errorf("page %d: %q is not a link", ps.Page, w.text)
					case hit.dest != want:
						t.Errorf("page %d: %q links to page %d, paragraph %s is on page %d", ps.Page, w.text, hit.dest, id, want)
					}
					checked[ps.Part]++
				}
			}
			if checked["summary"] < 3 || checked["facts"] < 3 {
				t.Errorf("checked %v ¶ references, want at least 3 on each of summary and facts", checked)
			}
		})
	}
}
