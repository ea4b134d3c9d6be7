package pipeline

import (
	"errors"
	"os"
	"sort"
	"sync"
)

// errAborted is returned when a temporary file is asked for, or a set of
// outputs is to be renamed into place, after TempFiles.Abort.
var errAborted = errors.New("build interrupted")

// TempFiles is the registry of the temporary files a process has created
// and not yet renamed into place or removed. A signal handler calls Abort
// to remove them before the process exits. Its methods are safe for
// concurrent use; a nil *TempFiles registers nothing.
type TempFiles struct {
	mu     sync.Mutex
	files  map[string]bool
	closed bool
}

// NewTempFiles returns an empty registry.
func NewTempFiles() *TempFiles { return &TempFiles{files: map[string]bool{}} }

// create registers name and calls open to create the file, both under the
// registry's lock, so that Abort never runs between the two.
func (t *TempFiles) create(name string, open func() (tempFile, error)) (tempFile, error) {
	if t == nil {
		return open()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return nil, errAborted
	}
	f, err := open()
	if err == nil {
		t.files[name] = true
	}
	return f, err
}

// remove removes the file name and forgets it.
func (t *TempFiles) remove(name string) {
	if t != nil {
		t.mu.Lock()
		delete(t.files, name)
		t.mu.Unlock()
	}
	os.Remove(name)
}

// commit runs rename, which renames a set of temporary files into place,
// and forgets names. It holds the registry's lock meanwhile, so that Abort
// waits for the whole set to be renamed and a set is never left half old,
// half new.
func (t *TempFiles) commit(names []string, rename func() error) error {
	if t == nil {
		return rename()
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.closed {
		return errAborted
	}
	err := rename()
	for _, n := range names {
		delete(t.files, n)
	}
	return err
}

// Abort removes every registered temporary file, after waiting for a set
// of outputs being renamed into place, and refuses new temporary files and
// renames from then on. It returns the names it removed, sorted.
func (t *TempFiles) Abort() []string {
	if t == nil {
		return nil
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	t.closed = true
	var names []string
	for n := range t.files {
		os.Remove(n)
		names = append(names, n)
	}
	clear(t.files)
	sort.Strings(names)
	return names
}
