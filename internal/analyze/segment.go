package analyze

import (
	"math"
	"sort"

	"github.com/briefbook/briefbook/internal/document"
)

// Segment gives a document without headings generated sections. When every
// section of doc is untitled (a plain-text document is one untitled section
// of paragraphs), Segment regroups its blocks into topical sections with
// generated titles (TitleGenerated is true) and calls doc.Number; block
// order is kept, so ¶ numbers do not change. Documents with at least one
// titled section, and texts too short to divide, are left as they are.
//
// Boundaries come from lexical cohesion between neighbouring paragraphs
// (TextTiling depth scores over paragraph gaps); the number of sections
// grows sub-linearly with the length (see sectionCount), and no section is
// much shorter than its share of the words. The cost is linear in the
// number of paragraphs.
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
	for _, b := range blocks {
		r := document.RefOf(b)
		if len(cs) == 0 || r != nil {
			cs = append(cs, chunk{})
		}
		c := &cs[len(cs)-1]
		c.blocks = append(c.blocks, b)
		t := document.BlockText(b)
		if c.text != "" {
			c.text += "\n"
		}
		c.text += t
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

// sectionCount is the number of sections for a text of the given length in
// words: about 4 for 650 words, 8 for 5000, growing as words^0.34.
func sectionCount(words int) int {
	if words < 250 {
		return 1
	}
	return int(math.Round(0.42 * math.Pow(float64(words), 0.34)))
}

// segmentChunks returns the indexes of the chunks that start sections
// (the first is always 0), or nil when the text should stay whole.
func segmentChunks(cs []chunk) []int {
	n := len(cs)
	if n < 3 {
		return nil
	}
	total := 0
	for _, c := range cs {
		total += c.words
	}
	k := sectionCount(total)
	if k > n/2+1 {
		k = n/2 + 1
	}
	if k < 2 {
		return nil
	}
	// Cohesion across each gap g (between chunk g and g+1): cosine of the
	// term counts of a window of w chunks on either side.
	w := 2
	if n > 40 {
		w = 3
	}
	// Terms found in every paragraph say nothing about topic shifts:
	// weight counts by inverse paragraph frequency.
	df := map[string]int{}
	for _, c := range cs {
		for t := range c.terms {
			df[t]++
		}
	}
	idf := func(t string) float64 { return math.Log(float64(n+1) / float64(df[t])) }
	gaps := n - 1
	sim := make([]float64, gaps)
	for g := 0; g < gaps; g++ {
		left := map[string]float64{}
		for i := max(0, g-w+1); i <= g; i++ {
			for t, c := range cs[i].terms {
				left[t] += float64(c) * idf(t)
			}
		}
		right := map[string]float64{}
		for i := g + 1; i <= min(n-1, g+w); i++ {
			for t, c := range cs[i].terms {
				right[t] += float64(c) * idf(t)
			}
		}
		sim[g] = cosine(left, right)
	}
	// Depth: how far the gap lies below the peaks on either side.
	depth := make([]float64, gaps)
	for g := range sim {
		l := sim[g]
		for i := g - 1; i >= 0 && sim[i] >= l; i-- {
			l = sim[i]
		}
		r := sim[g]
		for i := g + 1; i < gaps && sim[i] >= r; i++ {
			r = sim[i]
		}
		depth[g] = (l - sim[g]) + (r - sim[g])
	}
	// Words before each chunk, for the minimum section size.
	pre := make([]int, n+1)
	for i, c := range cs {
		pre[i+1] = pre[i] + c.words
	}
	minWords := int(0.35 * float64(total) / float64(k))
	minChunks := 1
	if n >= 4*k {
		minChunks = 2
	}
	order := make([]int, gaps)
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return depth[order[a]] > depth[order[b]] })
	cut := make([]bool, n+1) // cut[i]: a section starts at chunk i
	cut[0], cut[n] = true, true
	chosen := 0
	for _, g := range order {
		if chosen == k-1 {
			break
		}
		at := g + 1
		lo, hi := at-1, at+1
		for !cut[lo] {
			lo--
		}
		for !cut[hi] {
			hi++
		}
		if at-lo < minChunks || hi-at < minChunks ||
			pre[at]-pre[lo] < minWords || pre[hi]-pre[at] < minWords {
			continue
		}
		cut[at] = true
		chosen++
	}
	var out []int
	for i := 0; i < n; i++ {
		if cut[i] {
			out = append(out, i)
		}
	}
	if len(out) < 2 {
		return nil
	}
	return out
}

// cosine is the cosine similarity of two sparse vectors, summed in key
// order so that the result does not depend on map iteration.
func cosine(a, b map[string]float64) float64 {
	na, nb := dotSorted(a, a), dotSorted(b, b)
	if na == 0 || nb == 0 {
		return 0
	}
	return dotSorted(a, b) / math.Sqrt(na*nb)
}
