package pipeline

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/fonts"
)

// writeFont copies the embedded font file into path.
func writeFont(t *testing.T, file, path string) {
	t.Helper()
	data, err := fs.ReadFile(assets.FS, file)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestLoadFonts checks how style keys naming files and --font-dir become
// role and fallback faces, and that bad fonts are errors naming the file.
func TestLoadFonts(t *testing.T) {
	dir := t.TempDir()
	style := filepath.Join(dir, "styles", "house.json")
	writeFont(t, assets.SerifBold, filepath.Join(dir, "styles", "faces", "body.ttf"))
	writeFont(t, assets.Mono, filepath.Join(dir, "styles", "faces", "extra.ttf"))
	fd := filepath.Join(dir, "fontdir")
	writeFont(t, assets.SansBold, filepath.Join(fd, "Sans_Bold.TTF"))
	writeFont(t, assets.SansItalic, filepath.Join(fd, "b-fallback.ttf"))
	writeFont(t, assets.SerifItalic, filepath.Join(fd, "a-fallback.otf"))
	if err := os.WriteFile(filepath.Join(fd, "README.txt"), []byte("not a font"), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad")
	writeFont(t, assets.SansRegular, filepath.Join(bad, "good.ttf"))
	if err := os.WriteFile(filepath.Join(bad, "cff.otf"), append([]byte("OTTO"), make([]byte, 64)...), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "empty"), 0o755); err != nil {
		t.Fatal(err)
	}

	type want struct {
		roles    map[string]string // role → file
		fallback []string          // files
		err      string
	}
	tests := []struct {
		name    string
		style   string
		fontDir string
		want    want
	}{
		{name: "nothing", style: `{"body":{"size":11}}`},
		{name: "embedded names only", style: `{"fonts":{"sans":"fonts/NotoSerif-Regular.ttf","fallback":["fonts/DejaVuSansMono.ttf"]}}`,
			want: want{fallback: []string{assets.Mono}}},
		{name: "style files relative to the style", style: `{"fonts":{"serif":"faces/body.ttf","fallback":["faces/extra.ttf","faces/body.ttf"]}}`,
			want: want{roles: map[string]string{"serif": "styles/faces/body.ttf"}, fallback: []string{"styles/faces/extra.ttf", "styles/faces/body.ttf"}}},
		{name: "absolute style file", style: `{"fonts":{"mono":"` + filepath.Join(dir, "styles", "faces", "extra.ttf") + `"}}`,
			want: want{roles: map[string]string{"mono": "styles/faces/extra.ttf"}}},
		{name: "font dir", fontDir: fd,
			want: want{roles: map[string]string{"sans_bold": "fontdir/Sans_Bold.TTF"}, fallback: []string{"fontdir/a-fallback.otf", "fontdir/b-fallback.ttf"}}},
		{name: "font dir after the style", style: `{"fonts":{"sans_bold":"faces/body.ttf","fallback":["faces/extra.ttf"]}}`, fontDir: fd,
			want: want{roles: map[string]string{"sans_bold": "fontdir/Sans_Bold.TTF"}, fallback: []string{"styles/faces/extra.ttf", "fontdir/a-fallback.otf", "fontdir/b-fallback.ttf"}}},
		{name: "missing style file", style: `{"fonts":{"serif":"faces/nope.ttf"}}`,
			want: want{err: "styles/house.json: fonts.serif: font " + filepath.Join(dir, "styles", "faces", "nope.ttf") + ": cannot read: no such file or directory"}},
		{name: "missing fallback", style: `{"fonts":{"fallback":["faces/extra.ttf","gone.ttf"]}}`,
			want: want{err: "styles/house.json: fonts.fallback[1]: font " + filepath.Join(dir, "styles", "gone.ttf") + ": cannot read"}},
		{name: "empty name", style: `{"fonts":{"fallback":[""]}}`, want: want{err: "fonts.fallback[0]: no font file named"}},
		{name: "CFF in the font dir", fontDir: bad,
			want: want{err: "font " + filepath.Join(bad, "cff.otf") + ": CFF outlines not supported; use a TrueType-flavoured font"}},
		{name: "empty font dir", fontDir: filepath.Join(dir, "empty"), want: want{err: "--font-dir " + filepath.Join(dir, "empty") + ": no .ttf or .otf files"}},
		{name: "missing font dir", fontDir: filepath.Join(dir, "nowhere"), want: want{err: "--font-dir " + filepath.Join(dir, "nowhere") + ": cannot read: no such file or directory"}},
	}
	rel := func(f *fonts.Face) string {
		if r, err := filepath.Rel(dir, f.File); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return f.File
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, err := LoadFonts([]byte(tt.style), style, tt.fontDir)
			if tt.want.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.want.err) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("err = %v, want %q", err, tt.want.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want.roles == nil && tt.want.fallback == nil {
				if u != nil {
					t.Fatalf("got fonts %+v, want none", u)
				}
				return
			}
			got := map[string]string{}
			for role, f := range u.Roles {
				got[role] = rel(f)
			}
			if len(got) != len(tt.want.roles) {
				t.Errorf("roles %v, want %v", got, tt.want.roles)
			}
			for role, file := range tt.want.roles {
				if got[role] != file {
					t.Errorf("role %s: %q, want %q", role, got[role], file)
				}
			}
			var fb []string
			for _, f := range u.Fallback {
				fb = append(fb, rel(f))
			}
			if strings.Join(fb, ",") != strings.Join(tt.want.fallback, ",") {
				t.Errorf("fallback %v, want %v", fb, tt.want.fallback)
			}
		})
	}
}

// TestLoadFontsOpensOnce checks that a file named twice is one face.
func TestLoadFontsOpensOnce(t *testing.T) {
	dir := t.TempDir()
	writeFont(t, assets.Mono, filepath.Join(dir, "x.ttf"))
	u, err := LoadFonts([]byte(`{"fonts":{"mono":"x.ttf","fallback":["./x.ttf"]}}`), filepath.Join(dir, "s.json"), "")
	if err != nil {
		t.Fatal(err)
	}
	if u.Roles["mono"] == nil || len(u.Fallback) != 1 || u.Fallback[0] != u.Roles["mono"] {
		t.Errorf("x.ttf opened more than once: %+v", u)
	}
}
