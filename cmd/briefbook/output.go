package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/source"
)

// stdinName names standard input in messages and gives the outputs of
// 'briefbook build -' their names (output/stdin.pdf).
const stdinName = "stdin"

// outputTarget is where build writes, decided from -o and --format.
type outputTarget int

const (
	toFolder outputTarget = iota // -o DIR: NAME.pdf, NAME.epub, NAME.json in DIR
	toFile                       // -o NAME.pdf: exactly that file
	toStdout                     // -o -: one format on standard output
)

// resolveOutput decides where -o writes and with which formats. "-" is
// standard output and needs --format with one format; a path ending in
// the extension of a format (.pdf, .epub, .json) that is not an existing
// folder is that one file, its format taken from the extension (a
// --format that says otherwise is a usage error); anything else is a
// folder. formatSet is true when --format was given.
func resolveOutput(o string, formats []pipeline.Format, formatSet bool) (outputTarget, []pipeline.Format, error) {
	if o == "-" {
		if !formatSet || len(formats) != 1 {
			return 0, nil, &usageError{"-o -: standard output takes one format: add --format pdf, --format epub or --format json"}
		}
		return toStdout, formats, nil
	}
	if fi, err := os.Stat(o); err == nil && fi.IsDir() {
		return toFolder, formats, nil
	}
	ext := strings.ToLower(filepath.Ext(o))
	for _, f := range pipeline.Formats() {
		if f.Ext != ext {
			continue
		}
		if formatSet && (len(formats) != 1 || formats[0].Name != f.Name) {
			return 0, nil, &usageError{fmt.Sprintf("-o %s writes one %s file, but --format asks for %s", o, f.Name, formatNames(formats))}
		}
		return toFile, []pipeline.Format{f}, nil
	}
	return toFolder, formats, nil
}

func formatNames(fs []pipeline.Format) string {
	var names []string
	for _, f := range fs {
		names = append(names, f.Name)
	}
	return strings.Join(names, ",")
}

// readSource reads the one input of a build that writes to standard output
// or reads standard input: "-" is standard input, anything else a file.
// Limits and errors are those of a file build.
func readSource(path string, stdin io.Reader, max int64) (pipeline.Source, error) {
	if path == "-" {
		data, err := source.ReadAll(stdinName, stdin, max)
		if err != nil {
			return pipeline.Source{}, &pipeline.InputError{Err: err}
		}
		return pipeline.Source{Name: stdinName, Data: data}, nil
	}
	data, err := source.ReadFile(path, max)
	if err != nil {
		return pipeline.Source{}, &pipeline.InputError{Err: err}
	}
	return pipeline.Source{Name: path, Data: data, BaseDir: filepath.Dir(path)}, nil
}

// writeStdout builds src in memory and writes its one format to stdout.
// Nothing is written unless the whole output was made; no file is created.
func writeStdout(src pipeline.Source, opts pipeline.Options, stdout, stderr io.Writer, quiet bool) error {
	res, err := pipeline.WriteSource(src, opts, func(pipeline.Format) io.Writer { return stdout })
	if !quiet {
		printWarnings(stderr, res.Warnings)
	}
	return err
}
