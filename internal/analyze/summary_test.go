package analyze

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

func TestSummarizeOrderAndSpread(t *testing.T) {
	d := seedDoc(t)
	a := Analyze(d, Options{SummarySentences: 3})
	if len(a.Summary) != 3 {
		t.Fatalf("got %d sentences, want 3", len(a.Summary))
	}
	paras := map[string]bool{}
	last := 0
	for _, s := range a.Summary {
		paras[s.Paragraph] = true
		var n int
		fmt.Sscanf(s.Paragraph, "p%d", &n)
		if n < last {
			t.Errorf("summary not in source order: %+v", a.Summary)
		}
		last = n
	}
	if len(paras) < 3 {
		t.Errorf("summary of a multi-paragraph text comes from %d paragraphs, want 3: %+v", len(paras), a.Summary)
	}
}

func TestSummarizeCases(t *testing.T) {
	tests := []struct {
		name string
		text string
		n    int
		want []string // sentences that must be picked
	}{
		{
			name: "news lead in one paragraph",
			text: "Title\n\nThe central bank raised interest rates to five percent on Monday. " +
				"Markets fell after the bank raised rates. Analysts had expected the bank to wait. " +
				"The weather was mild. Rates had been at four percent for a year. " +
				"Some traders said the bank acted too late on rates.",
			n:    1,
			want: []string{"The central bank raised interest rates to five percent on Monday."},
		},
		{
			name: "duplicate sentences are not both picked",
			text: "Title\n\nThe dam failed after heavy rain in the valley.\n\nThe dam failed after heavy rain in the valley.\n\nRescuers reached the village by boat on Tuesday.",
			n:    2,
			want: []string{"The dam failed after heavy rain in the valley.", "Rescuers reached the village by boat on Tuesday."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := Analyze(plainDoc("x.txt", tt.text, true), Options{SummarySentences: tt.n})
			var got []string
			for _, s := range a.Summary {
				got = append(got, s.Text)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestSummarizeLongTextIsGrouped(t *testing.T) {
	// More sentences than one graph holds: the grouped path must still give
	// n sentences in order, deterministically.
	var b strings.Builder
	b.WriteString("Title\n\n")
	for i := 0; i < 3*graphGroup; i++ {
		fmt.Fprintf(&b, "Sentence %d tells of topic%d and the river crossing near town%d.", i, i%7, i%11)
		if i%5 == 4 {
			b.WriteString("\n\n")
		} else {
			b.WriteString(" ")
		}
	}
	a1 := Analyze(plainDoc("long.txt", b.String(), true), Options{SummarySentences: 5})
	a2 := Analyze(plainDoc("long.txt", b.String(), true), Options{SummarySentences: 5})
	if len(a1.Summary) != 5 || !reflect.DeepEqual(a1.Summary, a2.Summary) {
		t.Errorf("long text: %d sentences, deterministic=%v", len(a1.Summary), reflect.DeepEqual(a1.Summary, a2.Summary))
	}
}

func TestSparseDot(t *testing.T) {
	a := sparse{{1, 0.5}, {3, 0.5}, {9, 1}}
	b := sparse{{0, 1}, {3, 2}, {9, 0.5}}
	if got := a.dot(b); got != 1.5 {
		t.Errorf("dot = %v, want 1.5", got)
	}
	if got := a.dot(nil); got != 0 {
		t.Errorf("dot with empty = %v", got)
	}
}
