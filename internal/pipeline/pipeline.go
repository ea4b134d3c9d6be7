// Package pipeline runs briefbook's stages: load a source file, parse it
// into a document, analyse it, and render the chosen formats into an output
// folder, each written to a temporary file and renamed into place. It is the
// one package that knows every stage; cmd/briefbook and the end-to-end tests
// call it.
package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/picture"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/source"
)

// InputError is an error caused by the input (a missing, unreadable or
// malformed file), as opposed to a failure of briefbook itself.
type InputError struct{ Err error }

func (e *InputError) Error() string { return e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// IsInputError reports whether err was caused by the input.
func IsInputError(err error) bool {
	var ie *InputError
	return errors.As(err, &ie)
}

// InternalError is a fault of briefbook itself, not of the input: a panic
// recovered in one of the stages of building a document. Its message is one
// line naming the source, the stage and where the panic happened.
type InternalError struct {
	// Source is the path of the input being built.
	Source string
	// Stage is what was being done: "read", "parse", "analyse",
	// "lay out pdf", "render epub", …
	Stage string
	// Value is the value the code panicked with.
	Value any
	// Func, File and Line locate the panic: the innermost function outside
	// the Go runtime (File is the base name); empty when unknown.
	Func, File string
	Line       int
}

func (e *InternalError) Error() string {
	at := "unknown place"
	if e.Func != "" {
		at = fmt.Sprintf("%s, %s:%d", e.Func, e.File, e.Line)
	}
	msg := strings.ReplaceAll(fmt.Sprint(e.Value), "\n", " ")
	return fmt.Sprintf("%s: %s: internal error: %s (at %s; please report it)", e.Source, e.Stage, msg, at)
}

// runStage runs one stage of building src, turning a panic inside it into
// an *InternalError. It is the pipeline's one recover: each stage is run
// through it once.
func runStage(src, stage string, f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = newInternalError(src, stage, r)
		}
	}()
	return f()
}

// newInternalError builds the error for a panic with value r. It must be
// called from the deferred function that recovered it, while the stack of
// the panic is still there: the panic site is the first frame below
// runtime.gopanic that is not in the runtime (a nil dereference or an index
// out of range goes through runtime.panicmem, runtime.goPanicIndex, …).
func newInternalError(src, stage string, r any) *InternalError {
	e := &InternalError{Source: src, Stage: stage, Value: r}
	pcs := make([]uintptr, 64)
	n := runtime.Callers(2, pcs)
	frames := runtime.CallersFrames(pcs[:n])
	inPanic := false
	for {
		fr, more := frames.Next()
		switch {
		case fr.Function == "runtime.gopanic":
			inPanic = true
		case inPanic && !strings.HasPrefix(fr.Function, "runtime."):
			e.Func = fr.Function[strings.LastIndexByte(fr.Function, '/')+1:]
			e.File, e.Line = filepath.Base(fr.File), fr.Line
			return e
		}
		if !more {
			return e
		}
	}
}

// Loaded is a parsed and analysed source.
type Loaded struct {
	File     *source.File
	Doc      *document.Document
	Analysis *document.Analysis
}

// LoadOptions configure reading and analysis.
type LoadOptions struct {
	// Encoding forces the source encoding by name (see
	// source.LookupEncoding); "" detects it.
	Encoding string
	// MaxSize is the largest source file read, in bytes. Default (0):
	// source.DefaultMaxSize.
	MaxSize int64
	// From names the reader ("txt" or "md", see parse.ParseAs); "" chooses
	// it by the file's extension.
	From string
	// Meta replaces metadata the document gives (-M key=value, --title, …),
	// applied in order after parsing and before analysis, whatever the
	// reader: the title of a plain text can be set so. A date set here is
	// the document's own date (see BuildTime).
	Meta    []parse.MetaOverride
	Analyze analyze.Options
}

// Load reads, parses and analyses the file at path. Warnings go to w.
// Errors are *InputError when the input is at fault, *InternalError when
// briefbook is.
func Load(path string, lo LoadOptions, w *source.Warnings) (*Loaded, error) {
	f, err := readStage(path, lo, w, func(ro source.ReadOptions) (*source.File, error) {
		return source.ReadWith(path, ro)
	})
	if err != nil {
		return nil, err
	}
	// Pictures are read from the source file's folder tree only.
	pictures := picture.Folder{Root: filepath.Dir(path)}.Read
	return loadFile(f, parse.Options{From: lo.From, Pictures: pictures}, lo, w)
}

// readStage runs the read stage of the source called name with read,
// given the read options of lo, and passes the reader's warnings to w.
func readStage(name string, lo LoadOptions, w *source.Warnings, read func(source.ReadOptions) (*source.File, error)) (*source.File, error) {
	var f *source.File
	err := runStage(name, "read", func() error {
		ro, err := readOptions(lo)
		if err != nil {
			return err
		}
		if f, err = read(ro); err != nil {
			return &InputError{err}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, fw := range f.Warnings {
		w.Add(fw.Pos, "%s", fw.Msg)
	}
	return f, nil
}

// readOptions are the source.ReadOptions of lo.
func readOptions(lo LoadOptions) (source.ReadOptions, error) {
	ro := source.ReadOptions{MaxSize: lo.MaxSize}
	if lo.Encoding != "" {
		enc, err := source.LookupEncoding(lo.Encoding)
		if err != nil {
			return ro, &InputError{err}
		}
		ro.Encoding = &enc
	}
	return ro, nil
}

// LoadFile parses and analyses an already read file, choosing the reader
// by its extension. The file has no folder, so no picture is read (each
// is kept as its alt text, with a warning).
func LoadFile(f *source.File, ao analyze.Options, w *source.Warnings) (*Loaded, error) {
	return loadFile(f, parse.Options{}, LoadOptions{Analyze: ao}, w)
}

func loadFile(f *source.File, po parse.Options, lo LoadOptions, w *source.Warnings) (*Loaded, error) {
	var doc *document.Document
	err := runStage(f.Name, "parse", func() error {
		var err error
		if doc, err = parse.ParseWith(f, po, w); err != nil {
			return &InputError{err}
		}
		if err := checkNotEmpty(f, doc); err != nil {
			return &InputError{err}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	parse.ApplyMeta(&doc.Meta, lo.Meta)
	if strings.TrimSpace(doc.Meta.Title) == "" {
		doc.Meta.Title = f.Stem()
	}
	var a *document.Analysis
	err = runStage(f.Name, "analyse", func() error {
		analyze.Segment(doc)
		a = analyze.Analyze(doc, lo.Analyze)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return &Loaded{File: f, Doc: doc, Analysis: a}, nil
}

// checkNotEmpty refuses a document with no body: an empty file, or one
// holding only a title. Such input makes no briefing, and saying so beats
// writing an empty book.
func checkNotEmpty(f *source.File, doc *document.Document) error {
	empty := true
	doc.WalkSections(func(s *document.Section) bool {
		empty = len(s.Blocks) == 0 && s.Title == ""
		return empty
	})
	switch {
	case !empty:
		return nil
	case strings.TrimSpace(doc.Meta.Title) != "":
		return source.Errorf(source.Pos{File: f.Name}, "nothing to build: the file holds a title (%q) but no text", doc.Meta.Title)
	default:
		return source.Errorf(source.Pos{File: f.Name}, "nothing to build: the file holds no text")
	}
}

// maxEpoch is the last second of year 9999: dates are written with four
// digits (PDF, EPUB and JSON alike).
const maxEpoch = 253402300799

// BuildTime returns the date written into outputs: SOURCE_DATE_EPOCH when
// epoch is not empty, else the document's own date, else
// render.FixedEpoch. It never reads the clock. An epoch that is not a
// whole number of seconds from 0 (1970-01-01) to the end of year 9999 is an
// error.
func BuildTime(epoch string, meta document.Meta) (time.Time, error) {
	if epoch = strings.TrimSpace(epoch); epoch != "" {
		secs, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil || strings.TrimLeft(epoch, "0123456789") != "" || secs > maxEpoch {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q: want a whole number of seconds from 0 (1970) to %d (the end of year 9999)", epoch, maxEpoch)
		}
		return time.Unix(secs, 0).UTC(), nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, meta.Date); err == nil {
			return t.UTC(), nil
		}
	}
	return render.FixedEpoch, nil
}

// SourceFiles expands paths (files or folders) into the source files to
// build, in a stable order: a folder contributes its .txt, .text, .md and
// .markdown files (not recursively, hidden files skipped), sorted by name.
// A symbolic link in a folder is followed when it leads to a file; one that
// leads to a folder or nowhere, and a FIFO, device or socket with a source
// name, are skipped with a warning. stat follows links (os.Stat); readDir
// lists a folder without following them (os.ReadDir).
//
// A path that cannot be used (missing, a folder that cannot be listed or
// holds no source file) does not stop the others: the files of the other
// paths are returned with an error for each such path, joined (see
// PathErrors), so that a batch builds what it can and still fails.
func SourceFiles(paths []string, stat func(string) (fs.FileInfo, error), readDir func(string) ([]fs.DirEntry, error)) ([]string, []source.Warning, error) {
	var out []string
	var ws []source.Warning
	var errs []error
	for _, p := range paths {
		fi, err := stat(p)
		if err != nil {
			errs = append(errs, &InputError{fmt.Errorf("%s: %v", p, unwrapPath(err))})
			continue
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := readDir(p)
		if err != nil {
			errs = append(errs, &InputError{fmt.Errorf("%s: %v", p, unwrapPath(err))})
			continue
		}
		slices.SortFunc(entries, func(a, b fs.DirEntry) int { return strings.Compare(a.Name(), b.Name()) })
		n := 0
		for _, e := range entries {
			name := e.Name()
			if strings.HasPrefix(name, ".") || !IsSourceName(name) {
				continue
			}
			full := filepath.Join(p, name)
			skip := ""
			switch t := e.Type(); {
			case t.IsRegular():
			case t.IsDir():
				continue
			case t&fs.ModeSymlink != 0:
				switch ti, err := stat(full); {
				case err != nil:
					skip = "symbolic link to nothing (" + unwrapPath(err).Error() + ")"
				case ti.IsDir():
					skip = "symbolic link to a folder"
				}
			default:
				skip = "not a regular file"
			}
			if skip != "" {
				ws = append(ws, source.Warning{Pos: source.Pos{File: full}, Msg: skip + ", skipped"})
				continue
			}
			out = append(out, full)
			n++
		}
		if n == 0 {
			errs = append(errs, &InputError{fmt.Errorf("%s: no .txt or .md files", p)})
		}
	}
	if len(errs) == 1 {
		return out, ws, errs[0]
	}
	return out, ws, errors.Join(errs...)
}

// PathErrors returns the errors err holds one by one: those errors.Join
// joined (as SourceFiles does), or err alone; nil for nil.
func PathErrors(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	if err == nil {
		return nil
	}
	return []error{err}
}

// IsSourceName reports whether a file name has an extension briefbook reads
// when it scans a folder.
func IsSourceName(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".txt", ".text", ".md", ".markdown":
		return true
	}
	return false
}
