// Package render holds what every output format shares: the input a
// renderer reads and its options. The formats themselves live beneath it
// (render/pdf, render/epub, render/json, render/html); the table of formats
// by name is in package pipeline. Renderers only read the document; they
// write to an io.Writer and never touch file paths.
package render

import (
	"io"
	"time"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// Input is what a renderer reads.
type Input struct {
	Doc      *document.Document
	Analysis *document.Analysis
	// SourceData is the decoded source text; the EPUB identifier is derived
	// from its hash.
	SourceData []byte
	Options    Options
	// Warnings receives positioned warnings (replaced glyphs, …); may be nil.
	Warnings *source.Warnings
}

// Options are rendering options. The zero value is not useful; start from
// DefaultOptions.
type Options struct {
	// Time is the build date written into metadata (PDF dates, EPUB
	// dcterms:modified, zip times). It comes from SOURCE_DATE_EPOCH, else
	// the document's date, else FixedEpoch — never the clock.
	Time time.Time
	// Paper is "a4" or "letter". Default: "a4".
	Paper string
	// StyleFile is the content of a JSON style file that overrides the
	// embedded default style; nil for the default.
	Style []byte
	// EPUBFonts embeds the fonts in the EPUB. Default: false.
	EPUBFonts bool
}

// FixedEpoch is the build date used when neither SOURCE_DATE_EPOCH nor the
// document gives one.
var FixedEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// DefaultOptions returns the default options.
func DefaultOptions() Options {
	return Options{Time: FixedEpoch, Paper: "a4"}
}

// Renderer writes one output format.
type Renderer interface {
	Render(w io.Writer, in *Input) error
}

// RendererFunc adapts a function to Renderer.
type RendererFunc func(w io.Writer, in *Input) error

// Render calls f.
func (f RendererFunc) Render(w io.Writer, in *Input) error { return f(w, in) }
