package analyze

import (
	"fmt"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/cputime"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// pathological inputs, each built at a given size. Before the fixes each
// of them cost time quadratic in its size.
var pathological = []struct {
	name string
	size int // the smaller size; the test also runs 4× it
	doc  func(n int) *document.Document
}{
	{"numbers in one sentence", 1000, func(n int) *document.Document {
		var b strings.Builder
		b.WriteString("There were ")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "%d people, ", i+7)
		}
		b.WriteString("in the city.")
		return paragraphsDoc(b.String())
	}},
	{"number words in one sentence", 1000, func(n int) *document.Document {
		var b strings.Builder
		b.WriteString("They counted ")
		for i := 0; i < n; i++ {
			b.WriteString("over two sailors and three soldiers, ")
		}
		b.WriteString("at dawn.")
		return paragraphsDoc(b.String())
	}},
	{"money and measures in one sentence", 1000, func(n int) *document.Document {
		var b strings.Builder
		b.WriteString("They paid ")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "US$ %d, HK$%d million, USD%d, %d swiss francs, %d €, a %d-foot mast, half a million Syrians, ", i, i, i, i, i, i)
		}
		b.WriteString("in all.")
		return paragraphsDoc(b.String())
	}},
	{"dates in one sentence", 500, func(n int) *document.Document {
		var b strings.Builder
		b.WriteString("Talks were held ")
		for i := 0; i < n; i++ {
			fmt.Fprintf(&b, "between %d and %d in Astana, ", 1900+i%100, 1901+i%100)
		}
		b.WriteString("and later.")
		return paragraphsDoc(b.String())
	}},
	{"unmatched quotation marks", 1000, func(n int) *document.Document {
		return paragraphsDoc("He said " + strings.Repeat("« and then Mr Arman Bekov, minister of trade, spoke ", n) + "at last.")
	}},
	{"sources and roles", 500, func(n int) *document.Document {
		return paragraphsDoc(strings.Repeat("according to the Daily Courier Lucien Dufort, vice president of the Alpine Transit Board and ", n) + "more.")
	}},
	{"flat paragraphs", 2000, func(n int) *document.Document {
		ps := make([]string, n)
		for i := range ps {
			ps[i] = fmt.Sprintf("Alpha w%dx0 w%dx1 w%dx2 w%dx3 w%dx4 w%dx5.", i, i, i, i, i, i)
		}
		return paragraphsDoc(ps...)
	}},
	{"many short chapters", 500, func(n int) *document.Document {
		d := &document.Document{Meta: document.Meta{Source: "t.txt", Language: "en"}}
		for i := 0; i < n; i++ {
			text := fmt.Sprintf("The river w%d rose over the plain quickly. Then the harvest w%d was gathered by the village. And the winter w%d came early to the hills.", i, i, i)
			d.Sections = append(d.Sections, &document.Section{
				Title: fmt.Sprintf("Chapter %d", i+1), Level: 1,
				Blocks: []document.Block{&document.Paragraph{Inlines: []document.Inline{document.Text(text)}}},
			})
		}
		d.Number()
		return d
	}},
}

// paragraphsDoc makes an untitled document of the given paragraphs.
func paragraphsDoc(paras ...string) *document.Document {
	d := &document.Document{Meta: document.Meta{Source: "t.txt", Language: "en"}}
	sec := &document.Section{Level: 1, Pos: source.Pos{File: "t.txt", Line: 1}}
	for i, p := range paras {
		sec.Blocks = append(sec.Blocks, &document.Paragraph{
			Pos:     source.Pos{File: "t.txt", Line: 1 + 2*i},
			Inlines: []document.Inline{document.Text(p)},
		})
	}
	d.Sections = []*document.Section{sec}
	d.Number()
	return d
}

// bestOf3 is the shortest of three runs of Segment and Analyze on fresh
// documents. The collector is off while a run is timed: its pauses depend
// on the machine's load and the heap's history, not on the algorithm, and
// made a linear case read 4× → 7× on a busy machine.
func bestOf3(mk func() *document.Document) time.Duration {
	best := time.Duration(1<<63 - 1)
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for range 3 {
		d := mk()
		runtime.GC() // no garbage of earlier runs collected on our time
		t0 := cputime.Now()
		Segment(d)
		Analyze(d, Options{})
		best = min(best, cputime.Since(t0))
	}
	return best
}

// TestLinearTime runs the analysis on each pathological input at two
// sizes and asserts near-linear time: 4× the input may take at most 6×
// as long.
func TestLinearTime(t *testing.T) {
	if raceEnabled {
		t.Skip("timing is meaningless under the race detector")
	}
	for _, tt := range pathological {
		t.Run(tt.name, func(t *testing.T) {
			// A loaded machine can slow one measurement: measure again
			// before failing. Quadratic cost gives 16×, far above the limit.
			var ratio float64
			for try := 0; try < 3; try++ {
				small := bestOf3(func() *document.Document { return tt.doc(tt.size) })
				large := bestOf3(func() *document.Document { return tt.doc(4 * tt.size) })
				ratio = float64(large) / float64(max(small, time.Millisecond))
				t.Logf("n=%d: %v, n=%d: %v, ratio %.1f", tt.size, small, 4*tt.size, large, ratio)
				// Under 100 ms the ratio is noise, and the quadratic
				// cases this guards took seconds.
				if ratio < 6 || large < 100*time.Millisecond {
					return
				}
			}
			t.Errorf("4× the input took %.1f× as long: not linear", ratio)
		})
	}
}

// TestUnicodeSafety runs the analysis on texts whose letters change byte
// length when lower-cased, and on numbers that overflow: no panic, every
// string valid UTF-8, every figure finite.
func TestUnicodeSafety(t *testing.T) {
	tests := []string{
		"The " + strings.Repeat("Ⱥ", 60) + " over 5 people came to the meeting in the capital.",
		"The " + strings.Repeat("İ", 30) + " over 5 people came to the meeting in the capital.",
		strings.Repeat("İ", 30) + " more than 40 sailors and ÀÌ nearly five soldiers were there.",
		"The \u212A\u212A\u212A OVER 5 PEOPLE and ⱯⱯ up to 12 percent, 7 PER CENT, in 1990 and SINCE 1991 came.",
		"Over " + strings.Repeat("İ", 10) + " two dozen climbers came AGO according to the İİİ Courier.",
		"The country counted " + strings.Repeat("9", 300) + " billion people and " + strings.Repeat("9", 300) + " people.",
		"It had " + strings.Repeat("9", 320) + "bn people and between 5 and " + strings.Repeat("9", 305) + " billion euros.",
		"«" + strings.Repeat("İ", 20) + " «said» he “quoted ‘text’ here” „and there“ \"plain\" end",
	}
	for _, text := range tests {
		name := text
		if len(name) > 40 {
			name = name[:40]
		}
		t.Run(strings.ToValidUTF8(name, "?"), func(t *testing.T) {
			d := paragraphsDoc(text, "Another paragraph follows here with some text.")
			var a *document.Analysis
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("panic: %v", r)
					}
				}()
				Segment(d)
				a = Analyze(d, Options{})
			}()
			checkStrings(t, "Analysis", reflect.ValueOf(a))
			for _, f := range a.Facts.Figures {
				if !finite(f.Value) || !finite(f.High) {
					t.Errorf("figure %q has value %v–%v", f.Text, f.Value, f.High)
				}
			}
		})
	}
}

// checkStrings asserts that every string reachable from v is valid UTF-8.
func checkStrings(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			checkStrings(t, path, v.Elem())
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			checkStrings(t, path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	case reflect.Slice, reflect.Array:
		for i := 0; i < v.Len(); i++ {
			checkStrings(t, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			t.Errorf("%s = %q: invalid UTF-8", path, v.String())
		}
	}
}
