package ner

import (
	"bufio"
	"bytes"
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
	// scale is the quantization step of a model read from a file, which
	// WriteTo keeps so that writing it back gives the same weights; 0
	// for a trained model.
	scale float64
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

// The file format (version 2): magic, then the number of features as a
// uvarint and a scale as a little-endian float64, then per feature in
// increasing hash order: the hash less the one before it (uvarint), a byte
// whose bit c says that tag c has a nonzero weight, and those weights as
// varints (weight = int16 × scale). Two thirds of the weights are zero and
// the rest fit in two bytes, so the file is smaller than version 1 (the
// same records at fixed width, gzip-compressed) and reads about ten times
// faster, as nothing has to be decompressed. ReadModel still reads
// version 1.
const (
	magic   = "briefbook-ner-2\n"
	magicV1 = "briefbook-ner-1\n"
)

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
	if m.scale != 0 {
		scale = m.scale
	}
	if scale == 0 {
		scale = 1
	}
	cw := &countWriter{w: w}
	bw := bufio.NewWriter(cw)
	bw.WriteString(magic)
	var b []byte
	b = binary.AppendUvarint(b, uint64(len(order)))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(scale))
	bw.Write(b)
	var prev uint64
	var q [nTags]int16
	for _, i := range order {
		b = binary.AppendUvarint(b[:0], m.keys[i]-prev)
		prev = m.keys[i]
		var mask byte
		for c, v := range m.weights[i*nTags : (i+1)*nTags] {
			q[c] = int16(math.Round(float64(v) / scale))
			if q[c] != 0 {
				mask |= 1 << c
			}
		}
		b = append(b, mask)
		for _, v := range q {
			if v != 0 {
				b = binary.AppendVarint(b, int64(v))
			}
		}
		bw.Write(b)
	}
	err := bw.Flush()
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

// ReadModel reads a model written by WriteTo (or by its version 1); gz is
// the gazetteer it was trained with (nil for none).
func ReadModel(r io.Reader, gz Gazetteer) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		return readModelV1(bytes.NewReader(data), gz)
	}
	body, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok {
		return nil, errors.New("ner model: not a model file")
	}
	n, k := binary.Uvarint(body)
	if k <= 0 || n > maxFeatures || len(body) < k+8 {
		return nil, errors.New("ner model: damaged header")
	}
	scale := math.Float64frombits(binary.LittleEndian.Uint64(body[k:]))
	if math.IsNaN(scale) || math.IsInf(scale, 0) {
		return nil, errors.New("ner model: damaged header")
	}
	body = body[k+8:]
	// Each feature takes at least 2 bytes: a file shorter than that
	// cannot hold what it announces.
	if uint64(len(body)) < 2*n {
		return nil, fmt.Errorf("ner model: %d features announced, %d bytes hold them", n, len(body))
	}
	m := &Model{keys: make([]uint64, n), weights: make([]float32, int(n)*nTags), gaz: gz, scale: scale}
	var key uint64
	for i := range m.keys {
		d, k := binary.Uvarint(body)
		if k <= 0 || k >= len(body) {
			return nil, fmt.Errorf("ner model: feature %d of %d: truncated", i, n)
		}
		if i > 0 && d == 0 {
			return nil, fmt.Errorf("ner model: feature %d: hash repeated", i)
		}
		key += d
		m.keys[i] = key
		mask := body[k]
		body = body[k+1:]
		if mask>>nTags != 0 {
			return nil, fmt.Errorf("ner model: feature %d: damaged", i)
		}
		row := m.weights[i*nTags : (i+1)*nTags]
		for c := range row {
			if mask&(1<<c) == 0 {
				continue
			}
			v, k := binary.Varint(body)
			if k <= 0 || v < math.MinInt16 || v > math.MaxInt16 {
				return nil, fmt.Errorf("ner model: feature %d: damaged weight", i)
			}
			body = body[k:]
			row[c] = float32(float64(int16(v)) * scale)
		}
	}
	if len(body) != 0 {
		return nil, fmt.Errorf("ner model: %d bytes after the last feature", len(body))
	}
	return m.seal(), nil
}

// readModelV1 reads the version 1 format: magic, the number of features,
// a scale, then per feature in increasing hash order the hash and nTags
// int16 weights, all little-endian, gzip-compressed.
func readModelV1(r io.Reader, gz Gazetteer) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	head := make([]byte, len(magicV1)+16)
	if _, err := io.ReadFull(zr, head); err != nil || string(head[:len(magicV1)]) != magicV1 {
		return nil, errors.New("ner model: not a model file")
	}
	n := binary.LittleEndian.Uint64(head[len(magicV1):])
	scale := math.Float64frombits(binary.LittleEndian.Uint64(head[len(magicV1)+8:]))
	const rec = 8 + 2*nTags
	if n > maxFeatures || math.IsNaN(scale) || math.IsInf(scale, 0) {
		return nil, errors.New("ner model: damaged header")
	}
	body := make([]byte, n*rec)
	if _, err := io.ReadFull(zr, body); err != nil {
		return nil, fmt.Errorf("ner model: %d features announced: %w", n, err)
	}
	m := &Model{keys: make([]uint64, n), weights: make([]float32, int(n)*nTags), gaz: gz, scale: scale}
	for i := range m.keys {
		r := body[i*rec : (i+1)*rec]
		m.keys[i] = binary.LittleEndian.Uint64(r)
		for c := 0; c < nTags; c++ {
			m.weights[i*nTags+c] = float32(float64(int16(binary.LittleEndian.Uint16(r[8+2*c:]))) * scale)
		}
	}
	return m.seal(), nil
}
