//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd || illumos

package pipeline

import (
	"os"
	"syscall"
)

// lockDir takes an exclusive advisory lock (flock) on the folder dir, which
// other briefbook processes renaming outputs into the same folder take too,
// and returns the function that releases it. Locking the folder itself
// leaves no lock file behind.
func lockDir(dir string) (unlock func(), err error) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, err
	}
	for {
		err = syscall.Flock(int(f.Fd()), syscall.LOCK_EX)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
