package pdf

import (
	"unicode"
	"unicode/utf8"
)

// liang holds the hyphenation patterns of one language (Liang/TeX format:
// letters with a priority digit between them, "." for a word's edge) and
// finds break points with Liang's algorithm: the priority between two
// letters is the largest any pattern found in the word gives it, and an odd
// priority allows a break. It gives what github.com/speedata/hyphenation
// gives for the same patterns (TestLiangAsSpeedata), but reads a pattern
// file in one pass into three arrays without pointers — the letters, the
// priorities and an open-addressing hash table over them — where that
// package allocated a map entry, a string and a slice per pattern (a third
// of the cost of the first PDF of a process went to reading the two files),
// and it looks up pieces of the word in place.
type liang struct {
	// keys holds the letters of every pattern (with its dots), one after
	// another; prios holds its priorities likewise: one before each letter
	// other than a dot, and one after the last.
	keys  []byte
	prios []byte
	// pats locates pattern i: its letters keys[k0:k1], its priorities
	// prios[p0:p1].
	pats []liangPattern
	// slots is the hash table: 1 + the number of a pattern, 0 for empty;
	// its length is a power of two.
	slots []uint32
	// longest is the most runes of any pattern's letters: longer pieces
	// of a word are not looked up.
	longest int
}

type liangPattern struct{ k0, k1, p0, p1 uint32 }

// newLiang reads patterns separated by white space (no comments). A later
// pattern with the same letters replaces an earlier one.
func newLiang(text string) *liang {
	// The arrays are built in locals and sized from the text: appending
	// to the fields of l would pay a write barrier per rune while the
	// collector runs.
	keys := make([]byte, 0, len(text))
	prios := make([]byte, 0, len(text))
	pats := make([]liangPattern, 0, len(text)/6)
	longest := 0
	for i := 0; i < len(text); {
		r, n := nextRune(text, i)
		if isSpace(r) {
			i += n
			continue
		}
		// One pattern: its letters, each with the digit before it as its
		// priority, then the digit after the last.
		p := liangPattern{k0: uint32(len(keys)), p0: uint32(len(prios))}
		var prev rune
		runes := 0
		for i < len(text) {
			r, n := nextRune(text, i)
			if isSpace(r) {
				break
			}
			i += n
			if !isDigit(r) {
				var d byte
				if isDigit(prev) {
					d = byte(prev) - '0'
				}
				keys = utf8.AppendRune(keys, r)
				runes++
				if r != '.' {
					prios = append(prios, d)
				}
			}
			prev = r
		}
		if isDigit(prev) {
			prios = append(prios, byte(prev)-'0')
		} else {
			prios = append(prios, 0)
		}
		p.k1, p.p1 = uint32(len(keys)), uint32(len(prios))
		pats = append(pats, p)
		longest = max(longest, runes)
	}
	size := 1
	for size < 2*len(pats)+1 {
		size <<= 1
	}
	l := &liang{keys: keys, prios: prios, pats: pats, slots: make([]uint32, size), longest: longest}
	for i := range pats {
		p := pats[i]
		s := l.slot(string(keys[p.k0:p.k1]))
		if l.slots[s] != 0 {
			// The same letters again: keep the later priorities.
			pats[l.slots[s]-1] = p
			continue
		}
		l.slots[s] = uint32(i + 1)
	}
	return l
}

// nextRune decodes the rune at byte i of s, ASCII without a call.
func nextRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isSpace and isDigit are unicode.IsSpace and unicode.IsDigit with ASCII
// answered inline.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

func isDigit(r rune) bool {
	if r < utf8.RuneSelf {
		return '0' <= r && r <= '9'
	}
	return unicode.IsDigit(r)
}

// slot returns the slot of the pattern of letters s, or the empty slot
// where it would go.
func (l *liang) slot(s string) int {
	h := uint32(2166136261) // FNV-1a
	for i := 0; i < len(s); i++ {
		h ^= uint32(s[i])
		h *= 16777619
	}
	mask := len(l.slots) - 1
	for i := int(h) & mask; ; i = (i + 1) & mask {
		v := l.slots[i]
		if v == 0 {
			return i
		}
		p := l.pats[v-1]
		if string(l.keys[p.k0:p.k1]) == s {
			return i
		}
	}
}

// lookup returns the priorities of the pattern of letters s.
func (l *liang) lookup(s string) ([]byte, bool) {
	v := l.slots[l.slot(s)]
	if v == 0 {
		return nil, false
	}
	p := l.pats[v-1]
	return l.prios[p.p0:p.p1], true
}

// hyphenate returns the break points of word as numbers of runes before
// them, in increasing order: every position from 1 to the word's length
// less one whose priority is odd.
func (l *liang) hyphenate(word string) []int {
	// The word in lower case between dots, and where each rune starts.
	buf := make([]byte, 0, len(word)+2)
	buf = append(buf, '.')
	for _, r := range word {
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	buf = append(buf, '.')
	w := string(buf)
	at := make([]int, 0, len(w)+1)
	for i := range w {
		at = append(at, i)
	}
	n := len(at) // runes in w
	at = append(at, len(w))
	best := make([]byte, n-1)
	// Every piece of two runes or more, starting at each rune but the
	// last, no longer than the longest pattern.
	for s := 0; s < n-1; s++ {
		for e := s + 2; e <= n && e-s <= l.longest; e++ {
			p, ok := l.lookup(w[at[s]:at[e]])
			if !ok {
				continue
			}
			// A pattern starting with the word's edge has no priority
			// before the dot.
			base := s - 1
			if w[at[s]] == '.' {
				base = s
			}
			for k, v := range p {
				if j := base + k; j >= 0 && j < len(best) && v > best[j] {
					best[j] = v
				}
			}
		}
	}
	var out []int
	for i := 1; i < len(best); i++ {
		if best[i]%2 != 0 {
			out = append(out, i)
		}
	}
	return out
}
