package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/fonts"
	"github.com/briefbook/briefbook/internal/render/pdf"
)

// fontExts are the extensions of the files --font-dir registers.
var fontExts = []string{".ttf", ".otf"}

// LoadFonts opens and checks, once, every font file the user gave:
//
//   - the keys of the style's "fonts" object (style, the content of the
//     --style file at stylePath) that name a file rather than an embedded
//     font, resolved relative to the style file's folder: a role key
//     ("serif", "sans_bold", …) replaces that face, "fallback" lists faces
//     tried in order for characters the role faces lack;
//   - every .ttf and .otf file in fontDir (when not ""), in name order: a
//     file named for a role ("serif.ttf", "sans_bold.ttf", "mono.ttf")
//     takes that role, overriding the style; the others are fallbacks,
//     after the style's.
//
// A font that is missing, unreadable, not a TrueType-outline font (CFF
// .otf, collections, WOFF) or that the PDF writer cannot embed is an
// error naming the file (and the style key); the result is nil when the
// user gave no fonts.
func LoadFonts(style []byte, stylePath, fontDir string) (*fonts.User, error) {
	u := &fonts.User{Roles: map[string]*fonts.Face{}}
	opened := map[string]*fonts.Face{} // by cleaned path
	open := func(path string) (*fonts.Face, error) {
		key := filepath.Clean(path)
		if f := opened[key]; f != nil {
			return f, nil
		}
		f, err := fonts.Open(path)
		if err != nil {
			return nil, err
		}
		if err := pdf.CheckFont(f); err != nil {
			return nil, err
		}
		opened[key] = f
		return f, nil
	}
	if err := styleFonts(style, stylePath, u, open); err != nil {
		return nil, err
	}
	if fontDir != "" {
		if err := dirFonts(fontDir, u, open); err != nil {
			return nil, err
		}
	}
	if len(u.Roles) == 0 && len(u.Fallback) == 0 {
		return nil, nil
	}
	return u, nil
}

// styleFonts opens the font files the style names.
func styleFonts(style []byte, stylePath string, u *fonts.User, open func(string) (*fonts.Face, error)) error {
	if len(bytes.TrimSpace(style)) == 0 {
		return nil
	}
	var st struct {
		Fonts map[string]json.RawMessage `json:"fonts"`
	}
	if err := json.Unmarshal(style, &st); err != nil {
		return fmt.Errorf("%s: style: %v", stylePath, err)
	}
	dir := filepath.Dir(stylePath)
	resolve := func(name string) string {
		if filepath.IsAbs(name) {
			return name
		}
		return filepath.Join(dir, name)
	}
	for _, key := range slices.Sorted(maps.Keys(st.Fonts)) {
		if key == "fallback" {
			var names []string
			if err := json.Unmarshal(st.Fonts[key], &names); err != nil {
				return fmt.Errorf("%s: fonts.fallback: want a list of font files", stylePath)
			}
			for i, name := range names {
				f, err := styleFont(name, resolve, open)
				if err != nil {
					return fmt.Errorf("%s: fonts.fallback[%d]: %v", stylePath, i, err)
				}
				if !slices.Contains(u.Fallback, f) {
					u.Fallback = append(u.Fallback, f)
				}
			}
			continue
		}
		var name string
		if err := json.Unmarshal(st.Fonts[key], &name); err != nil {
			return fmt.Errorf("%s: fonts.%s: want a font file name", stylePath, key)
		}
		if slices.Contains(assets.FontFiles, name) {
			continue // embedded: the renderer loads it
		}
		f, err := styleFont(name, resolve, open)
		if err != nil {
			return fmt.Errorf("%s: fonts.%s: %v", stylePath, key, err)
		}
		u.Roles[key] = f
	}
	return nil
}

// styleFont opens the font a style names: an embedded one by its name in
// assets.FS, else the file.
func styleFont(name string, resolve func(string) string, open func(string) (*fonts.Face, error)) (*fonts.Face, error) {
	if strings.TrimSpace(name) == "" {
		return nil, errors.New("no font file named")
	}
	if slices.Contains(assets.FontFiles, name) {
		return fonts.Load(name)
	}
	return open(resolve(name))
}

// dirFonts registers the font files of dir.
func dirFonts(dir string, u *fonts.User, open func(string) (*fonts.Face, error)) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		var pe *os.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return fmt.Errorf("--font-dir %s: cannot read: %v", dir, err)
	}
	roles := pdf.FontRoles()
	n := 0
	for _, e := range entries { // ReadDir sorts by name
		ext := strings.ToLower(filepath.Ext(e.Name()))
		if !slices.Contains(fontExts, ext) {
			continue
		}
		path := filepath.Join(dir, e.Name())
		if fi, err := os.Stat(path); err == nil && fi.IsDir() {
			continue
		}
		f, err := open(path)
		if err != nil {
			return err
		}
		n++
		stem := strings.ToLower(strings.TrimSuffix(e.Name(), filepath.Ext(e.Name())))
		if slices.Contains(roles, stem) {
			u.Roles[stem] = f
		} else if !slices.Contains(u.Fallback, f) {
			u.Fallback = append(u.Fallback, f)
		}
	}
	if n == 0 {
		return fmt.Errorf("--font-dir %s: no .ttf or .otf files", dir)
	}
	return nil
}
