package epub

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"sync"

	goepub "github.com/bmaupin/go-epub"
)

// go-epub keeps its file system in a package variable; it is set once and
// every build is serialised, so no two builds share its state.
var (
	goepubOnce sync.Once
	goepubMu   sync.Mutex
)

// offline is an http.RoundTripper that refuses every request: go-epub
// tries URLs for media sources and must never reach the network.
type offline struct{}

func (offline) RoundTrip(r *http.Request) (*http.Response, error) {
	return nil, fmt.Errorf("network access refused: %s", r.URL.Scheme)
}

func dataURL(mime string, data []byte) string {
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(data)
}

// asset is a media file handed to go-epub.
type asset struct {
	name string // file name inside its folder
	mime string // media type of the data URL handed to go-epub
	data []byte
}

// buildWithGoEPUB lets go-epub assemble the container: sections, the style
// sheet, fonts and images. Its package file, nav and NCX are replaced by
// the finishing pass. Panics inside go-epub become errors.
func buildWithGoEPUB(b *book, css []byte, fonts, images []asset) (out []byte, err error) {
	goepubOnce.Do(func() { goepub.Use(goepub.MemoryFS) })
	goepubMu.Lock()
	defer goepubMu.Unlock()
	defer func() {
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("go-epub: panic: %v", r)
		}
	}()
	e := goepub.NewEpub(b.meta.Title)
	e.Client = &http.Client{Transport: offline{}}
	e.SetIdentifier(b.identifier)
	e.SetLang(b.lang)
	if b.meta.Author != "" {
		e.SetAuthor(b.meta.Author)
	}
	cssPath, err := e.AddCSS(dataURL("text/css", css), "book.css")
	if err != nil {
		return nil, fmt.Errorf("go-epub: add style sheet: %s", shortErr(err))
	}
	for _, f := range fonts {
		// go-epub's data URL reader refuses "font/ttf"; the manifest media
		// type is set from the extension in the finishing pass.
		if _, err := e.AddFont(dataURL("application/octet-stream", f.data), f.name); err != nil {
			return nil, fmt.Errorf("go-epub: add font %s: %s", f.name, shortErr(err))
		}
	}
	for _, im := range images {
		if _, err := e.AddImage(dataURL(im.mime, im.data), im.name); err != nil {
			return nil, fmt.Errorf("go-epub: add image %s: %s", im.name, shortErr(err))
		}
	}
	for _, p := range b.pages {
		if _, err := e.AddSection(p.body, p.title, p.name, cssPath); err != nil {
			return nil, fmt.Errorf("go-epub: add %s: %w", p.name, err)
		}
	}
	var buf bytes.Buffer
	if _, err := e.WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("go-epub: write: %s", shortErr(err))
	}
	if buf.Len() == 0 {
		return nil, errors.New("go-epub: empty output")
	}
	return buf.Bytes(), nil
}

var dataURLs = regexp.MustCompile(`data:[^"\s]{40,}`)

// shortErr returns the message of a go-epub error with the data URLs it
// quotes cut short, so that a font does not end up in an error message.
func shortErr(err error) string {
	msg := dataURLs.ReplaceAllStringFunc(err.Error(), func(s string) string { return s[:32] + "…" })
	return strings.Join(strings.Fields(msg), " ")
}
