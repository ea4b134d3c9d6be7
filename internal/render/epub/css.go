package epub

import (
	"fmt"
	"io/fs"
	"path"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/briefbook/briefbook/assets"
	"github.com/briefbook/briefbook/internal/fonts"
)

// embeddedFaces are the font files embedded when Options.EPUBFonts is set,
// with the style role they play (the keys of the print style's "fonts"
// object) and their CSS family, weight and style. The mono face (userOnly)
// is embedded only when the user gives one (--font-dir mono.ttf or the
// style key), as the style sheet lets the reader's monospace font stand
// in.
var embeddedFaces = []struct {
	role, file, family, weight, style string
	userOnly                          bool
}{
	{"serif", assets.SerifRegular, "Noto Serif", "normal", "normal", false},
	{"serif_bold", assets.SerifBold, "Noto Serif", "bold", "normal", false},
	{"serif_italic", assets.SerifItalic, "Noto Serif", "normal", "italic", false},
	{"sans", assets.SansRegular, "Noto Sans", "normal", "normal", false},
	{"sans_bold", assets.SansBold, "Noto Sans", "bold", "normal", false},
	{"sans_italic", assets.SansItalic, "Noto Sans", "normal", "italic", false},
	{"mono", assets.Mono, "DejaVu Sans Mono", "normal", "normal", true},
}

// styleSheet returns assets/css/book.css and, when embed is true, the
// fonts with @font-face rules prepended to the style sheet: the Noto faces
// or the user's faces in their roles, and the user's fallback faces, which
// join every family for the characters its own faces lack (a CSS
// unicode-range), so that a reader draws Chinese in the user's CJK font
// and Latin in Noto.
func styleSheet(embed bool, user *fonts.User) ([]byte, []asset, error) {
	css, err := fs.ReadFile(assets.FS, "css/book.css")
	if err != nil {
		return nil, nil, fmt.Errorf("style sheet: %w", err)
	}
	if !embed {
		return css, nil, nil
	}
	var faces strings.Builder
	var out []asset
	userName := map[*fonts.Face]string{}
	addUser := func(f *fonts.Face) string {
		if name, ok := userName[f]; ok {
			return name
		}
		name := userFontName(len(userName)+1, f.File)
		userName[f] = name
		out = append(out, asset{name: name, mime: "font/ttf", data: f.Data})
		return name
	}
	rule := func(family, weight, style, name, ranges string) {
		fmt.Fprintf(&faces, "@font-face {\n  font-family: %q;\n  font-weight: %s;\n  font-style: %s;\n  src: url(\"../fonts/%s\");\n", family, weight, style, name)
		if ranges != "" {
			fmt.Fprintf(&faces, "  unicode-range: %s;\n", ranges)
		}
		faces.WriteString("}\n")
	}
	// Fallbacks first: of faces with the same family and descriptors, a
	// reader tries the last declared first. A fallback's range leaves out
	// what the family's regular face has (the embedded mono face counts
	// even when it is not embedded: the reader's monospace font, next in
	// the style sheet's list, draws those characters).
	regular := map[string]*fonts.Face{} // family → face of its regular weight
	for _, e := range embeddedFaces {
		if e.weight != "normal" || e.style != "normal" {
			continue
		}
		if f := user.Role(e.role); f != nil {
			regular[e.family] = f
		} else {
			f, err := fonts.Load(e.file)
			if err != nil {
				return nil, nil, err
			}
			regular[e.family] = f
		}
	}
	for _, fb := range user.Fallbacks() {
		for _, e := range embeddedFaces {
			ranges := fb.Coverage().Ranges(regular[e.family].Coverage())
			if ranges == "" {
				continue
			}
			rule(e.family, e.weight, e.style, addUser(fb), ranges)
		}
	}
	for _, e := range embeddedFaces {
		if f := user.Role(e.role); f != nil {
			rule(e.family, e.weight, e.style, addUser(f), "")
			continue
		}
		if e.userOnly {
			continue
		}
		data, err := fs.ReadFile(assets.FS, e.file)
		if err != nil {
			return nil, nil, fmt.Errorf("font %s: %w", e.file, err)
		}
		name := path.Base(e.file)
		out = append(out, asset{name: name, mime: "font/ttf", data: data})
		rule(e.family, e.weight, e.style, name, "")
	}
	faces.WriteString("\n")
	return append([]byte(faces.String()), css...), out, nil
}

// userFontName names the n-th user font file inside the book: "user-1-"
// and the file's name in letters, digits and hyphens, with ".ttf" (the
// fonts are TrueType whatever their extension).
func userFontName(n int, file string) string {
	stem := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
	var b strings.Builder
	for _, r := range stem {
		switch {
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-") && b.Len() < 40:
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	if s := strings.Trim(b.String(), "-"); s != "" {
		return fmt.Sprintf("user-%d-%s.ttf", n, s)
	}
	return fmt.Sprintf("user-%d.ttf", n)
}
