package analyze

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

var update = flag.Bool("update", false, "rewrite golden files")

// seedResult is what the golden file records for the seed.
type seedResult struct {
	Sections []string
	Analysis *document.Analysis
}

func TestSeed(t *testing.T) {
	d := seedDoc(t)
	Segment(d)
	a := Analyze(d, Options{})

	if n := len(d.Sections); n < 3 || n > 5 {
		t.Errorf("got %d sections, want 3–5", n)
	}
	var titles []string
	for _, s := range d.Sections {
		checkTitle(t, s.Title)
		titles = append(titles, s.Number+" "+s.Title)
	}
	if len(a.Summary) != 3 {
		t.Errorf("got %d summary sentences, want 3", len(a.Summary))
	}
	figs := map[float64]string{}
	for _, f := range a.Facts.Figures {
		figs[f.Value] = f.Qualifier
	}
	for v, q := range map[float64]string{140: "", 1600: "over", 70: "nearly", 80: "about"} {
		if got, ok := figs[v]; !ok || got != q {
			t.Errorf("figure %v (%q) missing: %+v", v, q, a.Facts.Figures)
		}
	}
	dates := map[string]bool{}
	for _, e := range a.Facts.Timeline {
		dates[e.Date] = true
	}
	for _, want := range []string{"1991-12-16", "2008-05-28", "2008"} {
		if !dates[want] {
			t.Errorf("date %s missing: %+v", want, a.Facts.Timeline)
		}
	}
	roles := map[string]string{}
	for _, p := range a.Facts.People {
		roles[p.Name] = p.Role
	}
	for _, name := range []string{"Nursultan Nazarbayev", "Nurlan Ermekbayev", "Winston Churchill"} {
		if roles[name] == "" {
			t.Errorf("person %s with a role missing: %+v", name, a.Facts.People)
		}
	}
	if len(a.Facts.Quotations) != 1 || a.Facts.Quotations[0].Speaker != "Winston Churchill" {
		t.Errorf("quotation: %+v", a.Facts.Quotations)
	}

	got, err := json.MarshalIndent(seedResult{titles, a}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "seed.golden.json")
	if *update {
		if err := os.WriteFile(golden, append(got, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(bytes.TrimSpace(got), bytes.TrimSpace(want)) {
		t.Errorf("seed analysis differs from %s (run go test -update and review the diff)", golden)
	}
}

func TestDeterministic(t *testing.T) {
	d1, d2 := seedDoc(t), seedDoc(t)
	Segment(d1)
	Segment(d2)
	a1, _ := json.Marshal(Analyze(d1, Options{}))
	a2, _ := json.Marshal(Analyze(d2, Options{}))
	if !bytes.Equal(a1, a2) {
		t.Error("two runs gave different results")
	}
}

func TestOddInputs(t *testing.T) {
	for _, text := range []string{
		"", "\n\n\n", "«", "»»«« \"\"\" “", "....!!!???…", "12345678901234567890123456789 $ % bn",
		"Mr. Dr. St. No. e.g. U.S.", strings.Repeat("a ", 2000), "2008-13-45 and 99 Foo 0000",
		"Ә Ғ Қ Ң Ө Ұ Ү Һ І. Қазақстан Республикасы 1991 жылы.", "between 5 and", "$", "2.5bn", "(ABC) (", "16 декабря",
		"Президент Республики Казахстан Нурсултан Назарбаев заявил: «Мы строим новую страну».",
		"\x00\xff\xfe invalid \xc3", "🙂 emoji 🙂 “quote with emoji 🙂 inside”",
	} {
		d := plainDoc("odd.txt", "Title\n\n"+text+"\n\n"+text+"\n\n"+text, true)
		Segment(d)
		a := Analyze(d, Options{SummarySentences: 2})
		if len(a.Summary) > 2 {
			t.Errorf("%q: %d summary sentences, want ≤ 2", text, len(a.Summary))
		}
		Sentences(text, "ru")
	}
	if a := Analyze(nil, Options{}); a == nil {
		t.Error("Analyze(nil) = nil")
	}
}

func TestSummaryCount(t *testing.T) {
	for _, tt := range []struct{ words, want int }{{650, 3}, {2500, 4}, {5000, 5}, {600000, 7}} {
		if got := summaryCount(tt.words); got != tt.want {
			t.Errorf("summaryCount(%d) = %d, want %d", tt.words, got, tt.want)
		}
	}
}
