package pdfcheck

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The structure text is read here rather than by pdfinfo -struct-text,
// whose time grows with the product of elements and page content (War and
// Peace: more than ten minutes): the text shown in each marked-content
// sequence is decoded through the ToUnicode map of its font, as a reader
// extracting text does, and the tree is walked once.

// cmap is a ToUnicode map: codes of n bytes to text.
type cmap struct {
	n      int
	single map[uint32]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi uint32
	dst    []uint16 // UTF-16 of the text of lo; later codes add to its last unit
	arr    []string // or one text per code
}

// parseCMap reads the code space and the bfchar and bfrange sections of a
// ToUnicode CMap.
func parseCMap(b []byte) *cmap {
	c := &cmap{n: 2, single: map[uint32]string{}}
	toks := tokens(b)
	hexOf := func(t token) ([]byte, bool) {
		if len(t.text) < 2 || t.text[0] != '<' || t.text[1] == '<' {
			return nil, false
		}
		h, err := hexBytes(string(bytes.TrimSuffix(t.text[1:], []byte(">"))))
		return h, err == nil
	}
	code := func(h []byte) uint32 {
		var v uint32
		for _, x := range h {
			v = v<<8 | uint32(x)
		}
		return v
	}
	utf := func(h []byte) []uint16 {
		u := make([]uint16, 0, len(h)/2)
		for i := 0; i+1 < len(h); i += 2 {
			u = append(u, uint16(h[i])<<8|uint16(h[i+1]))
		}
		return u
	}
	for i := 0; i < len(toks); i++ {
		switch string(toks[i].text) {
		case "begincodespacerange":
			if i+1 < len(toks) {
				if h, ok := hexOf(toks[i+1]); ok && len(h) > 0 {
					c.n = len(h)
				}
			}
		case "beginbfchar":
			for i++; i+1 < len(toks) && string(toks[i].text) != "endbfchar"; i += 2 {
				s, ok1 := hexOf(toks[i])
				d, ok2 := hexOf(toks[i+1])
				if ok1 && ok2 {
					c.single[code(s)] = string(utf16.Decode(utf(d)))
				}
			}
		case "beginbfrange":
			for i++; i+2 < len(toks) && string(toks[i].text) != "endbfrange"; {
				lo, ok1 := hexOf(toks[i])
				hi, ok2 := hexOf(toks[i+1])
				if !ok1 || !ok2 {
					i++
					continue
				}
				r := cmapRange{lo: code(lo), hi: code(hi)}
				if string(toks[i+2].text) == "[" {
					j := i + 3
					for ; j < len(toks) && string(toks[j].text) != "]"; j++ {
						if d, ok := hexOf(toks[j]); ok {
							r.arr = append(r.arr, string(utf16.Decode(utf(d))))
						}
					}
					i = j + 1
				} else {
					d, _ := hexOf(toks[i+2])
					r.dst = utf(d)
					i += 3
				}
				c.ranges = append(c.ranges, r)
			}
		}
	}
	return c
}

// decode maps the bytes of a string operand to text.
func (c *cmap) decode(b []byte) string {
	var out strings.Builder
	for i := 0; i+c.n <= len(b); i += c.n {
		var v uint32
		for _, x := range b[i : i+c.n] {
			v = v<<8 | uint32(x)
		}
		if s, ok := c.single[v]; ok {
			out.WriteString(s)
			continue
		}
		for _, r := range c.ranges {
			if v < r.lo || v > r.hi {
				continue
			}
			if r.arr != nil {
				if k := int(v - r.lo); k < len(r.arr) {
					out.WriteString(r.arr[k])
				}
			} else if len(r.dst) > 0 {
				u := append([]uint16(nil), r.dst...)
				u[len(u)-1] += uint16(v - r.lo)
				out.WriteString(string(utf16.Decode(u)))
			}
			break
		}
	}
	return out.String()
}

// stringBytes returns the bytes of a string token: a literal string with
// its escapes, or a hexadecimal one.
func stringBytes(t []byte) []byte {
	if len(t) >= 2 && t[0] == '<' {
		h, _ := hexBytes(string(bytes.TrimSuffix(t[1:], []byte(">"))))
		return h
	}
	if len(t) < 2 || t[0] != '(' {
		return nil
	}
	s := t[1 : len(t)-1]
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 >= len(s) {
			out = append(out, c)
			continue
		}
		i++
		switch e := s[i]; e {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case '\n':
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		default:
			if e >= '0' && e <= '7' {
				j := i
				for j < len(s) && j < i+3 && s[j] >= '0' && s[j] <= '7' {
					j++
				}
				v, _ := strconv.ParseUint(string(s[i:j]), 8, 8)
				out = append(out, byte(v))
				i = j - 1
			} else {
				out = append(out, e)
			}
		}
	}
	return out
}

// fontMaps returns the ToUnicode map of each font resource of a page by
// resource name ("/F1"), cached by font object.
func (f *pdf) fontMaps(pageRef string, cache map[string]*cmap) map[string]*cmap {
	out := map[string]*cmap{}
	res := f.dict(f.dict(pageRef)["/Resources"])
	for name, ref := range f.dict(res["/Font"]) {
		key, _ := ref.(string)
		if m, ok := cache[key]; ok {
			out[name] = m
			continue
		}
		fd := f.dict(ref)
		var m *cmap
		if data, _ := f.stream(fd["/ToUnicode"]); data != nil {
			m = parseCMap(data)
			if fd["/Subtype"] != "/Type0" {
				m.n = 1
			}
		}
		cache[key] = m
		out[name] = m
	}
	return out
}

// structText walks the structure tree in order and returns its text as
// chunks (one per marked-content sequence; what a Figure shows is left
// out, its /Alt stands for it) and its headings with their text.
func (si *structInfo) structText(texts map[int]map[int]string) (chunks []string, heads []Heading) {
	var walk func(ref string, head int)
	walk = func(ref string, head int) {
		e := si.elems[ref]
		if e == nil || e.role == "Figure" {
			return
		}
		if len(e.role) == 2 && e.role[0] == 'H' && e.role[1] >= '1' && e.role[1] <= '6' {
			heads = append(heads, Heading{Level: int(e.role[1] - '0')})
			head = len(heads) - 1
		}
		for _, k := range e.kids {
			if k.elem != "" {
				walk(k.elem, head)
				continue
			}
			t := texts[k.page][k.mcid]
			chunks = append(chunks, t)
			if head >= 0 {
				heads[head].Text = norm(heads[head].Text + " " + t)
			}
		}
	}
	for _, r := range si.roots {
		walk(r, -1)
	}
	return chunks, heads
}
