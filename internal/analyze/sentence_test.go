package analyze

import (
	"reflect"
	"testing"
)

func TestSentences(t *testing.T) {
	tests := []struct {
		name, lang, text string
		want             []string
	}{
		{"plain", "en", "One here. Two there! Three?", []string{"One here.", "Two there!", "Three?"}},
		{"titles", "en", "Mr. Smith met Dr. Jones at St. Paul's. They talked.", []string{"Mr. Smith met Dr. Jones at St. Paul's.", "They talked."}},
		{"no and eg", "en", "See No. 5, e.g. the big one. Then stop.", []string{"See No. 5, e.g. the big one.", "Then stop."}},
		{"US", "en", "The U.S. Army came. It left.", []string{"The U.S. Army came.", "It left."}},
		{"initials", "en", "J. R. R. Tolkien wrote it. Fine.", []string{"J. R. R. Tolkien wrote it.", "Fine."}},
		{"decimal and date", "en", "It grew 1.5 times on May 28, 2008. On December 16th 1991 it began.", []string{"It grew 1.5 times on May 28, 2008.", "On December 16th 1991 it began."}},
		{"guillemets", "en", "Churchill said «generals always prepare for the last war». Next.", []string{"Churchill said «generals always prepare for the last war».", "Next."}},
		{"closing quote after stop", "en", `He said "Go home." Then he left.`, []string{`He said "Go home."`, "Then he left."}},
		{"question inside quote", "en", `"Why?" he asked. Nobody knew.`, []string{`"Why?" he asked.`, "Nobody knew."}},
		{"ellipsis", "en", "Wait... Then go… Now.", []string{"Wait...", "Then go…", "Now."}},
		{"lower after stop", "en", "The value is approx. ten. Done.", []string{"The value is approx. ten.", "Done."}},
		{"russian abbreviations", "ru", "Это т.е. пример. Улица им. Абая длинная. В 1991 г. Казахстан стал независимым.", []string{"Это т.е. пример.", "Улица им. Абая длинная.", "В 1991 г.", "Казахстан стал независимым."}},
		{"russian city", "ru", "Он живёт в г. Алматы. Хорошо.", []string{"Он живёт в г. Алматы.", "Хорошо."}},
		{"kazakh", "kk", "Қазақстан тәуелсіз ел. Ол үлкен.", []string{"Қазақстан тәуелсіз ел.", "Ол үлкен."}},
		{"blank line", "en", "Heading\n\nBody text", []string{"Heading", "Body text"}},
		{"empty", "en", "  ", nil},
		{"no as a word", "en", "The answer was no. Then he left. See No. 7 here.", []string{"The answer was no.", "Then he left.", "See No. 7 here."}},
		{"etc ends", "en", "Apples, pears etc. Then more. Gen. Smith came.", []string{"Apples, pears etc.", "Then more.", "Gen. Smith came."}},
		{"sir and ordinal", "en", "Sir Winston spoke on the 5th. The next day.", []string{"Sir Winston spoke on the 5th.", "The next day."}},
		{"russian etc", "ru", "Яблоки, груши и т.д. Потом другое.", []string{"Яблоки, груши и т.д.", "Потом другое."}},
		{"decimal at end", "en", "It rose to 3.5. Prices fell.", []string{"It rose to 3.5.", "Prices fell."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Sentences(tt.text, tt.lang)
			var texts []string
			for _, s := range got {
				if tt.text[s.Start:s.End] != s.Text {
					t.Errorf("span %d:%d = %q, want %q", s.Start, s.End, tt.text[s.Start:s.End], s.Text)
				}
				texts = append(texts, s.Text)
			}
			if !reflect.DeepEqual(texts, tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, texts, tt.want)
			}
		})
	}
}
