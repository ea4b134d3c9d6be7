package parse

import (
	"strings"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// blocksDump dumps every block of every section, one per line.
func blocksDump(doc *document.Document) string {
	var b strings.Builder
	doc.WalkSections(func(s *document.Section) bool {
		for _, bl := range s.Blocks {
			dumpBlock(&b, bl, 0)
		}
		return true
	})
	return strings.TrimSpace(b.String())
}

// TestMarkdownHTML checks that the text of raw HTML is kept with its
// meaning and its markup dropped (issue 14).
func TestMarkdownHTML(t *testing.T) {
	tests := []struct {
		name, in, want, warn string
	}{
		{"sup sub", "x<sup>2</sup> and H<sub>2</sub>O", `para p1 line=1 "x" sup("2") " and H" sub("2") "O"`, ""},
		{"br", "line<br>break<br/>again", `para p1 line=1 "line" br "break" br "again"`, ""},
		{"b i", "<b>b</b> <strong>s</strong> <i>i</i> <em>e</em>", `para p1 line=1 strong("b") " " strong("s") " " emph("i") " " emph("e")`, ""},
		{"nested", "<b>a <i>b</i> c</b>", `para p1 line=1 strong("a " emph("b") " c")`, ""},
		{"unclosed ends with paragraph", "a <b>bold\n\nnext", "para p1 line=1 \"a \" strong(\"bold\")\npara p2 line=3 \"next\"", ""},
		{"stray end tag", "a </b> c", `para p1 line=1 "a  c"`, ""},
		{"crossed", "<b>a <i>b</b> c</i>", `para p1 line=1 strong("a " emph("b")) " c"`, ""},
		{"a href", `<a href="https://x.org/a b">site</a>`, `para p1 line=1 link("https://x.org/a%20b" "site")`, ""},
		{"a refused", `<a href="javascript:alert(1)">x</a>`, `para p1 line=1 "x"`, "not an http"},
		{"a name", `<a name="top">x</a>`, `para p1 line=1 "x"`, ""},
		{"code kbd", "press <kbd>Ctrl</kbd> <code>a&lt;b</code>", `para p1 line=1 "press " code("Ctrl") " " code("a<b")`, ""},
		{"comment", "a <!-- hidden --> b", `para p1 line=1 "a  b"`, ""},
		{"script inline", "a <script>alert(1)</script> b", `para p1 line=1 "a  b"`, "<script> dropped"},
		{"img", `<img src="x.png" alt="A logo">`, `picture line=1 path="x.png" alt="A logo" title="" (not read)`, "no folder to read it from"},
		{"img in text", `see <img src="x.png" alt="A logo"> here`, `para p1 line=1 "see A logo here"`, "only a picture alone in its paragraph"},
		{"img in figure", "<figure>\n<img src=\"x.png\" alt=\"A\" title=\"T\">\n<figcaption>Cap</figcaption>\n</figure>", "picture line=2 path=\"x.png\" alt=\"A\" title=\"T\" (not read)\npara p1 line=3 \"Cap\"", "no folder"},
		{"two imgs", `<p><img src="a.png" alt="A"><img src="b.png" alt="B"></p>`, `para p1 line=1 "AB"`, "only a picture alone"},
		{"p center", "<p align=\"center\">\n  Centered <b>text</b> &amp; more\n</p>", `para p1 line=2 "Centered " strong("text") " & more"`, ""},
		{"div", "<div>\none\n</div>", `para p1 line=2 "one"`, ""},
		{"center", "<center>Title</center>", `para p1 line=1 "Title"`, ""},
		{"div paragraphs", "<div><p>one</p><p>two</p></div>", "para p1 line=1 \"one\"\npara p2 line=1 \"two\"", ""},
		{"details", "<details>\n<summary>More</summary>\n\nBody *md*.\n\n</details>", "para p1 line=2 strong(\"More\")\npara p2 line=4 \"Body \" emph(\"md\") \".\"", ""},
		{"details inline", "<details><summary>Sum</summary>Inside text</details>", "para p1 line=1 strong(\"Sum\")\npara p2 line=1 \"Inside text\"", ""},
		{"pre", "<pre>\n  a  &lt;b&gt;\n\n <b>c</b>\n</pre>", `code line=1 lang="" "  a  <b>\n\n c"`, ""},
		{"pre br", "<pre>a<br>b</pre>", `code line=1 lang="" "a\nb"`, ""},
		{"hr", "<div>a<hr>b</div>", "para p1 line=1 \"a\"\nrule line=1\npara p2 line=1 \"b\"", ""},
		{"heading", "<h3 align=\"center\">Name</h3>", `para p1 line=1 strong("Name")`, ""},
		{"style block", "<style>\np { color: red }\n</style>\n\ntext", `para p1 line=5 "text"`, "<style> dropped"},
		{"script block", "<div>\n<script>x = 1</script>\nkept\n</div>", `para p1 line=3 "kept"`, "<script> dropped"},
		{"svg", "<div><svg><text>no</text><p>no</p></svg>yes</div>", `para p1 line=1 "yes"`, "<svg> dropped"},
		{"entities", "<p>&copy; 2024 &mdash; &#x41;&#66;</p>", `para p1 line=1 "© 2024 — AB"`, ""},
		{"table", "<table><tr><th>a</th><td>b</td></tr><tr><td>c</td></tr></table>", "para p1 line=1 strong(\"a\") \" b\"\npara p2 line=1 \"c\"", ""},
		{"lines", "<div>\n<p>one</p>\n\n<p>two</p>\n</div>", "para p1 line=2 \"one\"\npara p2 line=4 \"two\"", ""},
		{"comment block", "<!--\nnot text\n-->\n\ntext", `para p1 line=5 "text"`, ""},
		{"in quote", "> <p>quoted <sup>1</sup></p>", "quote p1 line=1\n  para line=1 \"quoted \" sup(\"1\")", ""},
		{"link around blocks", "<a href=\"https://x.org\">\n<div><img src=\"l.png\" alt=\"Logo\"></div>\n<b>Fast builds.</b>\n</a>", "para p1 line=2 link(\"https://x.org\" \"Logo\")\npara p2 line=3 link(\"https://x.org\" strong(\"Fast builds.\"))", ""},
		{"bold across paragraphs", "<div><b>one<p>two</b> three</div>", "para p1 line=1 strong(\"one\")\npara p2 line=1 strong(\"two\") \" three\"", ""},
		{"summary not carried", "<details><summary><b>Sum</b></summary>body</details>", "para p1 line=1 strong(strong(\"Sum\"))\npara p2 line=1 \"body\"", ""},
		{"white-space link", "<div><a href=\"https://x.org\"> </a>text</div>", `para p1 line=1 "text"`, ""},
		{"a in a", `<a href="https://a.org">x <a href="https://b.org">y</a></a>`, `para p1 line=1 link("https://a.org" "x ") link("https://b.org" "y")`, ""},
		{"a in a markdown link", `[x <a href="https://a.org">y</a> <b>z</b>](https://b.org)`, `para p1 line=1 link("https://b.org" "x " "y" " " strong("z"))`, ""},
		{"control by reference", "<p>a&#1;b</p>", `para p1 line=1 "ab"`, "control character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ws := parseMDString(t, tt.in)
			if got := blocksDump(doc); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			var all []string
			for _, w := range ws.List {
				all = append(all, w.String())
			}
			joined := strings.Join(all, "\n")
			if tt.warn == "" && strings.Contains(joined, "HTML") {
				t.Errorf("unexpected warning: %s", joined)
			}
			if tt.warn != "" && !strings.Contains(joined, tt.warn) {
				t.Errorf("warnings %q, want one containing %q", joined, tt.warn)
			}
		})
	}
}

// TestMarkdownHTMLDeep checks that thousands of open inline elements stay
// bounded: the tags past maxNesting are ignored, the text is kept.
func TestMarkdownHTMLDeep(t *testing.T) {
	in := strings.Repeat("<b>", 5000) + "x" + strings.Repeat("</b>", 5000)
	doc, _ := parseMDString(t, "a "+in)
	got := document.InlineText(doc.Sections[0].Blocks[0].(*document.Paragraph).Inlines)
	if got != "a x" {
		t.Errorf("got %q", got)
	}
	in = "<div>" + strings.Repeat("<i>", 5000) + "y" + "</div>"
	doc, _ = parseMDString(t, in)
	got = document.InlineText(doc.Sections[0].Blocks[0].(*document.Paragraph).Inlines)
	if got != "y" {
		t.Errorf("got %q", got)
	}
}

// TestParseAsChoosesReader checks the reader chosen by extension and by
// name, and the refusal of unknown file types (issue 14).
func TestParseAsChoosesReader(t *testing.T) {
	tests := []struct {
		name, from, data string
		want             string // "txt", "md" or "error"
	}{
		{"a.md", "", "# T\n\ntext", "md"},
		{"a.MARKDOWN", "", "# T\n\ntext", "md"},
		{"a.txt", "", "# T\n\ntext", "txt"},
		{"a.text", "", "Title\n\ntext", "txt"},
		{"page.html", "", "<p>x</p>", "error"},
		{"notes.rtf", "", "plain", "error"},
		{"README", "", "# Readme\n\ntext", "error"},
		{"README", "", "Title\n\nsee [a](b)", "error"},
		{"README", "", "text\n<div>x</div>", "error"},
		{"README", "", "```\ncode\n```", "error"},
		{"LETTER", "", "Dear friend,\n\n#1 on the list; a < b.\n", "txt"},
		{"page.html", "md", "<p>x</p>", "md"},
		{"README", "txt", "# Readme", "txt"},
		{"a.md", "txt", "# T\n\ntext", "txt"},
		{"a.md", "rtf", "x", "error"},
	}
	for _, tt := range tests {
		f := &source.File{Name: tt.name, Data: []byte(tt.data)}
		doc, err := ParseAs(f, tt.from, &source.Warnings{})
		got := "error"
		if err == nil {
			// The Markdown reader takes a lone "# T" as the title.
			got = "txt"
			if doc.Meta.Title != "" && !strings.HasPrefix(doc.Meta.Title, "#") && strings.HasPrefix(tt.data, "# ") {
				got = "md"
			}
			if tt.want == "md" && strings.HasPrefix(tt.data, "<") {
				got = "md" // no title either way: the HTML was read as such
				if strings.Contains(blocksDump(doc), "<") {
					got = "txt"
				}
			}
		}
		if got != tt.want {
			t.Errorf("%s from %q: read as %s, want %s (err %v)", tt.name, tt.from, got, tt.want, err)
		}
		if err != nil && tt.from == "" {
			if !strings.Contains(err.Error(), tt.name) || !strings.Contains(err.Error(), "--from") {
				t.Errorf("%s: error %q should name the file and --from", tt.name, err)
			}
		}
	}
}

// TestHeadingFootnote checks that a footnote called in a heading (or in
// the title) keeps its note and leaves the title clean.
func TestHeadingFootnote(t *testing.T) {
	doc, _ := parseMDString(t, "# Title[^t]\n\n## Part[^p] two\n\nText[^p].\n\n[^p]: Part note.\n[^t]: Title note.\n")
	if doc.Meta.Title != "Title" {
		t.Errorf("title %q", doc.Meta.Title)
	}
	if got := doc.Sections[0].Title; got != "Part two" {
		t.Errorf("section title %q", got)
	}
	var notes []string
	for _, fn := range doc.Footnotes {
		notes = append(notes, fn.ID+":"+blocksText(fn.Blocks))
	}
	if got := strings.Join(notes, " "); got != "fn1:Title note. fn2:Part note." {
		t.Errorf("notes %q", got)
	}
}

func blocksText(bs []document.Block) string {
	var parts []string
	for _, b := range bs {
		parts = append(parts, document.BlockText(b))
	}
	return strings.Join(parts, "\n")
}

// TestHeadingAnchors checks "{#id}" heading attributes and the GitHub-style
// anchors of headings without one (issue 14).
func TestHeadingAnchors(t *testing.T) {
	doc, _ := parseMDString(t, "# Doc\n\n## Annex {#annex}\n\nSee [it](#annex).\n\n## Annex\n\n## Annex\n\n## Plan & Goals, 2024!\n\n## Шаг {#step .red}\n\n## Ещё раз\n\nSetext {#setext}\n---\n")
	var got []string
	doc.WalkSections(func(s *document.Section) bool {
		got = append(got, s.Title+"="+s.Anchor)
		return true
	})
	want := "Annex=annex Annex=annex-1 Annex=annex-2 Plan & Goals, 2024!=plan--goals-2024 Шаг=step Ещё раз=ещё-раз Setext=setext"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
	p := doc.Sections[0].Blocks[0].(*document.Paragraph)
	if l, ok := p.Inlines[1].(*document.Link); !ok || l.URL != "#annex" || doc.SectionAnchors()["annex"] != doc.Sections[0] {
		t.Errorf("link %#v does not name the section", p.Inlines[1])
	}
}

// TestMarkdownHTMLLinearTime checks that raw HTML and heading attributes
// cost time linear in their size (4× the input, at most 6× the time; see
// linearEnough), for inputs that could make a hand-written reader slow.
func TestMarkdownHTMLLinearTime(t *testing.T) {
	tests := []linearCase{
		{"inline HTML elements left open", "a <b>x <i>y <sup>z "},
		{"inline HTML end tags with nothing open", "a </b> b </sup> "},
		{"HTML block of open elements", "<div><b><i><span><p>text "},
		{"HTML block of pre openers", "<pre>a<pre>b"},
		{"HTML block of dropped elements", "<div><svg><p>x</p>"},
		{"HTML comments and entities", "<p>&amp;<!-- x --> &#65; "},
		{"headings with attributes", "## A {#a .b c=d}\n\n"},
		{"equal headings", "## Same\n\n"},
	}
	// Raw HTML drops the text of some elements (<svg>): only the time is
	// checked here.
	runLinear(t, tests, func(t *testing.T, unit string, sizes ...int) [2]time.Duration {
		return measureMarkdown(t, unit, false, sizes...)
	})
}

// TestCyrillicAnchorLink checks that a link to a non-ASCII anchor, held
// percent-encoded, still names its section.
func TestCyrillicAnchorLink(t *testing.T) {
	doc, _ := parseMDString(t, "# Док\n\nСм. [раздел](#организации).\n\n## Организации\n\nТекст.\n")
	p := doc.Sections[0].Blocks[0].(*document.Paragraph)
	l := p.Inlines[1].(*document.Link)
	if s := doc.SectionAnchors()[strings.TrimPrefix(l.URL, "#")]; s == nil || s.Title != "Организации" {
		t.Errorf("link %q names no section", l.URL)
	}
}

// TestHTMLTitle checks that an <h1> opening the document is its title
// when the Markdown has no level-1 heading, and only then.
func TestHTMLTitle(t *testing.T) {
	tests := []struct{ in, title, first string }{
		{"<h1 align=\"center\">\n  <img src=\"l.png\" alt=\"Project\">\n</h1>\n\nText.", "Project", `para p1 line=5 "Text."`},
		{"<div align=\"center\"><h1>Name</h1><p>Tagline</p></div>\n\nText.", "Name", `para p1 line=1 "Tagline"`},
		{"<p>Lead</p><h1>Later</h1>\n\nText.", "", `para p1 line=1 "Lead"`},
		{"<h1>Html</h1>\n\n# Markdown\n\nText.", "", `para p1 line=1 strong("Html")`},
		{"Text first.\n\n<h1>Late</h1>", "", `para p1 line=1 "Text first."`},
		{"<h2>Two</h2>\n\nText.", "", `para p1 line=1 strong("Two")`},
	}
	for _, tt := range tests {
		doc, _ := parseMDString(t, tt.in)
		if doc.Meta.Title != tt.title {
			t.Errorf("%q: title %q, want %q", tt.in, doc.Meta.Title, tt.title)
		}
		if got := firstBlockDump(doc); got != tt.first {
			t.Errorf("%q: first block %s, want %s", tt.in, got, tt.first)
		}
	}
}
