package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/briefbook/briefbook/internal/pipeline"
	"github.com/briefbook/briefbook/internal/source"
)

// Exit codes.
const (
	exitOK       = 0
	exitInput    = 1
	exitUsage    = 2
	exitInternal = 3
)

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

const usage = `briefbook turns a text or Markdown document into a PDF briefing, an EPUB 3 book and a JSON export.

Usage:
  briefbook build [flags] [PATH...]     build files or folders (default: source/; - reads stdin)
  briefbook PATH...                     the same as build PATH...
  briefbook watch [flags] [PATH...]     build, then rebuild each document when it is saved
  briefbook serve [--addr A] [PATH...]  preview, check and download the briefings in a browser
  briefbook summarize [-n N] FILE       print the summary, one sentence a line
  briefbook sections FILE               print section numbers, titles and ¶ ranges
  briefbook facts [--json] FILE         print the fact tables
  briefbook version                     the version of this program
  briefbook help                        this text

Run 'briefbook COMMAND --help' for the flags of a command.
Exit codes: 0 success, 1 an input could not be built, 2 usage error, 3 internal error,
130/143 interrupted by SIGINT/SIGTERM.
`

// Run runs briefbook with args (without the program name) and returns the
// exit code. stdin is read by 'build -'; getenv reads the environment
// (SOURCE_DATE_EPOCH).
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	var err error
	switch cmd, rest := args[0], args[1:]; cmd {
	case "build":
		err = runBuild(rest, stdin, stdout, stderr, getenv)
	case "watch":
		err = runWatch(rest, stdout, stderr, getenv)
	case "serve":
		err = runServe(rest, stdout, stderr, getenv)
	case "summarize":
		err = runSummarize(rest, stdout, stderr)
	case "sections":
		err = runSections(rest, stdout, stderr)
	case "facts":
		err = runFacts(rest, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, version())
		return exitOK
	default:
		// "briefbook report.md", as with pandoc: a first argument that is
		// a file or folder (or flags before one) means build.
		if looksLikePath(cmd) {
			err = runBuild(args, stdin, stdout, stderr, getenv)
			break
		}
		err = &usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
	return report(err, stderr)
}

// report prints err as one line and maps it to an exit code. It is the one
// place where exit codes are decided.
func report(err error, stderr io.Writer) int {
	if err == nil {
		return exitOK
	}
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	var ue *usageError
	var rep reported
	var ie *pipeline.InternalError
	switch {
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "briefbook: %s\nRun 'briefbook help' for usage.\n", safe(ue.msg))
		return exitUsage
	case errors.As(err, &rep):
		return int(rep)
	case errors.As(err, &ie):
		fmt.Fprintf(stderr, "briefbook: %s\n", safe(err.Error()))
		return exitInternal
	case pipeline.IsInputError(err):
		fmt.Fprintf(stderr, "briefbook: %s\n", safe(oneLine(err.Error())))
		return exitInput
	default:
		fmt.Fprintf(stderr, "briefbook: %s\n", safe(err.Error()))
		return exitInternal
	}
}

// reported is an error whose message was already printed; its value is
// the exit code.
type reported int

func (r reported) Error() string { return fmt.Sprintf("exit %d", int(r)) }

// oneLine keeps the first line of a message.
func oneLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// newFlagSet makes a command's flag set. Its help (-h, --help) is output
// the user asked for, so it goes to stdout; a flag error is one line on
// stderr, printed by report, not the flag package's message and the whole
// usage twice.
func newFlagSet(name, synopsis string, stdout io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	out := safeWriter{stdout}
	fs.SetOutput(out)
	fs.Usage = func() {
		fmt.Fprintf(out, "Usage: briefbook %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors that name
// the command; -h and --help print the command's usage and return
// flag.ErrHelp.
func parseFlags(fs *flag.FlagSet, args []string) error {
	usage, output := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	// Flags may follow the paths ("summarize report.md -n 2", "build
	// report.md -o out"), as in most command-line tools: parse, set the
	// first path aside, parse the rest, until only paths are left. After
	// "--" everything is a path.
	var paths []string
	var err error
	for {
		if err = fs.Parse(args); err != nil {
			break
		}
		rest := fs.Args()
		if len(rest) == 0 {
			break
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			paths = append(paths, rest...)
			break
		}
		paths = append(paths, rest[0])
		args = rest[1:]
	}
	fs.Usage = usage
	fs.SetOutput(output)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			usage()
			return err
		}
		return &usageError{fmt.Sprintf("%s: %s", fs.Name(), flagMessage(fs, err))}
	}
	// fs.Args must give the paths: parse them again, after "--".
	return fs.Parse(append([]string{"--"}, paths...))
}

func printWarnings(stderr io.Writer, ws []source.Warning) {
	for _, w := range ws {
		fmt.Fprintln(stderr, safe(w.String()))
	}
}

// maxSizeFlag adds --max-input-size to fs.
func maxSizeFlag(fs *flag.FlagSet) *string {
	return fs.String("max-input-size", "64M", "largest source file read: `size` in bytes or with K, M, G (64M, 1G)")
}

// parseMaxSize validates a --max-input-size value; a bad one is a usage
// error.
func parseMaxSize(s string) (int64, error) {
	n, err := source.ParseSize(s)
	if err != nil {
		return 0, &usageError{"--max-input-size: " + err.Error()}
	}
	return n, nil
}

// looksLikePath reports whether a first argument names an input rather
// than a mistyped command: it exists, or it has a path separator or an
// extension of a source the readers know.
func looksLikePath(arg string) bool {
	if arg == "-" {
		return true // standard input: briefbook - < report.md
	}
	if strings.HasPrefix(arg, "-") {
		return false
	}
	if _, err := os.Stat(arg); err == nil {
		return true
	}
	if strings.ContainsRune(arg, '/') {
		return true
	}
	switch strings.ToLower(filepath.Ext(arg)) {
	case ".md", ".markdown", ".txt", ".text":
		return true
	}
	return false
}
