package document

import (
	"reflect"
	"testing"
)

func para(s string) *Paragraph { return &Paragraph{Inlines: []Inline{Text(s)}} }

func TestNumber(t *testing.T) {
	d := &Document{
		Sections: []*Section{
			{Blocks: []Block{para("Intro words here.")}},
			{Title: "First", Blocks: []Block{para("one two"), &Table{}, &List{Items: []*ListItem{{Blocks: []Block{para("item")}}}}},
				Sections: []*Section{{Title: "Sub", Blocks: []Block{&Quote{Blocks: []Block{para("q")}}}}}},
			{Title: "Второй", Blocks: []Block{&Paragraph{Inlines: []Inline{&Emph{Inlines: []Inline{Text("Қазақстан")}}, LineBreak{}, Text("2008")}}}},
		},
		Footnotes: []*Footnote{{}, {}},
	}
	d.Number()
	type row struct {
		ID, Number string
		Level      int
	}
	var got []row
	d.WalkSections(func(s *Section) bool {
		got = append(got, row{s.ID, s.Number, s.Level})
		return true
	})
	want := []row{{"s1", "", 1}, {"s2", "1", 1}, {"s3", "1.1", 2}, {"s4", "2", 1}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sections = %v, want %v", got, want)
	}
	var ids []string
	var nums []int
	d.WalkSections(func(s *Section) bool {
		for _, b := range s.Numbered() {
			ids = append(ids, RefOf(b).ID)
			nums = append(nums, RefOf(b).Number)
		}
		return true
	})
	if !reflect.DeepEqual(ids, []string{"p1", "p2", "p3", "p4", "p5"}) || !reflect.DeepEqual(nums, []int{1, 2, 3, 4, 5}) {
		t.Errorf("paragraph ids %v numbers %v", ids, nums)
	}
	if d.Footnotes[1].ID != "fn2" || d.Footnotes[1].Number != 2 {
		t.Errorf("footnote = %+v", d.Footnotes[1])
	}
	// Titles + text: "First"(1) "Sub"(1) "Второй"(1) + 3 + 2 + 1 + 1 + 2 = 12
	if d.Meta.Words != 12 {
		t.Errorf("Words = %d, want 12", d.Meta.Words)
	}
}

func TestBlockText(t *testing.T) {
	tests := []struct {
		b    Block
		want string
	}{
		{para("a"), "a"},
		{&Paragraph{Inlines: []Inline{Text("see "), &Link{URL: "http://x", Inlines: []Inline{&Strong{Inlines: []Inline{Text("this")}}}}, FootnoteRef{ID: "fn1", Number: 1}, Code(" x()")}}, "see this x()"},
		{&List{Items: []*ListItem{{Blocks: []Block{para("a")}}, {Blocks: []Block{para("b")}}}}, "a\nb"},
		{&Table{Caption: "T", Header: []Cell{{Inlines: []Inline{Text("h1")}}, {Inlines: []Inline{Text("h2")}}}, Rows: [][]Cell{{{Inlines: []Inline{Text("1")}}, {}}}}, "T\nh1 | h2\n1 | "},
		{&CodeBlock{Text: "x := 1"}, "x := 1"},
		{&Rule{}, ""},
	}
	for i, tt := range tests {
		if got := BlockText(tt.b); got != tt.want {
			t.Errorf("%d: BlockText = %q, want %q", i, got, tt.want)
		}
	}
}

func TestCountWords(t *testing.T) {
	for in, want := range map[string]int{"": 0, "one": 1, "Әлем — мир, 2008!": 3, "co-operation": 2, "a\u0301b c": 2} {
		if got := CountWords(in); got != want {
			t.Errorf("CountWords(%q) = %d, want %d", in, got, want)
		}
	}
}
