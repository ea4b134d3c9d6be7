package pdf

// A paragraph broken at a given width, from a given place, under the same
// constraints, gives the same lines in every layout pass: the words, their
// widths and their break opportunities come from the prepared text, which
// the passes share. The breaks chosen (a few words per line) are kept in
// the metrics the passes share, so that a later pass only cuts the words
// again (buildLines) instead of running the breaker. A paragraph whose
// text depends on the pass (a page reference) is not kept.

// maxCachedEnds bounds the breaks kept, about 24 bytes each: a 3 MB book
// keeps about 50 000.
const maxCachedEnds = 1 << 20

// breakKey names one run of the breaker (breakOnce): the paragraph, by the
// prepared runs its first and last words start with (the key keeps them
// alive, so their addresses are not reused), its length and the span and
// constraints of the run.
type breakKey struct {
	first, last *run
	words       int
	k, at       int
	width       float64
	open        bool
	noFlag, hy0 int
}

// breakCache maps breaker runs to the breaks they chose (nil: no breaks
// fit). Its zero value is empty and ready.
type breakCache struct {
	m    map[breakKey][]lineEnd
	ends int // breaks kept
}

// breakKeyOf returns the key of a breaker run over ws[k:]; false when its
// text depends on the pass. It looks at the words of the run only, so
// that breaking a long paragraph window by window stays linear.
func breakKeyOf(ws []word, width float64, k, at int, open bool, noFlag, hy0 int) (breakKey, bool) {
	if k >= len(ws) || len(ws[0].frags) == 0 || len(ws[len(ws)-1].frags) == 0 {
		return breakKey{}, false
	}
	for i := k; i < len(ws); i++ {
		for j := range ws[i].frags {
			if ws[i].frags[j].r.pageOf != "" {
				return breakKey{}, false
			}
		}
	}
	return breakKey{first: ws[0].frags[0].r, last: ws[len(ws)-1].frags[0].r, words: len(ws),
		k: k, at: at, width: width, open: open, noFlag: noFlag, hy0: hy0}, true
}

func (c *breakCache) get(k breakKey) ([]lineEnd, bool) {
	ends, ok := c.m[k]
	return ends, ok
}

// put keeps the breaks of k unless the cache is full.
func (c *breakCache) put(k breakKey, ends []lineEnd) {
	if c.ends+len(ends) > maxCachedEnds {
		return
	}
	if c.m == nil {
		c.m = map[breakKey][]lineEnd{}
	}
	c.m[k] = ends
	c.ends += len(ends)
}
