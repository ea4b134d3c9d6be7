package pdf

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// contentsInput is the fixture with extra titled sections of one short
// paragraph each appended, so that its contents grow from a few rows
// (they fit on the summary page) to a page (before the key facts) to
// several pages (after the key facts).
func contentsInput(extra int) *render.Input {
	in := fixtureInput()
	for i := 0; i < extra; i++ {
		line := 100 + 2*i
		in.Doc.Sections = append(in.Doc.Sections, &document.Section{
			Title: fmt.Sprintf("Annex topic %d", i+1), Pos: source.Pos{File: "fixture.md", Line: line},
			Blocks: []document.Block{para("A short note on this topic. "+lorem, line+1)},
		})
	}
	in.Doc.Number()
	return in
}

// contentsCases are the three placements of the contents.
var contentsCases = []struct {
	name  string
	extra int
	place int
	after string // render.PageMap.ContentsAfter
	front string // bookmarks of the front matter, in page order
}{
	{"short", 0, contentsOnSummary, "summary", "Summary Contents Key facts"},
	{"medium", 30, contentsBeforeFacts, "summary", "Summary Contents Key facts"},
	{"long", 120, contentsAfterFacts, "facts", "Summary Key facts Contents"},
}

// frontParts returns the parts of the pages in page order, runs of one
// part collapsed ("cover summary facts body").
func frontParts(pm *render.PageMap) string {
	var out []string
	for _, ps := range pm.Starts {
		if len(out) == 0 || out[len(out)-1] != ps.Part {
			out = append(out, ps.Part)
		}
	}
	return strings.Join(out, " ")
}

// TestContentsPlacement checks where the contents go for a short, a
// medium and a long document, and that the page map says so: a page that
// begins with the summary stays "summary" when the contents share it.
func TestContentsPlacement(t *testing.T) {
	wantParts := map[int]string{
		contentsOnSummary:   "cover summary facts body",
		contentsBeforeFacts: "cover summary contents facts body",
		contentsAfterFacts:  "cover summary facts contents body",
	}
	for _, c := range contentsCases {
		t.Run(c.name, func(t *testing.T) {
			res := mustLayout(t, contentsInput(c.extra))
			if got := res.PageMap.ContentsAfter; got != c.after {
				t.Errorf("ContentsAfter = %q, want %q", got, c.after)
			}
			if got := frontParts(res.PageMap); got != wantParts[c.place] {
				t.Errorf("parts %q, want %q", got, wantParts[c.place])
			}
		})
	}
}

// TestContentsPlacementConverges checks that the choice never moves back:
// a pass keeps the place of the pass before when the contents would now
// fit in an earlier place, so the passes cannot alternate.
func TestContentsPlacementConverges(t *testing.T) {
	in := fixtureInput()
	st, fs := testStyleFonts(t)
	z := newSanitizer(fs, nil)
	d, fm := prepare(in.Doc, st, z), prepareFront(in, st, z)
	for _, prev := range []int{contentsOnSummary, contentsBeforeFacts, contentsAfterFacts} {
		rec := newRecord()
		rec.contentsPlace = prev
		l, err := newLayout(in, st, fs, &metrics{}, d, fm, "A4", rec)
		if err != nil {
			t.Fatal(err)
		}
		l.run()
		if l.rec.contentsPlace != prev {
			t.Errorf("previous pass %d: this pass chose %d", prev, l.rec.contentsPlace)
		}
	}
}

var contentsLine = regexp.MustCompile(`^\s*(\S.*?)\s+(?:\. ?)+\s*(\d+)\s*$`)

// TestContentsPagesAllPlacements checks, for each placement, that the
// contents list every titled section once with the page of its heading,
// and that the bookmarks follow the page order.
func TestContentsPagesAllPlacements(t *testing.T) {
	needTool(t, "pdftotext")
	for _, c := range contentsCases {
		t.Run(c.name, func(t *testing.T) {
			in := contentsInput(c.extra)
			res := mustLayout(t, in)
			file := writeTemp(t, res.PDF)
			outline := readOutline(t, file)
			var front []string
			first, last := 0, 0
			for i, e := range outline {
				if e.depth == 1 && (e.title == "Summary" || e.title == "Key facts" || e.title == "Contents") {
					front = append(front, e.title)
				}
				if e.title == "Contents" && i+1 < len(outline) {
					first, last = e.page, outline[i+1].page
				}
				if i > 0 && e.page < outline[i-1].page {
					t.Errorf("bookmark %q (p. %d) after %q (p. %d)", e.title, e.page, outline[i-1].title, outline[i-1].page)
				}
			}
			if got := strings.Join(front, " "); got != c.front {
				t.Errorf("front bookmarks %q, want %q", got, c.front)
			}
			if first == 0 {
				t.Fatal("no Contents bookmark")
			}
			if last > first {
				last-- // the next part starts on a page of its own
			}
			titles := map[string]string{} // printed title → section ID
			in.Doc.WalkSections(func(s *document.Section) bool {
				if s.Title != "" {
					titles[s.Number+" "+s.Title] = s.ID
				}
				return true
			})
			seen := map[string]bool{}
			for _, ln := range strings.Split(pdfText(t, file, first, last), "\n") {
				m := contentsLine.FindStringSubmatch(ln)
				if m == nil {
					continue
				}
				id, ok := titles[squash(m[1])]
				if !ok {
					continue
				}
				if seen[id] {
					t.Errorf("contents: %q listed twice", m[1])
				}
				seen[id] = true
				if got, _ := strconv.Atoi(m[2]); got != res.SectionPage[id] {
					t.Errorf("contents: %q on page %d, heading is on page %d", m[1], got, res.SectionPage[id])
				}
			}
			if len(seen) != len(titles) {
				t.Errorf("contents on pages %d–%d list %d of %d sections", first, last, len(seen), len(titles))
			}
		})
	}
}
