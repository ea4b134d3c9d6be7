package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// indirectAnnots rewrites a PDF as fpdf v0.9.0 writes it so that every
// annotation dictionary written inline in a page's /Annots array becomes
// an indirect object of its own (see finishFile, which does it for every
// file briefbook writes, with the tagging).
func indirectAnnots(src []byte) ([]byte, error) { return finishFile(src, nil, nil) }

var sizeKey = regexp.MustCompile(`/Size \d+`)

// xrefTable is what indirectAnnots needs of a file's cross-reference
// table and trailer.
type xrefTable struct {
	size    int      // /Size: the highest object number + 1
	objs    []objPos // objects in use, by offset
	free    []int    // free object numbers other than 0
	xrefOff int      // byte offset of "xref"
	trailer []byte   // the trailer dictionary, "<< … >>"
}

type objPos struct{ num, off int }

// readXref reads the classic cross-reference table (one subsection from
// object 0) that fpdf writes at the end of the file.
func readXref(src []byte) (*xrefTable, error) {
	i := bytes.LastIndex(src, []byte("startxref"))
	if i < 0 {
		return nil, fmt.Errorf("no startxref")
	}
	f := bytes.Fields(src[i+len("startxref"):])
	if len(f) == 0 {
		return nil, fmt.Errorf("no offset after startxref")
	}
	xoff, err := strconv.Atoi(string(f[0]))
	if err != nil || xoff < 0 || xoff >= i || !bytes.HasPrefix(src[xoff:], []byte("xref")) {
		return nil, fmt.Errorf("startxref %q does not point at a cross-reference table", f[0])
	}
	ti := bytes.Index(src[xoff:i], []byte("trailer"))
	if ti < 0 {
		return nil, fmt.Errorf("no trailer")
	}
	t := xoff + ti
	lines := bytes.Split(bytes.TrimSpace(src[xoff+len("xref"):t]), []byte("\n"))
	if len(lines) < 1 {
		return nil, fmt.Errorf("empty cross-reference table")
	}
	head := bytes.Fields(lines[0])
	if len(head) != 2 || string(head[0]) != "0" {
		return nil, fmt.Errorf("cross-reference subsection %q: want one starting at 0", lines[0])
	}
	n, err := strconv.Atoi(string(head[1]))
	if err != nil || n != len(lines)-1 || n < 2 {
		return nil, fmt.Errorf("cross-reference table: %d entries for %q", len(lines)-1, lines[0])
	}
	x := &xrefTable{size: n, xrefOff: xoff, trailer: bytes.TrimSpace(src[t+len("trailer") : i])}
	for num := 1; num < n; num++ {
		e := bytes.Fields(lines[num+1])
		if len(e) != 3 {
			return nil, fmt.Errorf("cross-reference entry %d: %q", num, lines[num+1])
		}
		if string(e[2]) == "f" {
			x.free = append(x.free, num)
			continue
		}
		off, err := strconv.Atoi(string(e[0]))
		if err != nil || off <= 0 || off >= xoff {
			return nil, fmt.Errorf("cross-reference entry %d: bad offset %q", num, e[0])
		}
		want := strconv.Itoa(num) + " 0 obj"
		if !bytes.HasPrefix(src[off:], []byte(want)) {
			return nil, fmt.Errorf("object %d is not at byte %d", num, off)
		}
		x.objs = append(x.objs, objPos{num, off})
	}
	if len(x.objs) == 0 {
		return nil, fmt.Errorf("no objects")
	}
	sort.Slice(x.objs, func(a, b int) bool { return x.objs[a].off < x.objs[b].off })
	if !sizeKey.Match(x.trailer) {
		return nil, fmt.Errorf("trailer has no /Size")
	}
	return x, nil
}

// annotItem is one element of an /Annots array: an inline dictionary or a
// reference that is kept.
type annotItem struct {
	dict []byte // "<< … >>"
	ref  []byte // "N G R"
}

// inlineAnnots finds the /Annots array of a page object and returns its
// byte range [start, stop) (from '[' to after ']') and its elements; no
// elements when obj is not a page with inline annotation dictionaries.
func inlineAnnots(obj []byte) (start, stop int, items []annotItem, err error) {
	// The object header is "N 0 obj\n"; page dictionaries begin so.
	nl := bytes.IndexByte(obj, '\n')
	if nl < 0 || !bytes.HasPrefix(obj[nl+1:], []byte("<</Type /Page\n")) {
		return 0, 0, nil, nil
	}
	k := bytes.Index(obj, []byte("/Annots ["))
	if k < 0 {
		return 0, 0, nil, nil
	}
	start = k + len("/Annots ")
	p := start + 1
	inline := false
	for {
		for p < len(obj) && isPDFSpace(obj[p]) {
			p++
		}
		if p >= len(obj) {
			return 0, 0, nil, fmt.Errorf("/Annots array not closed")
		}
		switch {
		case obj[p] == ']':
			if !inline {
				return 0, 0, nil, nil
			}
			return start, p + 1, items, nil
		case bytes.HasPrefix(obj[p:], []byte("<<")):
			e, err := skipDict(obj, p)
			if err != nil {
				return 0, 0, nil, err
			}
			items = append(items, annotItem{dict: obj[p:e]})
			inline = true
			p = e
		case obj[p] >= '0' && obj[p] <= '9':
			m := refAt.Find(obj[p:])
			if m == nil {
				return 0, 0, nil, fmt.Errorf("unexpected %q in /Annots", clip(obj[p:]))
			}
			items = append(items, annotItem{ref: m})
			p += len(m)
		default:
			return 0, 0, nil, fmt.Errorf("unexpected %q in /Annots", clip(obj[p:]))
		}
	}
}

var refAt = regexp.MustCompile(`^\d+\s+\d+\s+R`)

func clip(b []byte) []byte { return b[:min(len(b), 20)] }

func isPDFSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

// skipDict returns the offset after the dictionary that begins at b[p]
// ("<<"), skipping nested dictionaries, literal strings (with escapes and
// balanced parentheses) and hex strings.
func skipDict(b []byte, p int) (int, error) {
	depth := 0
	for p < len(b) {
		switch c := b[p]; {
		case c == '<' && p+1 < len(b) && b[p+1] == '<':
			depth++
			p += 2
		case c == '>' && p+1 < len(b) && b[p+1] == '>':
			depth--
			p += 2
			if depth == 0 {
				return p, nil
			}
		case c == '<': // hex string
			e := bytes.IndexByte(b[p:], '>')
			if e < 0 {
				return 0, fmt.Errorf("hex string not closed")
			}
			p += e + 1
		case c == '(':
			e, err := skipString(b, p)
			if err != nil {
				return 0, err
			}
			p = e
		default:
			p++
		}
	}
	return 0, fmt.Errorf("dictionary not closed")
}

// skipString returns the offset after the literal string that begins at
// b[p] ("("): escaped characters are skipped, unescaped parentheses nest.
func skipString(b []byte, p int) (int, error) {
	nest := 0
	for ; p < len(b); p++ {
		switch b[p] {
		case '\\':
			p++
		case '(':
			nest++
		case ')':
			nest--
			if nest == 0 {
				return p + 1, nil
			}
		}
	}
	return 0, fmt.Errorf("string not closed")
}
