package picture

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tree makes base/doc (the source's folder) with pictures inside and
// outside it, and returns base and doc.
func tree(t *testing.T) (string, string) {
	t.Helper()
	base := t.TempDir()
	doc := filepath.Join(base, "doc")
	files := map[string][]byte{
		"doc/chart.png":        pngBytes(t, 40, 30),
		"doc/img/map.jpg":      jpegBytes(t, 20, 10),
		"doc/my chart.png":     pngBytes(t, 12, 12),
		"doc/broken.png":       cut(pngBytes(t, 40, 30), 40),
		"doc/bomb.png":         pngHeaderOnly(30000, 30000),
		"doc/notes.txt":        []byte("plain text"),
		"outside.png":          pngBytes(t, 99, 99),
		"doc/img/sub/deep.gif": gifBytes(t, 3, 3),
	}
	for name, data := range files {
		p := filepath.Join(base, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"doc/out.png":      filepath.Join(base, "outside.png"), // absolute link out
		"doc/rel-out.png":  "../outside.png",                   // relative link out
		"doc/in.png":       "chart.png",                        // link inside: fine
		"doc/imgdir":       "img",                              // folder link inside
		"doc/up":           "..",                               // folder link out
		"doc/dangling.png": "nowhere.png",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(base, filepath.FromSlash(name))); err != nil {
			t.Skipf("symbolic links unavailable: %v", err)
		}
	}
	return base, doc
}

func TestFolderRead(t *testing.T) {
	base, doc := tree(t)
	tests := []struct {
		ref string
		w   int // width of the picture read; 0 when an error is wanted
		err string
	}{
		{"chart.png", 40, ""},
		{"./chart.png", 40, ""},
		{"img/map.jpg", 20, ""},
		{"img/sub/deep.gif", 3, ""},
		{"img/../chart.png", 40, ""},
		{"my chart.png", 12, ""},
		{"my%20chart.png", 12, ""},
		{"in.png", 40, ""},
		{"imgdir/map.jpg", 20, ""},
		{"../outside.png", 0, "outside the source file's folder"},
		{"img/../../outside.png", 0, "outside the source file's folder"},
		{"%2e%2e/outside.png", 0, "no such file"},
		{filepath.Join(base, "outside.png"), 0, "absolute path"},
		{filepath.Join(doc, "chart.png"), 0, "absolute path"},
		{"out.png", 0, "symbolic link leads outside"},
		{"rel-out.png", 0, "symbolic link leads outside"},
		{"up/outside.png", 0, "symbolic link leads outside"},
		{"dangling.png", 0, "no such file"},
		{"missing.png", 0, "no such file"},
		{"img", 0, "not a regular file"},
		{"notes.txt", 0, "not a PNG, JPEG or GIF image"},
		{"broken.png", 0, "damaged or cut short"},
		{"bomb.png", 0, "30000×30000 pixels, more than the limit"},
		{"https://example.com/chart.png", 0, "it is a URL"},
		{"http://example.com/chart.png", 0, "it is a URL"},
		{"data:image/png;base64,iVBORw0KGgo=", 0, "it is a URL"},
		{"file:///etc/passwd", 0, "it is a URL"},
		{"//example.com/a.png", 0, "it is a URL"},
		{"", 0, "empty"},
	}
	for _, tt := range tests {
		t.Run(tt.ref, func(t *testing.T) {
			im, err := Folder{Root: doc}.Read(tt.ref)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("Read(%q): err %v, want one containing %q", tt.ref, err, tt.err)
				}
				if strings.Contains(err.Error(), base) {
					t.Errorf("error %q names the path; the warning does", err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Read(%q): %v", tt.ref, err)
			}
			if im.Width != tt.w {
				t.Fatalf("Read(%q): width %d, want %d", tt.ref, im.Width, tt.w)
			}
		})
	}
}

// TestFolderReadRootIsLink: a source folder reached through a symbolic
// link reads its own pictures and still refuses the ones outside.
func TestFolderReadRootIsLink(t *testing.T) {
	base, doc := tree(t)
	alias := filepath.Join(base, "alias")
	if err := os.Symlink(doc, alias); err != nil {
		t.Skip(err)
	}
	if _, err := (Folder{Root: alias}).Read("chart.png"); err != nil {
		t.Fatal(err)
	}
	if _, err := (Folder{Root: alias}).Read("out.png"); err == nil {
		t.Fatal("a link out of a linked folder was followed")
	}
}
