// Package render holds what every output format shares: the input a
// renderer reads and its options. The formats themselves live beneath it
// (render/pdf, render/epub, render/json, render/html); the table of formats
// by name is in package pipeline. Renderers only read the document; they
// write to an io.Writer and never touch file paths. The package also holds
// presentation shared by the renderers: the label table of each language
// (labels.go), the front matter both editions set (front.go), how a key
// figure is shown as a tile (figure.go) and the page map the PDF layout
// hands to the EPUB.
package render

import (
	"time"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/briefbook/briefbook/internal/source"
)

// Input is what a renderer reads.
type Input struct {
	// Doc is the document to render; never nil.
	Doc *document.Document
	// Analysis is what the analysis found; nil renders no front matter.
	Analysis *document.Analysis
	// SourceData is the decoded source text; the EPUB identifier is derived
	// from its hash.
	SourceData []byte
	Options    Options
	// Warnings receives positioned warnings (replaced glyphs, …); may be nil.
	Warnings *source.Warnings
	// PageMap is the page map of the PDF edition made from the same input,
	// or nil when there is none; the EPUB uses it for its page-list.
	PageMap *PageMap
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
	// Omit leaves front-matter parts out of the PDF and the EPUB (--no-cover,
	// --no-summary, --no-facts, --brief). Default: every part.
	Omit Omit
	// Fonts are the user's font files (style keys naming files,
	// --font-dir), opened and checked by pipeline.LoadFonts; nil for the
	// embedded fonts only.
	Fonts *fonts.User
}

// Omit says which front-matter parts to leave out, for short memos where a
// cover and a one-line summary add pages and say nothing. Without the
// cover, the PDF opens with a title block on page 1 and the EPUB keeps its
// title page; without the summary or the key facts, those pages (PDF) and
// chapters (EPUB) are left out. The JSON export is not affected: it is the
// document model and its analysis.
type Omit struct {
	Cover, Summary, Facts bool
}

// FixedEpoch is the build date used when neither SOURCE_DATE_EPOCH nor the
// document gives one.
var FixedEpoch = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// DefaultOptions returns the default options.
func DefaultOptions() Options {
	return Options{Time: FixedEpoch, Paper: "a4"}
}

// PageMap says where each page of the print edition begins, so that the
// EPUB can carry the same page numbers ("page 7" lands where page 7 of the
// PDF begins). It is made by the PDF layout and read by the EPUB renderer.
type PageMap struct {
	// Pages is the page count of the PDF.
	Pages int
	// Starts holds one entry per page, in page order.
	Starts []PageStart
	// ContentsAfter names the part the contents follow in reading order:
	// "cover", "summary" or "facts". The contents need not begin a page
	// (they may share the summary's last page, which then stays Part
	// "summary"), so this is what places them. "" when the PDF has no
	// contents or the map does not say; readers then go by the pages of
	// Part "contents".
	ContentsAfter string
}

// PageStart is where one physical page begins.
type PageStart struct {
	// Page is the physical page number, 1-based (the cover is page 1).
	Page int
	// Part is the part of the briefing the page belongs to: "cover",
	// "summary", "facts", "contents" or "body".
	Part string
	// Section is the ID of the body section the page begins in ("s3");
	// "" outside the body.
	Section string
	// Block is the index in that section's Blocks of the block the page
	// begins in, or -1 when the page begins with the section's heading.
	Block int
	// Word is how many words (as document.CountWords counts them) of that
	// block's text lie on earlier pages; 0 when the page begins with the
	// block.
	Word int
}
