package picture

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// Folder reads pictures from one folder tree: the folder of a source file
// and the folders beneath it.
type Folder struct {
	// Root is the folder; references are relative to it.
	Root string
}

// Read reads and decodes the picture that ref names (a reference as the
// source writes it: "chart.png", "img/map.jpg", "my%20chart.png"). A URL,
// an absolute path, a path that climbs out of Root, a symbolic link that
// points out of it, a missing file and anything that is not a regular file
// are errors, as are files Decode refuses.
func (d Folder) Read(ref string) (*document.Image, error) {
	if ref = strings.TrimSpace(ref); ref == "" {
		return nil, errors.New("the address is empty")
	}
	if isURL(ref) {
		return nil, errors.New("it is a URL, and pictures are read only from files beside the source")
	}
	name, err := d.locate(ref)
	if err != nil && strings.Contains(ref, "%") {
		// "my%20chart.png" names "my chart.png" when no file has the
		// name as written.
		if un, uerr := url.PathUnescape(ref); uerr == nil && un != ref {
			if n2, err2 := d.locate(un); err2 == nil {
				name, err = n2, nil
			}
		}
	}
	if err != nil {
		return nil, err
	}
	data, err := d.readFile(name)
	if err != nil {
		return nil, err
	}
	return Decode(data)
}

// isURL reports whether ref has a URL scheme ("https:", "data:",
// "file:") or is a network-path reference ("//host/a.png").
func isURL(ref string) bool {
	if strings.HasPrefix(ref, "//") || strings.HasPrefix(ref, `\\`) {
		return true
	}
	i := strings.IndexByte(ref, ':')
	if i < 1 {
		return false
	}
	for j, c := range ref[:i] {
		letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		if !letter && (j == 0 || !('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return false
		}
	}
	return true
}

// locate returns the path of ref relative to the real (symbolic links
// resolved) Root, checking that it stays inside.
func (d Folder) locate(ref string) (string, error) {
	name := filepath.FromSlash(ref)
	if filepath.IsAbs(name) || strings.HasPrefix(ref, "/") {
		return "", errors.New("it is an absolute path; give pictures relative to the source file")
	}
	name = filepath.Clean(name)
	if outside(name) {
		return "", errors.New("it is outside the source file's folder")
	}
	root, err := filepath.EvalSymlinks(d.Root)
	if err != nil {
		return "", fmt.Errorf("the source file's folder cannot be read (%s)", pathErr(err))
	}
	real, err := filepath.EvalSymlinks(filepath.Join(root, name))
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", errors.New("no such file")
		}
		return "", fmt.Errorf("it cannot be read (%s)", pathErr(err))
	}
	rel, err := filepath.Rel(root, real)
	if err != nil || outside(rel) {
		return "", errors.New("a symbolic link leads outside the source file's folder")
	}
	return rel, nil
}

// outside reports whether a clean relative path climbs out of its root.
func outside(rel string) bool {
	return rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// readFile reads the regular file at rel under Root, at most MaxFileSize
// bytes. It opens the file through an os.Root, so that a folder swapped for
// a symbolic link after locate checked the path still cannot lead out.
func (d Folder) readFile(rel string) ([]byte, error) {
	root, err := filepath.EvalSymlinks(d.Root)
	if err != nil {
		return nil, fmt.Errorf("the source file's folder cannot be read (%s)", pathErr(err))
	}
	r, err := os.OpenRoot(root)
	if err != nil {
		return nil, fmt.Errorf("the source file's folder cannot be read (%s)", pathErr(err))
	}
	defer r.Close()
	f, err := r.Open(rel)
	if err != nil {
		return nil, fmt.Errorf("it cannot be opened (%s)", pathErr(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("it cannot be read (%s)", pathErr(err))
	}
	if !fi.Mode().IsRegular() {
		return nil, errors.New("it is not a regular file")
	}
	if fi.Size() > MaxFileSize {
		return nil, fmt.Errorf("the file has %s, more than the limit of %s", sizeText(fi.Size()), sizeText(MaxFileSize))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("it cannot be read (%s)", pathErr(err))
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("the file has more than the limit of %s", sizeText(MaxFileSize))
	}
	return data, nil
}

// pathErr returns the reason of a file system error without the path,
// which the warning already names.
func pathErr(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err.Error()
	}
	return err.Error()
}
