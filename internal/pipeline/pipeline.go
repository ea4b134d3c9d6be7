// Package pipeline runs briefbook's stages: load a source file, parse it
// into a document, analyse it, and render the chosen formats into an output
// folder, each written to a temporary file and renamed into place. It is the
// one package that knows every stage; cmd/briefbook and the end-to-end tests
// call it.
package pipeline

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/parse"
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
	Analyze  analyze.Options
}

// Load reads, parses and analyses the file at path. Warnings go to w.
// Errors are *InputError when the input is at fault.
func Load(path string, lo LoadOptions, w *source.Warnings) (l *Loaded, err error) {
	defer recoverInternal(path+": analyse", &err)
	var f *source.File
	if lo.Encoding != "" {
		enc, lerr := source.LookupEncoding(lo.Encoding)
		if lerr != nil {
			return nil, &InputError{lerr}
		}
		f, err = source.ReadAs(path, enc)
	} else {
		f, err = source.Read(path)
	}
	if err != nil {
		return nil, &InputError{err}
	}
	for _, fw := range f.Warnings {
		w.Add(fw.Pos, "%s", fw.Msg)
	}
	return LoadFile(f, lo.Analyze, w)
}

// LoadFile parses and analyses an already read file.
func LoadFile(f *source.File, ao analyze.Options, w *source.Warnings) (l *Loaded, err error) {
	defer recoverInternal(f.Name+": analyse", &err)
	doc, err := parse.Parse(f, w)
	if err != nil {
		return nil, &InputError{err}
	}
	if err := checkNotEmpty(f, doc); err != nil {
		return nil, &InputError{err}
	}
	if strings.TrimSpace(doc.Meta.Title) == "" {
		doc.Meta.Title = f.Stem()
	}
	analyze.Segment(doc)
	a := analyze.Analyze(doc, ao)
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

// recoverInternal turns a panic into an internal error naming what was
// being done, so a user never sees a stack trace.
func recoverInternal(what string, err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("%s: internal error: %v (at %s; please report it)", what, r, panicSite(debug.Stack()))
	}
}

// panicSite finds the file:line that panicked in a stack trace: the first
// frame after the runtime's panic frame.
func panicSite(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") && i+3 < len(lines) {
			site := strings.TrimSpace(lines[i+3])
			if j := strings.LastIndex(site, " +0x"); j > 0 {
				site = site[:j]
			}
			return filepath.Base(site)
		}
	}
	return "unknown place"
}

// BuildTime returns the date written into outputs: SOURCE_DATE_EPOCH when
// epoch is not empty, else the document's own date, else
// render.FixedEpoch. It never reads the clock.
func BuildTime(epoch string, meta document.Meta) (time.Time, error) {
	if epoch = strings.TrimSpace(epoch); epoch != "" {
		var secs int64
		if _, err := fmt.Sscan(epoch, &secs); err != nil || fmt.Sprint(secs) != strings.TrimLeft(epoch, "+") {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a whole number of seconds", epoch)
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
func SourceFiles(paths []string, stat func(string) (isDir bool, err error), readDir func(string) ([]string, error)) ([]string, error) {
	var out []string
	for _, p := range paths {
		isDir, err := stat(p)
		if err != nil {
			return nil, &InputError{fmt.Errorf("%s: %v", p, err)}
		}
		if !isDir {
			out = append(out, p)
			continue
		}
		names, err := readDir(p)
		if err != nil {
			return nil, &InputError{fmt.Errorf("%s: %v", p, err)}
		}
		sort.Strings(names)
		n := 0
		for _, name := range names {
			if strings.HasPrefix(name, ".") || !IsSourceName(name) {
				continue
			}
			out = append(out, filepath.Join(p, name))
			n++
		}
		if n == 0 {
			return nil, &InputError{fmt.Errorf("%s: no .txt or .md files", p)}
		}
	}
	return out, nil
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
