package picture

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzDecode feeds arbitrary bytes to Decode: it must return an image
// within the limits or an error, never panic.
func FuzzDecode(f *testing.F) {
	f.Add(pngBytes(f, 3, 2))
	f.Add(jpegBytes(f, 8, 8))
	f.Add(gifBytes(f, 4, 4))
	f.Add(pngHeaderOnly(20000, 3))
	f.Add([]byte("GIF89a"))
	f.Fuzz(func(t *testing.T, data []byte) {
		im, err := Decode(data)
		if err != nil {
			return
		}
		if im.Width < 1 || im.Height < 1 || im.Width > MaxSide || im.Height > MaxSide || im.Width*im.Height > MaxPixels {
			t.Fatalf("accepted %d×%d", im.Width, im.Height)
		}
	})
}

// FuzzFolderRead reads arbitrary references against a small folder
// tree: nothing outside it may ever be read.
func FuzzFolderRead(f *testing.F) {
	base := f.TempDir()
	root := filepath.Join(base, "doc")
	if err := os.MkdirAll(filepath.Join(root, "img"), 0o755); err != nil {
		f.Fatal(err)
	}
	inside := pngBytes(f, 2, 2)
	outsideData := pngBytes(f, 3, 3)
	for name, data := range map[string][]byte{filepath.Join(root, "img", "a.png"): inside, filepath.Join(base, "secret.png"): outsideData} {
		if err := os.WriteFile(name, data, 0o644); err != nil {
			f.Fatal(err)
		}
	}
	_ = os.Symlink(filepath.Join(base, "secret.png"), filepath.Join(root, "link.png"))
	for _, s := range []string{"img/a.png", "../secret.png", "link.png", "img/../../secret.png", "/etc/passwd", "img%2Fa.png", "%2e%2e/secret.png", "file:///etc/passwd"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, ref string) {
		im, err := Folder{Root: root}.Read(ref)
		if err == nil && im.Width == 3 {
			t.Fatalf("%q read the file outside the folder", ref)
		}
	})
}
