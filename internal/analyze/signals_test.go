package analyze

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

func TestHeadingRole(t *testing.T) {
	for _, c := range []struct {
		h    string
		want role
	}{
		{"Abstract", roleAbstract},
		{"1. Executive Summary", roleAbstract},
		{"SUMMARY", roleAbstract},
		{"Аннотация", roleAbstract},
		{"Резюме:", roleAbstract},
		{"TL;DR", roleAbstract},
		{"References", roleMatter},
		{"7. Acknowledgements", roleMatter},
		{"IV. Bibliography", roleMatter},
		{"Table of Contents", roleMatter},
		{"Status of This Memo", roleMatter},
		{"Список литературы", roleMatter},
		{"Dramatis Personae", roleMatter},
		{"Әдебиеттер", roleMatter},
		{"Introduction", roleBody},
		{"Summary of the talks with Uzbekistan", roleBody},
		{"Regional cooperation", roleBody},
	} {
		if got := headingRole(c.h); got != c.want {
			t.Errorf("headingRole(%q) = %d, want %d", c.h, got, c.want)
		}
	}
}

func TestNotKeyPoint(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"The following new header fields can be sent by the client:", true},
		{"The ministers agreed on three points: trade, transit and water.", false},
		{"[91] Northern Rights Monitor, Annual Report 2015, pp. 12–19.", true},
		{"^ Smith, John (2004). The river towns. Retrieved 3 May 2010.", true},
		{"Doe, J. and Roe, R. (2019). Grain routes. doi: 10.1000/xyz123", true},
		{"Roe, R. Grain routes across the steppe, arXiv:2101.00001 (2021).", true},
		{"Northern Grain Board, annual review of the steppe routes, p. 12–19.", true},
		{"Copyright (c) 2021 The Example Authors. All rights reserved.", true},
		{"Permission is hereby granted, free of charge, to any person obtaining a copy.", true},
		{"See https://example.org/a https://example.org/b for both.", true},
		{"JACK WORTHING ALGERNON MONCRIEFF LANE MERRIMAN LADY BRACKNELL", true},
		{"The NATO summit in 2024 gave the EU a larger role in Central Asia.", false},
		{"Exports rose by 12 percent in 2023 after the new rail link opened.", false},
	} {
		if got := notKeyPoint(c.s); got != c.want {
			t.Errorf("notKeyPoint(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// docOf builds a document of titled top-level sections; "" is an untitled
// opening section. Each section is given as its paragraphs.
func docOf(secs ...[]string) *document.Document {
	d := &document.Document{Meta: document.Meta{Source: "t.md", Language: "en"}}
	line := 1
	for _, s := range secs {
		sec := &document.Section{Title: s[0], Level: 1, Pos: source.Pos{File: "t.md", Line: line}}
		for _, p := range s[1:] {
			line += 2
			var b document.Block = &document.Paragraph{Pos: source.Pos{File: "t.md", Line: line}, Inlines: []document.Inline{document.Text(p)}}
			if strings.HasPrefix(p, "- ") {
				l := &document.List{Pos: source.Pos{File: "t.md", Line: line}}
				for _, it := range strings.Split(p, "\n") {
					l.Items = append(l.Items, &document.ListItem{Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text(strings.TrimPrefix(it, "- "))}}}})
				}
				b = l
			}
			sec.Blocks = append(sec.Blocks, b)
		}
		d.Sections = append(d.Sections, sec)
	}
	d.Number()
	return d
}

// body is a few paragraphs about one subject, each sentence sharing words
// with the others, so any of them could be central.
var body = []string{
	"The new rail corridor links the grain ports of the north with the markets of the south. Freight on the rail corridor doubled in two years.",
	"Farmers in the north ship more grain by rail than by road. The rail corridor cut the cost of moving grain to the ports by a third.",
	"Critics say the rail corridor still lacks enough wagons for the grain harvest. The operator plans to buy four hundred wagons next year.",
	"The southern markets now take most of the grain from the north. Traders expect the rail corridor to carry fruit and cotton as well.",
}

func summaryTexts(d *document.Document, n int) []string {
	a := Analyze(d, Options{SummarySentences: n})
	var out []string
	for _, s := range a.Summary {
		out = append(out, s.Text)
	}
	return out
}

func TestSummaryPrefersTheDocumentsOwnSummary(t *testing.T) {
	abstract := "This report finds that the rail corridor has made northern grain cheaper to export. It recommends more wagons before the next harvest."
	d := docOf(
		[]string{"Abstract", abstract},
		append([]string{"Findings"}, body...),
	)
	got := summaryTexts(d, 3)
	if len(got) != 3 || !strings.HasPrefix(got[0], "This report finds") || !strings.HasPrefix(got[1], "It recommends") {
		t.Fatalf("summary = %q, want the two sentences of the abstract first", got)
	}
	// A plain text with "Abstract" on a line of its own does the same.
	p := plainDoc("t.txt", "Abstract\n\n"+abstract+"\n\nIntroduction\n\n"+strings.Join(body, "\n\n"), false)
	got = summaryTexts(p, 3)
	if len(got) != 3 || !strings.HasPrefix(got[0], "This report finds") {
		t.Fatalf("plain-text summary = %q, want the abstract first", got)
	}
}

func TestSummaryNeverPicksMatter(t *testing.T) {
	// Each piece of matter repeats the body's words so that centrality
	// alone would pick it.
	thanks := "We thank the rail corridor operator and the grain farmers of the north for the freight data on the rail corridor."
	ref := "[12] Northern Grain Board, Rail corridor freight and grain ports of the north, 2019, pp. 4–9."
	cast := "- GRAIN FARMER\n- RAIL OPERATOR\n- PORT MASTER\n- TRADER"
	d := docOf(
		append([]string{""}, body...),
		[]string{"Acknowledgements", thanks},
		[]string{"Sources", "The figures below come from the grain ports and the rail corridor operator:", cast},
		[]string{"References", ref},
	)
	for _, s := range summaryTexts(d, 5) {
		if strings.Contains(s, "We thank") || strings.Contains(s, "Northern Grain Board") || strings.HasSuffix(s, ":") || strings.Contains(s, "FARMER") {
			t.Errorf("summary picked %q", s)
		}
	}
	// In plain text the matter follows a line that names it.
	p := plainDoc("t.txt", strings.Join(body, "\n\n")+"\n\nAcknowledgements\n\n"+thanks+"\n\nReferences\n\n"+ref, false)
	for _, s := range summaryTexts(p, 5) {
		if strings.Contains(s, "We thank") || strings.Contains(s, "Northern Grain Board") {
			t.Errorf("plain-text summary picked %q", s)
		}
	}
}
