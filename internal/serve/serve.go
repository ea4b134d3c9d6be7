// Package serve is briefbook's preview server (briefbook serve): a local
// web page that lists the served documents, shows each one's briefing as
// the EPUB's own XHTML and CSS with the print edition's page numbers in the
// margin, offers the PDF, EPUB and JSON exactly as `briefbook build` writes
// them, reloads when a source is saved, and builds a dropped file in memory.
//
// Documents are addressed by an ID from the served list, never by a path
// taken from a URL, so nothing outside the served files can be reached.
// Every response carries a Content-Security-Policy that allows only the
// server's own scripts, styles, fonts and images, and nosniff. Apart from
// its cache of builds and uploads the server keeps no state between
// requests.
package serve

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/source"
)

// Config configures a Server.
type Config struct {
	// Paths are the files and folders served (see pipeline.SourceFiles).
	Paths []string
	// Options are the build options, as for `briefbook build`; OutDir and
	// Temps are not used: nothing is written.
	Options pipeline.Options
	// MaxUpload is the largest file a browser may hand over. Default:
	// 4 MiB.
	MaxUpload int64
	// UploadTTL is how long an upload's build is kept. Default: 10
	// minutes.
	UploadTTL time.Duration
	// MaxUploads is how many uploads are kept at most. Default: 16.
	MaxUploads int
	// AnyHost accepts requests for any Host. By default only localhost,
	// 127.0.0.1 and [::1] are accepted, so that a web page elsewhere cannot
	// reach the server through a DNS name that resolves to the loopback
	// address (DNS rebinding). Set it when listening on another address.
	AnyHost bool
	// OnBuild, when set, is called after each build of a served document.
	OnBuild func(path string, b *Built, ws []source.Warning, err error)
	// Now is the clock used for expiring uploads; nil is time.Now.
	Now func() time.Time
}

// Server serves the preview pages. Create it with New.
type Server struct {
	cfg     Config
	mu      sync.Mutex
	docs    map[string]*doc // by absolute path
	sem     chan struct{}   // bounds concurrent builds
	events_ *broker
	uploads *uploads
	mux     *http.ServeMux
}

// New returns a server for cfg.
func New(cfg Config) *Server {
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 4 << 20
	}
	if cfg.UploadTTL <= 0 {
		cfg.UploadTTL = 10 * time.Minute
	}
	if cfg.MaxUploads <= 0 {
		cfg.MaxUploads = 16
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	s := &Server{cfg: cfg, docs: map[string]*doc{}, sem: make(chan struct{}, max(1, runtime.GOMAXPROCS(0))),
		events_: newBroker(), uploads: &uploads{max: cfg.MaxUploads, ttl: cfg.UploadTTL, now: cfg.Now}}
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.index)
	m.HandleFunc("GET /doc/{id}", s.docPage)
	m.HandleFunc("GET /doc/{id}/cover.png", s.docCover)
	m.HandleFunc("GET /doc/{id}/images/{name}", s.docImage)
	m.HandleFunc("GET /doc/{id}/download/{format}", s.docDownload)
	m.HandleFunc("POST /upload", s.upload)
	m.HandleFunc("GET /upload/{id}", s.uploadPage)
	m.HandleFunc("GET /upload/{id}/cover.png", s.uploadCover)
	m.HandleFunc("GET /upload/{id}/download/{format}", s.uploadDownload)
	m.HandleFunc("GET /events", s.events)
	m.HandleFunc("GET /static/{name}", s.static)
	m.HandleFunc("GET /static/fonts/{name}", s.font)
	m.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	s.mux = m
	return s
}

// CSP is the Content-Security-Policy of every response: the server's own
// scripts, styles, images and fonts only, no inline script or style, no
// framing.
const CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; " +
	"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// ServeHTTP serves a request with the security headers set.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", CSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if !s.cfg.AnyHost && !loopbackHost(r.Host) {
		http.Error(w, "briefbook serve: this server answers only for localhost (start it with --addr to serve other names)", http.StatusMisdirectedRequest)
		return
	}
	s.mux.ServeHTTP(w, r)
}

// Close ends the event streams, so that http.Server.Shutdown need not wait
// for them; pass it to http.Server.RegisterOnShutdown.
func (s *Server) Close() { s.events_.close() }

// loopbackHost reports whether a Host header names the local machine.
func loopbackHost(host string) bool {
	h, _, err := net.SplitHostPort(host)
	if err != nil {
		h = host
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	if strings.EqualFold(h, "localhost") {
		return true
	}
	ip := net.ParseIP(h)
	return ip != nil && ip.IsLoopback()
}

// IsLoopback reports whether addr (host:port) listens on the loopback
// interface only.
func IsLoopback(addr string) bool {
	h, _, err := net.SplitHostPort(addr)
	if err != nil || h == "" {
		return false
	}
	return loopbackHost(h)
}

// errorText is the message shown for a failed build: one line.
func errorText(err error) string {
	var ie *pipeline.InternalError
	if errors.As(err, &ie) {
		return err.Error()
	}
	msg := err.Error()
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return msg
}
