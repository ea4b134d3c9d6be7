package analyze

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// Segment gives a document without headings generated sections. When every
// section of doc is untitled (a plain-text document is one untitled section
// of paragraphs), Segment regroups its blocks into topical sections with
// generated titles (TitleGenerated is true) and calls doc.Number; block
// order is kept, so ¶ numbers do not change. Documents with at least one
// titled section, and texts too short to divide, are left as they are.
//
// Boundaries and their number come from the words: the segmentation that
// makes each section's vocabulary most likely under a distribution of its
// own (see segmentChunks). A section never starts inside a run of dialogue.
// The cost is linear in the number of paragraphs.
func Segment(doc *document.Document) {
	if doc == nil || len(doc.Sections) == 0 {
		return
	}
	titled := false
	var blocks []document.Block
	doc.WalkSections(func(s *document.Section) bool {
		if s.Title != "" {
			titled = true
			return false
		}
		blocks = append(blocks, s.Blocks...)
		return true
	})
	if titled {
		return
	}
	st := stemmer{}
	chunks := chunkBlocks(blocks, st)
	bounds := segmentChunks(chunks)
	if len(bounds) < 2 {
		return
	}
	titles := sectionTitles(chunks, bounds, st)
	var secs []*document.Section
	for i, b := range bounds {
		end := len(chunks)
		if i+1 < len(bounds) {
			end = bounds[i+1]
		}
		s := &document.Section{Title: titles[i], TitleGenerated: true, Level: 1}
		for _, c := range chunks[b:end] {
			s.Blocks = append(s.Blocks, c.blocks...)
		}
		if len(s.Blocks) > 0 {
			s.Pos = s.Blocks[0].Position()
		}
		secs = append(secs, s)
	}
	doc.Sections = secs
	doc.Number()
}

// chunk is a numbered block with the unnumbered blocks (tables, code,
// rules) that follow it; sections are cut only between chunks.
type chunk struct {
	blocks []document.Block
	text   string
	words  int
	terms  map[string]int
}

func chunkBlocks(blocks []document.Block, st stemmer) []chunk {
	var cs []chunk
	// One builder, emptied at each chunk: a slice of strings.Builder would
	// copy non-zero builders when it grows, and a copied builder keeps a
	// hidden pointer to where it was — on the stack when the slice's first
	// backing store is there — which the GC finds dangling once the stack
	// moves (see testdata/builder-copy/README.md).
	var tb strings.Builder
	for _, b := range blocks {
		r := document.RefOf(b)
		if len(cs) == 0 || r != nil {
			if len(cs) > 0 {
				cs[len(cs)-1].text = tb.String()
				tb.Reset()
			}
			cs = append(cs, chunk{})
		}
		c := &cs[len(cs)-1]
		c.blocks = append(c.blocks, b)
		if tb.Len() > 0 {
			tb.WriteByte('\n')
		}
		tb.WriteString(document.BlockText(b))
	}
	if len(cs) > 0 {
		cs[len(cs)-1].text = tb.String()
	}
	for i := range cs {
		cs[i].words = document.CountWords(cs[i].text)
		cs[i].terms = map[string]int{}
		for _, t := range st.terms(cs[i].text) {
			cs[i].terms[t]++
		}
	}
	return cs
}

// minSegmentWords is the length below which a text stays one section.
const minSegmentWords = 250

// Segmentation model. Each section's words are drawn from a distribution
// of its own with a symmetric Dirichlet prior (a Dirichlet compound
// multinomial, as in BayesSeg, Eisenstein & Barzilay 2008); the
// segmentation with the highest likelihood is found by dynamic programming.
// The marginal likelihood pays for every extra section through its prior,
// so the number of sections comes from the text: a cut is made only where
// the vocabulary on either side differs enough to be worth a new
// distribution. dcmAlpha is the prior's concentration (add-one: the
// Laplace prior); the DEV sets' tune halves preferred 0.75–1 on
// encyclopaedia articles and 1–2 on technical proposals (see
// scripts/eval-split).
const (
	dcmAlpha = 1.0
	// maxSegmentChunks bounds a section's length in chunks, which bounds
	// the cost at O(chunks × maxSegmentChunks × terms per chunk).
	maxSegmentChunks = 120
)

// segmentChunks returns the indexes of the chunks that start sections
// (the first is always 0), or nil when the text should stay whole. A
// section never starts between two chunks of dialogue (see dialogue).
func segmentChunks(cs []chunk) []int {
	n := len(cs)
	if n < 3 {
		return nil
	}
	total := 0
	for _, c := range cs {
		total += c.words
	}
	if total < minSegmentWords {
		return nil
	}
	// Term IDs in order of first appearance, and each chunk's counts.
	ids := map[string]int{}
	type count struct{ id, n int }
	rows := make([][]count, n)
	for i, c := range cs {
		keys := make([]string, 0, len(c.terms))
		for t := range c.terms {
			keys = append(keys, t)
		}
		sort.Strings(keys)
		for _, t := range keys {
			id, ok := ids[t]
			if !ok {
				id = len(ids)
				ids[t] = id
			}
			rows[i] = append(rows[i], count{id, c.terms[t]})
		}
	}
	prior := float64(len(ids)) * dcmAlpha // the prior's total concentration
	lgPrior := lgamma(prior)
	lg := lgammaTable(dcmAlpha)
	// like[i][l] is the log likelihood of chunks i..i+l as one section.
	like := make([][]float64, n)
	cnt := make([]int, len(ids))
	var touched []int
	for i := 0; i < n; i++ {
		touched = touched[:0]
		words, sum := 0, 0.0
		for l := 0; i+l < n && l < maxSegmentChunks; l++ {
			for _, e := range rows[i+l] {
				old := cnt[e.id]
				if old == 0 {
					touched = append(touched, e.id)
				}
				cnt[e.id] = old + e.n
				sum += lg(old+e.n) - lg(old)
				words += e.n
			}
			like[i] = append(like[i], lgPrior-lgamma(float64(words)+prior)+sum)
		}
		for _, t := range touched {
			cnt[t] = 0
		}
	}
	dlg := make([]bool, n)
	for i, c := range cs {
		dlg[i] = dialogue(c.text)
	}
	best := make([]float64, n+1)
	back := make([]int, n+1)
	for j := 1; j <= n; j++ {
		best[j] = math.Inf(-1)
		for i := max(0, j-maxSegmentChunks); i < j; i++ {
			if i > 0 && dlg[i-1] && dlg[i] {
				continue // not inside a run of dialogue
			}
			if math.IsInf(best[i], -1) {
				continue
			}
			if x := best[i] + like[i][j-i-1]; x > best[j] {
				best[j], back[j] = x, i
			}
		}
	}
	if math.IsInf(best[n], -1) {
		return nil
	}
	var cuts []int
	for j := n; j > 0; j = back[j] {
		cuts = append(cuts, back[j])
	}
	slices.Reverse(cuts)
	if len(cuts) < 2 {
		return nil
	}
	return cuts
}

// dialogue reports whether a chunk is a line of dialogue: it opens with a
// quotation mark or a dash.
func dialogue(text string) bool {
	t := strings.TrimSpace(text)
	r, _ := utf8.DecodeRuneInString(t)
	return strings.ContainsRune("\"“„«‘'—–-", r)
}

func lgamma(x float64) float64 {
	v, _ := math.Lgamma(x)
	return v
}

// lgammaTable returns a function giving lgamma(n + alpha) for counts n,
// from a table for small counts.
func lgammaTable(alpha float64) func(n int) float64 {
	const size = 1024
	tab := make([]float64, size)
	for i := range tab {
		tab[i] = lgamma(float64(i) + alpha)
	}
	return func(n int) float64 {
		if n < size {
			return tab[n]
		}
		return lgamma(float64(n) + alpha)
	}
}
