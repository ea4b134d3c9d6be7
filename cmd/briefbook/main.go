// Command briefbook turns a source document (plain text or Markdown) into a
// print-ready PDF briefing, an EPUB 3 book and a JSON export.
//
// Usage:
//
//	briefbook build [flags] [PATH...]      build files or folders (default source/)
//	briefbook summarize [-n N] FILE        print the summary, one sentence a line
//	briefbook sections FILE                print section numbers, titles and ¶ ranges
//	briefbook facts [--json] FILE          print the fact tables
//
// Exit codes: 0 success, 1 an input could not be built, 2 usage error,
// 3 internal error, 130/143 interrupted by SIGINT/SIGTERM (temporary files
// removed, each document's outputs all old or all new).
package main

import (
	"os"
)

func main() {
	setMemoryLimit(os.Getenv)
	os.Exit(Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv))
}
