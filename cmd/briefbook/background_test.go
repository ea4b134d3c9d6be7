package main

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// background is the built binary running while a test talks to it (watch,
// serve): its output lines as they come.
type background struct {
	cmd    *exec.Cmd
	mu     sync.Mutex
	lines  []string // stdout and stderr lines, "out: " or "err: " first
	notify chan struct{}
	done   chan struct{}
	err    error
}

// start runs the binary with args in dir; the test's cleanup interrupts it
// if it still runs.
func start(t *testing.T, dir string, args ...string) *background {
	t.Helper()
	cmd := exec.Command(binPath, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "CI=1")
	so, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	se, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	b := &background{cmd: cmd, notify: make(chan struct{}, 1), done: make(chan struct{})}
	var wg sync.WaitGroup
	for _, p := range []struct {
		r      io.Reader
		prefix string
	}{{so, "out: "}, {se, "err: "}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := bufio.NewScanner(p.r)
			for sc.Scan() {
				b.mu.Lock()
				b.lines = append(b.lines, p.prefix+sc.Text())
				b.mu.Unlock()
				select {
				case b.notify <- struct{}{}:
				default:
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		b.err = cmd.Wait()
		close(b.done)
	}()
	t.Cleanup(func() {
		select {
		case <-b.done:
		default:
			cmd.Process.Signal(syscall.SIGINT)
			select {
			case <-b.done:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				<-b.done
			}
		}
		if t.Failed() {
			t.Logf("output of briefbook %v:\n%s", args, strings.Join(b.output(), "\n"))
		}
	})
	return b
}

func (b *background) output() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return append([]string(nil), b.lines...)
}

// waitLine waits until a line after the first `from` lines holds all of
// parts, and returns its index; it fails the test after d.
func (b *background) waitLine(t *testing.T, from int, d time.Duration, parts ...string) int {
	t.Helper()
	deadline := time.After(d)
	for {
		lines := b.output()
		for i := from; i < len(lines); i++ {
			ok := true
			for _, p := range parts {
				ok = ok && strings.Contains(lines[i], p)
			}
			if ok {
				return i
			}
		}
		select {
		case <-b.notify:
		case <-b.done:
			lines := b.output()
			t.Fatalf("briefbook exited (%v) without a line holding %q:\n%s", b.err, parts, strings.Join(lines, "\n"))
		case <-deadline:
			t.Fatalf("no line holding %q after %v:\n%s", parts, d, strings.Join(b.output(), "\n"))
		case <-time.After(100 * time.Millisecond):
		}
	}
}
