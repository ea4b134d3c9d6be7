package pipeline

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
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
	// OutFile, when set, is the path of the one output (briefbook build
	// -o report.pdf): Formats must then hold one format, and OutDir is
	// the folder of OutFile.
	OutFile string
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
	// Temps registers the temporary files of the build, so that a signal
	// handler can remove them (TempFiles.Abort). nil: each BuildFile keeps
	// its own registry.
	Temps *TempFiles

	// openTemp creates a temporary output file; nil means openFile. Tests
	// replace it to make writes fail as on a full disk.
	openTemp func(name string) (tempFile, error)
}

// tempFile is what a build needs of a temporary output file.
type tempFile interface {
	io.Writer
	Sync() error
	Close() error
	Chmod(os.FileMode) error
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

// OutputPaths returns the outputs that building the source at path writes,
// in format order.
func OutputPaths(path string, opts Options) []string {
	formats := opts.Formats
	if formats == nil {
		formats = Formats()
	}
	if opts.OutFile != "" {
		return []string{opts.OutFile}
	}
	stem := (&source.File{Name: path}).Stem()
	var out []string
	for _, f := range formats {
		out = append(out, filepath.Join(opts.OutDir, stem+f.Ext))
	}
	return out
}

// CheckOutputs refuses a build whose outputs would overwrite one of its
// inputs: every output path of every source in sources is compared, as a
// file (os.SameFile, so links and other spellings of a path are caught),
// with every source and every file of others (a --style file). Nothing is
// written.
func CheckOutputs(sources, others []string, opts Options) error {
	type input struct {
		name string
		fi   os.FileInfo
	}
	var ins []input
	for _, p := range append(append([]string(nil), sources...), others...) {
		if fi, err := os.Stat(p); err == nil {
			ins = append(ins, input{p, fi})
		}
	}
	for _, src := range sources {
		for _, out := range OutputPaths(src, opts) {
			fi, err := os.Stat(out)
			if err != nil {
				continue
			}
			for _, in := range ins {
				switch {
				case !os.SameFile(fi, in.fi):
				case in.name == src:
					return &InputError{fmt.Errorf("%s: its output %s is the input itself; refusing to overwrite it (choose another -o folder)", src, out)}
				default:
					return &InputError{fmt.Errorf("%s: output %s of %s is this input; refusing to overwrite it (choose another -o folder)", in.name, out, src)}
				}
			}
		}
	}
	return nil
}

// BuildFile builds one source file into opts.OutDir. Every format is
// rendered into a temporary file in the output folder first; only when all
// are complete are they renamed into place together, under a lock on the
// output folder that other briefbook processes take too. An interrupted,
// failed or concurrent build therefore leaves each document's outputs
// either all old or all new, never a mix and never a half-written file.
func BuildFile(path string, opts Options) (res *Result, err error) {
	return build(path, false, opts, func(ws *source.Warnings) (*Loaded, error) { return Load(path, opts.Load, ws) })
}

// build loads a source with load and writes its outputs as BuildFile
// describes. path names the source in messages and gives the outputs their
// names; inMemory is true when it is not a file (standard input), which
// then is not compared with the outputs.
func build(path string, inMemory bool, opts Options, load func(*source.Warnings) (*Loaded, error)) (res *Result, err error) {
	var ws source.Warnings
	res = &Result{Source: path}
	defer func() { res.Warnings = ws.List }()
	formats := opts.Formats
	if formats == nil {
		formats = Formats()
	}
	if opts.OutFile != "" {
		if len(formats) != 1 {
			return res, fmt.Errorf("%s: one output file for %d formats", opts.OutFile, len(formats))
		}
		opts.OutDir = filepath.Dir(opts.OutFile)
	}
	t := time.Now()
	l, err := load(&ws)
	if err != nil {
		return res, err
	}
	opts.stage(path, "read, parse and analyse", t)
	in, err := renderInput(l, opts, &ws)
	if err != nil {
		return res, err
	}
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return res, &InputError{fmt.Errorf("%s: cannot create output folder: %v", opts.OutDir, unwrapPath(err))}
	}
	t = time.Now()
	layout, err := Layout(in, formats)
	if err != nil {
		return res, err
	}
	if layout != nil {
		opts.stage(path, "lay out pdf", t)
	}
	temps := opts.Temps
	if temps == nil {
		temps = NewTempFiles()
	}
	set := &outputSet{source: path, temps: temps, open: opts.openTemp, replaces: inMemory}
	defer set.discard()
	outs := OutputPaths(path, Options{OutDir: opts.OutDir, OutFile: opts.OutFile, Formats: formats})
	for i, f := range formats {
		t = time.Now()
		if err := set.render(outs[i], f, in, layout); err != nil {
			return res, err
		}
		opts.stage(path, "write "+f.Name, t)
	}
	t = time.Now()
	if err := set.commit(opts.OutDir); err != nil {
		return res, err
	}
	opts.stage(path, "rename into place", t)
	res.Outputs = outs
	return res, nil
}

// Layout lays out the PDF edition once when one of formats needs it, and
// gives its page map to the input (the EPUB's page-list follows it). It
// returns nil when no format needs the layout. Without the PDF among
// formats the layout is not painted (layout.PDF is nil).
func Layout(in *render.Input, formats []Format) (layout *pdf.Result, err error) {
	need, paint := false, false
	for _, f := range formats {
		need = need || f.NeedsLayout
		paint = paint || f.Name == "pdf"
	}
	if !need {
		return nil, nil
	}
	src := in.Doc.Meta.Source
	err = runStage(src, "lay out pdf", func() error {
		var err error
		if paint {
			layout, err = pdf.Layout(in)
		} else {
			layout, err = pdf.LayoutPages(in)
		}
		return err
	})
	if err != nil {
		return nil, stageError(src, err)
	}
	in.PageMap = layout.PageMap
	return layout, nil
}

// stageError names the source in front of a stage's error. Renderers name
// their own stage ("render pdf: …", see Format.Render), internal errors and
// input errors already name the file, so this is the one wrapping.
func stageError(src string, err error) error {
	var ie *InternalError
	if errors.As(err, &ie) || IsInputError(err) {
		return err
	}
	return fmt.Errorf("%s: %w", src, err)
}

// outputSet is the temporary files of one document's outputs, renamed into
// place together by commit.
type outputSet struct {
	source string // the input: named in errors, never overwritten
	// replaces is true when the outputs are meant to replace source
	// (WriteAtomic, where source is the output's own name), or when source
	// is not a file (standard input): source is then not compared with
	// the outputs.
	replaces bool
	temps    *TempFiles
	open     func(name string) (tempFile, error)
	tmps     []string // temporary files, in format order
	outs     []string // their final names
}

// render writes format f into a new temporary file for out.
func (s *outputSet) render(out string, f Format, in *render.Input, layout *pdf.Result) error {
	dir, base := filepath.Split(out)
	if dir == "" {
		dir = "."
	}
	removeStale(dir, base)
	open := s.open
	if open == nil {
		open = openFile
	}
	var tmp tempFile
	var name string
	var err error
	for range 100 {
		name = filepath.Join(dir, "."+base+"."+strconv.Itoa(os.Getpid())+"."+strconv.FormatUint(uint64(rand.Uint32()), 10)+tempSuffix)
		tmp, err = s.temps.create(name, func() (tempFile, error) { return open(name) })
		if !errors.Is(err, os.ErrExist) {
			break
		}
	}
	if err != nil {
		return writeError(out, err)
	}
	s.tmps, s.outs = append(s.tmps, name), append(s.outs, out)
	w := &recordingWriter{w: tmp}
	err = runStage(s.source, "render "+f.Name, func() error { return f.Render(w, in, layout) })
	if w.err != nil {
		// The renderer failed because the file could not be written (a
		// full disk): name the output, whatever the renderer made of it.
		tmp.Close()
		return writeError(out, w.err)
	}
	if err != nil {
		tmp.Close()
		return stageError(s.source, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return writeError(out, err)
	}
	if err := tmp.Close(); err != nil {
		return writeError(out, err)
	}
	return nil
}

// commit renames every temporary file of the set into place while holding
// the lock of the output folder, keeping the permission bits of an output
// that exists already (a new one has those the umask gave). It refuses to
// replace the source itself.
func (s *outputSet) commit(dir string) error {
	unlock, err := lockDir(dir)
	if err != nil {
		return writeError(dir, err)
	}
	defer unlock()
	srcInfo, srcErr := os.Stat(s.source)
	if s.replaces {
		srcErr = os.ErrInvalid
	}
	for i, out := range s.outs {
		fi, err := os.Stat(out)
		if err != nil {
			continue
		}
		if srcErr == nil && os.SameFile(fi, srcInfo) {
			return &InputError{fmt.Errorf("%s: output %s is the input; refusing to overwrite it", s.source, out)}
		}
		if fi.Mode().IsRegular() {
			if err := os.Chmod(s.tmps[i], fi.Mode().Perm()); err != nil {
				return writeError(out, err)
			}
		}
	}
	err = s.temps.commit(s.tmps, func() error {
		for i, tmp := range s.tmps {
			if err := os.Rename(tmp, s.outs[i]); err != nil {
				return writeError(s.outs[i], err)
			}
		}
		return nil
	})
	if err == nil {
		s.tmps = nil
	}
	return err
}

// discard removes the temporary files that were not renamed into place.
func (s *outputSet) discard() {
	for _, tmp := range s.tmps {
		s.temps.remove(tmp)
	}
	s.tmps = nil
}

// openFile creates a new file for writing, with the permission bits the
// umask leaves of 0666 (as any new file), failing if it exists.
func openFile(name string) (tempFile, error) {
	return os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
}

// recordingWriter keeps the first error of the writer underneath, so that a
// failed write is told from a renderer's own failure by construction.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	if r.err != nil {
		return 0, r.err
	}
	n, err := r.w.Write(p)
	if err != nil {
		r.err = err
	}
	return n, err
}

// writeError reports that the output path cannot be written (a full disk,
// a read-only folder): an input error naming the output, not its
// temporary file.
func writeError(path string, err error) error {
	if errors.Is(err, errAborted) {
		return &InputError{fmt.Errorf("%s: not written: %v", path, err)}
	}
	return &InputError{fmt.Errorf("%s: cannot write: %v", path, unwrapPath(err))}
}

// tempSuffix marks briefbook's temporary files, so that a later run can
// remove those an interrupted run left behind.
const tempSuffix = ".briefbook-tmp"

// WriteAtomic writes path through write: it creates a temporary file in
// path's folder, writes and closes it, and renames it to path. On any error
// the temporary file is removed and path is left as it was. Stale temporary
// files of path from an earlier, interrupted run are removed first. A new
// file gets the permission bits the umask leaves of 0666; an existing one
// keeps its own.
func WriteAtomic(path string, write func(io.Writer) error) (err error) {
	set := &outputSet{source: path, temps: NewTempFiles(), replaces: true}
	defer set.discard()
	f := Format{Name: filepath.Ext(path), Render: func(w io.Writer, _ *render.Input, _ *pdf.Result) error { return write(w) }}
	if err := set.render(path, f, nil, nil); err != nil {
		return err
	}
	dir := filepath.Dir(path)
	return set.commit(dir)
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
