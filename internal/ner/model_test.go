package ner

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tiny is a training set small enough to learn in a test.
var tiny = []Example{
	ex("Maria Lopez visited Paris on Monday .", "B-PER I-PER O B-LOC O O O"),
	ex("The United Nations met in Geneva .", "O B-ORG I-ORG O O B-LOC O"),
	ex("John Smith works for Acme Corporation .", "B-PER I-PER O O B-ORG I-ORG O"),
	ex("They flew from Berlin to Rome .", "O O O B-LOC O B-LOC O"),
	ex("Anna Petrova joined the World Bank .", "B-PER I-PER O O B-ORG I-ORG O"),
}

func ex(tokens, labels string) Example {
	return Example{Tokens: strings.Fields(tokens), Labels: strings.Fields(labels)}
}

func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	var a, b bytes.Buffer
	m := Train(tiny, TrainOptions{Epochs: 10, CapsEvery: 2})
	if _, err := m.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := Train(tiny, TrainOptions{Epochs: 10, CapsEvery: 2}).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings on the same data gave different models")
	}
	r, err := ReadModel(bytes.NewReader(a.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(r, tiny)
	if _, _, f := sc.PRF(None); f < 0.99 {
		t.Errorf("the model read back does not tag its training data: %s", sc)
	}
}

func TestReadModelDamaged(t *testing.T) {
	var good bytes.Buffer
	if _, err := Train(tiny, TrainOptions{Epochs: 1}).WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"empty":     nil,
		"not gzip":  []byte("hello"),
		"truncated": good.Bytes()[:good.Len()/2],
	} {
		if _, err := ReadModel(bytes.NewReader(data), nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestSpans(t *testing.T) {
	tags := []tag{0, begin(PER), inside(PER), begin(LOC), 0, inside(ORG), begin(ORG)}
	got := spans(tags)
	want := []Span{{PER, 1, 3}, {LOC, 3, 4}, {ORG, 5, 6}, {ORG, 6, 7}}
	if len(got) != len(want) {
		t.Fatalf("spans = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("span %d = %v, want %v", i, got[i], want[i])
		}
	}
	for _, l := range []string{"O", "B-OTH", "I-MISC", "B-", "X"} {
		if parseTag(l) != 0 {
			t.Errorf("parseTag(%q) is not O", l)
		}
	}
}

// TestEnglish checks the embedded model on sentences of the kind briefings
// hold; each name here is common enough that a model which misses it is
// broken, not merely imperfect.
func TestEmbeddedModels(t *testing.T) {
	tests := []struct {
		model    string
		sentence string
		want     []string // "TYPE text"
	}{
		{"en", "President Barack Obama met Angela Merkel in Berlin on Friday .", []string{"PER Barack Obama", "PER Angela Merkel", "LOC Berlin"}},
		{"en", "The United Nations said Iraq had failed to comply .", []string{"ORG United Nations", "LOC Iraq"}},
		{"ru", "Президент Казахстана Касым-Жомарт Токаев встретился в Астане с министром Сергеем Лавровым .",
			[]string{"PER Касым-Жомарт Токаев", "PER Сергеем Лавровым", "LOC Астане"}},
		{"ru", "Представитель Министерства иностранных дел России Мария Захарова заявила об этом в Москве .",
			[]string{"PER Мария Захарова", "LOC Москве"}},
	}
	models := map[string]*Model{"en": English(), "ru": Russian()}
	for name, m := range models {
		if m == nil {
			t.Fatalf("the embedded %s model cannot be read", name)
		}
	}
	for _, tt := range tests {
		toks := strings.Fields(tt.sentence)
		var got []string
		for _, s := range models[tt.model].Tag(toks) {
			got = append(got, s.Type.String()+" "+strings.Join(toks[s.Start:s.End], " "))
		}
		have := map[string]bool{}
		for _, g := range got {
			have[g] = true
		}
		for _, w := range tt.want {
			if !have[w] {
				t.Errorf("%s %q: missing %q in %q", tt.model, tt.sentence, w, got)
			}
		}
	}
}

// TestEvalUNER scores the embedded model on Universal NER files when
// BRIEFBOOK_NER_DIR names a folder holding them (see data/SOURCE.md):
//
//	BRIEFBOOK_NER_DIR=/tmp/ner go test -run TestEvalUNER -v ./internal/ner
func TestEvalUNER(t *testing.T) {
	dir := os.Getenv("BRIEFBOOK_NER_DIR")
	if dir == "" {
		t.Skip("BRIEFBOOK_NER_DIR not set")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.iob2"))
	for _, p := range files {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		exs, err := ReadIOB2(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s (%d sentences)\n%s", filepath.Base(p), len(exs), Evaluate(English(), exs))
	}
}

func TestReadIOB2(t *testing.T) {
	in := "# sent_id = 1\n1\tAl\tB-ORG\n2\tZaman\tI-ORG\n\n-DOCSTART- O\n\nThe I-ORG\nMad I-ORG\nband O\nin O\nParis I-LOC\nBerlin B-LOC\n"
	exs, err := ReadIOB2(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(exs) != 2 {
		t.Fatalf("%d sentences, want 2", len(exs))
	}
	if got := strings.Join(exs[1].Labels, " "); got != "B-ORG I-ORG O O B-LOC B-LOC" {
		t.Errorf("IOB1 labels read as %q", got)
	}
	// Four fields without tabs is not a layout the reader knows.
	if _, err := ReadIOB2(strings.NewReader("a b c d\n")); err == nil {
		t.Error("no error for a line of four space-separated fields")
	}
}
