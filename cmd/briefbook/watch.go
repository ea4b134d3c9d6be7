package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/watch"
)

// runWatch builds the documents, then rebuilds each one when its file (or
// a file beside it: a picture) is saved, until SIGINT or SIGTERM. A failed
// build is reported and the watch goes on.
func runWatch(args []string, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlagSet("watch", "[flags] [PATH...]", stdout)
	bf := addBuildFlags(fs, true)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	opts, others, err := bf.options(getenv, stderr)
	if err != nil {
		return err
	}
	paths := pathArgs(fs)
	wr := &watchRun{paths: paths, others: others, opts: opts, stdout: stdout, stderr: stderr, quiet: *bf.quiet}
	files, err := wr.scan()
	if err != nil {
		return err
	}
	wr.opts.Temps = pipeline.NewTempFiles()
	// Ctrl-C removes the temporary files of a build under way; every
	// output renamed into place is complete.
	stop := removeTempsOnSignal(wr.opts.Temps, stderr, os.Exit)
	defer stop()
	w, err := watch.New(paths, watch.Options{Ignore: wr.isOutput})
	if err != nil {
		return &pipeline.InputError{Err: err}
	}
	defer w.Close()
	for _, f := range files {
		wr.build(f, "built")
	}
	fmt.Fprintf(stdout, "%s watching %s in %s (Ctrl-C to stop)\n", clock(), countOf(len(files), "document", "documents"), safe(strings.Join(w.Dirs(), ", ")))
	return w.Run(context.Background(), wr.changed, func(err error) {
		fmt.Fprintf(stderr, "%s briefbook: %s\n", clock(), safe(err.Error()))
	})
}

// watchRun is the state of a watch: the documents and their outputs.
type watchRun struct {
	paths, others  []string
	opts           pipeline.Options
	stdout, stderr io.Writer
	quiet          bool

	mu      sync.Mutex
	files   []string
	outputs map[string]bool // the outputs of files, cleaned
}

// scan lists the documents of the watched paths and refuses, as build
// does, two that would write the same outputs or outputs that overwrite an
// input.
func (wr *watchRun) scan() ([]string, error) {
	files, ws, err := pipeline.SourceFiles(wr.paths, os.Stat, os.ReadDir)
	if !wr.quiet {
		printWarnings(wr.stderr, ws)
	}
	if err != nil {
		return nil, err
	}
	if err := checkCollisions(files); err != nil {
		return nil, err
	}
	if err := pipeline.CheckOutputs(files, wr.others, wr.opts); err != nil {
		return nil, err
	}
	outs := map[string]bool{}
	for _, f := range files {
		for _, o := range pipeline.OutputPaths(f, wr.opts) {
			outs[absPath(o)] = true
		}
	}
	wr.mu.Lock()
	wr.files, wr.outputs = files, outs
	wr.mu.Unlock()
	return files, nil
}

// isOutput reports whether path is one of the outputs the watch writes,
// whose changes must not start another build.
func (wr *watchRun) isOutput(path string) bool {
	wr.mu.Lock()
	defer wr.mu.Unlock()
	return wr.outputs[absPath(path)]
}

// changed rebuilds the documents a burst of changes concerns; a source
// added to a watched folder is built, one removed is dropped.
func (wr *watchRun) changed(paths []string) {
	wr.mu.Lock()
	files := wr.files
	wr.mu.Unlock()
	hit, rescan := watch.Affected(files, paths, pipeline.IsSourceName)
	if rescan {
		now, err := wr.scan()
		if err != nil {
			fmt.Fprintf(wr.stderr, "%s briefbook: %s\n", clock(), safe(oneLine(err.Error())))
		} else {
			for _, f := range now {
				if !slices.Contains(files, f) && !slices.Contains(hit, f) {
					hit = append(hit, f)
				}
			}
			for _, f := range files {
				if !slices.Contains(now, f) {
					fmt.Fprintf(wr.stdout, "%s %s: gone, no longer watched\n", clock(), safe(f))
				}
			}
		}
	}
	for _, f := range hit {
		if _, err := os.Stat(f); err != nil {
			// Between an editor's rename of the old file and the new
			// file's arrival: give it a moment.
			time.Sleep(150 * time.Millisecond)
		}
		wr.build(f, "rebuilt")
	}
}

// build builds one document and prints one line: its outputs, the time it
// took and its warnings (listed before it on stderr), or its error.
func (wr *watchRun) build(f, verb string) {
	start := time.Now()
	res, err := pipeline.BuildFile(f, wr.opts)
	if !wr.quiet {
		printWarnings(wr.stderr, res.Warnings)
	}
	if err != nil {
		fmt.Fprintf(wr.stderr, "%s briefbook: %s\n", clock(), safe(oneLine(err.Error())))
		return
	}
	if wr.quiet {
		return
	}
	fmt.Fprintf(wr.stdout, "%s %s %s → %s (%s, %s)\n", clock(), verb, safe(f), safe(strings.Join(res.Outputs, ", ")),
		fmtDuration(time.Since(start)), countOf(len(res.Warnings), "warning", "warnings"))
}

// clock is the time of day that starts each line of a watch.
func clock() string { return time.Now().Format("15:04:05") }

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return filepath.Clean(p)
}
