package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/briefbook/briefbook/internal/pipeline"
)

func runBuild(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) error {
	fs := newFlagSet("build", "[flags] [PATH...]", stdout)
	outDir := fs.String("o", "output", "output `folder`; or one file NAME.pdf, NAME.epub or NAME.json; or - for standard output (with --format)")
	jobs := fs.Int("j", runtime.GOMAXPROCS(0), "build up to `N` documents at once")
	quiet := fs.Bool("quiet", false, "print errors only")
	bf := addBuildFlags(fs, false)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *jobs < 1 {
		return &usageError{"-j must be at least 1"}
	}
	opts, others, err := bf.options(getenv, stderr)
	if err != nil {
		return err
	}
	target, formats, err := resolveOutput(*outDir, opts.Formats, flagSet(fs, "format"))
	if err != nil {
		return err
	}
	opts.Formats = formats
	opts.OutDir = *outDir
	if target == toFile {
		opts.OutDir, opts.OutFile = filepath.Dir(*outDir), *outDir
	}
	paths := pathArgs(fs)
	fromStdin := slices.Contains(paths, "-")
	if fromStdin && len(paths) > 1 {
		return &usageError{"- (standard input) must be the only input"}
	}
	if target == toStdout && len(formats) == 1 && formats[0].Name != "json" && isTerminal(stdout) {
		return &usageError{fmt.Sprintf("-o -: not writing %s to a terminal; redirect it (> out%s) or use -o FILE%s", formats[0].Name, formats[0].Ext, formats[0].Ext)}
	}
	if target == toStdout && !fromStdin {
		if len(paths) != 1 {
			return &usageError{"-o - takes one input file"}
		}
		if fi, err := os.Stat(paths[0]); err == nil && fi.IsDir() {
			return &usageError{"-o - takes one input file, not a folder"}
		}
	}
	if target == toStdout || fromStdin {
		src, err := readSource(paths[0], stdin, opts.Load.MaxSize)
		if err != nil {
			return err
		}
		if target == toStdout {
			return writeStdout(src, opts, stdout, stderr, *quiet)
		}
		opts.Temps = pipeline.NewTempFiles()
		stop := removeTempsOnSignal(opts.Temps, stderr, os.Exit)
		defer stop()
		b := &batch{opts: opts, files: []string{stdinName}, stdout: stdout, stderr: stderr, quiet: *quiet,
			build: func(string, pipeline.Options) (*pipeline.Result, error) { return pipeline.BuildSource(src, opts) }}
		return b.run(1)
	}
	files, ws, err := pipeline.SourceFiles(paths, os.Stat, os.ReadDir)
	if !*quiet {
		printWarnings(stderr, ws)
	}
	// A path that cannot be used is reported and skipped like an input
	// that fails to build; the others are built and the exit code is 1.
	skipped := pipeline.PathErrors(err)
	for _, e := range skipped {
		report(e, stderr)
	}
	if len(files) == 0 {
		return reported(exitInput)
	}
	if target == toFile && len(files)+len(skipped) != 1 {
		return &usageError{fmt.Sprintf("-o %s writes one file, but there are %d inputs (give a folder to -o)", *outDir, len(files)+len(skipped))}
	}
	if err := checkCollisions(files); err != nil {
		return err
	}
	if err := pipeline.CheckOutputs(files, others, opts); err != nil {
		return err
	}
	opts.Temps = pipeline.NewTempFiles()
	stop := removeTempsOnSignal(opts.Temps, stderr, os.Exit)
	defer stop()
	b := &batch{opts: opts, files: files, skipped: len(skipped), stdout: stdout, stderr: stderr, quiet: *quiet}
	if !*quiet && !*bf.verbose && isTerminal(stderr) && getenv("CI") == "" {
		b.bar = &progress{w: stderr, total: len(files)}
	}
	return b.run(*jobs)
}

// flagSet reports whether the flag name was given on the command line.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// maxStyleSize is the largest --style file read: 1 MiB.
const maxStyleSize = 1 << 20

// removeTempsOnSignal catches SIGINT and SIGTERM while documents are built:
// it removes every temporary file of the build (after a set of outputs
// being renamed into place, so each document's outputs stay all old or all
// new), says so, and exits with the conventional code, 128 + the signal's
// number (130 for SIGINT, 143 for SIGTERM). The returned function stops
// catching them.
func removeTempsOnSignal(temps *pipeline.TempFiles, stderr io.Writer, exit func(int)) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			removed := temps.Abort()
			fmt.Fprintf(stderr, "\nbriefbook: interrupted (%s); %d temporary files removed, outputs left as they were before each document's set was renamed into place\n", sig, len(removed))
			code := 130
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// batch builds several documents concurrently and reports each in input
// order, so that the output in a pipe does not depend on timing.
type batch struct {
	opts  pipeline.Options
	files []string
	// skipped counts the paths that could not be used (missing, …),
	// already reported: they count as failed documents.
	skipped        int
	stdout, stderr io.Writer
	quiet          bool
	bar            *progress
	// build builds one document; nil means pipeline.BuildFile.
	build func(string, pipeline.Options) (*pipeline.Result, error)
}

type outcome struct {
	res *pipeline.Result
	err error
}

func (b *batch) run(jobs int) error {
	start := time.Now()
	results := make([]chan outcome, len(b.files))
	for i := range results {
		results[i] = make(chan outcome, 1)
	}
	build := b.build
	if build == nil {
		build = pipeline.BuildFile
	}
	sem := make(chan struct{}, jobs)
	var wg sync.WaitGroup
	for i, f := range b.files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			res, err := build(f, b.opts)
			b.bar.step(filepath.Base(f))
			results[i] <- outcome{res, err}
		}()
	}
	failed, worst, warnings := b.skipped, exitOK, 0
	if b.skipped > 0 {
		worst = exitInput
	}
	for i, f := range b.files {
		o := <-results[i]
		b.bar.clear()
		if !b.quiet {
			printWarnings(b.stderr, o.res.Warnings)
		}
		warnings += len(o.res.Warnings)
		if o.err != nil {
			failed++
			worst = max(worst, report(o.err, b.stderr))
			continue
		}
		if !b.quiet {
			fmt.Fprintf(b.stdout, "%s → %s\n", safe(f), safe(strings.Join(o.res.Outputs, ", ")))
		}
	}
	wg.Wait()
	b.bar.clear()
	if total := len(b.files) + b.skipped; total > 1 && (!b.quiet || failed > 0) {
		fmt.Fprintf(b.stderr, "briefbook: built %d of %d documents, %d failed, %s (%.1fs)\n",
			total-failed, total, failed, countOf(warnings, "warning", "warnings"), time.Since(start).Seconds())
	}
	if failed > 0 {
		return reported(worst)
	}
	return nil
}

// progress draws a one-line progress bar on a terminal. A nil *progress
// draws nothing, which is what a pipe or CI gets.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	total int
	done  int
	shown bool
}

func (p *progress) step(name string) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	const width = 30
	n := width * p.done / p.total
	if r := []rune(name); len(r) > 40 {
		name = string(r[:37]) + "..."
	}
	name = safe(name)
	fmt.Fprintf(p.w, "\r\033[K[%s%s] %d/%d %s", strings.Repeat("#", n), strings.Repeat(".", width-n), p.done, p.total, name)
	p.shown = true
}

func (p *progress) clear() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
		p.shown = false
	}
}

// isTerminal reports whether w is a character device (a terminal).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func formatHelp() string {
	var parts []string
	for _, f := range pipeline.Formats() {
		parts = append(parts, f.Name+": "+f.Description)
	}
	return strings.Join(parts, "; ")
}

// checkCollisions refuses two inputs that would write the same outputs
// (notes.txt and notes.md, or Notes.txt and notes.md on a file system that
// ignores case).
func checkCollisions(files []string) error {
	seen := map[string]string{}
	for _, f := range files {
		b := filepath.Base(f)
		stem := strings.TrimSuffix(b, filepath.Ext(b))
		if prev, ok := seen[strings.ToLower(stem)]; ok {
			return &pipeline.InputError{Err: fmt.Errorf("%s: its outputs would overwrite those of %s (same name %q)", f, prev, stem)}
		}
		seen[strings.ToLower(stem)] = f
	}
	return nil
}

// countOf writes n with the noun in the number it needs: "1 warning",
// "3 warnings".
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}
