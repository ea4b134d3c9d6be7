package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/source"
)

// buildFlags are the flags that say how documents are built, one
// definition for build, watch and serve. outDir and quiet are nil for
// serve, which writes nothing, and for build, which defines its own -o
// (which also takes a file or -) and --quiet.
type buildFlags struct {
	outDir, formatList, paper, stylePath, fontDir, encoding, from, maxSize *string
	epubFonts, quiet, verbose                                              *bool
	meta                                                                   *metaFlags
	omit                                                                   omitFlags
}

// addBuildFlags adds the build flags to fs; with output, also -o (a
// folder) and --quiet.
func addBuildFlags(fs *flag.FlagSet, output bool) *buildFlags {
	b := &buildFlags{}
	if output {
		b.outDir = fs.String("o", "output", "output `folder`")
		b.quiet = fs.Bool("quiet", false, "print errors only")
	}
	b.formatList = fs.String("format", "pdf,epub,json", "comma-separated output `formats` ("+formatHelp()+")")
	b.paper = fs.String("paper", "a4", "PDF paper `size`: a4 or letter")
	b.stylePath = fs.String("style", "", "JSON style `file` overriding the embedded print style")
	b.epubFonts = fs.Bool("epub-fonts", false, "embed the fonts in the EPUB")
	b.fontDir = fs.String("font-dir", "", "register the .ttf/.otf files of `folder` as fallback fonts (serif.ttf, sans_bold.ttf, mono.ttf… take that role)")
	b.encoding = encodingFlag(fs)
	b.from = fromFlag(fs)
	b.verbose = fs.Bool("verbose", false, "log each stage with its duration")
	b.maxSize = maxSizeFlag(fs)
	b.meta = addMetaFlags(fs)
	b.omit = addOmitFlags(fs)
	return b
}

// options checks the parsed flags and returns the build options, as build
// would make them, and the files other than sources that a build reads (a
// --style file).
func (b *buildFlags) options(getenv func(string) string, stderr io.Writer) (pipeline.Options, []string, error) {
	opts := pipeline.DefaultOptions()
	formats, err := pipeline.LookupFormats(*b.formatList)
	if err != nil {
		return opts, nil, &usageError{"--format: " + err.Error()}
	}
	if err := checkEncoding(*b.encoding); err != nil {
		return opts, nil, err
	}
	if err := checkFrom(*b.from); err != nil {
		return opts, nil, err
	}
	if b.outDir != nil {
		opts.OutDir = *b.outDir
	}
	opts.Formats = formats
	opts.Load.Encoding = *b.encoding
	opts.Load.From = *b.from
	opts.Load.Meta = b.meta.list
	opts.Render.Omit = b.omit.value()
	if opts.Load.MaxSize, err = parseMaxSize(*b.maxSize); err != nil {
		return opts, nil, err
	}
	opts.SourceDateEpoch = getenv("SOURCE_DATE_EPOCH")
	switch p := strings.ToLower(*b.paper); p {
	case "a4", "letter":
		opts.Render.Paper = p
	default:
		return opts, nil, &usageError{fmt.Sprintf("--paper: unknown size %q (known: a4, letter)", *b.paper)}
	}
	opts.Render.EPUBFonts = *b.epubFonts
	if _, err := pipeline.BuildTime(opts.SourceDateEpoch, document.Meta{}); err != nil {
		return opts, nil, &usageError{err.Error()}
	}
	var others []string
	if *b.stylePath != "" {
		data, err := source.ReadFile(*b.stylePath, maxStyleSize)
		if err != nil {
			return opts, nil, &pipeline.InputError{Err: fmt.Errorf("--style %w", err)}
		}
		if err := pipeline.CheckStyle(data); err != nil {
			return opts, nil, &pipeline.InputError{Err: fmt.Errorf("%s: %v", *b.stylePath, err)}
		}
		opts.Render.Style = data
		others = append(others, *b.stylePath)
	}
	// Font files named by the style or in --font-dir: each opened and
	// checked once, before any document is built.
	if opts.Render.Fonts, err = pipeline.LoadFonts(opts.Render.Style, *b.stylePath, *b.fontDir); err != nil {
		return opts, nil, &pipeline.InputError{Err: err}
	}
	if *b.verbose {
		opts.Log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return opts, others, nil
}

// pathArgs returns the paths given after the flags, or the default source
// folder when there are none.
func pathArgs(fs *flag.FlagSet) []string {
	if paths := fs.Args(); len(paths) > 0 {
		return paths
	}
	return []string{"source"}
}
