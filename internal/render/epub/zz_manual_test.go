package epub

import (
	"os"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

func TestZZManual(t *testing.T) {
	src, out := os.Getenv("ZZ_SRC"), os.Getenv("ZZ_OUT")
	if src == "" {
		t.Skip()
	}
	f, err := source.Read(src)
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	doc, err := parse.Parse(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Meta.Title == "" {
		doc.Meta.Title = f.Stem()
	}
	analyze.Segment(doc)
	a := analyze.Analyze(doc, analyze.Options{})
	t1 := time.Now()
	w, _ := os.Create(out)
	if err := Render(w, &render.Input{Doc: doc, Analysis: a, SourceData: f.Data, Options: render.DefaultOptions()}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	t.Logf("sections %d; load %v render %v", len(doc.Sections), t1.Sub(t0), time.Since(t1))
}
