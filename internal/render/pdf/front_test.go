package pdf

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

// TestContentsPages checks that every page number printed in the contents
// is the page where that heading is. The fixture's contents share the
// summary page; TestContentsPagesAllPlacements covers the other places.
func TestContentsPages(t *testing.T) {
	needTool(t, "pdftotext")
	in := fixtureInput()
	res := mustLayout(t, in)
	file := writeTemp(t, res.PDF)
	titles := map[string]string{} // printed title → section ID
	in.Doc.WalkSections(func(s *document.Section) bool {
		if s.Title != "" {
			titles[s.Number+" "+s.Title] = s.ID
		}
		return true
	})
	row := regexp.MustCompile(`^\s*(\S.*?)\s+(?:\. ?)+\s*(\d+)\s*$`)
	found := 0
	for p := 1; p <= res.Pages; p++ {
		text := pdfText(t, file, p, p)
		if !strings.Contains(text, "Contents") {
			continue
		}
		for _, ln := range strings.Split(text, "\n") {
			m := row.FindStringSubmatch(ln)
			if m == nil {
				continue
			}
			id, ok := titles[squash(m[1])]
			if !ok {
				continue
			}
			found++
			got, _ := strconv.Atoi(m[2])
			if got != res.SectionPage[id] {
				t.Errorf("contents: %q on page %d, heading is on page %d", m[1], got, res.SectionPage[id])
			}
			if !strings.Contains(squash(pdfText(t, file, got, got)), squash(m[1])) {
				t.Errorf("heading %q not on page %d", m[1], got)
			}
		}
		break
	}
	if found != len(titles) {
		t.Errorf("found %d contents rows, want %d", found, len(titles))
	}
}

// TestSummaryRefs checks that "¶N · p. M" in the summary names the page of
// paragraph N.
func TestSummaryRefs(t *testing.T) {
	needTool(t, "pdftotext")
	in := fixtureInput()
	res := mustLayout(t, in)
	file := writeTemp(t, res.PDF)
	ref := regexp.MustCompile(`¶(\d+)[\s\x{a0}]*·[\s\x{a0}]*p\.[\s\x{a0}]*(\d+)`)
	text := pdfText(t, file, 2, 2)
	ms := ref.FindAllStringSubmatch(text, -1)
	if len(ms) != len(in.Analysis.Summary) {
		t.Fatalf("found %d references in the summary, want %d:\n%s", len(ms), len(in.Analysis.Summary), text)
	}
	for _, m := range ms {
		page, _ := strconv.Atoi(m[2])
		if want := res.ParagraphPage["p"+m[1]]; page != want {
			t.Errorf("¶%s: summary says p. %d, paragraph is on page %d", m[1], page, want)
		}
		body := pdfText(t, file, page, page)
		if !regexp.MustCompile(`(?m)^\s*` + m[1] + `\s+\S`).MatchString(body) {
			t.Errorf("¶%s: number not found in the margin of page %d", m[1], page)
		}
	}
}

// TestFrontMatterOmitsEmpty checks that missing analysis leaves out the
// summary and key facts instead of printing placeholders.
func TestFrontMatterOmitsEmpty(t *testing.T) {
	needTool(t, "pdftotext")
	tests := []struct {
		name    string
		a       *document.Analysis
		want    []string
		notWant []string
	}{
		{"nil", nil, []string{"BRIEFING", "Contents"}, []string{"Summary", "Key facts", "Key points", "Timeline"}},
		{"empty", &document.Analysis{}, []string{"Contents"}, []string{"Summary", "Key facts"}},
		{"summary only", &document.Analysis{Summary: fixtureAnalysis().Summary}, []string{"Key points"}, []string{"Key facts", "Timeline", "People"}},
		{"people only", &document.Analysis{Facts: document.Facts{People: fixtureAnalysis().Facts.People}},
			[]string{"Key facts", "People"}, []string{"Summary", "Timeline", "Places", "Quotations"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := fixtureInput()
			in.Analysis = tt.a
			res := mustLayout(t, in)
			text := pdfText(t, writeTemp(t, res.PDF), 1, 4)
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("%q missing", w)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(text, w) {
					t.Errorf("%q present", w)
				}
			}
		})
	}
}

// TestFigureValue checks the pieces of a tile value: the bound word in
// the plain face, the number in bold.
func TestFigureValue(t *testing.T) {
	figures := []struct {
		f     document.Figure
		lang  string
		bound string // the first piece, in the plain face; "" for none
		num   string
		label string
	}{
		{document.Figure{Value: 1600, Bound: document.BoundAtLeast, Qualifier: "over", Unit: "agreements"}, "en", "at least ", "1,600", "agreements"},
		{document.Figure{Value: 80, Bound: document.BoundAbout, Qualifier: "nearly", Unit: "missions"}, "en", "about ", "80", "missions"},
		{document.Figure{Value: 200, Bound: document.BoundAbout, Qualifier: "около", Unit: "человек"}, "ru", "около ", "200", "человек"},
		{document.Figure{Value: 140, Unit: "countries"}, "en", "", "140", "countries"},
	}
	for _, tt := range figures {
		v, label := figureValue(render.FigureTile(tt.f, render.LabelsFor(tt.lang)))
		want := 1
		if tt.bound != "" {
			want = 2
		}
		if len(v) != want || label != tt.label || v[len(v)-1].text != tt.num || v[len(v)-1].face != sansBold ||
			want == 2 && (v[0].text != tt.bound || v[0].face != sans) {
			t.Errorf("%+v: got %v %q", tt.f, v, label)
		}
	}
}

// TestHeadingKeptWithNext moves a heading down the page step by step and
// checks that it is never the last text on its page.
func TestHeadingKeptWithNext(t *testing.T) {
	needTool(t, "pdftotext")
	pages := map[int]bool{}
	for n := 90; n < 112; n += 2 {
		in := fixtureInput()
		in.Analysis = nil
		d := &document.Document{Meta: in.Doc.Meta}
		s1 := &document.Section{Title: "First"}
		for i := 0; i < 3; i++ {
			s1.Blocks = append(s1.Blocks, para(strings.Repeat("word ", n*(i+1)), i+1))
		}
		s2 := &document.Section{Title: "Second heading", Blocks: []document.Block{para(strings.Repeat(lorem, 4), 9)}}
		d.Sections = []*document.Section{s1, s2}
		d.Number()
		in.Doc = d
		res := mustLayout(t, in)
		page := res.SectionPage[s2.ID]
		pages[page] = true
		lines := strings.Split(pdfText(t, writeTemp(t, res.PDF), page, page), "\n")
		after := -1
		for i, ln := range lines {
			if strings.Contains(ln, "Second heading") && !strings.Contains(ln, "Page ") {
				after = 0
				for _, x := range lines[i+1:] {
					if strings.Contains(x, "Page ") {
						break
					}
					if strings.TrimSpace(x) != "" {
						after++
					}
				}
			}
		}
		if after < 2 {
			t.Errorf("n=%d: heading on page %d followed by %d lines", n, page, after)
		}
	}
	if len(pages) < 2 {
		t.Errorf("the heading never crossed a page boundary: %v", pages)
	}
}
