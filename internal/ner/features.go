package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence holds what the features read of each token, computed once.
type sentence struct {
	raw, lower, shape []string
	// caps is set when the sentence is written in capitals: case then says
	// nothing of names, and the features leave it out.
	caps bool
	// upper[i] is set when token i has a capital letter or a digit, or
	// when the sentence has no capital at all (so that text written all
	// in lower case is still read).
	upper []bool
	gaz   []gazFlags
}

func newSentence(tokens []string, gz Gazetteer) *sentence {
	s := &sentence{raw: tokens, lower: make([]string, len(tokens)), shape: make([]string, len(tokens))}
	upper, cased := 0, 0
	for _, t := range tokens {
		if hasLetter(t) {
			cased++
			if !strings.ContainsFunc(t, unicode.IsLower) && utf8.RuneCountInString(t) > 1 {
				upper++
			}
		}
	}
	s.caps = cased >= 3 && upper*10 >= cased*7
	s.upper = make([]bool, len(tokens))
	anyUpper := false
	for i, t := range tokens {
		s.upper[i] = strings.ContainsFunc(t, func(r rune) bool { return unicode.IsUpper(r) || unicode.IsDigit(r) })
		anyUpper = anyUpper || s.upper[i]
	}
	if !anyUpper {
		for i := range s.upper {
			s.upper[i] = true
		}
	}
	s.gaz = gazetteerFlags(tokens, gz)
	return s
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// shape maps letters to X or x, digits to d and keeps other runes, with
// runs of one class written once: "Kazakhstan" → "Xx", "U.S." → "X.X.",
// "2,000" → "d,d". In a sentence in capitals a letter is "a" whatever its
// case.
func shape(t string, caps bool) string {
	var buf [24]byte
	b := buf[:0]
	var last rune = -1
	n := 0
	for _, r := range t {
		c := r
		switch {
		case caps && unicode.IsLetter(r):
			c = 'a'
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLetter(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		}
		if c != last {
			b = utf8.AppendRune(b, c)
			last = c
			n++
			if n >= 6 {
				break
			}
		}
	}
	if v, ok := commonShapes[string(b)]; ok {
		return v
	}
	return string(b)
}

// commonShapes are interned so that most tokens cost no allocation.
var commonShapes = func() map[string]string {
	m := map[string]string{}
	for _, s := range []string{"x", "Xx", "X", "d", "a", ",", ".", "xX", "x-x", "Xx-Xx", "d,d", "d.d", "X.X.", "X.", "xXx", "XxX", "(", ")", "\"", "'", "'x", ":", ";", "-", "?", "!"} {
		m[s] = s
	}
	return m
}()

// hasher builds a 64-bit FNV-1a hash of a feature: its template byte and
// its parts.
type hasher uint64

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func newHash(template byte) hasher {
	return hasher(fnvOffset).byte(template)
}

func (h hasher) byte(c byte) hasher { return (h ^ hasher(c)) * fnvPrime }

func (h hasher) str(s string) hasher {
	for i := 0; i < len(s); i++ {
		h = (h ^ hasher(s[i])) * fnvPrime
	}
	return h.byte(0xff)
}

// edge words stand for positions before the first and after the last token.
const (
	bos = "<s>"
	eos = "</s>"
)

// lowerAt returns token i in lower case, or an edge word beyond the
// sentence; computed on first use, as only the tokens near a possible name
// are ever read.
func (s *sentence) lowerAt(i int) string {
	switch {
	case i < 0:
		return bos
	case i >= len(s.raw):
		return eos
	}
	if s.lower[i] == "" {
		s.lower[i] = strings.ToLower(s.raw[i])
	}
	return s.lower[i]
}

// shapeAt returns the shape of token i (see shape), or an edge word.
func (s *sentence) shapeAt(i int) string {
	switch {
	case i < 0:
		return bos
	case i >= len(s.raw):
		return eos
	}
	if s.shape[i] == "" {
		s.shape[i] = shape(s.raw[i], s.caps)
	}
	return s.shape[i]
}

// emission appends the hashed features of token i that do not depend on
// the tags before it.
func (s *sentence) emission(buf []uint64, i int) []uint64 {
	w := s.lowerAt(i)
	sh := s.shapeAt(i)
	add := func(h hasher) { buf = append(buf, uint64(h)) }
	add(newHash('b'))
	add(newHash('w').str(w))
	if !s.caps {
		add(newHash('W').str(s.raw[i]))
	}
	// Prefixes of 1–3 and suffixes of 1–4 runes, shorter than the word.
	n := utf8.RuneCountInString(w)
	for k, at := 1, 0; k <= 3 && k < n; k++ {
		_, size := utf8.DecodeRuneInString(w[at:])
		at += size
		add(newHash('p').byte(byte(k)).str(w[:at]))
	}
	for k, at := 1, len(w); k <= 4 && k < n; k++ {
		_, size := utf8.DecodeLastRuneInString(w[:at])
		at -= size
		add(newHash('s').byte(byte(k)).str(w[at:]))
	}
	add(newHash('h').str(sh))
	add(newHash('H').str(s.shapeAt(i - 1)).str(sh))
	add(newHash('J').str(sh).str(s.shapeAt(i + 1)))
	add(newHash('l').str(s.lowerAt(i - 1)))
	add(newHash('r').str(s.lowerAt(i + 1)))
	add(newHash('L').str(s.lowerAt(i - 2)))
	add(newHash('R').str(s.lowerAt(i + 2)))
	add(newHash('B').str(s.lowerAt(i - 1)).str(w))
	add(newHash('C').str(w).str(s.lowerAt(i + 1)))
	if i == 0 {
		add(newHash('f').str(sh))
	}
	if g := s.gaz[i]; g != 0 {
		add(newHash('g').byte(byte(g)))
		add(newHash('G').byte(byte(g)).str(sh))
	}
	if i > 0 && s.gaz[i-1] != 0 {
		add(newHash('m').byte(byte(s.gaz[i-1])))
	}
	if i+1 < len(s.gaz) && s.gaz[i+1] != 0 {
		add(newHash('n').byte(byte(s.gaz[i+1])))
	}
	return buf
}

// transition appends the hashed features of token i that read the tag of
// the token before it.
func (s *sentence) transition(buf []uint64, i int, prev tag) []uint64 {
	buf = append(buf, uint64(newHash('T').byte(byte(prev))))
	buf = append(buf, uint64(newHash('V').byte(byte(prev)).str(s.lowerAt(i))))
	buf = append(buf, uint64(newHash('S').byte(byte(prev)).str(s.shapeAt(i))))
	if g := s.gaz[i]; g != 0 {
		buf = append(buf, uint64(newHash('K').byte(byte(g)).byte(byte(prev))))
	}
	return buf
}
