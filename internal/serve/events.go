package serve

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/watch"
)

// broker fans change events out to the pages that listen (server-sent
// events).
type broker struct {
	mu     sync.Mutex
	subs   map[chan string]bool
	closed bool
	done   chan struct{}
}

func newBroker() *broker {
	return &broker{subs: map[chan string]bool{}, done: make(chan struct{})}
}

// publish sends the event data to every listener; a listener that is
// behind misses it rather than holding the others up.
func (b *broker) publish(data string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for ch := range b.subs {
		select {
		case ch <- data:
		default:
		}
	}
}

func (b *broker) subscribe() (chan string, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.closed {
		return nil, false
	}
	ch := make(chan string, 8)
	b.subs[ch] = true
	return ch, true
}

func (b *broker) unsubscribe(ch chan string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs, ch)
}

// close ends every event stream, so that a graceful shutdown does not
// wait for them.
func (b *broker) close() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if !b.closed {
		b.closed = true
		close(b.done)
	}
}

// keepAlive is how often an idle event stream gets a comment line, so
// that proxies do not close it.
const keepAlive = 20 * time.Second

// events streams change events: "change" with a document's ID when its
// build changed, "list" when the list of documents did.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch, ok := s.events_.subscribe()
	if !ok {
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	defer s.events_.unsubscribe(ch)
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 1000\n\n")
	fl.Flush()
	tick := time.NewTicker(keepAlive)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.events_.done:
			return
		case <-tick.C:
			fmt.Fprint(w, ": keep-alive\n\n")
			fl.Flush()
		case data := <-ch:
			kind, id := "change", data
			if data == "" {
				kind = "list"
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", kind, id)
			fl.Flush()
		}
	}
}

// Watch rebuilds the served documents when their files (or files beside
// them: pictures) change, and tells the pages that show them, until ctx
// is done. failed receives errors of the watcher and may be nil.
func (s *Server) Watch(ctx context.Context, failed func(error)) error {
	s.list() // the documents now: a later one is new
	w, err := watch.New(s.cfg.Paths, watch.Options{})
	if err != nil {
		return err
	}
	defer w.Close()
	return w.Run(ctx, s.Changed, failed)
}

// Changed rebuilds the served documents that a change to the files at
// paths concerns and sends a "change" event for each, or one "list" event
// when a source appeared in or left a served folder.
func (s *Server) Changed(paths []string) {
	s.mu.Lock()
	known := map[string]bool{}
	for k := range s.docs {
		known[k] = true
	}
	s.mu.Unlock()
	docs, _, err := s.list()
	if err != nil {
		s.events_.publish("")
		return
	}
	var names []string
	byPath := map[string]*doc{}
	for _, d := range docs {
		names = append(names, d.path)
		byPath[d.path] = d
	}
	hit, rescan := watch.Affected(names, paths, pipeline.IsSourceName)
	s.invalidate(hit)
	for _, p := range hit {
		d := byPath[p]
		s.get(d)
		if known[absPath(p)] {
			s.events_.publish(d.id)
		} else {
			rescan = true // a new source in a served folder
		}
	}
	if rescan {
		s.events_.publish("")
	}
}
