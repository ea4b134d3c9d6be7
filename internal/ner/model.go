package ner

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// Model holds the weights of a trained tagger. It is read-only after it
// is built, so one Model may tag from many goroutines.
type Model struct {
	keys    []uint64  // feature hashes, one per row of weights
	weights []float32 // nTags per feature
	gaz     Gazetteer
	fast    *table // keys → offsets, for tagging; built by seal
}

// seal builds the look-up table tagging uses from keys.
func (m *Model) seal() *Model {
	m.fast = newTable(len(m.keys))
	for i, k := range m.keys {
		m.fast.put(k, int32(i*nTags))
	}
	return m
}

// Features returns the number of features the model weighs.
func (m *Model) Features() int { return len(m.keys) }

// Tag labels the names in a sentence given as tokens.
func (m *Model) Tag(tokens []string) []Span {
	if m == nil || len(tokens) == 0 {
		return nil
	}
	return spans(m.tags(newSentence(tokens, m.gaz)))
}

// tags labels each token with the best sequence of tags (see decode).
func (m *Model) tags(s *sentence) []tag {
	out := make([]tag, len(s.raw))
	for _, w := range s.windows() {
		decode(s, w[0], w[1], m.addWeights, out)
	}
	return out
}

func (m *Model) addWeights(f uint64, score *[nTags]float64) {
	if off, ok := m.fast.get(f); ok {
		row := m.weights[off : off+nTags]
		for c := range score {
			score[c] += float64(row[c])
		}
	}
}

// The file format: magic, the number of features, a scale, then per
// feature in increasing hash order the hash and nTags int16 weights
// (weight = int16 × scale), all little-endian, gzip-compressed.
const magic = "briefbook-ner-1\n"

// WriteTo writes the model; the same model gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	order := make([]int, len(m.keys))
	var maxAbs float64
	for i := range m.keys {
		order[i] = i
	}
	for _, v := range m.weights {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(m.keys[a], m.keys[b]) })
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return cw.n, err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(len(order)))
	bw.Write(b[:])
	binary.LittleEndian.PutUint64(b[:], math.Float64bits(scale))
	bw.Write(b[:])
	for _, i := range order {
		binary.LittleEndian.PutUint64(b[:], m.keys[i])
		bw.Write(b[:])
		for _, v := range m.weights[i*nTags : (i+1)*nTags] {
			q := int16(math.Round(float64(v) / scale))
			binary.LittleEndian.PutUint16(b[:2], uint16(q))
			bw.Write(b[:2])
		}
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	err = zw.Close()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// maxFeatures bounds what ReadModel accepts, so a damaged file cannot ask
// for gigabytes.
const maxFeatures = 1 << 23

// ReadModel reads a model written by WriteTo; gz is the gazetteer it was
// trained with (nil for none).
func ReadModel(r io.Reader, gz Gazetteer) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	head := make([]byte, len(magic)+16)
	if _, err := io.ReadFull(zr, head); err != nil || string(head[:len(magic)]) != magic {
		return nil, errors.New("ner model: not a model file")
	}
	n := binary.LittleEndian.Uint64(head[len(magic):])
	scale := math.Float64frombits(binary.LittleEndian.Uint64(head[len(magic)+8:]))
	const rec = 8 + 2*nTags
	if n > maxFeatures || math.IsNaN(scale) || math.IsInf(scale, 0) {
		return nil, errors.New("ner model: damaged header")
	}
	body := make([]byte, n*rec)
	if _, err := io.ReadFull(zr, body); err != nil {
		return nil, fmt.Errorf("ner model: %d features announced: %w", n, err)
	}
	m := &Model{keys: make([]uint64, n), weights: make([]float32, int(n)*nTags), gaz: gz}
	for i := range m.keys {
		r := body[i*rec : (i+1)*rec]
		m.keys[i] = binary.LittleEndian.Uint64(r)
		for c := 0; c < nTags; c++ {
			m.weights[i*nTags+c] = float32(float64(int16(binary.LittleEndian.Uint16(r[8+2*c:]))) * scale)
		}
	}
	return m.seal(), nil
}
