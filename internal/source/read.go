package source

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// DefaultMaxSize is the largest input file read when no other limit is
// given: 64 MiB. It stays well above the longest line briefbook must handle
// (50 MB).
const DefaultMaxSize int64 = 64 << 20

// ErrTooLarge reports an input file above the size limit.
var ErrTooLarge = errors.New("file too large")

// ErrNotRegular reports an input that is not a regular file (a FIFO, a
// device, a socket or a folder).
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads the regular file at path, refusing anything else and any
// file larger than max bytes (max <= 0 means DefaultMaxSize). The path is
// checked with os.Stat before it is opened, so a FIFO or a device is refused
// without blocking on it or reading it; the opened file is checked again,
// and at most max+1 bytes are read, so a file replaced or growing meanwhile
// is caught too. Errors read "path: cannot read: …" and wrap ErrNotRegular
// or ErrTooLarge where they apply.
func ReadFile(path string, max int64) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxSize
	}
	fi, err := os.Stat(path)
	if err != nil {
		return nil, readError(path, err)
	}
	if err := checkInfo(path, fi, max); err != nil {
		return nil, err
	}
	// O_NONBLOCK: should path have become a FIFO since the Stat, opening
	// it must not wait for a writer; the Stat of the open file refuses it.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, readError(path, err)
	}
	defer f.Close()
	fi, err = f.Stat()
	if err != nil {
		return nil, readError(path, err)
	}
	if err := checkInfo(path, fi, max); err != nil {
		return nil, err
	}
	data := make([]byte, 0, fi.Size()+1)
	for {
		n, err := f.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if int64(len(data)) > max {
			return nil, tooLarge(path, int64(len(data)), max, true)
		}
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return nil, readError(path, err)
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// checkInfo refuses a non-regular file and a file above max bytes.
func checkInfo(path string, fi fs.FileInfo, max int64) error {
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s: cannot read: %w (%s)", path, ErrNotRegular, kindOf(fi.Mode()))
	}
	if fi.Size() > max {
		return tooLarge(path, fi.Size(), max, false)
	}
	return nil
}

func tooLarge(path string, size, max int64, grew bool) error {
	what := "is " + FormatSize(size)
	if FormatSize(size) == FormatSize(max) {
		what = "is " + strconv.FormatInt(size, 10) + " bytes"
	}
	if grew {
		what = "grew past " + FormatSize(max) + " while being read"
	}
	return fmt.Errorf("%s: cannot read: %w: it %s, the limit is %s (raise it with --max-input-size)", path, ErrTooLarge, what, FormatSize(max))
}

// kindOf names the type of a non-regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func readError(path string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: cannot read: %w", path, err)
}

// ParseSize reads a size such as "64M", "1G", "512KiB", "2MB" or "1048576"
// (bytes). Suffixes K, M, G and T are binary multiples (1K = 1024 bytes);
// "B", "iB" after them are accepted.
func ParseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	u := strings.ToUpper(t)
	u = strings.TrimSuffix(u, "B")
	u = strings.TrimSuffix(u, "I")
	shift := 0
	if n := len(u); n > 0 {
		switch u[n-1] {
		case 'K':
			shift = 10
		case 'M':
			shift = 20
		case 'G':
			shift = 30
		case 'T':
			shift = 40
		}
		if shift > 0 {
			u = u[:n-1]
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(u), 10, 64)
	if err != nil || n <= 0 || u == "" || u[0] == '+' {
		return 0, fmt.Errorf("size %q: want a positive number of bytes, or one with K, M, G or T (64M, 1G)", s)
	}
	if n > (1<<62)>>shift {
		return 0, fmt.Errorf("size %q: too large", s)
	}
	return n << shift, nil
}

// FormatSize writes a byte count the way ParseSize reads it back: "64 MiB",
// "1.5 GiB", "700 bytes".
func FormatSize(n int64) string {
	const unit = 1024
	if n < unit {
		return strconv.FormatInt(n, 10) + " bytes"
	}
	units := []string{"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"}
	v, i := float64(n)/unit, 0
	for v >= unit && i < len(units)-1 {
		v /= unit
		i++
	}
	s := strconv.FormatFloat(v, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return s + " " + units[i]
}
