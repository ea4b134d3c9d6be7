package epub

import (
	"strings"
	"time"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

func para(ins ...document.Inline) *document.Paragraph {
	return &document.Paragraph{Inlines: ins}
}

func text(s string) document.Inline { return document.Text(s) }

// fixtureDoc is a small Kazakh/Russian/English document that uses every
// block kind, a subsection and a footnote.
func fixtureDoc() *document.Document {
	d := &document.Document{
		Meta: document.Meta{
			Title:    "Қазақстанның сыртқы саясатының негізгі бағыттары",
			Subtitle: "Брифинг: Ә Ғ Қ Ң Ө Ұ Ү Һ І",
			Author:   "Сыртқы істер министрлігі; A. Author",
			Date:     "2021-12-16",
			Language: "kk",
			Keywords: []string{"сыртқы саясат", "Қазақстан"},
			Source:   "vectors.txt",
		},
		Sections: []*document.Section{
			{Blocks: []document.Block{
				para(text("Қазақстан 1991 жылы 16 желтоқсанда тәуелсіздік алды & <script>alert(1)</script>.")),
				para(text("Екінші азатжол"), document.FootnoteRef{ID: "fn1", Number: 1}, text(" — Россия, «кавычки» 🙂.")),
			}},
			{Title: "Көпвекторлы саясат", Blocks: []document.Block{
				para(&document.Emph{Inlines: []document.Inline{text("Курсив")}}, text(" және "), &document.Strong{Inlines: []document.Inline{text("қалың")}},
					text(", "), document.Code("код<x>"), text(", "), &document.Link{URL: "https://mfa.gov.kz/?a=1&b=2", Inlines: []document.Inline{text("СІМ")}},
					text(", "), &document.Link{URL: "javascript:alert(1)", Inlines: []document.Inline{text("no link")}}),
				&document.List{Items: []*document.ListItem{
					{Blocks: []document.Block{para(text("Ресей"))}},
					{Blocks: []document.Block{para(text("Қытай")), &document.List{Ordered: true, Start: 3, Items: []*document.ListItem{
						{Blocks: []document.Block{para(text("ішкі тізім"))}},
					}}}},
				}},
				&document.Quote{Blocks: []document.Block{para(text("Бейбітшілік — басты құндылық."), document.FootnoteRef{ID: "fn1", Number: 1})}},
			}, Sections: []*document.Section{
				{Title: "Кесте", Blocks: []document.Block{
					&document.Table{Caption: "Елшіліктер", Align: []document.Align{document.AlignLeft, document.AlignRight},
						Header: []document.Cell{{Inlines: []document.Inline{text("Аймақ")}}, {Inlines: []document.Inline{text("Саны")}}},
						Rows: [][]document.Cell{
							{{Inlines: []document.Inline{text("Еуропа")}}, {Inlines: []document.Inline{text("30")}}},
							{{Inlines: []document.Inline{text("Азия")}}, {Inlines: []document.Inline{text("25")}}},
						}},
					&document.CodeBlock{Lang: "go", Text: "if a < b && c {\n\treturn\n}\n"},
					&document.Rule{},
					para(text("Соңғы азатжол\x00\x07 with control chars"), document.LineBreak{}, text("жаңа жол")),
				}},
			}},
		},
		Footnotes: []*document.Footnote{
			{Blocks: []document.Block{para(text("Ескертпе мәтіні."))}},
		},
	}
	d.Number()
	return d
}

// fixtureAnalysis has three summary sentences and every kind of fact.
func fixtureAnalysis() *document.Analysis {
	return &document.Analysis{
		Summary: []document.SummarySentence{
			{Text: "Қазақстан 1991 жылы тәуелсіздік алды.", Paragraph: "p1"},
			{Text: "Сыртқы саясат көпвекторлы.", Paragraph: "p3"},
			{Text: "Бейбітшілік — басты құндылық.", Paragraph: "p5"},
		},
		Facts: document.Facts{
			Figures: []document.Figure{
				{Value: 1600, Bound: document.BoundAtLeast, Qualifier: "over", Unit: "agreements", Text: "1 600+", Paragraph: "p1"},
				{Value: 80, Bound: document.BoundAbout, Qualifier: "nearly", Unit: "missions", Text: "≈ 80", Paragraph: "p3"},
				{Value: 10, High: 20, HasRange: true, Kind: document.KindPercent, Unit: "%", Text: "10–20 %", Paragraph: "p3"},
			},
			Timeline: []document.Event{
				{Date: "1991-12-16", Text: "16 желтоқсан 1991", Event: "Тәуелсіздік", Paragraph: "p1"},
				{Date: "1992", Text: "1992", Event: "БҰҰ-ға мүшелік", Paragraph: "p2"},
			},
			People:        []document.Person{{Name: "Нұрсұлтан Назарбаев", Role: "Тұңғыш Президент", Paragraphs: []string{"p1", "p3"}}},
			Places:        []document.Place{{Name: "Еуропа", Paragraphs: []string{"p1"}}, {Name: "Азия", Paragraphs: []string{"p1", "p3"}}},
			Organizations: []document.Organization{{Name: "БҰҰ", Acronym: "БҰҰ", Expansion: "Біріккен Ұлттар Ұйымы", Paragraphs: []string{"p2"}}},
			Quotations:    []document.Quotation{{Text: "Бейбітшілік — басты құндылық.", Speaker: "Назарбаев", Paragraph: "p5"}},
		},
	}
}

func fixtureInput() *render.Input {
	opt := render.DefaultOptions()
	opt.Time = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	return &render.Input{Doc: fixtureDoc(), Analysis: fixtureAnalysis(), SourceData: []byte("source text"), Options: opt}
}

// largeDoc is a synthetic document of about n bytes of text in one
// untitled section followed by a few titled ones.
func largeDoc(n int) *document.Document {
	line := strings.Repeat("Соғыс және бейбітшілік — War and Peace — Война и мир. ", 12)
	d := &document.Document{Meta: document.Meta{Title: "Large", Language: "ru"}}
	s := &document.Section{}
	for size := 0; size < n/2; size += len(line) {
		s.Blocks = append(s.Blocks, para(text(line)))
	}
	d.Sections = append(d.Sections, s)
	t := &document.Section{Title: "Part two"}
	for size := 0; size < n/2; size += len(line) {
		t.Blocks = append(t.Blocks, para(text(line)))
	}
	t.Sections = []*document.Section{{Title: "Chapter", Blocks: []document.Block{para(text(line))}}}
	d.Sections = append(d.Sections, t)
	d.Number()
	return d
}
