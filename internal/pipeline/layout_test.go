package pipeline

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// TestLayoutPaintsOnlyForPDF: the PDF is painted when it is an output; the
// EPUB alone gets the same page map without a painted file.
func TestLayoutPaintsOnlyForPDF(t *testing.T) {
	f, err := source.Read(filepath.Join("..", "..", "source", "main-vectors-of-kazakhstan-foreign-policy.txt"))
	if err != nil {
		t.Skip(err)
	}
	var ws source.Warnings
	l, err := LoadFile(f, analyze.Options{}, &ws)
	if err != nil {
		t.Fatal(err)
	}
	layoutOf := func(names string) *render.PageMap {
		t.Helper()
		fm, err := LookupFormats(names)
		if err != nil {
			t.Fatal(err)
		}
		in := &render.Input{Doc: l.Doc, Analysis: l.Analysis, SourceData: f.Data, Options: render.DefaultOptions(), Warnings: &ws}
		res, err := Layout(in, fm)
		if err != nil {
			t.Fatal(err)
		}
		switch {
		case names == "json":
			if res != nil {
				t.Errorf("%s: laid out", names)
			}
			return nil
		case names == "epub" && res.PDF != nil:
			t.Errorf("%s: the PDF was painted", names)
		case names != "epub" && len(res.PDF) == 0:
			t.Errorf("%s: no PDF", names)
		}
		if in.PageMap != res.PageMap {
			t.Errorf("%s: the input does not get the page map", names)
		}
		return res.PageMap
	}
	all, epub := layoutOf("pdf,epub,json"), layoutOf("epub")
	if !reflect.DeepEqual(all, epub) {
		t.Error("the EPUB alone gets another page map")
	}
	layoutOf("json")
}
