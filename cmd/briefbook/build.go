package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/pipeline"
)

func runBuild(args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlagSet("build", "[flags] [PATH...]", stderr)
	outDir := fs.String("o", "output", "output `folder`")
	formatList := fs.String("format", "pdf,epub,json", "comma-separated output `formats` ("+formatHelp()+")")
	paper := fs.String("paper", "a4", "PDF paper `size`: a4 or letter")
	stylePath := fs.String("style", "", "JSON style `file` overriding the embedded print style")
	epubFonts := fs.Bool("epub-fonts", false, "embed the fonts in the EPUB")
	quiet := fs.Bool("quiet", false, "print errors only")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	formats, err := pipeline.LookupFormats(*formatList)
	if err != nil {
		return &usageError{"--format: " + err.Error()}
	}
	opts := pipeline.DefaultOptions()
	opts.OutDir = *outDir
	opts.Formats = formats
	opts.SourceDateEpoch = getenv("SOURCE_DATE_EPOCH")
	switch p := strings.ToLower(*paper); p {
	case "a4", "letter":
		opts.Render.Paper = p
	default:
		return &usageError{fmt.Sprintf("--paper: unknown size %q (known: a4, letter)", *paper)}
	}
	opts.Render.EPUBFonts = *epubFonts
	if *stylePath != "" {
		data, err := os.ReadFile(*stylePath)
		if err != nil {
			return &pipeline.InputError{Err: fmt.Errorf("%s: cannot read style: %v", *stylePath, unwrapPathErr(err))}
		}
		opts.Render.Style = data
	}
	if _, err := pipeline.BuildTime(opts.SourceDateEpoch, document.Meta{}); err != nil {
		return &usageError{err.Error()}
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"source"}
	}
	files, err := pipeline.SourceFiles(paths, statIsDir, readDirNames)
	if err != nil {
		return err
	}
	if err := checkCollisions(files); err != nil {
		return err
	}
	failed, worst := 0, exitOK
	for _, f := range files {
		res, err := pipeline.BuildFile(f, opts)
		printWarnings(stderr, res.Warnings)
		if err != nil {
			failed++
			worst = max(worst, report(err, stderr))
			continue
		}
		if !*quiet {
			fmt.Fprintf(stdout, "%s → %s\n", f, strings.Join(res.Outputs, ", "))
		}
	}
	if failed > 0 {
		if len(files) > 1 {
			fmt.Fprintf(stderr, "briefbook: %d of %d inputs failed\n", failed, len(files))
		}
		return reported(worst)
	}
	return nil
}

func formatHelp() string {
	var parts []string
	for _, f := range pipeline.Formats() {
		parts = append(parts, f.Name+": "+f.Description)
	}
	return strings.Join(parts, "; ")
}

// checkCollisions refuses two inputs that would write the same outputs
// (notes.txt and notes.md).
func checkCollisions(files []string) error {
	seen := map[string]string{}
	for _, f := range files {
		b := filepath.Base(f)
		stem := strings.TrimSuffix(b, filepath.Ext(b))
		if prev, ok := seen[stem]; ok {
			return &pipeline.InputError{Err: fmt.Errorf("%s: its outputs would overwrite those of %s (same name %q)", f, prev, stem)}
		}
		seen[stem] = f
	}
	return nil
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}
