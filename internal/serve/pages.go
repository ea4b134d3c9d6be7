package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"mime"
	"net/http"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/render/epub"
	"github.com/briefbook/briefbook/internal/source"
)

var templates = template.Must(template.New("").Funcs(template.FuncMap{
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return fmt.Sprintf("%d %s", n, many)
	},
}).ParseFS(assets.Serve, "serve/*.html", "serve/*.xhtml"))

// indexRow is one document of the index page.
type indexRow struct {
	ID, File, Title, Length string
	Warnings                []string
	Error                   string
	Building                bool
}

type indexPage struct {
	Docs      []indexRow
	Download  []download
	Error     string
	MaxUpload string
	TTL       string
}

// indexWait is how long the index page waits for documents that are not
// built yet before it shows them as being built (it reloads when they
// are).
const indexWait = 3 * time.Second

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	s.renderIndex(w, r, http.StatusOK, "")
}

// renderIndex writes the index page with status and, when msg is not
// empty, that message at its top.
func (s *Server) renderIndex(w http.ResponseWriter, r *http.Request, status int, msg string) {
	docs, lws, err := s.list()
	page := indexPage{Error: msg, MaxUpload: source.FormatSize(s.cfg.MaxUpload), TTL: minutes(s.cfg.UploadTTL)}
	if err != nil && page.Error == "" {
		page.Error = errorText(err)
	}
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		s.getSoon(d, wg.Done)
	}
	waited := make(chan struct{})
	go func() { wg.Wait(); close(waited) }()
	ctx, cancel := context.WithTimeout(r.Context(), indexWait)
	defer cancel()
	select {
	case <-waited:
	case <-ctx.Done():
	}
	for _, d := range docs {
		row := indexRow{ID: d.id, File: d.path, Title: d.path}
		b, ws, err, ok := d.current()
		switch {
		case !ok:
			row.Building = true
		case err != nil:
			row.Error = errorText(err)
		default:
			row.Title, row.Length, row.File = b.Chapters.Title, b.Chapters.Length, b.Name
		}
		for _, x := range ws {
			row.Warnings = append(row.Warnings, x.String())
		}
		page.Docs = append(page.Docs, row)
	}
	for _, x := range lws {
		page.Error = strings.TrimSpace(page.Error + " " + x.String())
	}
	s.execute(w, "index.html", "text/html; charset=utf-8", status, page)
}

// download is one download button of the briefing page.
type download struct {
	Label, Href, Name, Size string
}

type briefingPage struct {
	Title, Lang string
	// ID is the served document's ID, for live reload; "" for an upload.
	ID       string
	Base     string
	Band     template.HTML
	Book     template.HTML
	Download []download
	Warnings []string
	Error    string
	Took     string
	Pages    int
	Expires  string
}

func (s *Server) docPage(w http.ResponseWriter, r *http.Request) {
	d := s.lookup(r.PathValue("id"))
	if d == nil {
		notFound(w)
		return
	}
	b, ws, err := s.get(d)
	s.renderBriefing(w, "/doc/"+d.id, d.id, b, ws, err, time.Time{})
}

func (s *Server) uploadPage(w http.ResponseWriter, r *http.Request) {
	up := s.uploads.get(r.PathValue("id"))
	if up == nil {
		notFound(w)
		return
	}
	s.renderBriefing(w, "/upload/"+up.id, "", up.built, up.warns, nil, up.expires)
}

// renderBriefing writes the briefing page of a build, or of its error.
func (s *Server) renderBriefing(w http.ResponseWriter, base, id string, b *Built, ws []source.Warning, err error, expires time.Time) {
	p := briefingPage{ID: id, Base: base, Lang: "en", Title: "briefbook"}
	for _, x := range ws {
		p.Warnings = append(p.Warnings, x.String())
	}
	if !expires.IsZero() {
		p.Expires = minutes(expires.Sub(s.cfg.Now()))
	}
	if err != nil {
		p.Error = errorText(err)
		s.execute(w, "briefing.xhtml", "application/xhtml+xml; charset=utf-8", http.StatusOK, p)
		return
	}
	c := b.Chapters
	p.Title, p.Lang, p.Pages = c.Title, c.Lang, c.Pages
	p.Took = fmt.Sprintf("%d ms", b.Took.Milliseconds())
	if b.Took >= time.Second {
		p.Took = fmt.Sprintf("%.1f s", b.Took.Seconds())
	}
	var band, book strings.Builder
	for i, ch := range c.Chapters {
		body := c.OnePage(i, base+"/cover.png", base+"/images")
		dst := &book
		if ch.Kind == "cover" || ch.Kind == "titlepage" {
			dst = &band
		}
		fmt.Fprintf(dst, `<div class="chapter chapter-%s" id="%s">`+"\n%s</div>\n", ch.Kind, epub.ChapterID(ch.Name), body)
	}
	p.Band, p.Book = template.HTML(band.String()), template.HTML(book.String())
	for _, f := range b.Formats {
		p.Download = append(p.Download, download{Label: strings.ToUpper(f.Name), Href: base + "/download/" + f.Name,
			Name: b.Stem + f.Ext, Size: source.FormatSize(int64(len(b.Outputs[f.Name])))})
	}
	s.execute(w, "briefing.xhtml", "application/xhtml+xml; charset=utf-8", http.StatusOK, p)
}

// execute renders a template into memory first, so that a failure gives a
// clean error rather than half a page.
func (s *Server) execute(w http.ResponseWriter, name, ctype string, status int, data any) {
	var buf bytes.Buffer
	if err := templates.ExecuteTemplate(&buf, name, data); err != nil {
		log.Printf("briefbook serve: template %s: %v", name, err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

// built returns the build of the document the request's {id} names, or
// answers 404 and returns nil.
func (s *Server) built(w http.ResponseWriter, r *http.Request) *Built {
	d := s.lookup(r.PathValue("id"))
	if d == nil {
		notFound(w)
		return nil
	}
	b, _, err := s.get(d)
	if err != nil {
		notFound(w)
		return nil
	}
	return b
}

func (s *Server) docCover(w http.ResponseWriter, r *http.Request) {
	if b := s.built(w, r); b != nil {
		serveBytes(w, r, "image/png", "", b.Chapters.Cover)
	}
}

// docImage serves a picture of a document's briefing, by the file name
// the book gives it (never a path of the source's folder).
func (s *Server) docImage(w http.ResponseWriter, r *http.Request) {
	b := s.built(w, r)
	if b == nil {
		return
	}
	img, ok := b.Chapters.Images[r.PathValue("name")]
	if !ok {
		notFound(w)
		return
	}
	serveBytes(w, r, img.Mime, "", img.Data)
}

func (s *Server) uploadCover(w http.ResponseWriter, r *http.Request) {
	up := s.uploads.get(r.PathValue("id"))
	if up == nil {
		notFound(w)
		return
	}
	serveBytes(w, r, "image/png", "", up.built.Chapters.Cover)
}

func (s *Server) docDownload(w http.ResponseWriter, r *http.Request) {
	if b := s.built(w, r); b != nil {
		sendOutput(w, r, b, r.PathValue("format"))
	}
}

func (s *Server) uploadDownload(w http.ResponseWriter, r *http.Request) {
	up := s.uploads.get(r.PathValue("id"))
	if up == nil {
		notFound(w)
		return
	}
	sendOutput(w, r, up.built, r.PathValue("format"))
}

// outputTypes are the media types of the outputs, by format name.
var outputTypes = map[string]string{
	"pdf":  "application/pdf",
	"epub": "application/epub+zip",
	"json": "application/json",
}

// sendOutput sends one output of b as an attachment named as `briefbook
// build` names it.
func sendOutput(w http.ResponseWriter, r *http.Request, b *Built, format string) {
	i := slices.IndexFunc(b.Formats, func(f pipeline.Format) bool { return f.Name == format })
	if i < 0 {
		notFound(w)
		return
	}
	f := b.Formats[i]
	ctype := outputTypes[f.Name]
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	serveBytes(w, r, ctype, b.Stem+f.Ext, b.Outputs[f.Name])
}

// serveBytes sends data; a non-empty name makes it an attachment.
func serveBytes(w http.ResponseWriter, r *http.Request, ctype, name string, data []byte) {
	h := w.Header()
	h.Set("Content-Type", ctype)
	h.Set("Cache-Control", "no-store")
	if name != "" {
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": name}))
	}
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(data))
}

// static serves the page's own script and styles from the embedded
// assets: serve.css, serve.js and the EPUB's book.css.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	file, ok := map[string]string{
		"serve.css": "serve/serve.css",
		"serve.js":  "serve/serve.js",
		"book.css":  "css/book.css",
	}[name]
	if !ok {
		notFound(w)
		return
	}
	fsys := fs.FS(assets.Serve)
	if file == "css/book.css" {
		fsys = assets.FS
	}
	data, err := fs.ReadFile(fsys, file)
	if err != nil {
		notFound(w)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(file))
	if path.Ext(file) == ".js" {
		ctype = "text/javascript; charset=utf-8"
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-cache")
	w.Write(data)
}

// font serves one of the embedded fonts that serve.css names.
func (s *Server) font(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	for _, f := range assets.FontFiles {
		if path.Base(f) == name {
			data, err := fs.ReadFile(assets.FS, f)
			if err != nil {
				break
			}
			w.Header().Set("Content-Type", "font/ttf")
			w.Header().Set("Cache-Control", "max-age=86400")
			w.Write(data)
			return
		}
	}
	notFound(w)
}

// upload builds the file of a form in memory and shows its briefing.
func (s *Server) upload(w http.ResponseWriter, r *http.Request) {
	name, data, err := readUpload(w, r, s.cfg.MaxUpload)
	switch {
	case errors.Is(err, errTooLarge):
		s.renderIndex(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("%s: larger than the limit of %s; not built", uploadName(name), source.FormatSize(s.cfg.MaxUpload)))
		return
	case err != nil:
		s.renderIndex(w, r, http.StatusBadRequest, "upload: "+err.Error())
		return
	}
	s.sem <- struct{}{}
	b, ws, err := buildData(name, data, s.cfg.MaxUpload, s.cfg.Options)
	<-s.sem
	if err != nil {
		s.renderIndex(w, r, http.StatusUnprocessableEntity, errorText(err))
		return
	}
	up := s.uploads.add(b, ws)
	http.Redirect(w, r, "/upload/"+url.PathEscape(up.id), http.StatusSeeOther)
}

func notFound(w http.ResponseWriter) {
	http.Error(w, "briefbook serve: no such document", http.StatusNotFound)
}

// minutes writes a duration in whole minutes, at least one: "10 minutes".
func minutes(d time.Duration) string {
	n := max(1, int((d+30*time.Second)/time.Minute))
	if n == 1 {
		return "1 minute"
	}
	return fmt.Sprintf("%d minutes", n)
}
