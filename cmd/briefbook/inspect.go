package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/pipeline"
	jsonr "github.com/briefbook/briefbook/internal/render/json"
	"github.com/briefbook/briefbook/internal/source"
)

// encodingFlag adds --encoding to fs.
func encodingFlag(fs *flag.FlagSet) *string {
	return fs.String("encoding", "", "source `encoding` (UTF-8, UTF-16LE, UTF-16BE, Windows-1251, KOI8-R, Windows-1252, ISO-8859-1); default: detected")
}

// fromFlag adds --from to fs.
func fromFlag(fs *flag.FlagSet) *string {
	return fs.String("from", "", "`reader` for the input: txt or md; default: chosen by file extension (.txt, .text, .md, .markdown)")
}

// checkFrom validates a --from value; a bad name is a usage error.
func checkFrom(name string) error {
	if name == "" || slices.Contains(parse.Readers, name) {
		return nil
	}
	return &usageError{fmt.Sprintf("--from: unknown reader %q (known: %s)", name, strings.Join(parse.Readers, ", "))}
}

// checkEncoding validates an --encoding value; a bad name is a usage error
// in every command.
func checkEncoding(name string) error {
	if name == "" {
		return nil
	}
	if _, err := source.LookupEncoding(name); err != nil {
		return &usageError{"--encoding: " + err.Error()}
	}
	return nil
}

// inputFlags are the flags of every inspection command that say how to read
// its FILE.
type inputFlags struct {
	encoding, maxSize, from *string
	// meta: -M key=value and its shortcuts; the language set so is the
	// one the analysis works in.
	meta *metaFlags
}

func addInputFlags(fs *flag.FlagSet) inputFlags {
	return inputFlags{encodingFlag(fs), maxSizeFlag(fs), fromFlag(fs), addMetaFlags(fs)}
}

// loadOne parses the single FILE argument of an inspection command.
func loadOne(fs *flag.FlagSet, name string, in inputFlags, ao analyze.Options, stderr io.Writer) (*pipeline.Loaded, error) {
	if err := checkEncoding(*in.encoding); err != nil {
		return nil, err
	}
	if err := checkFrom(*in.from); err != nil {
		return nil, err
	}
	maxSize, err := parseMaxSize(*in.maxSize)
	if err != nil {
		return nil, err
	}
	args := fs.Args()
	if len(args) != 1 {
		return nil, &usageError{fmt.Sprintf("%s needs exactly one FILE", name)}
	}
	var ws source.Warnings
	l, err := pipeline.Load(args[0], pipeline.LoadOptions{Encoding: *in.encoding, MaxSize: maxSize, From: *in.from, Meta: in.meta.list, Analyze: ao}, &ws)
	printWarnings(stderr, ws.List)
	return l, err
}

func runSummarize(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("summarize", "[-n N] FILE", stdout)
	n := fs.Int("n", 0, "number of sentences (0: chosen from the document's length)")
	in := addInputFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *n < 0 {
		return &usageError{"-n must not be negative"}
	}
	l, err := loadOne(fs, "summarize", in, analyze.Options{SummarySentences: *n}, stderr)
	if err != nil {
		return err
	}
	for _, s := range l.Analysis.Summary {
		fmt.Fprintln(stdout, safe(s.Text))
	}
	return nil
}

func runSections(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("sections", "FILE", stdout)
	in := addInputFlags(fs)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := loadOne(fs, "sections", in, analyze.Options{}, stderr)
	if err != nil {
		return err
	}
	l.Doc.WalkSections(func(s *document.Section) bool {
		var first, last int
		var span func(s *document.Section)
		span = func(s *document.Section) {
			for _, b := range s.Numbered() {
				n := document.RefOf(b).Number
				if first == 0 {
					first = n
				}
				last = n
			}
			for _, c := range s.Sections {
				span(c)
			}
		}
		span(s)
		title := s.Title
		if title == "" {
			title = "(untitled)"
		}
		if s.TitleGenerated {
			title += " *"
		}
		rng := "—"
		if first > 0 {
			rng = fmt.Sprintf("¶%d–¶%d", first, last)
			if first == last {
				rng = fmt.Sprintf("¶%d", first)
			}
		}
		fmt.Fprintln(stdout, safe(fmt.Sprintf("%s%-6s %s  %s", strings.Repeat("  ", s.Level-1), s.Number, title, rng)))
		return true
	})
	return nil
}

func runFacts(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("facts", "[--json] FILE", stdout)
	in := addInputFlags(fs)
	asJSON := fs.Bool("json", false, "print the facts as JSON (the \"facts\" object of the JSON export)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	l, err := loadOne(fs, "facts", in, analyze.Options{}, stderr)
	if err != nil {
		return err
	}
	x := jsonr.Build(l.Doc, l.Analysis)
	if *asJSON {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(x.Facts); err != nil {
			return err
		}
		_, err := stdout.Write(jsonSafe(buf.Bytes()))
		return err
	}
	printFacts(stdout, &x.Facts)
	return nil
}

// printFacts prints the fact tables as text, each line made safe for a
// terminal.
func printFacts(w io.Writer, f *jsonr.Facts) {
	section := func(name string, n int) bool {
		if n == 0 {
			return false
		}
		fmt.Fprintf(w, "%s\n", name)
		return true
	}
	line := func(format string, args ...any) {
		fmt.Fprintln(w, safe(fmt.Sprintf(format, args...)))
	}
	if section("Figures", len(f.Figures)) {
		for _, g := range f.Figures {
			q := ""
			if g.Qualifier != nil {
				q = *g.Qualifier + " "
			}
			line("  %-8s %s%s %s  [%s, %s]  (%s)", g.Paragraph, q, plainValue(g.Value), g.Unit, g.Kind, g.Bound, g.Text)
		}
	}
	if section("Timeline", len(f.Timeline)) {
		for _, e := range f.Timeline {
			line("  %-8s %-10s %s", e.Paragraph, e.Date, e.Event)
		}
	}
	if section("People", len(f.People)) {
		for _, p := range f.People {
			line("  %-8s %s — %s", strings.Join(p.Paragraphs, ","), p.Name, p.Role)
		}
	}
	if section("Organisations", len(f.Organizations)) {
		for _, o := range f.Organizations {
			line("  %-8s %s %s", strings.Join(o.Paragraphs, ","), o.Acronym, o.Name)
		}
	}
	if section("Places", len(f.Places)) {
		for _, p := range f.Places {
			line("  %-8s %s", strings.Join(p.Paragraphs, ","), p.Name)
		}
	}
	if section("Quotations", len(f.Quotations)) {
		for _, q := range f.Quotations {
			line("  %-8s «%s» — %s", q.Paragraph, q.Text, q.Speaker)
		}
	}
}

// plainValue writes a figure's value as a reader writes numbers, never in
// exponent form ("4500000000", not "4.5e+09"); a range as "lo–hi".
func plainValue(v any) string {
	switch x := v.(type) {
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case []float64:
		if len(x) == 2 {
			return plainValue(x[0]) + "–" + plainValue(x[1])
		}
	case []any:
		if len(x) == 2 {
			return plainValue(x[0]) + "–" + plainValue(x[1])
		}
	case int:
		return strconv.Itoa(x)
	}
	return fmt.Sprint(v)
}
