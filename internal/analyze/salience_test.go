package analyze

import "testing"

func TestRefersBack(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Thus the policy became part of the state.", true},
		{"These decisions had to be made.", true},
		{"This is not the first time.", false},
		{"It spent 59 billion.", false},
		{"Kazakhstan set an example.", false},
		{"Поэтому страна выбрала мир.", true},
		{"", false},
	}
	for _, tt := range tests {
		if got := refersBack(tt.text); got != tt.want {
			t.Errorf("refersBack(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestInformativeness(t *testing.T) {
	never := func(string) bool { return false }
	subject := func(w string) bool { return w == "Kazakhstan" }
	tests := []struct {
		text   string
		common func(string) bool
		lo, hi float64
	}{
		{"The policy is in general harmony with the trend.", never, 0, 0},
		{"By 2008 Kazakhstan had relations with 140 countries.", never, 0.9, 1},
		{"The country is Kazakhstan and so is the policy of Kazakhstan.", subject, 0, 0},
		{"", never, 0, 0},
	}
	for _, tt := range tests {
		if got := informativeness(tt.text, tt.common); got < tt.lo || got > tt.hi {
			t.Errorf("informativeness(%q) = %v, want %v–%v", tt.text, got, tt.lo, tt.hi)
		}
	}
}

func TestExpository(t *testing.T) {
	para := "One sentence here. Another one here. A third one here."
	tests := []struct {
		name  string
		paras []string
		want  bool
	}{
		{"essay", []string{para, para, para, para}, true},
		{"too few paragraphs", []string{para, para, para}, false},
		{"news lines", []string{"One line.", "Two line.", "Three line.", "Four line."}, false},
		{"reporting", []string{para, para, `He said "yes" today. She said "no" then. Fine.`, para}, false},
	}
	for _, tt := range tests {
		var us []unit
		for _, p := range tt.paras {
			us = append(us, unit{Text: p, Sents: Sentences(p, "en")})
		}
		if got := expository(us); got != tt.want {
			t.Errorf("%s: expository = %v, want %v", tt.name, got, tt.want)
		}
	}
}
