package serve

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/source"
)

// doc is one served source file and its last build.
type doc struct {
	// id addresses the document in URLs; path is where it is read from.
	id, path string

	building sync.Mutex // held while the document is built

	mu sync.Mutex // guards what follows
	// stamp is the file's modification time and size at the last build;
	// stale forces a rebuild (a picture beside it changed).
	stamp stamp
	stale bool
	done  bool // built at least once
	built *Built
	warns []source.Warning
	err   error
	// queued is true while a background build is pending.
	queued bool
}

type stamp struct {
	mod  time.Time
	size int64
}

// list returns the served documents, in the order pipeline.SourceFiles
// gives their files: the sources of the configured paths as they are now
// (a file added to a served folder appears). Each path keeps its doc, and
// so its cached build, from one call to the next. IDs are slugs of the file
// names, made unique by a number; they never hold a path.
func (s *Server) list() ([]*doc, []source.Warning, error) {
	files, ws, err := pipeline.SourceFiles(s.cfg.Paths, os.Stat, os.ReadDir)
	if err != nil {
		return nil, ws, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	used := map[string]bool{}
	out := make([]*doc, 0, len(files))
	for _, f := range files {
		key := absPath(f)
		d := s.docs[key]
		if d == nil {
			base := slug(strings.TrimSuffix(filepath.Base(f), filepath.Ext(f)))
			id := base
			for n := 2; used[id] || s.taken(id, key); n++ {
				id = base + "-" + strconv.Itoa(n)
			}
			d = &doc{id: id, path: f}
			s.docs[key] = d
		}
		used[d.id] = true
		out = append(out, d)
	}
	return out, ws, nil
}

// taken reports whether id belongs to a document other than the one at
// key. s.mu is held.
func (s *Server) taken(id, key string) bool {
	for k, d := range s.docs {
		if k != key && d.id == id {
			return true
		}
	}
	return false
}

// lookup finds a served document by its ID; nil when no served document
// has it.
func (s *Server) lookup(id string) *doc {
	docs, _, err := s.list()
	if err != nil {
		return nil
	}
	for _, d := range docs {
		if d.id == id {
			return d
		}
	}
	return nil
}

// current returns the document's last build and whether it is still
// current: built, not marked stale, and the file unchanged since.
func (d *doc) current() (b *Built, ws []source.Warning, err error, ok bool) {
	st := statOf(d.path)
	d.mu.Lock()
	defer d.mu.Unlock()
	ok = d.done && !d.stale && st == d.stamp && !st.mod.IsZero()
	return d.built, d.warns, d.err, ok
}

// get returns the document's build, building it first when the file
// changed since the last build (or never was built).
func (s *Server) get(d *doc) (*Built, []source.Warning, error) {
	d.building.Lock()
	defer d.building.Unlock()
	if b, ws, err, ok := d.current(); ok {
		return b, ws, err
	}
	st := statOf(d.path)
	d.mu.Lock()
	d.stale = false
	d.mu.Unlock()
	s.sem <- struct{}{}
	b, ws, err := buildPath(d.path, s.cfg.Options)
	<-s.sem
	d.mu.Lock()
	d.built, d.warns, d.err, d.stamp, d.done = b, ws, err, st, true
	d.mu.Unlock()
	if s.cfg.OnBuild != nil {
		s.cfg.OnBuild(d.path, b, ws, err)
	}
	return b, ws, err
}

// getSoon builds the document in the background unless it is current or
// already queued, and announces the new build to the pages. done is
// called when the build is over.
func (s *Server) getSoon(d *doc, done func()) {
	if _, _, _, ok := d.current(); ok {
		done()
		return
	}
	d.mu.Lock()
	queued := d.queued
	d.queued = true
	d.mu.Unlock()
	if queued {
		done()
		return
	}
	go func() {
		defer done()
		s.get(d)
		d.mu.Lock()
		d.queued = false
		d.mu.Unlock()
		s.events_.publish(d.id)
	}()
}

func statOf(path string) stamp {
	if fi, err := os.Stat(path); err == nil {
		return stamp{fi.ModTime(), fi.Size()}
	}
	return stamp{}
}

// invalidate marks the documents at paths stale, so that the next get
// rebuilds them.
func (s *Server) invalidate(paths []string) {
	s.mu.Lock()
	var ds []*doc
	for _, p := range paths {
		if d := s.docs[absPath(p)]; d != nil {
			ds = append(ds, d)
		}
	}
	s.mu.Unlock()
	for _, d := range ds {
		d.mu.Lock()
		d.stale = true
		d.mu.Unlock()
	}
}

// slug makes a URL-safe ID from a file name: lower-case letters and
// digits of any script, other runs of characters turned into one "-";
// "doc" when nothing is left.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "doc"
	}
	s := b.String()
	if r := []rune(s); len(r) > 80 {
		s = string(r[:80])
	}
	return s
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
