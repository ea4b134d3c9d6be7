package pdfcheck

import (
	"bytes"
	"strconv"
	"strings"
)

// token is one lexical token of a content stream.
type token struct {
	op         bool   // an operator (else an operand or a delimiter)
	text       []byte // the token (for strings, the whole literal)
	start, end int
}

// tokens splits a content stream into tokens. Strings, names, numbers,
// "<<", ">>", "[" and "]" are operands; any other run of regular
// characters is an operator. Inline images (BI … ID … EI) are skipped
// whole and reported as the operator EI.
func tokens(b []byte) []token {
	var out []token
	i := 0
	isDelim := func(c byte) bool { return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0 }
	isSpace := func(c byte) bool { return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0 }
	for i < len(b) {
		c := b[i]
		switch {
		case isSpace(c):
			i++
		case c == '%':
			for i < len(b) && b[i] != '\n' && b[i] != '\r' {
				i++
			}
		case c == '(':
			s, depth := i, 0
			for ; i < len(b); i++ {
				if b[i] == '\\' {
					i++
					continue
				}
				if b[i] == '(' {
					depth++
				} else if b[i] == ')' {
					depth--
					if depth == 0 {
						i++
						break
					}
				}
			}
			out = append(out, token{text: b[s:min(i, len(b))], start: s, end: i})
		case c == '<' && i+1 < len(b) && b[i+1] == '<', c == '>' && i+1 < len(b) && b[i+1] == '>':
			out = append(out, token{text: b[i : i+2], start: i, end: i + 2})
			i += 2
		case c == '<':
			s := i
			for i < len(b) && b[i] != '>' {
				i++
			}
			i++
			out = append(out, token{text: b[s:min(i, len(b))], start: s, end: i})
		case c == '[' || c == ']' || c == '{' || c == '}':
			out = append(out, token{text: b[i : i+1], start: i, end: i + 1})
			i++
		case c == '/':
			s := i
			i++
			for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
				i++
			}
			out = append(out, token{text: b[s:i], start: s, end: i})
		default:
			s := i
			for i < len(b) && !isSpace(b[i]) && !isDelim(b[i]) {
				i++
			}
			if i == s {
				i++ // a stray delimiter
				continue
			}
			t := b[s:i]
			number := t[0] >= '0' && t[0] <= '9' || t[0] == '-' || t[0] == '+' || t[0] == '.'
			keyword := string(t) == "true" || string(t) == "false" || string(t) == "null"
			op := !number && !keyword
			if op && string(t) == "BI" {
				// Skip the inline image to its EI.
				e := bytes.Index(b[i:], []byte("EI"))
				if e < 0 {
					i = len(b)
				} else {
					i += e + 2
				}
				out = append(out, token{op: true, text: []byte("EI"), start: s, end: i})
				continue
			}
			out = append(out, token{op: op, text: t, start: s, end: i})
		}
	}
	return out
}

// painting lists the operators that put marks on the page.
var painting = map[string]bool{
	"Tj": true, "TJ": true, "'": true, "\"": true, "Do": true, "EI": true, "sh": true,
	"f": true, "F": true, "f*": true, "B": true, "B*": true, "b": true, "b*": true, "S": true, "s": true,
}

// mcInfo is an open marked-content sequence.
type mcInfo struct {
	artifact bool
	mcid     int // -1 without one
	start    int // byte offset of its first operand
}

// bdcInfo reads the operands of a BDC or BMC (from tokens ops): whether it
// opens an artifact and its MCID.
func bdcInfo(ops []token) (artifact bool, mcid int) {
	mcid = -1
	if len(ops) == 0 {
		return false, -1
	}
	artifact = string(ops[0].text) == "/Artifact"
	for i := 0; i+1 < len(ops); i++ {
		if string(ops[i].text) == "/MCID" {
			if n, err := strconv.Atoi(string(ops[i+1].text)); err == nil {
				mcid = n
			}
		}
	}
	return artifact, mcid
}

// checkContent checks every page's content streams: painting only inside
// tagged or artifact sequences, sequences balanced, MCIDs in the parent
// tree and listed by their element.
func (f *pdf) checkContent(r *Report, si *structInfo) {
	cache := map[string]*cmap{}
	for i, p := range f.pages {
		fonts := f.fontMaps(p.ref, cache)
		var font *cmap
		var saved []*cmap
		texts := map[int]*strings.Builder{}
		n := i + 1
		key, _ := num(f.dict(p.ref)["/StructParents"])
		parents := si.parents[key]
		var data []byte
		for _, c := range p.contents {
			d, _ := f.stream(c)
			data = append(append(data, d...), '\n')
		}
		var stack []mcInfo
		var ops []token
		untagged := 0
		for _, t := range tokens(data) {
			if !t.op {
				ops = append(ops, t)
				continue
			}
			switch op := string(t.text); op {
			case "Tf":
				if len(ops) > 0 {
					font = fonts[string(ops[0].text)]
				}
			case "q":
				saved = append(saved, font)
			case "Q":
				if len(saved) > 0 {
					font, saved = saved[len(saved)-1], saved[:len(saved)-1]
				}
			case "Tj", "TJ", "'", "\"":
				mcid := -1
				for _, m := range stack {
					if m.mcid >= 0 {
						mcid = m.mcid
					}
				}
				if mcid >= 0 && font != nil {
					b := texts[mcid]
					if b == nil {
						b = &strings.Builder{}
						texts[mcid] = b
					}
					for _, o := range ops {
						if len(o.text) > 0 && (o.text[0] == '(' || o.text[0] == '<' && (len(o.text) < 2 || o.text[1] != '<')) {
							b.WriteString(font.decode(stringBytes(o.text)))
						}
					}
				}
			}
			switch op := string(t.text); {
			case op == "BDC" || op == "BMC":
				art, mcid := bdcInfo(ops)
				for _, m := range stack {
					if m.mcid >= 0 && (mcid >= 0 || art) {
						r.problem("page %d: a marked-content sequence inside the one of MCID %d", n, m.mcid)
						break
					}
				}
				stack = append(stack, mcInfo{artifact: art, mcid: mcid})
				if art {
					r.Artifacts++
				}
				if mcid >= 0 {
					r.Marked++
					switch {
					case mcid >= len(parents) || parents[mcid] == "":
						r.problem("page %d: MCID %d is not in the parent tree", n, mcid)
					case !si.listed[parents[mcid]][n*1_000_000+mcid]:
						r.problem("page %d: MCID %d: its parent-tree element %s does not list it", n, mcid, parents[mcid])
					}
				}
			case op == "EMC":
				if len(stack) == 0 {
					r.problem("page %d: EMC without BDC", n)
				} else {
					stack = stack[:len(stack)-1]
				}
			case painting[op]:
				r.Painted++
				ok := false
				for _, m := range stack {
					if m.artifact || m.mcid >= 0 {
						ok = true
					}
				}
				if !ok {
					untagged++
				}
			}
			ops = ops[:0]
		}
		if len(stack) != 0 {
			r.problem("page %d: %d marked-content sequences not closed", n, len(stack))
		}
		pt := map[int]string{}
		for k, b := range texts {
			pt[k] = b.String()
		}
		si.texts[n] = pt
		if untagged > 0 {
			r.problem("page %d: %d painting operators neither tagged nor artifacts", n, untagged)
		}
	}
}

// stripArtifacts removes what the artifact sequences of a content stream
// show, and what the sequences whose MCID is in drop (those of Figures)
// show: their text and images go, their paths end unpainted ("n"). The
// marked-content operators go; every other operator stays, so the text
// state (a font set inside an artifact and used after it) is what it was.
func stripArtifacts(data []byte, drop map[int]bool) []byte {
	var out bytes.Buffer
	out.Grow(len(data))
	var ops []token
	depth, last := 0, 0
	for _, t := range tokens(data) {
		if !t.op {
			ops = append(ops, t)
			continue
		}
		op := string(t.text)
		// Marked-content operators go too: the copy is read for its
		// page text only, and poppler reads a page several times
		// slower with them.
		cut := func() {
			from := t.start
			if len(ops) > 0 {
				from = ops[0].start
			}
			out.Write(data[last:from])
			last = t.end
		}
		switch op {
		case "BDC", "BMC":
			if depth > 0 {
				depth++
			} else if art, mcid := bdcInfo(ops); art || drop[mcid] {
				depth = 1
			}
			cut()
		case "EMC":
			if depth > 0 {
				depth--
			}
			cut()
		default:
			if depth > 0 && painting[op] {
				from := t.start
				if len(ops) > 0 {
					from = ops[0].start
				}
				out.Write(data[last:from])
				switch op {
				case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s":
					out.WriteString("n")
				}
				last = t.end
			}
		}
		ops = ops[:0]
	}
	out.Write(data[last:])
	return out.Bytes()
}
