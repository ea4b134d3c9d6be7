package parse

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/cputime"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

func parseMDString(t *testing.T, s string) (*document.Document, *source.Warnings) {
	t.Helper()
	var ws source.Warnings
	doc, err := ParseMarkdown(&source.File{Name: "in.md", Data: []byte(s)}, &ws)
	if err != nil {
		t.Fatal(err)
	}
	return doc, &ws
}

// firstBlockDump dumps the first block of the document.
func firstBlockDump(doc *document.Document) string {
	var out string
	doc.WalkSections(func(s *document.Section) bool {
		if len(s.Blocks) == 0 {
			return true
		}
		var b strings.Builder
		dumpBlock(&b, s.Blocks[0], 0)
		out = strings.TrimSpace(b.String())
		return false
	})
	return out
}

func TestMarkdownBlocks(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"paragraph", "Hello *em* **strong** `code`.", `para p1 line=1 "Hello " emph("em") " " strong("strong") " " code("code") "."`},
		{"soft break", "one\ntwo", `para p1 line=1 "one two"`},
		{"hard break", "one  \ntwo", `para p1 line=1 "one" br "two"`},
		{"entities", "AT&amp;T &#1178; \\*x\\*", `para p1 line=1 "AT&T Қ *x*"`},
		{"link", "[a](http://x.example)", `para p1 line=1 link("http://x.example" "a")`},
		{"autolink", "see www.example.org now", `para p1 line=1 "see " link("http://www.example.org" "www.example.org") " now"`},
		{"strike", "~~gone~~ kept", `para p1 line=1 "gone kept"`},
		{"image", "![the alt](x.png)", `picture line=1 path="x.png" alt="the alt" title="" (not read)`},
		{"image in text", "see ![the alt](x.png) here", `para p1 line=1 "see the alt here"`},
		{"image in list", "- ![the alt](x.png)", "list p1 line=1 ordered=false start=0\n  item\n    para line=1 \"the alt\""},
		{"inline html", "a <b>bold</b> c", `para p1 line=1 "a " strong("bold") " c"`},
		{"ordered start", "7. seven\n8. eight", "list p1 line=1 ordered=true start=7\n  item\n    para line=1 \"seven\"\n  item\n    para line=2 \"eight\""},
		{"loose list", "- a\n\n- b", "list p1 line=1 ordered=false start=0\n  item\n    para line=1 \"a\"\n  item\n    para line=3 \"b\""},
		{"quote", "> q1\n> q2", "quote p1 line=1\n  para line=1 \"q1 q2\""},
		{"fenced", "text\n\n```python extra\nprint(1)\n```", `para p1 line=1 "text"`},
		{"code lang", "```python extra\nprint(1)\n```", `code line=1 lang="python" "print(1)"`},
		{"rule", "***", `rule line=1`},
		{"table", "| a | b |\n|---|:-:|\n| 1 | 2 |", "table line=1 align=[0 2]\n  row \"a\" | \"b\"\n  row \"1\" | \"2\""},
		{"task", "- [x] done", "list p1 line=1 ordered=false start=0\n  item task=☑\n    para line=1 \"done\""},
		{"open task", "- [ ] to do\n- not a task", "list p1 line=1 ordered=false start=0\n  item task=☐\n    para line=1 \"to do\"\n  item\n    para line=2 \"not a task\""},
		{"definition list", "Term\n: Meaning *one*\n: Meaning two", "list p1 line=1 ordered=false start=0\n  item\n    para line=1 strong(\"Term\")\n    para line=2 \"Meaning \" emph(\"one\")\n    para line=3 \"Meaning two\""},
		{"year is a list in markdown", "1991. The year.", "list p1 line=1 ordered=true start=1991\n  item\n    para line=1 \"The year.\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseMDString(t, tt.in)
			if got := firstBlockDump(doc); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestMarkdownSections(t *testing.T) {
	tests := []struct {
		name, in, title string
		want            []string
	}{
		{"lone h1 is title", "# T\n\n## A\n\n### B\n\n## C", "T", []string{"1:A", "2:B", "1:C"}},
		{"h1 after text is a section", "intro\n\n# T\n\n## A", "", []string{"1:", "1:T", "2:A"}},
		{"many h1", "# A\n\n# B\n\n## C", "", []string{"1:A", "1:B", "2:C"}},
		{"skipped level", "# A\n\n### B\n\n## C\n\n# D", "", []string{"1:A", "2:B", "2:C", "1:D"}},
		{"front matter title wins", "---\ntitle: FM\n---\n# H\n\n## A", "FM", []string{"1:A"}},
		{"heading markup", "# T\n\n## *Em* and `code`", "T", []string{"1:Em and code"}},
		{"setext", "Title\n=====\n\nSub\n---\n\ntext", "Title", []string{"1:Sub"}},
		{"lead section", "# T\n\ntext\n\n## A", "T", []string{"1:", "1:A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseMDString(t, tt.in)
			if doc.Meta.Title != tt.title {
				t.Errorf("title = %q, want %q", doc.Meta.Title, tt.title)
			}
			if got := outline(doc); strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("outline = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestFrontMatter(t *testing.T) {
	tests := []struct {
		name, in string
		want     document.Meta
		warnLine int // 0: no warning expected
	}{
		{"full", "---\ntitle: T\nsubtitle: S\nauthor: A\ndate: 2024-03-05\nlanguage: kk\nmarking: OFFICIAL\nkeywords: [a, b]\n---\nx",
			document.Meta{Title: "T", Subtitle: "S", Author: "A", Date: "2024-03-05", Language: "kk", Marking: "OFFICIAL", Keywords: []string{"a", "b"}}, 0},
		{"author list", "---\nauthor: [A, B]\n---\nx", document.Meta{Author: "A, B", Language: "en"}, 0},
		{"author maps", "---\nauthor:\n  - name: A\n  - name: B\n---\nx", document.Meta{Author: "A, B", Language: "en"}, 0},
		{"keywords string", "---\nkeywords: a, b ,c\n---\nx", document.Meta{Keywords: []string{"a", "b", "c"}, Language: "en"}, 0},
		{"lang", "---\nlang: ru-RU\n---\nx", document.Meta{Language: "ru"}, 0},
		{"bad lang", "---\ntitle: T\nlang: 42!\n---\nx", document.Meta{Title: "T", Language: "en"}, 3},
		{"year int", "---\ndate: 2024\n---\nx", document.Meta{Date: "2024", Language: "en"}, 0},
		{"month", "---\ndate: 2024-03\n---\nx", document.Meta{Date: "2024-03", Language: "en"}, 0},
		{"long date", "---\ndate: 5 March 2024\n---\nx", document.Meta{Date: "2024-03-05", Language: "en"}, 0},
		{"rfc3339", "---\ndate: 2024-03-05T10:00:00Z\n---\nx", document.Meta{Date: "2024-03-05", Language: "en"}, 0},
		{"bad date", "---\ntitle: T\ndate: soon\n---\nx", document.Meta{Title: "T", Language: "en"}, 3},
		{"broken yaml", "---\ntitle: T\n  bad: : indent\n---\nx", document.Meta{Language: "en"}, 3},
		{"not a map", "---\n- a\n- b\n---\nx", document.Meta{Language: "en"}, 2},
		{"unclosed", "---\ntitle: T\n\nx", document.Meta{Language: "en"}, 1},
		{"detected kazakh", "---\ntitle: T\n---\nҚазақстан Республикасы әлем елдерімен.", document.Meta{Title: "T", Language: "kk"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ws := parseMDString(t, tt.in)
			m := doc.Meta
			m.Source, m.Words = "", 0
			if strings.Join(m.Keywords, "|") != strings.Join(tt.want.Keywords, "|") {
				t.Errorf("keywords = %q, want %q", m.Keywords, tt.want.Keywords)
			}
			m.Keywords, tt.want.Keywords = nil, nil
			if !reflect.DeepEqual(m, tt.want) {
				t.Errorf("meta = %+v, want %+v", m, tt.want)
			}
			switch {
			case tt.warnLine == 0 && len(ws.List) > 0:
				t.Errorf("unexpected warnings %v", ws.List)
			case tt.warnLine > 0 && (len(ws.List) != 1 || ws.List[0].Pos.Line != tt.warnLine):
				t.Errorf("warnings = %v, want one at line %d", ws.List, tt.warnLine)
			}
			if got := paras(doc); strings.HasSuffix(tt.in, "---\nx") && (len(got) != 1 || got[0] != "x") {
				t.Errorf("body = %q, want [x]", got)
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024", "2024"}, {"2024-03", "2024-03"}, {"2024-03-05", "2024-03-05"}, {"2024-3-5", "2024-03-05"},
		{"2024/03/05", "2024-03-05"}, {"05.03.2024", "2024-03-05"}, {"March 5, 2024", "2024-03-05"},
		{"5 Mar 2024", "2024-03-05"}, {"March 2024", "2024-03"}, {"2024-03-05 10:30", "2024-03-05"},
		{"2024-02-30", ""}, {"tomorrow", ""}, {"", ""}, {"0000", ""},
	}
	for _, tt := range tests {
		got, ok := NormalizeDate(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("NormalizeDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

func TestMarkdownPositions(t *testing.T) {
	in := "---\ntitle: T\n---\n\n# Doc\n\nPara one\nstill one.\n\n## Sec\n\n- item\n- item\n\n> quote\n\n```\ncode\n```\n\n| a |\n|---|\n| 1 |\n"
	doc, _ := parseMDString(t, in)
	var got []int
	doc.WalkSections(func(s *document.Section) bool {
		if s.Title != "" {
			got = append(got, -s.Pos.Line)
		}
		for _, b := range s.Blocks {
			got = append(got, b.Position().Line)
		}
		return true
	})
	want := []int{7, -10, 12, 15, 17, 21}
	if !slices.Equal(got, want) {
		t.Errorf("lines = %v, want %v", got, want)
	}
}

func TestMarkdownFootnoteOrder(t *testing.T) {
	doc, _ := parseMDString(t, "x[^z] y[^a] z[^z]\n\n[^a]: A[^n]\n[^z]: Z\n[^n]: N\n[^unused]: U\n")
	var got []string
	for _, f := range doc.Footnotes {
		got = append(got, f.ID+"="+document.BlockText(f.Blocks[0]))
	}
	if want := "fn1=Z fn2=A fn3=N"; strings.Join(got, " ") != want {
		t.Errorf("footnotes = %q, want %q", got, want)
	}
}

func TestMarkdownDeepNesting(t *testing.T) {
	for _, marker := range []string{"> ", "- ", "1. "} {
		in := strings.Repeat(marker, 5000) + "deep text\n\nafter\n"
		start := cputime.Now()
		doc, ws := parseMDString(t, in)
		if d := cputime.Since(start); d > 2*time.Second {
			t.Errorf("%q: took %v", marker, d)
		}
		text := strings.Join(paras(doc), " ")
		if !strings.Contains(text, "deep text") || !strings.Contains(text, "after") {
			t.Errorf("%q: text lost", marker)
		}
		if len(ws.List) != 1 || ws.List[0].Pos.Line != 1 {
			t.Errorf("%q: warnings = %v, want one at line 1", marker, ws.List)
		}
		var paraLine int
		doc.WalkSections(func(s *document.Section) bool {
			paraLine = s.Blocks[len(s.Blocks)-1].Position().Line
			return true
		})
		if paraLine != 3 {
			t.Errorf("%q: last block at line %d, want 3", marker, paraLine)
		}
	}
}
