package pipeline

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/picture"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// Source is a document held in memory rather than read from a path: what
// standard input gives (briefbook build -), or what a server receives.
type Source struct {
	// Name names the source in messages ("stdin:3: warning: …") and gives
	// the outputs written to a folder their names (stdin.pdf); its
	// extension, if any, chooses the reader as a file's does.
	Name string
	// Data is the raw content, decoded as a file's is (see
	// source.Decode, LoadOptions.Encoding).
	Data []byte
	// BaseDir is the folder that paths inside the document (pictures) are
	// relative to: a file's own folder; "" for a source that has none,
	// such as standard input, whose relative paths then lead nowhere.
	BaseDir string
}

// LoadSource decodes, parses and analyses src as Load does a file. A
// source whose name has no extension is read with the reader its text
// calls for (parse.SniffReader) unless lo.From names one. Warnings go to
// w.
func LoadSource(src Source, lo LoadOptions, w *source.Warnings) (*Loaded, error) {
	f, err := readStage(src.Name, lo, w, func(ro source.ReadOptions) (*source.File, error) {
		max := lo.MaxSize
		if max <= 0 {
			max = source.DefaultMaxSize
		}
		if int64(len(src.Data)) > max {
			return nil, fmt.Errorf("%s: cannot read: %w: it is %s, the limit is %s (raise it with --max-input-size)",
				src.Name, source.ErrTooLarge, source.FormatSize(int64(len(src.Data))), source.FormatSize(max))
		}
		return source.DecodeWith(src.Name, src.Data, ro)
	})
	if err != nil {
		return nil, err
	}
	if lo.From == "" && f.Ext() == "" {
		lo.From = parse.SniffReader(f.Data)
	}
	po := parse.Options{From: lo.From}
	if src.BaseDir != "" {
		// Pictures are read from the source's folder tree only; a source
		// with none (standard input) reads no picture and warns.
		po.Pictures = picture.Folder{Root: src.BaseDir}.Read
	}
	return loadFile(f, po, lo, w)
}

// BuildSource builds src into opts.OutDir (or opts.OutFile) as BuildFile
// builds a file: every output through a temporary file renamed into place.
func BuildSource(src Source, opts Options) (*Result, error) {
	return build(src.Name, true, opts, func(ws *source.Warnings) (*Loaded, error) { return LoadSource(src, opts.Load, ws) })
}

// WriteSource builds src in memory and writes each format of opts.Formats
// (every format when nil) to the writer out returns for it, in format
// order. Every format is rendered before anything is written, so a failed
// build writes nothing; opts.OutDir and opts.OutFile are not used and no
// file is created. Result.Outputs is empty.
func WriteSource(src Source, opts Options, out func(Format) io.Writer) (res *Result, err error) {
	var ws source.Warnings
	res = &Result{Source: src.Name}
	defer func() { res.Warnings = ws.List }()
	formats := opts.Formats
	if formats == nil {
		formats = Formats()
	}
	t := time.Now()
	l, err := LoadSource(src, opts.Load, &ws)
	if err != nil {
		return res, err
	}
	opts.stage(src.Name, "read, parse and analyse", t)
	in, err := renderInput(l, opts, &ws)
	if err != nil {
		return res, err
	}
	layout, err := Layout(in, formats)
	if err != nil {
		return res, err
	}
	bufs := make([]bytes.Buffer, len(formats))
	for i, f := range formats {
		err := runStage(src.Name, "render "+f.Name, func() error { return f.Render(&bufs[i], in, layout) })
		if err != nil {
			return res, stageError(src.Name, err)
		}
	}
	for i, f := range formats {
		if _, err := out(f).Write(bufs[i].Bytes()); err != nil {
			return res, &InputError{fmt.Errorf("%s: cannot write %s: %v", src.Name, f.Name, err)}
		}
	}
	return res, nil
}

// renderInput makes the renderers' input for a loaded source: the render
// options of opts with the build date of the document.
func renderInput(l *Loaded, opts Options, ws *source.Warnings) (*render.Input, error) {
	ro := opts.Render
	var err error
	ro.Time, err = BuildTime(opts.SourceDateEpoch, l.Doc.Meta)
	if err != nil {
		return nil, err
	}
	return &render.Input{Doc: l.Doc, Analysis: l.Analysis, SourceData: l.File.Data, Options: ro, Warnings: ws}, nil
}
