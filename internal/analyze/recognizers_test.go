package analyze

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// recognizersTable is one group of Microsoft Recognizers-Text's English
// number specs as scripts/import-recognizers imports them (see
// testdata/recognizers/SOURCE.md).
type recognizersTable struct {
	Group  string `json:"group"`
	Source string `json:"source"`
	// Skipped gives the reason of each skip category the cases use.
	Skipped map[string]string `json:"skipped"`
	Cases   []recognizersCase `json:"cases"`
}

// recognizersCase is one spec case: a text and the figures the extractor
// must find in it (Want) and must not (Absent), or the category for which
// it is skipped.
type recognizersCase struct {
	ID     string         `json:"id"`
	Text   string         `json:"text"`
	Want   []wantFigure   `json:"want"`
	Absent []absentFigure `json:"absent"`
	Skip   string         `json:"skip"`
	Note   string         `json:"note"`
}

// wantFigure is a figure that must be found: Value within 1 % (as the
// facts scorer matches), and Kind, Unit and Bound when given.
type wantFigure struct {
	Value float64 `json:"value"`
	Kind  string  `json:"kind"`
	Unit  string  `json:"unit"`
	Bound string  `json:"bound"`
}

// absentFigure describes figures that must not be found: any figure of
// Kind ("any" for every kind) or with Value.
type absentFigure struct {
	Kind  string   `json:"kind"`
	Value *float64 `json:"value"`
}

var recognizersGroups = []string{"number", "percent", "range", "currency", "dimension", "age"}

func loadRecognizers(t *testing.T, group string) recognizersTable {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "recognizers", group+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var tb recognizersTable
	if err := json.Unmarshal(b, &tb); err != nil {
		t.Fatal(err)
	}
	return tb
}

func near(got, want float64) bool {
	return math.Abs(got-want) <= 0.01*math.Abs(want)
}

func (w wantFigure) matches(f document.Figure) bool {
	return near(f.Value, w.Value) && (w.Kind == "" || string(f.Kind) == w.Kind) &&
		(w.Unit == "" || f.Unit == w.Unit) && (w.Bound == "" || string(f.Bound) == w.Bound)
}

func (a absentFigure) matches(f document.Figure) bool {
	return (a.Kind == "" || a.Kind == "any" || string(f.Kind) == a.Kind) && (a.Value == nil || near(f.Value, *a.Value))
}

// checkRecognizers runs one case through the figure extractor and says
// what is wrong, or "" when the case passes. Every wanted figure needs a
// figure of its own; figures the spec does not mention are allowed unless
// Absent names them (a currency spec says nothing of the percentages in
// its sentences).
func checkRecognizers(c recognizersCase) string {
	fs := findFigures(units1(c.Text))
	used := make([]bool, len(fs))
	var errs []string
	for _, w := range c.Want {
		found := false
		for i, f := range fs {
			if !used[i] && w.matches(f) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			errs = append(errs, fmt.Sprintf("missing %+v", w))
		}
	}
	for _, a := range c.Absent {
		for _, f := range fs {
			if a.matches(f) {
				errs = append(errs, fmt.Sprintf("unwanted %q (%g %s %s)", f.Text, f.Value, f.Kind, f.Unit))
			}
		}
	}
	if len(errs) == 0 {
		return ""
	}
	var got []string
	for _, f := range fs {
		got = append(got, fmt.Sprintf("%q=%g %s %s %q", f.Text, f.Value, f.Kind, f.Bound, f.Unit))
	}
	return strings.Join(errs, "; ") + "; got [" + strings.Join(got, ", ") + "]"
}

// TestRecognizers runs the English number specs of Microsoft
// Recognizers-Text that fit briefbook's figure contract through the figure
// extractor and logs the pass rate per group (go test -run Recognizers -v).
// The cases failing today are listed in knownFigureFailures with the
// reason; any other failure is a regression, and a listed case that passes
// must leave the list. Skipped cases are counted per category, with the
// category's reason.
func TestRecognizers(t *testing.T) {
	ids := map[string]bool{}
	for _, g := range recognizersGroups {
		tb := loadRecognizers(t, g)
		pass, fit := 0, 0
		skips := map[string]int{}
		for _, c := range tb.Cases {
			ids[c.ID] = true
			if c.Skip != "" {
				if tb.Skipped[c.Skip] == "" {
					t.Errorf("%s: skip category %q has no reason", c.ID, c.Skip)
				}
				skips[c.Skip]++
				continue
			}
			fit++
			msg := checkRecognizers(c)
			if msg == "" {
				pass++
			}
			_, known := knownFigureFailures[c.ID]
			switch {
			case msg != "" && !known:
				t.Errorf("%s: %q: %s", c.ID, c.Text, msg)
			case msg == "" && known:
				t.Errorf("%s passes now: remove it from knownFigureFailures", c.ID)
			}
		}
		t.Logf("%-9s %3d of %3d pass (%3.0f%%), %d skipped", g, pass, fit, 100*float64(pass)/float64(max(fit, 1)), len(tb.Cases)-fit)
		cats := make([]string, 0, len(skips))
		for k := range skips {
			cats = append(cats, k)
		}
		sort.Strings(cats)
		for _, k := range cats {
			t.Logf("%-9s   skipped %3d %s: %s", "", skips[k], k, tb.Skipped[k])
		}
	}
	for id := range knownFigureFailures {
		if !ids[id] {
			t.Errorf("knownFigureFailures lists %s, which is no case", id)
		}
	}
}
