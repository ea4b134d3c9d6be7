package pipeline

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/pdf"
	"github.com/briefbook/briefbook/internal/source"
)

// Options configure a build.
type Options struct {
	// OutDir receives the outputs. Default: "output".
	OutDir string
	// Formats to write. Default (nil): every format.
	Formats []Format
	// Render holds the rendering options; Render.Time is set per document
	// from SourceDateEpoch and the document's date.
	Render render.Options
	// Load holds the reading and analysis options.
	Load LoadOptions
	// SourceDateEpoch is the value of $SOURCE_DATE_EPOCH ("" when unset).
	SourceDateEpoch string
	// Log receives a debug record per stage with its duration; nil logs
	// nothing.
	Log *slog.Logger
}

// stage logs how long a stage of building src took.
func (o *Options) stage(src, name string, start time.Time) {
	if o.Log != nil {
		o.Log.Debug(name, "source", src, "ms", time.Since(start).Milliseconds())
	}
}

// DefaultOptions returns the default build options.
func DefaultOptions() Options {
	return Options{OutDir: "output", Formats: Formats(), Render: render.DefaultOptions()}
}

// Result describes one built source.
type Result struct {
	// Source is the path of the input as given.
	Source string
	// Outputs are the paths written, in format order.
	Outputs []string
	// Warnings are the positioned warnings found while building.
	Warnings []source.Warning
}

// BuildFile builds one source file into opts.OutDir. Each output is
// rendered into a temporary file in the output folder and renamed into
// place only when complete, so an interrupted or failed build never leaves a
// half-written file under an output's name.
func BuildFile(path string, opts Options) (res *Result, err error) {
	var ws source.Warnings
	res = &Result{Source: path}
	defer func() { res.Warnings = ws.List }()
	t := time.Now()
	l, err := Load(path, opts.Load, &ws)
	if err != nil {
		return res, err
	}
	opts.stage(path, "read, parse and analyse", t)
	ro := opts.Render
	ro.Time, err = BuildTime(opts.SourceDateEpoch, l.Doc.Meta)
	if err != nil {
		return res, err
	}
	in := &render.Input{Doc: l.Doc, Analysis: l.Analysis, SourceData: l.File.Data, Options: ro, Warnings: &ws}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return res, &InputError{fmt.Errorf("%s: cannot create output folder: %v", opts.OutDir, unwrapPath(err))}
	}
	formats := opts.Formats
	if formats == nil {
		formats = Formats()
	}
	t = time.Now()
	layout, err := Layout(in, formats)
	if err != nil {
		return res, err
	}
	if layout != nil {
		opts.stage(path, "lay out pdf", t)
	}
	stem := l.File.Stem()
	for _, f := range formats {
		t = time.Now()
		out := filepath.Join(opts.OutDir, stem+f.Ext)
		if err := renderTo(out, f, in, layout); err != nil {
			return res, err
		}
		opts.stage(path, "write "+f.Name, t)
		res.Outputs = append(res.Outputs, out)
	}
	return res, nil
}

// Layout lays out the PDF edition once when one of formats needs it, and
// gives its page map to the input (the EPUB's page-list follows it). It
// returns nil when no format needs the layout.
func Layout(in *render.Input, formats []Format) (layout *pdf.Result, err error) {
	need := false
	for _, f := range formats {
		need = need || f.NeedsLayout
	}
	if !need {
		return nil, nil
	}
	defer recoverInternal(in.Doc.Meta.Source+": render pdf", &err)
	layout, err = pdf.Layout(in)
	if err != nil {
		return nil, stageError(in.Doc.Meta.Source, "pdf", err)
	}
	in.PageMap = layout.PageMap
	return layout, nil
}

func renderTo(out string, f Format, in *render.Input, layout *pdf.Result) (err error) {
	defer recoverInternal(in.Doc.Meta.Source+": render "+f.Name, &err)
	err = WriteAtomic(out, func(w io.Writer) error { return f.Render(w, in, layout) })
	if err != nil && !IsInputError(err) {
		err = stageError(in.Doc.Meta.Source, f.Name, err)
	}
	return err
}

// stageError wraps a renderer's error once: "doc.txt: render pdf: …".
// Renderers that already name their stage are not named twice.
func stageError(src, format string, err error) error {
	if strings.HasPrefix(err.Error(), "render "+format+":") {
		return fmt.Errorf("%s: %w", src, err)
	}
	return fmt.Errorf("%s: render %s: %w", src, format, err)
}

// tempSuffix marks briefbook's temporary files, so that a later run can
// remove those an interrupted run left behind.
const tempSuffix = ".briefbook-tmp"

// WriteAtomic writes path through write: it creates a temporary file in
// path's folder, writes and closes it, and renames it to path. On any error
// the temporary file is removed and path is left as it was. Stale temporary
// files of path from an earlier, interrupted run are removed first.
func WriteAtomic(path string, write func(io.Writer) error) (err error) {
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	removeStale(dir, base)
	tmp, err := os.CreateTemp(dir, "."+base+"."+strconv.Itoa(os.Getpid())+".*"+tempSuffix)
	if err != nil {
		return &InputError{fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))}
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(0o644); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("%s: %v", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return &InputError{fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))}
	}
	return nil
}

// removeStale removes the temporary files of base in dir that an
// interrupted run left behind. A temporary file's name carries the process
// ID of the run that writes it (".doc.pdf.1234.567.briefbook-tmp"), so the
// file of a build still running at the same time is left alone.
func removeStale(dir, base string) {
	prefix := "." + base + "."
	stale, _ := filepath.Glob(filepath.Join(dir, globEscape(prefix)+"*"+tempSuffix))
	for _, s := range stale {
		rest := strings.TrimPrefix(filepath.Base(s), prefix)
		pid, err := strconv.Atoi(rest[:max(0, strings.IndexByte(rest, '.'))])
		if err != nil || pid == os.Getpid() || !processAlive(pid) {
			os.Remove(s)
		}
	}
}

// processAlive reports whether a process with the given ID exists.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	return p.Signal(syscall.Signal(0)) == nil
}

func unwrapPath(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	if le, ok := err.(*os.LinkError); ok {
		return le.Err
	}
	return err
}

func globEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `*`, `\*`, `?`, `\?`, `[`, `\[`)
	return r.Replace(s)
}
