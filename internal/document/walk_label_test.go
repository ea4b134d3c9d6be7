package document

import "testing"

func TestNumberKeepsLabels(t *testing.T) {
	d := &Document{Sections: []*Section{
		{Title: "Abstract"},
		{Title: "Introduction", Label: "1", Sections: []*Section{{Title: "Background", Label: "1.1"}, {Title: "Terms"}}},
		{Title: "Data Framing", Label: "5"},
	}}
	d.Number()
	got := []string{d.Sections[0].Number, d.Sections[1].Number, d.Sections[1].Sections[0].Number, d.Sections[1].Sections[1].Number, d.Sections[2].Number}
	want := []string{"", "1", "1.1", "", "5"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("section %d number = %q, want %q (all: %q)", i, got[i], want[i], got)
		}
	}
	plain := &Document{Sections: []*Section{{Title: "One"}, {Title: "Two", Sections: []*Section{{Title: "Two A"}}}}}
	plain.Number()
	if plain.Sections[1].Number != "2" || plain.Sections[1].Sections[0].Number != "2.1" {
		t.Errorf("unlabelled sections numbered %q, %q; want 2, 2.1", plain.Sections[1].Number, plain.Sections[1].Sections[0].Number)
	}
}

func TestExpandTabs(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  string
	}{
		{"a\tb", 4, "a   b"},
		{"\tx", 8, "        x"},
		{"ab\tc\td", 4, "ab  c   d"},
		{"no tabs", 4, "no tabs"},
		{"é\tx", 4, "é   x"},
	} {
		if got := ExpandTabs(tt.in, tt.width); got != tt.want {
			t.Errorf("ExpandTabs(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
}
