package parse

import (
	"github.com/briefbook/briefbook/internal/source"
)

// maxNesting is the deepest block quote / list nesting passed to goldmark.
// goldmark's cost grows with the square of the nesting depth of a line
// ("> > > …" 100 000 deep took 20 s), and no real document nests this deep.
const maxNesting = 32

// limitNesting escapes the container markers ("> ", "- ", "* ", "+ ", "1. ",
// "1) ") at the start of a line beyond maxNesting, so they read as literal
// text. It never adds or removes a line. It warns once, at the first line
// it changes.
func limitNesting(f *source.File, src []byte, w *source.Warnings) []byte {
	var out []byte // nil until the first change
	line, start := 1, 0
	for start <= len(src) {
		end := start
		for end < len(src) && src[end] != '\n' {
			end++
		}
		if cut := deepMarker(src[start:end]); cut >= 0 {
			if out == nil {
				out = append(make([]byte, 0, len(src)+1), src[:start]...)
				w.Add(posAt(f, line), "block quotes or lists nested more than %d deep: deeper markers kept as text", maxNesting)
			}
			out = append(out, src[start:start+cut]...)
			out = append(out, '\\')
			out = append(out, src[start+cut:end]...)
		} else if out != nil {
			out = append(out, src[start:end]...)
		}
		if end < len(src) && out != nil {
			out = append(out, '\n')
		}
		line++
		start = end + 1
	}
	if out == nil {
		return src
	}
	return out
}

// deepMarker returns the offset in l of the first container marker beyond
// maxNesting, or -1.
func deepMarker(l []byte) int {
	depth := 0
	for i := 0; i < len(l); {
		c := l[i]
		switch {
		case c == ' ' || c == '\t':
			i++
			continue
		case c == '>':
		case (c == '-' || c == '*' || c == '+') && i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t'):
		case c >= '0' && c <= '9':
			j := i
			for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
				j++
			}
			if j+1 >= len(l) || (l[j] != '.' && l[j] != ')') || (l[j+1] != ' ' && l[j+1] != '\t') {
				return -1
			}
			if depth == maxNesting {
				return i
			}
			depth++
			i = j + 1
			continue
		default:
			return -1
		}
		if depth == maxNesting {
			return i
		}
		depth++
		i++
	}
	return -1
}
