package pdf

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// para builds a paragraph of plain text.
func para(text string, line int) *document.Paragraph {
	return &document.Paragraph{Pos: source.Pos{File: "fixture.md", Line: line}, Inlines: []document.Inline{document.Text(text)}}
}

const lorem = "The formulation of conceptual basis and principles of foreign policy was started shortly after independence. " +
	"Its geographical location has helped define the priorities of foreign policy and has influenced the many directions of its diplomatic activity. "

const kazakh = "Қазақстан Республикасының сыртқы саясаты: Әділет, Ғылым, Құқық, Өнер, Ұлт, Үкімет, Һ, Ірі мемлекет. "

const russian = "Основные направления внешней политики Казахстана были определены вскоре после обретения независимости. "

// fixtureDoc is a document with every block and inline kind, in English,
// Russian and Kazakh.
func fixtureDoc() *document.Document {
	d := &document.Document{
		Meta: document.Meta{Title: "Main vectors of Kazakhstan's foreign policy", Subtitle: "A briefing",
			Author: "Ministry of Foreign Affairs", Date: "2024-05-01", Language: "en",
			Marking: "OFFICIAL", Keywords: []string{"Kazakhstan", "foreign policy"}, Source: "fixture.md"},
	}
	intro := &document.Section{Title: "", Pos: source.Pos{File: "fixture.md", Line: 1}, Blocks: []document.Block{
		para(strings.Repeat(lorem, 3), 3),
	}}
	s1 := &document.Section{Title: "Foundations", Pos: source.Pos{File: "fixture.md", Line: 5}, Blocks: []document.Block{
		&document.Paragraph{Pos: source.Pos{File: "fixture.md", Line: 7}, Inlines: []document.Inline{
			document.Text("Kazakhstan gained its independence on "), &document.Strong{Inlines: []document.Inline{document.Text("16 December 1991")}},
			document.Text(". The policy is "), &document.Emph{Inlines: []document.Inline{document.Text("multi-vector")}},
			document.Text(" and balanced"), document.FootnoteRef{ID: "fn1", Number: 1},
			document.Text(". See "), &document.Link{URL: "https://www.gov.kz/memleket/entities/mfa", Inlines: []document.Inline{document.Text("the ministry site")}},
			document.Text(" and the code "), document.Code("Render(w, in)"), document.Text(". " + strings.Repeat(lorem, 2)),
		}},
		para(strings.Repeat(russian, 4), 9),
		para(strings.Repeat(kazakh, 4), 11),
		&document.List{Pos: source.Pos{File: "fixture.md", Line: 13}, Items: []*document.ListItem{
			{Blocks: []document.Block{para("Russia, China and Central Asia as neighbours.", 13)}},
			{Blocks: []document.Block{para("The United States and the European Union. "+lorem, 14),
				&document.List{Ordered: true, Start: 1, Items: []*document.ListItem{
					{Blocks: []document.Block{para("first nested item", 15)}},
					{Blocks: []document.Block{para("second nested item", 16)}},
				}}}},
			{Blocks: []document.Block{para("Multilateral bodies: UN, OSCE, SCO, CICA.", 17)}},
		}},
		&document.Quote{Pos: source.Pos{File: "fixture.md", Line: 19}, Blocks: []document.Block{
			para("Kazakhstan is a large country located both in Europe and Asia; its interests are multifaceted and there is no bias towards one continent or another.", 19),
			para("— Nursultan Nazarbayev", 20),
		}},
	}}
	s11 := &document.Section{Title: "Neighbours and partners", Pos: source.Pos{File: "fixture.md", Line: 22}, Blocks: []document.Block{
		para(strings.Repeat(lorem, 4), 24),
		&document.Table{Pos: source.Pos{File: "fixture.md", Line: 26}, Caption: "Diplomatic relations",
			Align:  []document.Align{document.AlignLeft, document.AlignRight, document.AlignLeft},
			Header: []document.Cell{{Inlines: []document.Inline{document.Text("Country")}}, {Inlines: []document.Inline{document.Text("Since")}}, {Inlines: []document.Inline{document.Text("Notes")}}},
			Rows: [][]document.Cell{
				{{Inlines: []document.Inline{document.Text("Russia")}}, {Inlines: []document.Inline{document.Text("1992")}}, {Inlines: []document.Inline{document.Text("Longest land border in the world; Treaty of friendship and cooperation.")}}},
				{{Inlines: []document.Inline{document.Text("Қытай (China)")}}, {Inlines: []document.Inline{document.Text("1992")}}, {Inlines: []document.Inline{document.Text("Belt and Road partner.")}}},
				{{Inlines: []document.Inline{document.Text("United States")}}, {Inlines: []document.Inline{document.Text("1991")}}, {Inlines: []document.Inline{document.Text("First to recognise independence.")}}},
			}},
	}}
	s12 := &document.Section{Title: "Technical annex", Pos: source.Pos{File: "fixture.md", Line: 30}, Blocks: []document.Block{
		&document.CodeBlock{Pos: source.Pos{File: "fixture.md", Line: 31}, Lang: "go", Text: "func main() {\n\tfmt.Println(\"Сәлем, әлем\")\n}\n"},
		&document.Rule{Pos: source.Pos{File: "fixture.md", Line: 35}},
		para("After the rule. "+lorem, 36),
	}}
	s1.Sections = []*document.Section{s11, s12}
	s2 := &document.Section{Title: "Multilateral diplomacy", Pos: source.Pos{File: "fixture.md", Line: 40}}
	for i := 0; i < 6; i++ {
		s2.Blocks = append(s2.Blocks, para(strings.Repeat(lorem, 3+i%3), 41+i))
	}
	d.Sections = []*document.Section{intro, s1, s2}
	d.Footnotes = []*document.Footnote{{Blocks: []document.Block{para("Balanced between the great powers.", 50)}}}
	d.Number()
	return d
}

// fixtureAnalysis is an analysis of fixtureDoc.
func fixtureAnalysis() *document.Analysis {
	return &document.Analysis{
		Summary: []document.SummarySentence{
			{Text: "Kazakhstan gained its independence on 16 December 1991.", Paragraph: "p2"},
			{Text: "Its foreign policy is multi-vector and balanced.", Paragraph: "p5"},
			{Text: "Kazakhstan is active in the UN, OSCE, SCO and CICA.", Paragraph: "p10"},
		},
		Facts: document.Facts{
			Figures: []document.Figure{
				{Value: 1600, Bound: document.BoundAtLeast, Qualifier: "over", Unit: "international agreements signed", Text: "over 1,600", Paragraph: "p2"},
				{Value: 80, Bound: document.BoundAbout, Qualifier: "nearly", Unit: "diplomatic missions abroad", Text: "nearly 80", Paragraph: "p3"},
				{Value: 140, Unit: "countries with diplomatic relations", Text: "140", Paragraph: "p4"},
				{Value: 20, High: 25, HasRange: true, Kind: document.KindPercent, Unit: "%", Text: "20–25%", Paragraph: "p7"},
			},
			Timeline: []document.Event{
				{Date: "1991-12-16", Text: "16 December 1991", Event: "Independence of Kazakhstan", Paragraph: "p2"},
				{Date: "1992-03-02", Text: "2 March 1992", Event: "Admission to the United Nations", Paragraph: "p3"},
				{Date: "2010", Text: "2010", Event: "Chairmanship of the OSCE", Paragraph: "p10"},
			},
			People: []document.Person{
				{Name: "Nursultan Nazarbayev", Role: "first President", Paragraphs: []string{"p2", "p6"}},
				{Name: "Қасым-Жомарт Тоқаев", Role: "President", Paragraphs: []string{"p8"}},
			},
			Places: []document.Place{
				{Name: "Europe", Paragraphs: []string{"p1", "p6"}},
				{Name: "Asia", Paragraphs: []string{"p1"}},
			},
			Organizations: []document.Organization{
				{Name: "Organization for Security and Co-operation in Europe", Acronym: "OSCE", Expansion: "Organization for Security and Co-operation in Europe", Paragraphs: []string{"p5"}},
				{Name: "Shanghai Cooperation Organisation", Acronym: "SCO", Paragraphs: []string{"p5", "p10"}},
			},
			Quotations: []document.Quotation{
				{Text: "Kazakhstan is a large country located both in Europe and Asia.", Speaker: "Nursultan Nazarbayev", Paragraph: "p6"},
			},
		},
	}
}

func fixtureInput() *render.Input {
	opts := render.DefaultOptions()
	return &render.Input{Doc: fixtureDoc(), Analysis: fixtureAnalysis(), Options: opts, Warnings: &source.Warnings{}}
}
