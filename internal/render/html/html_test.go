package html

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

var update = flag.Bool("update", false, "rewrite golden files")

func p(ins ...document.Inline) *document.Paragraph { return &document.Paragraph{Inlines: ins} }

func t(s string) document.Inline { return document.Text(s) }

func TestBlocks(t_ *testing.T) {
	numbered := p(t("Қазақстан"))
	numbered.Ref = document.Ref{ID: "p7", Number: 7}
	list := &document.List{Ref: document.Ref{ID: "p2", Number: 2}, Items: []*document.ListItem{
		{Blocks: []document.Block{p(t("a"))}},
		{Blocks: []document.Block{p(t("b")), &document.List{Ordered: true, Start: 3, Items: []*document.ListItem{{Blocks: []document.Block{p(t("c"))}}}}}},
	}}
	tests := []struct {
		name string
		in   document.Block
		want string
	}{
		{"paragraph", p(t("Сәлем")), "<p>Сәлем</p>\n"},
		{"numbered", numbered, `<p id="p7"><span class="pnum" aria-hidden="true">¶7</span> Қазақстан</p>` + "\n"},
		{"list", list, `<div class="numbered" id="p2"><span class="pnum" aria-hidden="true">¶2</span> ` + "\n<ul>\n<li>a</li>\n<li><p>b</p>\n<ol start=\"3\">\n<li>c</li>\n</ol>\n</li>\n</ul>\n</div>\n"},
		{"quote", &document.Quote{Blocks: []document.Block{p(t("q"))}}, "<blockquote>\n<p>q</p>\n</blockquote>\n"},
		{"table", &document.Table{Caption: "Cap & co", Align: []document.Align{document.AlignRight},
			Header: []document.Cell{{Inlines: []document.Inline{t("H")}}, {Inlines: []document.Inline{t("I")}}},
			Rows:   [][]document.Cell{{{Inlines: []document.Inline{t("1")}}, {Inlines: []document.Inline{t("2")}}}}},
			`<div class="table-wrap"><table><caption><span class="tabnum">Table 1. </span>Cap &amp; co</caption>` + "\n" +
				`<thead><tr><th scope="col" class="al-r">H</th><th scope="col">I</th></tr></thead>` + "\n<tbody>\n" +
				`<tr><td class="al-r">1</td><td>2</td></tr>` + "\n</tbody>\n</table></div>\n"},
		{"code", &document.CodeBlock{Lang: "go x", Text: "a < b && c\n"}, `<pre><code class="language-go">a &lt; b &amp;&amp; c</code></pre>` + "\n"},
		{"rule", &document.Rule{}, "<hr/>\n"},
		{"task list", &document.List{Items: []*document.ListItem{
			{Task: document.TaskOpen, Blocks: []document.Block{p(t("to do"))}},
			{Task: document.TaskDone, Blocks: []document.Block{p(t("done"))}},
			{Blocks: []document.Block{p(t("plain"))}},
		}}, "<ul>\n" + `<li class="task"><span class="box">☐</span> to do</li>` + "\n" +
			`<li class="task"><span class="box">☑</span> done</li>` + "\n<li>plain</li>\n</ul>\n"},
	}
	for _, tc := range tests {
		t_.Run(tc.name, func(t_ *testing.T) {
			got := New(Options{}).Block(tc.in)
			if got != tc.want {
				t_.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
			if err := Check(got); err != nil {
				t_.Error(err)
			}
		})
	}
}

func TestInlines(t_ *testing.T) {
	tests := []struct {
		name string
		in   []document.Inline
		want string
	}{
		{"hostile", []document.Inline{t("<script>alert(\"x\")</script> & \x00\x1b\uFFFE ok 🙂")}, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;  ok 🙂"},
		{"invalid utf8", []document.Inline{t("a\xffb")}, "ab"},
		{"emph strong code", []document.Inline{&document.Emph{Inlines: []document.Inline{t("e")}}, &document.Strong{Inlines: []document.Inline{t("s")}}, document.Code("<c>")},
			"<em>e</em><strong>s</strong><code>&lt;c&gt;</code>"},
		{"http link", []document.Inline{&document.Link{URL: "https://x.kz/a b?c=1&d=2", Inlines: []document.Inline{t("x")}}}, `<a href="https://x.kz/a%20b?c=1&amp;d=2">x</a>`},
		{"mailto", []document.Inline{&document.Link{URL: "mailto:a@b.kz"}}, `<a href="mailto:a@b.kz">mailto:a@b.kz</a>`},
		{"javascript is text", []document.Inline{&document.Link{URL: "javascript:alert(1)", Inlines: []document.Inline{t("x")}}}, "x"},
		{"relative is text", []document.Inline{&document.Link{URL: "../etc/passwd", Inlines: []document.Inline{t("y")}}}, "y"},
		{"break", []document.Inline{t("a"), document.LineBreak{}, t("b")}, "a<br/>b"},
		{"sup sub", []document.Inline{t("x"), &document.Sup{Inlines: []document.Inline{t("2")}}, t(" H"), &document.Sub{Inlines: []document.Inline{t("2<")}}, t("O")},
			"x<sup>2</sup> H<sub>2&lt;</sub>O"},
		{"noteref", []document.Inline{document.FootnoteRef{ID: "fn1", Number: 1}, document.FootnoteRef{ID: "fn1", Number: 1}},
			`<sup><a epub:type="noteref" role="doc-noteref" id="fnref1" href="notes.xhtml#fn1">1</a></sup>` +
				`<sup><a epub:type="noteref" role="doc-noteref" href="notes.xhtml#fn1">1</a></sup>`},
	}
	for _, tc := range tests {
		t_.Run(tc.name, func(t_ *testing.T) {
			r := New(Options{Href: func(id string) string { return "notes.xhtml#" + id }})
			got := r.Inlines(tc.in)
			if got != tc.want {
				t_.Errorf("got  %q\nwant %q", got, tc.want)
			}
			if err := Check(got); err != nil {
				t_.Error(err)
			}
		})
	}
}

func TestCheck(t_ *testing.T) {
	for _, bad := range []string{"<p>", "<p>&nbsp;</p>", "<b></i>", "a & b", "<svg:x xmlns:svg=\"http://www.w3.org/2000/svg\"/>"} {
		if err := Check(bad); err == nil {
			t_.Errorf("Check(%q) = nil, want error", bad)
		}
	}
	if err := Check(`<p epub:type="x">ok &amp; <br/></p>`); err != nil {
		t_.Error(err)
	}
}

func TestChunks(t_ *testing.T) {
	s := &document.Section{ID: "s1", Title: "T", Level: 1}
	for i := 0; i < 50; i++ {
		s.Blocks = append(s.Blocks, p(t(strings.Repeat("x", 100))))
	}
	s.Sections = []*document.Section{{ID: "s2", Title: "Sub", Level: 2, Blocks: []document.Block{p(t("y"))}}}
	chunks := New(Options{}).Chunks(s, 1000)
	if len(chunks) < 5 {
		t_.Fatalf("got %d chunks, want several", len(chunks))
	}
	for i, c := range chunks {
		if err := Check(c); err != nil {
			t_.Errorf("chunk %d: %v", i, err)
		}
		if len(c) > 1200 {
			t_.Errorf("chunk %d is %d bytes", i, len(c))
		}
		if i > 0 && strings.Contains(c, `id="s1"`) {
			t_.Errorf("chunk %d repeats the section ID", i)
		}
	}
	if whole := New(Options{}).Section(s); strings.Count(whole, "<section") != 2 {
		t_.Errorf("Section: want 2 sections in\n%s", whole)
	}
}

// fixture is a document with every kind of node, in Kazakh and Russian.
func fixture() *document.Document {
	d := &document.Document{
		Meta: document.Meta{Title: "Сынақ", Language: "kk"},
		Sections: []*document.Section{
			{Blocks: []document.Block{p(t("Кіріспе — Ә Ғ Қ Ң Ө Ұ Ү Һ І."), document.FootnoteRef{ID: "fn1", Number: 1})}},
			{Title: "Бөлім <1>", Blocks: []document.Block{
				p(&document.Emph{Inlines: []document.Inline{t("курсив")}}, t(" & "), &document.Link{URL: "http://example.kz", Inlines: []document.Inline{t("сілтеме")}}),
				&document.List{Items: []*document.ListItem{{Blocks: []document.Block{p(t("бір"))}}, {Blocks: []document.Block{p(t("екі"))}}}},
				&document.Quote{Blocks: []document.Block{p(t("«Дәйексөз»"))}},
			}, Sections: []*document.Section{{Title: "Кіші бөлім", Blocks: []document.Block{
				&document.Table{Header: []document.Cell{{Inlines: []document.Inline{t("А")}}}, Rows: [][]document.Cell{{{Inlines: []document.Inline{t("1")}}}}},
				&document.CodeBlock{Text: "x := 1"},
				&document.Rule{},
			}}}},
		},
		Footnotes: []*document.Footnote{{Blocks: []document.Block{p(t("Ескертпе."))}}},
	}
	d.Number()
	return d
}

func TestGolden(t_ *testing.T) {
	d := fixture()
	r := New(Options{Href: func(id string) string { return "notes.xhtml#" + id }})
	var b strings.Builder
	for _, s := range d.Sections {
		b.WriteString(r.Section(s))
	}
	for _, f := range d.Footnotes {
		b.WriteString(r.Footnote(f))
	}
	got := b.String()
	if err := Check(got); err != nil {
		t_.Fatal(err)
	}
	golden := filepath.Join("testdata", "fixture.golden")
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t_.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t_.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t_.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t_.Errorf("output differs from %s (run go test -update to accept):\n%s", golden, got)
	}
}
