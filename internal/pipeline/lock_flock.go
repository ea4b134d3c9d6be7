//go:build linux || darwin || dragonfly || freebsd || netbsd || openbsd || illumos

package pipeline

import (
	"os"
	"syscall"
)

// lockDir takes an exclusive advisory lock (flock) on the folder dir, which
// other briefbook processes renaming outputs into the same folder take too,
// and returns the function that releases it. Locking the folder itself
// leaves no lock file behind. Only a folder that cannot be opened is an
// error; where the file system refuses flock, no lock is taken.
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
		// A file system without flock (some network ones): build
		// unlocked rather than not at all.
		f.Close()
		return func() {}, nil
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
