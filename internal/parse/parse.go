// Package parse is briefbook's reader stage: it turns a source file (plain
// text or Markdown) into a *document.Document.
//
// Both readers share the same contract. All text is normalised to Unicode
// NFC; line endings are normalised to "\n"; control characters other than
// tab and newline are removed (one warning, at the first one). Every section
// and block carries the source position of its first line. Meta.Source is
// the file's base name and Meta.Language comes from front matter or, failing
// that, from a simple deterministic script count (see DetectLanguage). The
// readers finish with document.Document.Number, so IDs and ¶ numbers are set.
//
// Plain text never goes through a Markdown parser: "1991. The year…" is a
// paragraph, not a list. This package is the only importer of goldmark.
package parse

import (
	"bytes"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
	"golang.org/x/text/unicode/norm"
)

// Parse reads f into a document, choosing the reader by extension (see
// ParseAs with from ""). Warnings go to w, which may be nil.
func Parse(f *source.File, w *source.Warnings) (*document.Document, error) {
	return ParseAs(f, "", w)
}

// Readers are the names ParseAs takes for from.
var Readers = []string{"txt", "md"}

// Options configure ParseWith. The zero value chooses the reader by the
// file's extension and reads no pictures.
type Options struct {
	// From names the reader: "txt", "md", or "" to choose by extension
	// (see ParseAs).
	From string
	// Pictures reads the picture a Markdown source names, given the
	// reference as written ("chart.png"); its error says, in words fit for
	// a warning, why the picture cannot be shown. nil means the source has
	// no folder to read pictures from: each picture is then kept as its
	// alt text, with a warning. The parse package itself never touches the
	// file system.
	Pictures PictureReader
}

// PictureReader reads the picture named by ref (see Options.Pictures).
type PictureReader func(ref string) (*document.Image, error)

// ParseWith reads f as ParseAs does, with the reader opts.From and the
// picture reader opts.Pictures.
func ParseWith(f *source.File, opts Options, w *source.Warnings) (*document.Document, error) {
	switch opts.From {
	case "txt":
		return ParseText(f, w)
	case "md":
		return readMarkdown(f, w, true, opts.Pictures)
	case "":
	default:
		return nil, fmt.Errorf("unknown reader %q (known: %s)", opts.From, strings.Join(Readers, ", "))
	}
	switch ext := f.Ext(); ext {
	case ".md", ".markdown":
		return readMarkdown(f, w, true, opts.Pictures)
	case ".txt", ".text":
		return ParseText(f, w)
	case "":
		if !looksMarkedUp(f.Data) {
			return ParseText(f, w)
		}
		return nil, &UnknownFormatError{File: f.Name}
	default:
		return nil, &UnknownFormatError{File: f.Name, Ext: ext}
	}
}

// ParseAs reads f with the reader named by from: "txt" → ParseText, "md"
// → ParseMarkdown. With from "" the extension chooses: .md and .markdown
// are Markdown, .txt and .text plain text, and a file with no extension is
// plain text when it is plainly text (see looksMarkedUp). Any other
// extension (.html, .rtf, …) and a file with no extension holding markup
// give an *UnknownFormatError: reading them as plain text would print
// their markup. An unknown from is an error too.
func ParseAs(f *source.File, from string, w *source.Warnings) (*document.Document, error) {
	return ParseWith(f, Options{From: from}, w)
}

// UnknownFormatError says that the reader for a file cannot be chosen from
// its name.
type UnknownFormatError struct {
	File string
	// Ext is the file's extension, lower case with its dot; "" for a file
	// with no extension whose text holds markup.
	Ext string
}

func (e *UnknownFormatError) Error() string {
	what := fmt.Sprintf("unknown file type %q", e.Ext)
	if e.Ext == "" {
		what = "no file extension and the text holds markup"
	}
	return fmt.Sprintf("%s: %s: choose a reader with --from txt or --from md", e.File, what)
}

// looksMarkedUp reports whether data holds Markdown or HTML markup that a
// plain-text reading would print: a line opening with an HTML tag, an ATX
// heading ("# "), a code fence or a table rule, front matter, or a link
// ("](").  It reads each byte at most twice.
func looksMarkedUp(data []byte) bool {
	if bytes.Contains(data, []byte("](")) {
		return true
	}
	for i, rest := 0, data; len(rest) > 0; i++ {
		l, r, _ := bytes.Cut(rest, []byte("\n"))
		rest = r
		l = bytes.TrimLeft(l, " \t")
		switch {
		case i == 0 && dashes(l) && len(bytes.TrimSpace(l)) == 3:
			return true
		case len(l) >= 2 && l[0] == '<' && (l[1] == '!' || l[1] == '/' || 'a' <= l[1]|0x20 && l[1]|0x20 <= 'z'):
			return true
		case bytes.HasPrefix(l, []byte("```")) || bytes.HasPrefix(l, []byte("~~~")):
			return true
		case atxHeading(l):
			return true
		case bytes.HasPrefix(l, []byte("|--")) || bytes.HasPrefix(l, []byte("| --")) || bytes.HasPrefix(l, []byte("|:-")):
			return true
		}
	}
	return false
}

// atxHeading reports whether l opens with 1–6 "#" and a space.
func atxHeading(l []byte) bool {
	n := 0
	for n < len(l) && l[n] == '#' {
		n++
	}
	return n >= 1 && n <= 6 && n < len(l) && l[n] == ' '
}

// clean returns data as NFC text with "\r\n" and "\r" turned into "\n" and
// control characters other than tab and newline removed. It warns once, at
// the first removed character. Removing characters never changes the line
// structure, so byte offsets into the result map to the source's lines.
func clean(f *source.File, data []byte, w *source.Warnings) []byte {
	out := make([]byte, 0, len(data))
	line, col := 1, 1
	warned := false
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\r':
				out = append(out, '\n')
				if i+1 < len(data) && data[i+1] == '\n' {
					i++
				}
				line, col = line+1, 1
			case c == '\n':
				out = append(out, c)
				line, col = line+1, 1
			case c == '\t' || (c >= 0x20 && c != 0x7f):
				out = append(out, c)
				col++
			default:
				if !warned {
					w.Add(source.Pos{File: f.Name, Line: line, Col: col}, "control character %U removed (further ones are removed silently)", rune(c))
					warned = true
				}
				col++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n == 1 {
			// Invalid UTF-8 cannot come from source.Decode; keep the
			// replacement character rather than guessing.
			out = append(out, "\uFFFD"...)
		} else if unicode.IsControl(r) {
			if !warned {
				w.Add(source.Pos{File: f.Name, Line: line, Col: col}, "control character %U removed (further ones are removed silently)", r)
				warned = true
			}
		} else {
			out = append(out, data[i:i+n]...)
		}
		col++
		i += n
	}
	return norm.NFC.Bytes(out)
}

// DetectLanguage guesses the language of text: mostly Cyrillic letters give
// "ru", or "kk" when the Kazakh-only letters (Ә Ғ Қ Ң Ө Ұ Ү Һ І) make up at
// least 1.5% of them; otherwise "en". It is deterministic and linear.
func DetectLanguage(text string) string {
	var latin, cyr, kk int
	for _, r := range text {
		switch {
		case r < 0x80:
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				latin++
			}
		case unicode.Is(unicode.Cyrillic, r):
			if unicode.IsLetter(r) {
				cyr++
				if isKazakhLetter(r) {
					kk++
				}
			}
		case unicode.Is(unicode.Latin, r) && unicode.IsLetter(r):
			latin++
		}
	}
	if cyr == 0 || cyr <= latin {
		return "en"
	}
	if kk*1000 >= cyr*15 {
		return "kk"
	}
	return "ru"
}

func isKazakhLetter(r rune) bool {
	switch unicode.ToLower(r) {
	case 'ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і':
		return true
	}
	return false
}

// posAt returns the position of a 1-based line in f.
func posAt(f *source.File, line int) source.Pos {
	return source.Pos{File: f.Name, Line: line}
}
