package html

import (
	stdhtml "html"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// noise matches what the renderer prints that is not block text: ¶
// numbers, table numbers and footnote references.
var noise = regexp.MustCompile(`<span class="(?:pnum|tabnum)"[^>]*>[^<]*</span>|<sup>.*?</sup>`)

var (
	separators = regexp.MustCompile(`<br/>|</(p|li|td|th|caption)>`)
	tags       = regexp.MustCompile(`<[^>]*>`)
)

// wordsBefore returns the number of words of rendered text that precede
// the marker of page in out.
func wordsBefore(t *testing.T, out string, page int) int {
	t.Helper()
	i := strings.Index(out, PageBreakMarker(page))
	if i < 0 {
		t.Fatalf("no marker of page %d in\n%s", page, out)
	}
	s := separators.ReplaceAllString(noise.ReplaceAllString(out[:i], ""), "\n")
	s = stdhtml.UnescapeString(tags.ReplaceAllString(s, ""))
	return document.CountWords(s)
}

func TestPageBreakPlacement(t *testing.T) {
	para := p(t_("Бірінші сөз"), &document.Emph{Inlines: []document.Inline{t_("екінші-үшінші")}}, t_("жалғас"),
		document.FootnoteRef{ID: "fn1", Number: 1}, t_(" ары қарай, "), document.Code("x := y"), document.LineBreak{}, t_("соңы."))
	list := &document.List{Items: []*document.ListItem{
		{Blocks: []document.Block{p(t_("one two"))}},
		{Blocks: []document.Block{p(t_("three")), &document.List{Ordered: true, Items: []*document.ListItem{{Blocks: []document.Block{p(t_("four five six"))}}}}}},
	}}
	quote := &document.Quote{Blocks: []document.Block{p(t_("alpha beta")), p(t_("gamma"))}}
	table := &document.Table{Caption: "Cap tion",
		Header: []document.Cell{{Inlines: []document.Inline{t_("H1")}}, {Inlines: []document.Inline{t_("H2 x")}}},
		Rows:   [][]document.Cell{{{Inlines: []document.Inline{t_("a b")}}, {Inlines: []document.Inline{t_("c")}}}, {{Inlines: []document.Inline{t_("d")}}, {Inlines: []document.Inline{t_("e f")}}}}}
	code := &document.CodeBlock{Text: "if a < b {\n\treturn c\n}\n"}
	doc := &document.Document{Sections: []*document.Section{{Title: "T", Blocks: []document.Block{para, list, quote, table, code}}}}
	doc.Number()
	for _, bl := range doc.Sections[0].Blocks {
		n := document.CountWords(document.BlockText(bl))
		for w := 0; w <= n+1; w++ {
			r := New(Options{})
			out := r.blockWithBreaks(bl, []PageBreak{{Page: 9, Word: w}})
			if err := Check(out); err != nil {
				t.Fatalf("%T word %d: %v\n%s", bl, w, err, out)
			}
			want := min(w, n)
			if got := wordsBefore(t, out, 9); got != want {
				t.Errorf("%T word %d: %d words before the marker, want %d\n%s", bl, w, got, want, out)
			}
			if w == 0 && !strings.HasPrefix(out, PageBreakMarker(9)) {
				t.Errorf("%T word 0: marker not before the block\n%s", bl, out)
			}
		}
	}
}

func TestPageBreaksInSection(t *testing.T) {
	s := &document.Section{ID: "s1", Title: "Heading", Level: 1, Blocks: []document.Block{p(t_("a b c")), p(t_("d e"))}}
	breaks := map[int][]PageBreak{-1: {{Page: 2}}, 0: {{Page: 3, Word: 1}, {Page: 4, Word: 2}}, 1: {{Page: 5, Word: 7}}}
	r := New(Options{PageBreaks: func(id string, i int) []PageBreak {
		if id != "s1" {
			t.Errorf("asked for section %q", id)
		}
		return breaks[i]
	}})
	got := r.Section(s)
	want := `<section id="s1" aria-labelledby="s1-h">
` + PageBreakMarker(2) + `
<h1 id="s1-h">Heading</h1>
<p>a ` + PageBreakMarker(3) + `b ` + PageBreakMarker(4) + `c</p>
<p>d e</p>
` + PageBreakMarker(5) + `
</section>
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if err := Check(got); err != nil {
		t.Error(err)
	}
}

func t_(s string) document.Inline { return document.Text(s) }
