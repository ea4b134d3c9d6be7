package watch

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// wait is how long a test waits for a report: generous, for a loaded
// machine.
const wait = 10 * time.Second

// start watches paths and returns the channel of reports.
func start(t *testing.T, paths []string, opt Options) <-chan []string {
	t.Helper()
	w, err := New(paths, opt)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan []string, 16)
	done := make(chan struct{})
	go func() {
		defer close(done)
		w.Run(ctx, func(p []string) { ch <- p }, func(err error) { t.Log(err) })
	}()
	t.Cleanup(func() {
		cancel()
		<-done
		w.Close()
	})
	return ch
}

func next(t *testing.T, ch <-chan []string) []string {
	t.Helper()
	select {
	case p := <-ch:
		return p
	case <-time.After(wait):
		t.Fatal("no change reported")
		return nil
	}
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestSaves checks that each way an editor saves is reported once, with
// the source's path: a write in place, a rename of a new file over it (VS
// Code, vim with backupcopy=no), and a remove then create.
func TestSaves(t *testing.T) {
	dir := t.TempDir()
	doc := filepath.Join(dir, "doc.md")
	write(t, doc, "# One\n\nText.\n")
	saves := []struct {
		name string
		save func()
	}{
		{"write in place", func() { write(t, doc, "# Two\n\nText.\n") }},
		{"rename over", func() {
			tmp := filepath.Join(dir, ".doc.md.swp-new")
			write(t, tmp, "# Three\n\nText.\n")
			if err := os.Rename(tmp, doc); err != nil {
				t.Fatal(err)
			}
		}},
		{"backup, then new file", func() {
			if err := os.Rename(doc, doc+"~"); err != nil {
				t.Fatal(err)
			}
			write(t, filepath.Join(dir, "4913"), "")
			os.Remove(filepath.Join(dir, "4913"))
			write(t, doc, "# Four\n\nText.\n")
			os.Remove(doc + "~")
		}},
	}
	ch := start(t, []string{doc}, Options{})
	for _, s := range saves {
		t.Run(s.name, func(t *testing.T) {
			s.save()
			got := next(t, ch)
			if want := []string{doc}; !reflect.DeepEqual(got, want) {
				t.Errorf("reported %q, want %q", got, want)
			}
			select {
			case extra := <-ch:
				t.Errorf("second report %q for one save", extra)
			case <-time.After(300 * time.Millisecond):
			}
		})
	}
}

// TestBurstDebounced checks that many writes in a row give one report
// holding every file, and that ignored files are left out.
func TestBurstDebounced(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	out := filepath.Join(dir, "a.pdf")
	ch := start(t, []string{dir}, Options{Quiet: 150 * time.Millisecond, MaxDelay: 5 * time.Second,
		Ignore: func(p string) bool { return p == out }})
	for i := range 5 {
		write(t, a, strings.Repeat("x", i+1))
		write(t, out, "%PDF")
		time.Sleep(10 * time.Millisecond)
	}
	write(t, b, "b")
	got := next(t, ch)
	if want := []string{a, b}; !reflect.DeepEqual(got, want) {
		t.Errorf("reported %q, want %q", got, want)
	}
}

// TestMaxDelay checks that a burst that never pauses is still reported.
func TestMaxDelay(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	ch := start(t, []string{dir}, Options{Quiet: time.Second, MaxDelay: 1500 * time.Millisecond})
	stop := time.Now().Add(wait)
	for time.Now().Before(stop) {
		write(t, a, time.Now().String())
		select {
		case got := <-ch:
			if !slices.Equal(got, []string{a}) {
				t.Errorf("reported %q", got)
			}
			return
		case <-time.After(100 * time.Millisecond):
		}
	}
	t.Fatal("a burst without pause was never reported")
}

func TestNewBadFolder(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "gone", "doc.md")
	_, err := New([]string{missing}, Options{})
	if err == nil || !strings.Contains(err.Error(), filepath.Dir(missing)) {
		t.Errorf("error %v does not name the folder", err)
	}
}

func TestNoise(t *testing.T) {
	for _, c := range []struct {
		path  string
		noise bool
	}{
		{"dir/doc.md", false},
		{"dir/figure.png", false},
		{"dir/.doc.md.swp", true},
		{"dir/doc.md~", true},
		{"dir/4913", true},
		{"dir/.doc.pdf.123.456.briefbook-tmp", true},
		{"dir/#doc.md#", true},
		{"dir/doc.md.swp", true},
	} {
		if got := Noise(c.path); got != c.noise {
			t.Errorf("Noise(%q) = %v, want %v", c.path, got, c.noise)
		}
	}
}

func TestAffected(t *testing.T) {
	isSource := func(name string) bool { return strings.HasSuffix(name, ".md") || strings.HasSuffix(name, ".txt") }
	docs := []string{"a/one.md", "a/two.txt", "b/three.md"}
	for _, c := range []struct {
		changed []string
		want    []string
		rescan  bool
	}{
		{[]string{"a/one.md"}, []string{"a/one.md"}, false},
		{[]string{"./a/../a/two.txt"}, []string{"a/two.txt"}, false},
		{[]string{"a/figure.png"}, []string{"a/one.md", "a/two.txt"}, false},
		{[]string{"b/new.md"}, nil, true},
		{[]string{"b/three.md", "a/new.txt", "b/pic.jpg"}, []string{"b/three.md"}, true},
		{[]string{"c/other.png"}, nil, false},
	} {
		got, rescan := Affected(docs, c.changed, isSource)
		if !reflect.DeepEqual(got, c.want) || rescan != c.rescan {
			t.Errorf("Affected(%q) = %q, %v; want %q, %v", c.changed, got, rescan, c.want, c.rescan)
		}
	}
}
