//go:build ignore

// Command main reproduces goldmark's quadratic emphasis delimiter
// processing: a paragraph of "*a_ " repeated n times takes time that grows
// with n². Run it from the briefbook module root (it uses the module's
// goldmark version):
//
//	go run ./internal/parse/testdata/goldmark-emphasis/main.go
//
// Each closer-only "_" run scans back over every "*" opener before it in
// ProcessDelimiters (parser/delimiter.go), finds none it can close, and is
// removed; the openers stay, so the next closer scans them again.
package main

import (
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

func main() {
	md := goldmark.New(goldmark.WithExtensions(extension.Strikethrough))
	units := []string{"*a_ ", "_a* ", "**a__ ", "*a~~ ", "_x |*a_ ", "*a ", "~~a "}
	if len(os.Args) > 1 {
		units = os.Args[1:]
	}
	for _, unit := range units {
		fmt.Printf("%-10q", unit)
		for _, n := range []int{10_000, 20_000, 40_000} {
			// "head|rest": head once, then rest n times.
			head, rep, found := strings.Cut(unit, "|")
			if !found {
				head, rep = "", unit
			}
			src := []byte(head + strings.Repeat(rep, n))
			start := time.Now()
			md.Parser().Parse(text.NewReader(src))
			fmt.Printf("  n=%d: %6.2fs", n, time.Since(start).Seconds())
		}
		fmt.Println()
	}
}
