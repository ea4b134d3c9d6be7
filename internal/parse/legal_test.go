package parse

import (
	"strings"
	"testing"
)

// TestTextLegalHeadings: the headings of laws and constitutions in
// English, Russian and Kazakh, with levels Part/Chapter/Раздел/Глава >
// Article/Статья/бап > Section/§; a sentence that starts like one is text.
func TestTextLegalHeadings(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"articles and sections", "T\n\nArticle 1.\n\nSection 1.\n\nx\n\nSection 2.\n\ny\n\nARTICLE II\n\nSection 1\n\nz",
			[]string{"1:Article 1.", "2:Section 1.", "2:Section 2.", "1:ARTICLE II", "2:Section 1"}},
		{"archives.gov style", "T\n\nArticle. I.\n\nSection. 1.\n\nx\n\nArticle. II.\n\ny", []string{"1:Article. I.", "2:Section. 1.", "1:Article. II."}},
		{"amendments", "T\n\nAmendment I\n\nx\n\nAmendment XIV\n\nSection 1.\n\ny", []string{"1:Amendment I", "1:Amendment XIV", "2:Section 1."}},
		{"section sign", "T\n\n§ 3\n\nx\n\n§4\n\ny\n\n§ 4.1 Scope\n\nz", []string{"1:§ 3", "1:§ 4", "1:§ 4.1 Scope"}},
		{"russian", "T\n\nРаздел I\n\nГлава 1. Основы\n\nСтатья 1\n\nx\n\nСтатья 2.\n\ny\n\nГлава 2\n\nСтатья 3\n\nz",
			[]string{"1:Раздел I", "2:Глава 1. Основы", "3:Статья 1", "3:Статья 2.", "2:Глава 2", "3:Статья 3"}},
		{"kazakh", "T\n\n1-бөлім\n\n1-тарау\n\n1-бап\n\nx\n\n2-бап\n\ny", []string{"1:1-бөлім", "2:1-тарау", "3:1-бап", "3:2-бап"}},
		{"part over article", "T\n\nPART I\n\nChapter 1\n\nArticle 1\n\nSection 1\n\nx", []string{"1:PART I", "2:Chapter 1", "3:Article 1", "4:Section 1"}},
		{"heading on the line above its text", "T\n\nSection 1\nAll legislative Powers herein granted shall be vested in a Congress.\n\nСтатья 5\nКаждый имеет право.",
			[]string{"1:Section 1", "1:Статья 5"}},
		{"sentence is text", "T\n\nArticle 5 of the treaty says that members help each other.\n\nx", nil},
		{"sentence is text, short", "T\n\nSection 2 applies.\n\nx", nil},
		{"sentence is text, russian", "T\n\nСтатья 5 договора говорит о другом.\n\nx", nil},
		{"sentence on the line above text is text", "T\n\nArticle 5 of the treaty\nsays that members help each other.", nil},
		{"article without a number is text", "T\n\nArticle Preamble.\n\nx", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseTextString(t, tt.in)
			var titled []string
			for _, s := range outline(doc) {
				if !strings.HasSuffix(s, ":") {
					titled = append(titled, s)
				}
			}
			if strings.Join(titled, "|") != strings.Join(tt.want, "|") {
				t.Errorf("outline = %q, want %q", titled, tt.want)
			}
		})
	}
}
