package analyze

import (
	"math"
	"slices"
	"sort"
	"strings"

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
	depth := depthScores(sim)
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
	// cuts holds the chunks that start sections, in order, and n; the
	// cuts around a gap are found by binary search (at most k of them).
	cuts := []int{0, n}
	for _, g := range order {
		if len(cuts) == k+1 {
			break
		}
		at := g + 1
		i := sort.SearchInts(cuts, at)
		lo, hi := cuts[i-1], cuts[i]
		if at-lo < minChunks || hi-at < minChunks ||
			pre[at]-pre[lo] < minWords || pre[hi]-pre[at] < minWords {
			continue
		}
		cuts = slices.Insert(cuts, i, at)
	}
	out := cuts[:len(cuts)-1]
	if len(out) < 2 {
		return nil
	}
	return out
}

// depthScores gives every gap its TextTiling depth: how far it lies below
// the peaks on either side, where a peak is reached by climbing from the
// gap while the similarity does not fall. The peak to the left of gap g
// is the peak of gap g-1 when sim[g-1] >= sim[g] (the climb from g passes
// through g-1 and goes on exactly as from g-1), so one pass each way gives
// all peaks in O(gaps) even when the similarity is flat.
func depthScores(sim []float64) []float64 {
	n := len(sim)
	left := make([]float64, n)
	for g := 0; g < n; g++ {
		left[g] = sim[g]
		if g > 0 && sim[g-1] >= sim[g] {
			left[g] = left[g-1]
		}
	}
	right := make([]float64, n)
	for g := n - 1; g >= 0; g-- {
		right[g] = sim[g]
		if g+1 < n && sim[g+1] >= sim[g] {
			right[g] = right[g+1]
		}
	}
	depth := make([]float64, n)
	for g := range sim {
		depth[g] = (left[g] - sim[g]) + (right[g] - sim[g])
	}
	return depth
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
