package serve

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/epub"
	"github.com/briefbook/briefbook/internal/render/pdf"
	"github.com/briefbook/briefbook/internal/source"
)

// Built is one document built in memory: the files `briefbook build`
// writes, byte for byte, and the EPUB's chapters for the preview page.
type Built struct {
	// Name is the source's file name (no folder); Stem names the outputs.
	Name, Stem string
	// Formats are the formats built, in build order; Outputs holds each
	// one's bytes by format name.
	Formats []pipeline.Format
	Outputs map[string][]byte
	// Chapters is the EPUB edition's content, with the print edition's
	// page markers.
	Chapters *epub.Chapters
	// Warnings are the positioned warnings of the build.
	Warnings []source.Warning
	// Took is how long the build took.
	Took time.Duration
}

// buildPath reads the source at path and builds it as BuildFile does,
// keeping the outputs in memory. Warnings found before an error are
// returned with it.
func buildPath(path string, opts pipeline.Options) (*Built, []source.Warning, error) {
	return buildWith(path, opts, func(ws *source.Warnings) (*pipeline.Loaded, error) {
		return pipeline.Load(path, opts.Load, ws)
	})
}

// buildData builds data, a file called name that a user handed over (an
// upload), checked like any input: at most max bytes, text and not
// binary, decoded and read as pipeline.LoadSource does a source without a
// folder (so it reads no picture). name is reduced to a plain file name
// first (see uploadName).
func buildData(name string, data []byte, max int64, opts pipeline.Options) (*Built, []source.Warning, error) {
	name = uploadName(name)
	if int64(len(data)) > max {
		return nil, nil, &pipeline.InputError{Err: fmt.Errorf("%s: %s is larger than the limit of %s", name, source.FormatSize(int64(len(data))), source.FormatSize(max))}
	}
	return buildWith(name, opts, func(ws *source.Warnings) (*pipeline.Loaded, error) {
		return pipeline.LoadSource(pipeline.Source{Name: name, Data: data}, opts.Load, ws)
	})
}

// buildWith loads a source with load and builds it into memory, timing
// the whole.
func buildWith(name string, opts pipeline.Options, load func(*source.Warnings) (*pipeline.Loaded, error)) (*Built, []source.Warning, error) {
	start := time.Now()
	var ws source.Warnings
	var l *pipeline.Loaded
	err := guard(name, "read, parse and analyse", func() (err error) {
		l, err = load(&ws)
		return err
	})
	if err != nil {
		return nil, ws.List, err
	}
	b, err := buildLoaded(l, opts, &ws)
	if err != nil {
		return nil, ws.List, err
	}
	b.Took = time.Since(start)
	return b, ws.List, nil
}

// buildLoaded renders a loaded source the way pipeline.BuildFile does —
// the same build time, input, layout and formats — into memory, then the
// EPUB's chapters for the preview (laying out the PDF for its page map
// when no chosen format needed it).
func buildLoaded(l *pipeline.Loaded, opts pipeline.Options, ws *source.Warnings) (*Built, error) {
	src := l.File.Name
	ro := opts.Render
	t, err := pipeline.BuildTime(opts.SourceDateEpoch, l.Doc.Meta)
	if err != nil {
		return nil, err
	}
	ro.Time = t
	in := &render.Input{Doc: l.Doc, Analysis: l.Analysis, SourceData: l.File.Data, Options: ro, Warnings: ws}
	formats := opts.Formats
	if formats == nil {
		formats = pipeline.Formats()
	}
	var layout *pdf.Result
	err = guard(src, "lay out pdf", func() (err error) {
		layout, err = pipeline.Layout(in, formats)
		return err
	})
	if err != nil {
		return nil, err
	}
	b := &Built{Name: l.File.Base(), Stem: l.File.Stem(), Formats: formats, Outputs: map[string][]byte{}}
	for _, f := range formats {
		var buf bytes.Buffer
		err := guard(src, "render "+f.Name, func() error { return f.Render(&buf, in, layout) })
		if err != nil {
			return nil, named(src, err)
		}
		b.Outputs[f.Name] = buf.Bytes()
	}
	if layout == nil {
		err = guard(src, "lay out pdf", func() (err error) {
			_, err = pipeline.Layout(in, []pipeline.Format{{NeedsLayout: true}})
			return err
		})
		if err != nil {
			return nil, err
		}
	}
	err = guard(src, "render preview", func() (err error) {
		b.Chapters, err = epub.RenderChapters(in)
		return err
	})
	if err != nil {
		return nil, named(src, err)
	}
	return b, nil
}

// guard runs one stage of a build, turning a panic into a
// *pipeline.InternalError naming the source and stage: a hostile input
// must not take the server down.
func guard(src, stage string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &pipeline.InternalError{Source: src, Stage: stage, Value: r}
		}
	}()
	return f()
}

// named puts the source's name in front of a renderer's error, as the
// pipeline does; errors that already name it are left alone.
func named(src string, err error) error {
	if pipeline.IsInputError(err) || strings.HasPrefix(err.Error(), src+":") {
		return err
	}
	if _, ok := err.(*pipeline.InternalError); ok {
		return err
	}
	return fmt.Errorf("%s: %w", src, err)
}

// uploadName reduces the file name a browser sent to a plain, printable
// file name: no folders, no control or format characters, at most 100
// characters; "upload.txt" when nothing is left.
func uploadName(name string) string {
	name = strings.ReplaceAll(name, `\`, "/")
	name = filepath.Base(name)
	name = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == unicode.ReplacementChar {
			return -1
		}
		return r
	}, name)
	name = strings.TrimSpace(name)
	if r := []rune(name); len(r) > 100 {
		ext := filepath.Ext(name)
		if len([]rune(ext)) > 10 {
			ext = ""
		}
		name = string(r[:100-len([]rune(ext))]) + ext
	}
	if name == "" || name == "." || name == "/" || strings.Trim(name, ".") == "" {
		return "upload.txt"
	}
	return name
}
