package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/briefbook/briefbook/internal/pipeline"
)

const seedID = "main-vectors-of-kazakhstan-foreign-policy"

var seedPath = filepath.Join("..", "..", "source", seedID+".txt")

var (
	seedOnce sync.Once
	seedSrv  *Server
)

// seedServer serves the seed; its build is cached across tests.
func seedServer(t *testing.T) *Server {
	t.Helper()
	if _, err := os.Stat(seedPath); err != nil {
		t.Skipf("seed not found: %v", err)
	}
	seedOnce.Do(func() {
		seedSrv = New(Config{Paths: []string{filepath.Dir(seedPath)}, Options: pipeline.DefaultOptions()})
	})
	return seedSrv
}

// get serves a GET of target.
func get(h http.Handler, target string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest("GET", target, nil)
	req.Host = "127.0.0.1:8080"
	h.ServeHTTP(rec, req)
	return rec
}

func TestIndex(t *testing.T) {
	s := seedServer(t)
	rec := get(s, "/")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/html") {
		t.Fatalf("status %d, type %q", rec.Code, rec.Header().Get("Content-Type"))
	}
	body := rec.Body.String()
	for _, want := range []string{
		`href="/doc/` + seedID + `"`,
		`Main vectors of Kazakhstan&#39;s foreign policy`,
		seedID + ".txt",
		" words · ", " min read",
		`<form id="bb-upload"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("index lacks %q", want)
		}
	}
}

// TestBriefingPage checks the briefing page: well-formed XHTML served as
// such, with the cover, key points, key facts, contents and numbered body
// of the EPUB, page numbers of the PDF edition, and every in-page link
// naming an element of the page.
func TestBriefingPage(t *testing.T) {
	s := seedServer(t)
	rec := get(s, "/doc/"+seedID)
	if rec.Code != 200 {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if ct := rec.Header().Get("Content-Type"); ct != "application/xhtml+xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	body := rec.Body.String()
	d := xml.NewDecoder(strings.NewReader(body))
	d.Strict = true
	for {
		_, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XHTML: %v", err)
		}
	}
	for _, want := range []string{
		`<img src="/doc/` + seedID + `/cover.png"`,
		`<aside class="keypoints"`,
		`<table class="facts"`,
		`<nav epub:type="toc" id="toc"`,
		`id="p1"`, `class="pnum"`,
		`role="doc-pagebreak" id="page-2"`,
		`href="/doc/` + seedID + `/download/pdf"`,
		`href="/doc/` + seedID + `/download/epub"`,
		`href="/doc/` + seedID + `/download/json"`,
		`data-doc="` + seedID + `"`,
		`<script src="/static/serve.js"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("briefing lacks %q", want)
		}
	}
	ids := map[string]bool{}
	for _, m := range regexp.MustCompile(`\sid="([^"]+)"`).FindAllStringSubmatch(body, -1) {
		ids[m[1]] = true
	}
	prefs := 0
	for _, m := range regexp.MustCompile(`href="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		h := m[1]
		switch {
		case strings.HasPrefix(h, "#"):
			if !ids[h[1:]] {
				t.Errorf("link %s names nothing on the page", h)
			}
			if strings.HasPrefix(h, "#p") {
				prefs++
			}
		case strings.HasPrefix(h, "/"), strings.HasPrefix(h, "https://"), strings.HasPrefix(h, "http://"), strings.HasPrefix(h, "mailto:"):
		default:
			t.Errorf("link %q leaves the page's paths", h)
		}
	}
	if prefs < 5 {
		t.Errorf("only %d ¶ links", prefs)
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, " style=") || strings.Contains(body, " on") && regexp.MustCompile(`\son[a-z]+="`).MatchString(body) {
		t.Error("inline script or style on the page (the CSP forbids it)")
	}
}

// TestDownloadsAsBuild checks that each download is byte for byte the
// file that building the seed writes.
func TestDownloadsAsBuild(t *testing.T) {
	s := seedServer(t)
	opts := pipeline.DefaultOptions()
	opts.OutDir = t.TempDir()
	res, err := pipeline.BuildFile(seedPath, opts)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range pipeline.Formats() {
		want, err := os.ReadFile(res.Outputs[i])
		if err != nil {
			t.Fatal(err)
		}
		rec := get(s, "/doc/"+seedID+"/download/"+f.Name)
		if rec.Code != 200 {
			t.Fatalf("%s: status %d", f.Name, rec.Code)
		}
		if !bytes.Equal(rec.Body.Bytes(), want) {
			t.Errorf("%s: download (%d bytes) differs from build (%d bytes)", f.Name, rec.Body.Len(), len(want))
		}
		if cd := rec.Header().Get("Content-Disposition"); cd != `attachment; filename=`+seedID+f.Ext {
			t.Errorf("%s: Content-Disposition %q", f.Name, cd)
		}
	}
	if rec := get(s, "/doc/"+seedID+"/cover.png"); rec.Code != 200 || !bytes.HasPrefix(rec.Body.Bytes(), []byte("\x89PNG")) {
		t.Errorf("cover: status %d", rec.Code)
	}
}

// TestNotFound checks that only served documents are reached: unknown
// IDs, path-like IDs and unknown formats are 404, whatever their
// spelling.
func TestNotFound(t *testing.T) {
	s := seedServer(t)
	for _, target := range []string{
		"/doc/nope",
		"/doc/..%2f..%2fgo.mod",
		"/doc/..%2fsource%2f" + seedID + ".txt",
		"/doc/%2e%2e",
		"/doc/" + seedID + ".txt",
		"/doc/" + seedID + "/download/html",
		"/doc/" + seedID + "/download/..%2f..%2fgo.mod",
		"/doc/..%2f/download/pdf",
		"/upload/0123456789abcdef01234567",
		"/upload/..%2f..%2fgo.mod/download/pdf",
		"/static/..%2f..%2fgo.mod",
		"/static/fonts/..%2fassets.go",
		"/static/fonts/OFL.txt",
	} {
		rec := get(s, target)
		if rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, rec.Code)
		}
		if strings.Contains(rec.Body.String(), "module github.com") {
			t.Errorf("%s: served a file outside the documents", target)
		}
	}
}

// TestHeaders checks the security headers on pages, files, errors and
// downloads.
func TestHeaders(t *testing.T) {
	s := seedServer(t)
	for _, target := range []string{"/", "/doc/" + seedID, "/doc/nope", "/static/serve.js", "/static/serve.css",
		"/static/book.css", "/static/fonts/NotoSerif-Regular.ttf", "/doc/" + seedID + "/download/json", "/healthz"} {
		rec := get(s, target)
		if got := rec.Header().Get("Content-Security-Policy"); got != CSP {
			t.Errorf("%s: CSP %q", target, got)
		}
		if got := rec.Header().Get("X-Content-Type-Options"); got != "nosniff" {
			t.Errorf("%s: X-Content-Type-Options %q", target, got)
		}
		if rec.Header().Get("Content-Type") == "" {
			t.Errorf("%s: no Content-Type", target)
		}
	}
	if !strings.Contains(CSP, "script-src 'self';") || strings.Contains(CSP, "unsafe") {
		t.Errorf("CSP %q allows more than the server's own scripts", CSP)
	}
}

// TestHostCheck refuses requests for other host names unless asked
// (DNS rebinding).
func TestHostCheck(t *testing.T) {
	for _, c := range []struct {
		host    string
		anyHost bool
		code    int
	}{
		{"127.0.0.1:8080", false, 200},
		{"localhost:8080", false, 200},
		{"[::1]:8080", false, 200},
		{"evil.example:8080", false, http.StatusMisdirectedRequest},
		{"127.0.0.1.evil.example", false, http.StatusMisdirectedRequest},
		{"evil.example:8080", true, 200},
	} {
		s := New(Config{Paths: []string{t.TempDir()}, AnyHost: c.anyHost})
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.Host = c.host
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)
		if rec.Code != c.code {
			t.Errorf("Host %s (any %v): status %d, want %d", c.host, c.anyHost, rec.Code, c.code)
		}
	}
}

// postFile posts a multipart form with one file.
func postFile(t *testing.T, h http.Handler, name string, data []byte) *httptest.ResponseRecorder {
	t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	fw, err := mw.CreateFormFile("file", name)
	if err != nil {
		t.Fatal(err)
	}
	fw.Write(data)
	mw.Close()
	req := httptest.NewRequest("POST", "/upload", &buf)
	req.Host = "localhost:8080"
	req.Header.Set("Content-Type", mw.FormDataContentType())
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

const smallMD = "---\ntitle: Uploaded note\n---\n\n# Background\n\nThe council met on 3 March 2024 in Astana. It agreed to fund 12 new schools.\n\n# Decision\n\nThe minister, Aigerim Sadykova, said the plan would start in May.\n"

// TestUpload builds an uploaded file in memory and refuses oversize,
// binary and empty ones with a message; nothing is written beside the
// served sources.
func TestUpload(t *testing.T) {
	dir := t.TempDir()
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	s := New(Config{Paths: []string{dir}, Options: pipeline.DefaultOptions(), MaxUpload: 64 << 10, UploadTTL: 10 * time.Minute,
		MaxUploads: 2, Now: func() time.Time { return now }})

	rec := postFile(t, s, "../../etc/note.md", []byte(smallMD))
	if rec.Code != http.StatusSeeOther {
		t.Fatalf("upload: status %d: %s", rec.Code, rec.Body)
	}
	loc := rec.Header().Get("Location")
	if !regexp.MustCompile(`^/upload/[0-9a-f]{24}$`).MatchString(loc) {
		t.Fatalf("upload redirects to %q", loc)
	}
	page := get(s, loc)
	if page.Code != 200 || !strings.Contains(page.Body.String(), "Uploaded note") || strings.Contains(page.Body.String(), "data-live") {
		t.Fatalf("uploaded briefing: status %d", page.Code)
	}
	pdf := get(s, loc+"/download/pdf")
	if !bytes.HasPrefix(pdf.Body.Bytes(), []byte("%PDF-")) {
		t.Error("upload's PDF is no PDF")
	}
	if cd := pdf.Header().Get("Content-Disposition"); cd != "attachment; filename=note.pdf" {
		t.Errorf("upload's PDF named %q", cd)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("upload wrote %d files into the served folder", len(entries))
	}

	for _, c := range []struct {
		name, file string
		data       []byte
		code       int
		msg        string
	}{
		{"too large", "big.md", bytes.Repeat([]byte("word "), 20<<10), http.StatusRequestEntityTooLarge, "larger than the limit of 64 KiB"},
		{"binary", "image.md", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 64)...), http.StatusUnprocessableEntity, "binary data"},
		{"empty", "empty.md", nil, http.StatusUnprocessableEntity, "nothing to build"},
	} {
		rec := postFile(t, s, c.file, c.data)
		if rec.Code != c.code || !strings.Contains(rec.Body.String(), c.msg) {
			t.Errorf("%s: status %d, want %d with %q; body %.300s", c.name, rec.Code, c.code, c.msg, rec.Body)
		}
		if got := rec.Header().Get("Content-Security-Policy"); got != CSP {
			t.Errorf("%s: no CSP on the error page", c.name)
		}
	}
	req := httptest.NewRequest("POST", "/upload", strings.NewReader("plain"))
	req.Host = "localhost"
	req.Header.Set("Content-Type", "text/plain")
	rec = httptest.NewRecorder()
	s.ServeHTTP(rec, req)
	if rec.Code != http.StatusBadRequest {
		t.Errorf("no form: status %d", rec.Code)
	}

	// Bounded count: two more uploads push the first one out.
	for range 2 {
		if rec := postFile(t, s, "more.md", []byte(smallMD)); rec.Code != http.StatusSeeOther {
			t.Fatalf("upload: status %d", rec.Code)
		}
	}
	if rec := get(s, loc); rec.Code != http.StatusNotFound {
		t.Errorf("oldest upload kept past the limit: status %d", rec.Code)
	}
	// Expiry.
	rec = postFile(t, s, "late.md", []byte(smallMD))
	late := rec.Header().Get("Location")
	if rec := get(s, late); rec.Code != 200 {
		t.Fatalf("fresh upload: status %d", rec.Code)
	}
	now = now.Add(11 * time.Minute)
	if rec := get(s, late); rec.Code != http.StatusNotFound {
		t.Errorf("expired upload still served: status %d", rec.Code)
	}
}

// TestErrorThenRecovery shows a build error on the page, then the briefing
// once the file is fixed.
func TestErrorThenRecovery(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "memo.md")
	if err := os.WriteFile(path, []byte("# Only a title\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(Config{Paths: []string{dir}, Options: pipeline.DefaultOptions()})
	rec := get(s, "/doc/memo")
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), `class="bb-error"`) || !strings.Contains(rec.Body.String(), "memo.md") {
		t.Fatalf("error page: status %d, %s", rec.Code, rec.Body)
	}
	if rec := get(s, "/doc/memo/download/pdf"); rec.Code != http.StatusNotFound {
		t.Errorf("download of a failed build: status %d", rec.Code)
	}
	if err := os.WriteFile(path, []byte(smallMD), 0o644); err != nil {
		t.Fatal(err)
	}
	s.Changed([]string{path})
	rec = get(s, "/doc/memo")
	if strings.Contains(rec.Body.String(), `class="bb-error"`) || !strings.Contains(rec.Body.String(), "Uploaded note") {
		t.Errorf("page not rebuilt after the fix: %.300s", rec.Body)
	}
}

// TestEvents checks that a page listening for events hears of a saved
// source (a "change" with its ID) and of a new one ("list").
func TestEvents(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "memo.md")
	if err := os.WriteFile(path, []byte(smallMD), 0o644); err != nil {
		t.Fatal(err)
	}
	s := New(Config{Paths: []string{dir}, Options: pipeline.DefaultOptions()})
	ctx, cancel := context.WithCancel(context.Background())
	watching := make(chan struct{})
	go func() {
		defer close(watching)
		s.Watch(ctx, func(err error) { t.Log(err) })
	}()
	ts := httptest.NewServer(s)
	defer func() {
		s.Close()
		ts.Close()
		cancel()
		<-watching
	}()
	resp, err := http.Get(ts.URL + "/events")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("Content-Type %q", ct)
	}
	lines := make(chan string, 64)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	expect := func(event, data string) {
		t.Helper()
		deadline := time.After(30 * time.Second)
		for {
			select {
			case l, ok := <-lines:
				if !ok {
					t.Fatalf("stream ended before event %s", event)
				}
				if l == "event: "+event {
					if d := <-lines; d != "data: "+data {
						t.Fatalf("event %s with %q, want data %q", event, d, data)
					}
					return
				}
			case <-deadline:
				t.Fatalf("no event %s %s", event, data)
			}
		}
	}
	// The stream is open once its first line arrived.
	if l := <-lines; !strings.HasPrefix(l, "retry:") {
		t.Fatalf("stream starts with %q", l)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(smallMD, "12 new", "14 new", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	expect("change", "memo")
	if err := os.WriteFile(filepath.Join(dir, "second.txt"), []byte("Second\n\nA new document.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	expect("list", "")
}

func TestSlug(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Main vectors", "main-vectors"},
		{"../..", "doc"},
		{"Отчёт 2024", "отчёт-2024"},
		{"a__b--c", "a-b-c"},
		{"%2e%2e", "2e-2e"},
	} {
		if got := slug(c.in); got != c.want {
			t.Errorf("slug(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestUploadName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"note.md", "note.md"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\me\report.txt`, "report.txt"},
		{"", "upload.txt"},
		{"..", "upload.txt"},
		{"a\x00b\u202e.md", "ab.md"},
		{strings.Repeat("x", 300) + ".md", strings.Repeat("x", 97) + ".md"},
	} {
		if got := uploadName(c.in); got != c.want {
			t.Errorf("uploadName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestDocIDsUnique gives two sources of the same name in different
// folders different IDs, stable from one listing to the next.
func TestDocIDsUnique(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, d := range []string{a, b} {
		if err := os.WriteFile(filepath.Join(d, "Notes.md"), []byte(smallMD), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s := New(Config{Paths: []string{a, b}})
	for range 2 {
		docs, _, err := s.list()
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != 2 || docs[0].id != "notes" || docs[1].id != "notes-2" {
			t.Fatalf("ids %q, %q", docs[0].id, docs[1].id)
		}
	}
}
