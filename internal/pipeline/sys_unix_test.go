//go:build unix

package pipeline

import "syscall"

// mkfifo makes a named pipe at path.
func mkfifo(path string) error { return syscall.Mkfifo(path, 0o644) }

// setUmask sets the process's umask and returns the previous one.
func setUmask(m int) (old int, ok bool) { return syscall.Umask(m), true }
