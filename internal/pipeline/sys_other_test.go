//go:build !unix

package pipeline

import "errors"

// mkfifo makes a named pipe at path; this system has none.
func mkfifo(path string) error { return errors.New("no named pipes") }

// setUmask does nothing: this system has no umask.
func setUmask(m int) (old int, ok bool) { return 0, false }
