// Package source holds what every stage shares about input files: the file
// itself, positions inside it, and positioned diagnostics (warnings and
// errors) collected while a document is built. It is the leaf package of
// briefbook and imports none of the others.
package source

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"unicode/utf8"
)

// File is one input document held in memory.
type File struct {
	// Name is the path as the user gave it; it is used in messages.
	Name string
	// Data is the content, decoded to UTF-8 without a byte-order mark.
	Data []byte
	// Encoding is the encoding the file was decoded from when it was not
	// UTF-8 ("Windows-1251"); "" for UTF-8.
	Encoding string
	// Warnings are what decoding found worth saying (a guessed encoding).
	Warnings []Warning
}

// Base returns the file name without its directory.
func (f *File) Base() string { return filepath.Base(f.Name) }

// Stem returns the file name without directory and extension.
func (f *File) Stem() string {
	b := f.Base()
	return b[:len(b)-len(filepath.Ext(b))]
}

// Ext returns the lower-case extension including the dot, e.g. ".md".
func (f *File) Ext() string {
	e := filepath.Ext(f.Name)
	out := make([]byte, len(e))
	for i := 0; i < len(e); i++ {
		c := e[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return string(out)
}

// Pos is a position in a source file. Line and Col are 1-based; zero means
// unknown.
type Pos struct {
	File string `json:"-"`
	Line int    `json:"line"`
	Col  int    `json:"-"`
}

// String formats the position as file:line:col, leaving out unknown parts.
func (p Pos) String() string {
	s := p.File
	if p.Line > 0 {
		s += fmt.Sprintf(":%d", p.Line)
		if p.Col > 0 {
			s += fmt.Sprintf(":%d", p.Col)
		}
	}
	return s
}

// Error is an error at a position in a source file. Its message reads
// "file:line: what is wrong".
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Errorf returns an *Error at pos.
func Errorf(pos Pos, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Warning is a positioned, non-fatal message: something was replaced,
// dropped or guessed while building a document.
type Warning struct {
	Pos Pos
	Msg string
}

func (w Warning) String() string { return w.Pos.String() + ": warning: " + w.Msg }

// Warnings collects warnings in the order they were found. The zero value
// is ready to use; a nil *Warnings discards everything added to it.
type Warnings struct {
	List []Warning
	seen map[string]bool
}

// Add records a warning at pos. The same message at the same position is
// recorded once.
func (ws *Warnings) Add(pos Pos, format string, args ...any) {
	if ws == nil {
		return
	}
	w := Warning{Pos: pos, Msg: fmt.Sprintf(format, args...)}
	key := w.String()
	if ws.seen == nil {
		ws.seen = map[string]bool{}
	}
	if ws.seen[key] {
		return
	}
	ws.seen[key] = true
	ws.List = append(ws.List, w)
}

// ErrNotText reports input that is not text briefbook can read.
var ErrNotText = errors.New("not a text file")

// Read loads the file at path and decodes it as Decode does. It reads at
// most DefaultMaxSize bytes; see ReadWith.
func Read(path string) (*File, error) { return ReadWith(path, ReadOptions{}) }

// ReadAs loads the file at path and decodes it from enc. It reads at most
// DefaultMaxSize bytes; see ReadWith.
func ReadAs(path string, enc Encoding) (*File, error) {
	return ReadWith(path, ReadOptions{Encoding: &enc})
}

// ReadOptions configure ReadWith. The zero value detects the encoding and
// reads at most DefaultMaxSize bytes.
type ReadOptions struct {
	// Encoding forces the source encoding; nil detects it (see Decode).
	Encoding *Encoding
	// MaxSize is the largest file read, in bytes; 0 means DefaultMaxSize.
	MaxSize int64
}

// ReadWith loads the regular file at path (see ReadFile for the checks) and
// decodes it: as Decode does, or from o.Encoding when it is set.
func ReadWith(path string, o ReadOptions) (*File, error) {
	data, err := ReadFile(path, o.MaxSize)
	if err != nil {
		return nil, err
	}
	return DecodeWith(path, data, o)
}

// checkNoNUL refuses data holding a NUL (a byte of the raw file, or a
// character of decoded text) as binary, naming the line it is on.
func checkNoNUL(name string, data []byte, what string) error {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return &Error{Pos: Pos{File: name, Line: lineAt(data, i)}, Msg: "binary data (NUL " + what + "): " + ErrNotText.Error()}
	}
	return nil
}

// Decode turns data, the content of the file called name, into UTF-8 text:
// UTF-8 with or without a byte-order mark is taken as it is; UTF-16 with a
// byte-order mark is converted; other text is taken to be in the most
// plausible of Windows-1251, KOI8-R, Windows-1252 and ISO-8859-1, with a
// warning in File.Warnings naming the guess. Binary data (a NUL byte outside UTF-16) is
// refused with an error naming the file and line.
func Decode(name string, data []byte) (*File, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return decodeUTF16(name, data[2:], "UTF-16LE")
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return decodeUTF16(name, data[2:], "UTF-16BE")
	}
	if err := checkNoNUL(name, data, "byte"); err != nil {
		return nil, err
	}
	if utf8.Valid(data) {
		return &File{Name: name, Data: data}, nil
	}
	enc, confident := guessLegacy(data)
	f, err := DecodeAs(name, data, enc)
	if err != nil {
		return nil, err
	}
	pos := Pos{File: name, Line: lineAt(data, firstInvalid(data))}
	msg := "not UTF-8: read as " + enc.Name + " (use --encoding to choose another)"
	if !confident {
		msg = "not UTF-8: guessed " + enc.Name + ", but the text is ambiguous (use --encoding to choose)"
	}
	f.Warnings = append(f.Warnings, Warning{Pos: pos, Msg: msg})
	return f, nil
}

func decodeUTF16(name string, data []byte, encName string) (*File, error) {
	if len(data)%2 != 0 {
		data = data[:len(data)-1]
	}
	enc, _ := LookupEncoding(encName)
	return decodeText(name, data, enc)
}

// decodeText decodes data as enc and refuses text that holds NUL
// characters once decoded.
func decodeText(name string, data []byte, enc Encoding) (*File, error) {
	f, err := DecodeAs(name, data, enc)
	if err != nil {
		return nil, err
	}
	if err := checkNoNUL(name, f.Data, "character"); err != nil {
		return nil, err
	}
	return f, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

func lineAt(b []byte, off int) int { return bytes.Count(b[:off], []byte{'\n'}) + 1 }
