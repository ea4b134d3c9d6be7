package serve

import (
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/pipeline"
)

// TestPictures checks that a briefing's pictures are on its page and served
// by the file names the book gives them, and that no other name (a path of
// the source folder among them) is served.
func TestPictures(t *testing.T) {
	dir := filepath.Join("..", "..", "cmd", "briefbook", "testdata", "pictures")
	if _, err := os.Stat(filepath.Join(dir, "report.md")); err != nil {
		t.Skipf("picture example not found: %v", err)
	}
	s := New(Config{Paths: []string{filepath.Join(dir, "report.md")}, Options: pipeline.DefaultOptions()})
	page := get(s, "/doc/report")
	if page.Code != http.StatusOK {
		t.Fatalf("/doc/report: status %d", page.Code)
	}
	srcs := regexp.MustCompile(`<img src="(/doc/report/images/pic-[0-9a-f]+\.png)"`).FindAllStringSubmatch(page.Body.String(), -1)
	if len(srcs) != 2 {
		t.Fatalf("want 2 pictures on the page, found %d", len(srcs))
	}
	for _, m := range srcs {
		rec := get(s, m[1])
		if rec.Code != http.StatusOK || rec.Header().Get("Content-Type") != "image/png" || !strings.HasPrefix(rec.Body.String(), "\x89PNG") {
			t.Errorf("%s: status %d, type %q", m[1], rec.Code, rec.Header().Get("Content-Type"))
		}
	}
	for _, target := range []string{"/doc/report/images/revenue.png", "/doc/report/images/..%2freport.md", "/doc/report/images/pic-0.png"} {
		if rec := get(s, target); rec.Code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", target, rec.Code)
		}
	}
}
