package ner

import (
	"bufio"
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
	index   map[uint64]int32 // feature hash → offset of its row in weights
	weights []float32        // nTags per feature
	gaz     Gazetteer
	fast    *table // index again, for tagging; built by seal
}

// seal builds the look-up table tagging uses from index.
func (m *Model) seal() *Model {
	m.fast = newTable(len(m.index))
	for k, off := range m.index {
		m.fast.put(k, off)
	}
	return m
}

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
	keys := make([]uint64, 0, len(m.index))
	var maxAbs float64
	for k, off := range m.index {
		keys = append(keys, k)
		for _, v := range m.weights[off : off+nTags] {
			maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
		}
	}
	slices.Sort(keys)
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
	binary.LittleEndian.PutUint64(b[:], uint64(len(keys)))
	bw.Write(b[:])
	binary.LittleEndian.PutUint64(b[:], math.Float64bits(scale))
	bw.Write(b[:])
	for _, k := range keys {
		binary.LittleEndian.PutUint64(b[:], k)
		bw.Write(b[:])
		off := m.index[k]
		for _, v := range m.weights[off : off+nTags] {
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
	br := bufio.NewReader(zr)
	head := make([]byte, len(magic)+16)
	if _, err := io.ReadFull(br, head); err != nil || string(head[:len(magic)]) != magic {
		return nil, errors.New("ner model: not a model file")
	}
	n := binary.LittleEndian.Uint64(head[len(magic):])
	scale := math.Float64frombits(binary.LittleEndian.Uint64(head[len(magic)+8:]))
	if n > maxFeatures || math.IsNaN(scale) || math.IsInf(scale, 0) {
		return nil, errors.New("ner model: damaged header")
	}
	m := &Model{index: make(map[uint64]int32, n), weights: make([]float32, 0, int(n)*nTags), gaz: gz}
	rec := make([]byte, 8+2*nTags)
	for i := uint64(0); i < n; i++ {
		if _, err := io.ReadFull(br, rec); err != nil {
			return nil, fmt.Errorf("ner model: feature %d of %d: %w", i, n, err)
		}
		m.index[binary.LittleEndian.Uint64(rec)] = int32(len(m.weights))
		for c := 0; c < nTags; c++ {
			q := int16(binary.LittleEndian.Uint16(rec[8+2*c:]))
			m.weights = append(m.weights, float32(float64(q)*scale))
		}
	}
	return m.seal(), nil
}
