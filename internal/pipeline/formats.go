package pipeline

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/fonts"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/epub"
	jsonr "github.com/briefbook/briefbook/internal/render/json"
	"github.com/briefbook/briefbook/internal/render/pdf"
)

// Format is one output format.
type Format struct {
	// Name is what --format takes.
	Name string
	// Ext is the extension of the output file, with its dot.
	Ext string
	// Description is the one-line help text shown by --help.
	Description string
	// NeedsLayout is true when the format needs the PDF layout (the PDF
	// itself, and the EPUB whose page-list follows the PDF's pages).
	NeedsLayout bool
	// Render writes the format. layout is the PDF layout of the same input
	// when NeedsLayout is true, else nil. Its errors name the stage
	// ("render epub: …"); the pipeline adds the source's name once.
	Render func(w io.Writer, in *render.Input, layout *pdf.Result) error
}

// formats is the table of output formats, in build order.
var formats = []Format{
	{Name: "pdf", Ext: ".pdf", Description: "print-ready PDF briefing", NeedsLayout: true, Render: writePDF},
	{Name: "epub", Ext: ".epub", Description: "EPUB 3 book", NeedsLayout: true, Render: withInput(epub.Render)},
	{Name: "json", Ext: ".json", Description: "JSON export of the document model and analysis (version 1)", Render: withInput(named("json", jsonr.Render))},
}

// writePDF writes the PDF that the layout already made.
func writePDF(w io.Writer, _ *render.Input, layout *pdf.Result) error {
	if _, err := w.Write(layout.PDF); err != nil {
		return fmt.Errorf("render pdf: %w", err)
	}
	return nil
}

// named gives the errors of a renderer that does not name its stage the
// prefix "render NAME: " (epub.Render and pdf.Layout name theirs).
func named(name string, f func(io.Writer, *render.Input) error) func(io.Writer, *render.Input) error {
	return func(w io.Writer, in *render.Input) error {
		if err := f(w, in); err != nil {
			return fmt.Errorf("render %s: %w", name, err)
		}
		return nil
	}
}

func withInput(f func(io.Writer, *render.Input) error) func(io.Writer, *render.Input, *pdf.Result) error {
	return func(w io.Writer, in *render.Input, _ *pdf.Result) error { return f(w, in) }
}

// Formats returns every known output format.
func Formats() []Format { return append([]Format(nil), formats...) }

// LookupFormats parses a comma-separated list of format names ("pdf,json").
// An empty list means every format. An unknown name is an error that lists
// the known ones.
func LookupFormats(list string) ([]Format, error) {
	if strings.TrimSpace(list) == "" {
		return Formats(), nil
	}
	var out []Format
	seen := map[string]bool{}
	for _, name := range strings.Split(list, ",") {
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" || seen[name] {
			continue
		}
		f, ok := lookup(name)
		if !ok {
			return nil, fmt.Errorf("unknown format %q (known: %s)", name, knownNames())
		}
		seen[name] = true
		out = append(out, f)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no format given (known: %s)", knownNames())
	}
	return out, nil
}

func lookup(name string) (Format, bool) {
	for _, f := range formats {
		if f.Name == name {
			return f, true
		}
	}
	return Format{}, false
}

func knownNames() string {
	var names []string
	for _, f := range formats {
		names = append(names, f.Name)
	}
	return strings.Join(names, ", ")
}

// CheckStyle validates a print style override (the content of a --style
// file) before any document is built: its keys and values, and that every
// embedded font it names loads. Fonts it names by file are opened and
// checked by LoadFonts.
func CheckStyle(data []byte) error {
	if err := pdf.CheckStyle(data); err != nil {
		return err
	}
	var st struct {
		Fonts map[string]json.RawMessage `json:"fonts"`
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return fmt.Errorf("style: %v", err)
	}
	for _, role := range slices.Sorted(maps.Keys(st.Fonts)) {
		var name string
		if role == "fallback" || json.Unmarshal(st.Fonts[role], &name) != nil {
			continue // a list, or a value pdf.CheckStyle refused
		}
		if strings.TrimSpace(name) == "" {
			return fmt.Errorf("style: fonts.%s: no font file named (embedded: %s)", role, strings.Join(assets.FontFiles, ", "))
		}
		if !slices.Contains(assets.FontFiles, name) {
			continue
		}
		if _, err := fonts.Load(name); err != nil {
			return fmt.Errorf("style: fonts.%s: %v", role, err)
		}
	}
	return nil
}
