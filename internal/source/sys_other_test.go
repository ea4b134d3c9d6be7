//go:build !unix

package source

import "errors"

// mkfifo makes a named pipe at path; this system has none.
func mkfifo(path string) error { return errors.New("no named pipes") }
