// Package watch tells when source files change on disk, for rebuilding
// them on save (briefbook watch) and reloading a preview (briefbook serve).
//
// It watches the folders that hold the sources, not the files: editors
// that save by writing a new file and renaming it over the old one (vim,
// VS Code, most IDEs) replace the file a file watch would follow, while the
// folder sees the new name appear. Bursts of events (an editor's write,
// rename and chmod of one save) are debounced into one report.
package watch

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options configure a Watcher.
type Options struct {
	// Quiet is how long no event must arrive before a burst is reported.
	// Default: 75 ms.
	Quiet time.Duration
	// MaxDelay bounds how long a burst that keeps going is held back
	// after its first event. Default: 200 ms.
	MaxDelay time.Duration
	// Ignore reports whether events on the file at path are of no
	// interest (the outputs of a build written beside its sources); nil
	// ignores only what Noise does.
	Ignore func(path string) bool
}

// Watcher reports changes in a set of folders.
type Watcher struct {
	fw   *fsnotify.Watcher
	opt  Options
	dirs []string
}

// New watches the folders of paths: a folder itself, the folder holding a
// file. It fails, naming the folder, when one cannot be watched.
func New(paths []string, opt Options) (*Watcher, error) {
	if opt.Quiet <= 0 {
		opt.Quiet = 75 * time.Millisecond
	}
	if opt.MaxDelay < opt.Quiet {
		opt.MaxDelay = max(200*time.Millisecond, opt.Quiet)
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, fmt.Errorf("watch: %v", err)
	}
	w := &Watcher{fw: fw, opt: opt}
	for _, p := range paths {
		dir := p
		if fi, err := os.Stat(p); err != nil || !fi.IsDir() {
			dir = filepath.Dir(p)
		}
		dir = filepath.Clean(dir)
		if slices.Contains(w.dirs, dir) {
			continue
		}
		if err := fw.Add(dir); err != nil {
			fw.Close()
			return nil, fmt.Errorf("%s: cannot watch: %v", dir, unwrap(err))
		}
		w.dirs = append(w.dirs, dir)
	}
	return w, nil
}

// Dirs returns the folders watched, cleaned, in the order first named.
func (w *Watcher) Dirs() []string { return slices.Clone(w.dirs) }

// Close stops watching.
func (w *Watcher) Close() error { return w.fw.Close() }

// Run reports changes to changed until ctx is done or the watcher is
// closed: the cleaned paths of the files created, written, removed or
// renamed in a burst, sorted, without noise and ignored files. Errors of
// the system's watcher (an event queue that overflowed) are reported to
// failed, which may be nil; Run goes on after them.
func (w *Watcher) Run(ctx context.Context, changed func(paths []string), failed func(error)) error {
	pending := map[string]bool{}
	var timer <-chan time.Time
	var first time.Time
	var t *time.Timer
	stop := func() {
		if t != nil {
			t.Stop()
		}
		timer = nil
	}
	defer stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case ev, ok := <-w.fw.Events:
			if !ok {
				return nil
			}
			if !ev.Has(fsnotify.Create) && !ev.Has(fsnotify.Write) && !ev.Has(fsnotify.Remove) && !ev.Has(fsnotify.Rename) {
				continue
			}
			p := filepath.Clean(ev.Name)
			if Noise(p) || (w.opt.Ignore != nil && w.opt.Ignore(p)) {
				continue
			}
			if len(pending) == 0 {
				first = time.Now()
			}
			pending[p] = true
			wait := min(w.opt.Quiet, w.opt.MaxDelay-time.Since(first))
			stop()
			t = time.NewTimer(max(wait, 0))
			timer = t.C
		case <-timer:
			timer = nil
			paths := make([]string, 0, len(pending))
			for p := range pending {
				paths = append(paths, p)
			}
			slices.Sort(paths)
			clear(pending)
			changed(paths)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return nil
			}
			if failed != nil && err != nil {
				failed(fmt.Errorf("watch: %v", err))
			}
		}
	}
}

// Noise reports whether path is a file that editors and briefbook itself
// make on the way to saving another one, never a source or a picture:
// hidden files (swap files, briefbook's temporary outputs and lock),
// backups ending in "~", vim's swap and write-test files ("4913").
func Noise(path string) bool {
	base := filepath.Base(path)
	switch {
	case strings.HasPrefix(base, "."), strings.HasSuffix(base, "~"), base == "4913":
		return true
	case strings.HasPrefix(base, "#") && strings.HasSuffix(base, "#"): // emacs auto-save
		return true
	}
	switch strings.ToLower(filepath.Ext(base)) {
	case ".swp", ".swx", ".swo", ".tmp":
		return true
	}
	return false
}

// Affected returns the documents among docs (source paths) that a change
// to the files in changed concerns: a document whose own file changed,
// and every document in the folder of a changed file that is not itself
// one of docs (a picture one of them may show). rescan is true when a
// changed file has a source name (isSource) but is not one of docs: a
// source was added to (or removed from) a watched folder.
func Affected(docs, changed []string, isSource func(name string) bool) (out []string, rescan bool) {
	byPath := map[string]string{}
	for _, d := range docs {
		byPath[abs(d)] = d
	}
	hit := map[string]bool{}
	for _, c := range changed {
		ac := abs(c)
		if d, ok := byPath[ac]; ok {
			hit[d] = true
			continue
		}
		if isSource != nil && isSource(filepath.Base(c)) {
			rescan = true
			continue
		}
		dir := filepath.Dir(ac)
		for _, d := range docs {
			if filepath.Dir(abs(d)) == dir {
				hit[d] = true
			}
		}
	}
	for _, d := range docs {
		if hit[d] {
			out = append(out, d)
		}
	}
	return out, rescan
}

func abs(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}

func unwrap(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
