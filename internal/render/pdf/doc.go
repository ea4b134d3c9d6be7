// Package pdf renders a briefbook document as a print-ready PDF briefing.
//
// It takes a render.Input (the document model, the analysis and options)
// and gives PDF bytes plus a page map: the physical page of every section
// heading and every numbered paragraph, which the EPUB page-list reuses.
// It is the only package that imports fpdf (github.com/go-pdf/fpdf); the
// habits of that library (sticky errors, panics on some input, pages that
// cannot be inserted) are contained here.
//
// Layout is done by this package, not by fpdf: text is broken into
// justified lines by measuring words, so fonts and links can be mixed in a
// line; pages are filled with widow, orphan and keep-with-next control.
// The document is laid out at least twice: a pass records the page of
// every heading and paragraph and the page count, and the next pass prints
// them in the contents, the summary references and "Page X of Y". Passes
// repeat until the page map no longer changes. Only the first pass draws
// nothing; the later ones record what they draw as boxes, and the settled
// pass's boxes are painted with fpdf once (boxes.go).
//
// Sizes, margins, colours and fonts come from the embedded style
// assets/styles/default.json; see Style for the keys.
package pdf
