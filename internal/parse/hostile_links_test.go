package parse

import (
	"net/url"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// TestMarkdownLinkAllowList checks that the reader keeps only http, https,
// mailto and "#fragment" links, percent-encoded, and turns every other
// target into plain text with a warning at the link's line.
func TestMarkdownLinkAllowList(t *testing.T) {
	tests := []struct {
		name, in string
		want     string // first block dump
		warn     string // a warning that must be given ("" for none)
	}{
		{"https", "[a](https://x.example/p)", `para p1 line=1 link("https://x.example/p" "a")`, ""},
		{"mailto", "[m](mailto:a@x.example)", `para p1 line=1 link("mailto:a@x.example" "m")`, ""},
		{"fragment", "[s](#s1)", `para p1 line=1 link("#s1" "s")`, ""},
		{"javascript", "[a](javascript:app.alert(1))", `para p1 line=1 "a"`, `in.md:1: warning: link to "javascript:app.alert(1)" is not an http, https or mailto URL: kept as text`},
		{"javascript on line 2", "x\n[a](javascript:app.alert(1)) b", `para p1 line=1 "x a b"`, `in.md:2: warning: link to "javascript:app.alert(1)"`},
		{"mixed case", "[a](JaVaScRiPt:alert(1))", `para p1 line=1 "a"`, "JaVaScRiPt"},
		{"entity scheme", "[a](&#x6A;avascript:alert(1))", `para p1 line=1 "a"`, "is not an http"},
		{"tab entity in scheme", "[a](java&#9;script:alert(1))", `para p1 line=1 "a"`, `java\tscript`},
		{"percent scheme", "[a](%6Aavascript:alert(1))", `para p1 line=1 "a"`, "is not an http"},
		{"vbscript", "[a](vbscript:msgbox)", `para p1 line=1 "a"`, "vbscript"},
		{"data", "[a](data:text/html,x)", `para p1 line=1 "a"`, "data:"},
		{"file", "[a](file:///etc/passwd)", `para p1 line=1 "a"`, "file:///etc/passwd"},
		{"unc", `[a](\\host\share)`, `para p1 line=1 "a"`, "is not an http"},
		{"unc angle", `[a](<\\host\share>)`, `para p1 line=1 "a"`, "is not an http"},
		{"protocol relative", "[a](//evil.example/x)", `para p1 line=1 "a"`, "//evil.example/x"},
		{"relative file", "[a](notes.md)", `para p1 line=1 "a"`, "notes.md"},
		{"autolink file", "<file:///etc/passwd>", `para p1 line=1 "file:///etc/passwd"`, "file:///etc/passwd"},
		{"autolink javascript", "<javascript:alert(1)>", `para p1 line=1 "javascript:alert(1)"`, "is not an http"},
		{"autolink email", "<a@x.example>", `para p1 line=1 link("mailto:a@x.example" "a@x.example")`, ""},
		{"linkify email", "write to a@x.example now", `para p1 line=1 "write to " link("mailto:a@x.example" "a@x.example") " now"`, ""},
		{"reference javascript", "[a][r]\n\n[r]: javascript:alert(1)", `para p1 line=1 "a"`, "javascript:alert(1)"},
		{"emphasis kept", "[*a*](javascript:x)", `para p1 line=1 emph("a")`, "javascript:x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ws := parseMDString(t, tt.in)
			if got := firstBlockDump(doc); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			var all []string
			for _, w := range ws.List {
				all = append(all, w.String())
			}
			joined := strings.Join(all, "\n")
			if tt.warn != "" && !strings.Contains(joined, tt.warn) {
				t.Errorf("warnings lack %q:\n%s", tt.warn, joined)
			}
			if tt.warn == "" && strings.Contains(joined, "link to") {
				t.Errorf("unexpected warning:\n%s", joined)
			}
		})
	}
}

// TestMarkdownLinkDestinations checks that destinations are unescaped
// (backslash escapes, character references decoded once) and then
// percent-encoded into valid URLs.
func TestMarkdownLinkDestinations(t *testing.T) {
	tests := []struct{ in, want string }{
		{`[a](http://x.example/a\_b)`, "http://x.example/a_b"},
		{`[a](http://x.example/?a=1&amp;b=2)`, "http://x.example/?a=1&b=2"},
		{`[a](http://x.example/?q=&amp;amp;)`, "http://x.example/?q=&amp;"},
		{`[a](<http://x.example/a b>)`, "http://x.example/a%20b"},
		{`[a](http://x.example/"q")`, "http://x.example/%22q%22"},
		{"[a](http://x.example/{a}|^`b`)", "http://x.example/%7Ba%7D%7C%5E%60b%60"},
		{`[a](http://x.example/a\\b)`, "http://x.example/a%5Cb"},
		{`[a](http://x.example/#a#b)`, "http://x.example/#a%23b"},
		{`[a](http://x.example/%20%zz)`, "http://x.example/%20%25zz"},
		{`[a](http://x.example/ü)`, "http://x.example/%C3%BC"},
		{`[a](http://x.example/&#x1b;[41m)`, "http://x.example/%1B%5B41m"},
		{"[a][r]\n\n[r]: <http://x.example/a b> \"t\"", "http://x.example/a%20b"},
	}
	for _, tt := range tests {
		doc, _ := parseMDString(t, tt.in)
		var got []string
		walkInlines(doc, func(in document.Inline) {
			if l, ok := in.(*document.Link); ok {
				got = append(got, l.URL)
			}
		})
		if len(got) != 1 || got[0] != tt.want {
			t.Errorf("%s: links %q, want [%q]", tt.in, got, tt.want)
			continue
		}
		if u, err := url.Parse(got[0]); err != nil || u.Host == "" {
			t.Errorf("%s: %q is not a valid URL: %v", tt.in, got[0], err)
		}
	}
}

// TestMarkdownNoControlCharacters checks that no C0 or C1 control
// character other than tab and newline reaches the model, whatever decoded
// it: character references, YAML escapes in every front matter field.
func TestMarkdownNoControlCharacters(t *testing.T) {
	tests := []struct{ name, in, warn string }{
		{"hex ESC", "# T\n\nred &#x1b;[41m alert", "in.md:3: warning: control character U+001B"},
		{"decimal BEL", "# T\n\nbell &#7; here", "in.md:3: warning: control character U+0007"},
		{"C1 CSI", "# T\n\ncsi &#x9b;2J here", "U+009B"},
		{"C1 NEL", "# T\n\nnel &#133; here", "U+0085"},
		{"DEL", "# T\n\ndel &#127; here", "U+007F"},
		{"NUL ref", "# T\n\nnul &#0; here", ""},
		{"heading", "# T\n\n## Head &#x1b;]52;c;aGk=&#7;\n\ntext", "in.md:3: warning: control character U+001B"},
		{"table cell", "# T\n\n| a&#x1b; | b |\n|---|---|\n| &#x9b; | c |", "U+001B"},
		{"footnote", "# T\n\nx[^1]\n\n[^1]: note &#x1b;[0m", "U+001B"},
		{"link text", "# T\n\n[a&#x1b;b](http://x.example)", "U+001B"},
		{"emphasis", "# T\n\n*a&#27;b* **c&#x7;**", "U+001B"},
		{"caption", "# T\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTable: cap&#x1b;tion", "U+001B"},
		{"title", "---\ntitle: \"a\\eb\"\n---\n\ntext", "in.md:2: warning: control character U+001B from front matter"},
		{"subtitle", "---\nsubtitle: \"a\\0b\"\n---\n\ntext", "in.md:2: warning: control character U+0000"},
		{"author", "---\nauthor: \"a\\x07b\"\n---\n\ntext", "in.md:2: warning: control character U+0007"},
		{"author list", "---\nauthor:\n  - \"a\\eb\"\n  - name: \"c\\x9bd\"\n---\n\ntext", "in.md:2: warning"},
		{"marking", "---\nmarking: \"OFF\\eICIAL\"\n---\n\ntext", "in.md:2: warning"},
		{"keywords", "---\nkeywords: [\"a\\eb\", \"c\\x85d\"]\n---\n\ntext", "in.md:2: warning"},
		{"keywords string", "---\nkeywords: \"a\\eb, c\\u009bd\"\n---\n\ntext", "in.md:2: warning"},
		{"date", "---\ndate: \"2020\\e\"\n---\n\ntext", "in.md:2: warning"},
		{"language", "---\nlanguage: \"e\\en\"\n---\n\ntext", "in.md:2: warning"},
		{"tab and newline", "---\ntitle: \"a\\tb\\nc\"\n---\n\ntext", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ws := parseMDString(t, tt.in)
			for _, s := range modelStrings(doc) {
				for _, r := range s.text {
					if document.IsControl(r) && !(s.separators && (r == '\t' || r == '\n')) {
						t.Errorf("%s %q holds control character %U", s.where, s.text, r)
					}
				}
			}
			var all []string
			for _, w := range ws.List {
				all = append(all, w.String())
			}
			if joined := strings.Join(all, "\n"); tt.warn != "" && !strings.Contains(joined, tt.warn) {
				t.Errorf("warnings lack %q:\n%s", tt.warn, joined)
			}
		})
	}
	// The letters around the removed characters are kept.
	doc, _ := parseMDString(t, "---\ntitle: \"a\\eb\"\nkeywords: [\"c\\x07d\"]\n---\n\nred &#x1b;[41m alert")
	if doc.Meta.Title != "ab" || len(doc.Meta.Keywords) != 1 || doc.Meta.Keywords[0] != "cd" {
		t.Errorf("meta %+v", doc.Meta)
	}
	if got := firstBlockDump(doc); got != `para p1 line=6 "red [41m alert"` {
		t.Errorf("got %s", got)
	}
}

// modelString is one string of the model and whether tab and newline are
// allowed in it.
type modelString struct {
	where, text string
	separators  bool
}

// modelStrings returns every string the document model holds.
func modelStrings(doc *document.Document) []modelString {
	var out []modelString
	add := func(where, s string, sep bool) { out = append(out, modelString{where, s, sep}) }
	m := doc.Meta
	for _, f := range []struct{ k, v string }{{"title", m.Title}, {"subtitle", m.Subtitle}, {"author", m.Author}, {"date", m.Date}, {"language", m.Language}, {"marking", m.Marking}, {"source", m.Source}} {
		add("meta "+f.k, f.v, false)
	}
	for _, k := range m.Keywords {
		add("keyword", k, false)
	}
	doc.WalkSections(func(s *document.Section) bool {
		add("section title", s.Title, false)
		return true
	})
	walkInlines(doc, func(in document.Inline) {
		switch in := in.(type) {
		case document.Text:
			add("text", string(in), true)
		case document.Code:
			add("code", string(in), true)
		case *document.Link:
			add("link URL", in.URL, false)
		}
	})
	walkBlocks(doc, func(b document.Block) {
		switch b := b.(type) {
		case *document.CodeBlock:
			add("code block", b.Text, true)
			add("code lang", b.Lang, false)
		case *document.Table:
			add("caption", b.Caption, false)
		}
	})
	return out
}

// walkBlocks calls fn for every block of doc, nested ones and footnote
// bodies included.
func walkBlocks(doc *document.Document, fn func(document.Block)) {
	var walk func([]document.Block)
	walk = func(bs []document.Block) {
		for _, b := range bs {
			fn(b)
			switch b := b.(type) {
			case *document.List:
				for _, it := range b.Items {
					walk(it.Blocks)
				}
			case *document.Quote:
				walk(b.Blocks)
			}
		}
	}
	doc.WalkSections(func(s *document.Section) bool {
		walk(s.Blocks)
		return true
	})
	for _, f := range doc.Footnotes {
		walk(f.Blocks)
	}
}

// walkInlines calls fn for every inline of doc, nested ones included.
func walkInlines(doc *document.Document, fn func(document.Inline)) {
	var walk func([]document.Inline)
	walk = func(ins []document.Inline) {
		for _, in := range ins {
			fn(in)
			switch in := in.(type) {
			case *document.Emph:
				walk(in.Inlines)
			case *document.Strong:
				walk(in.Inlines)
			case *document.Link:
				walk(in.Inlines)
			}
		}
	}
	walkBlocks(doc, func(b document.Block) {
		switch b := b.(type) {
		case *document.Paragraph:
			walk(b.Inlines)
		case *document.Table:
			for _, c := range b.Header {
				walk(c.Inlines)
			}
			for _, row := range b.Rows {
				for _, c := range row {
					walk(c.Inlines)
				}
			}
		}
	})
}
