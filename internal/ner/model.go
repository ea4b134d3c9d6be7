package ner

import (
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
	// keys and weights hold a model trained, or read from a file of
	// version 1 or 2: feature hashes, one per row of nTags weights.
	keys    []uint64
	weights []float32
	fast    *table // keys → offsets, for tagging; built by seal
	// flat holds the weights of a model read from a version 3 file, in
	// place (keys and weights are then nil).
	flat *flat
	gaz  Gazetteer
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
func (m *Model) Features() int {
	if m.flat != nil {
		return m.flat.n
	}
	return len(m.keys)
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
	if m.flat != nil {
		m.flat.add(f, score)
		return
	}
	if off, ok := m.fast.get(f); ok {
		row := m.weights[off : off+nTags]
		for c := range score {
			score[c] += float64(row[c])
		}
	}
}

// The file format (version 3): magic, the number of features as a
// little-endian uint32 and a scale as a little-endian float64, then the
// features' hashes in increasing order (uint64 each), then per feature in
// the same order its nTags weights as int16 (weight = int16 × scale), all
// little-endian. Every record has a fixed width, so the embedded models are
// used where they lie (see flat) and reading one decodes nothing; the file
// is larger than version 2 (varint hashes and weights, two thirds of the
// weights left out as zero), which had to be decoded into a hash table at
// start, the largest fixed cost of a small build after the gazetteer.
// ReadModel still reads versions 1 and 2.
const (
	magic   = "briefbook-ner-3\n"
	magicV2 = "briefbook-ner-2\n"
	magicV1 = "briefbook-ner-1\n"
)

// quantized returns the model's hashes in increasing order, their weights
// as multiples of the scale (nTags per hash), and the scale.
func (m *Model) quantized() (keys []uint64, q []int16, scale float64) {
	if f := m.flat; f != nil {
		keys = make([]uint64, f.n)
		q = make([]int16, f.n*nTags)
		for i := range keys {
			keys[i] = f.hashes[i]
			for c := range nTags {
				q[i*nTags+c] = f.q(i, c)
			}
		}
		return keys, q, f.scale
	}
	order := make([]int, len(m.keys))
	var maxAbs float64
	for i := range m.keys {
		order[i] = i
	}
	for _, v := range m.weights {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(m.keys[a], m.keys[b]) })
	scale = maxAbs / math.MaxInt16
	if m.scale != 0 {
		scale = m.scale
	}
	if scale == 0 {
		scale = 1
	}
	keys = make([]uint64, len(order))
	q = make([]int16, len(order)*nTags)
	for j, i := range order {
		keys[j] = m.keys[i]
		for c, v := range m.weights[i*nTags : (i+1)*nTags] {
			q[j*nTags+c] = int16(math.Round(float64(v) / scale))
		}
	}
	return keys, q, scale
}

// WriteTo writes the model in the version 3 format; the same model gives
// the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	keys, q, scale := m.quantized()
	b := make([]byte, 0, len(magic)+12+8*len(keys)+2*len(q))
	b = append(b, magic...)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(keys)))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(scale))
	for _, k := range keys {
		b = binary.LittleEndian.AppendUint64(b, k)
	}
	for _, v := range q {
		b = binary.LittleEndian.AppendUint16(b, uint16(v))
	}
	n, err := w.Write(b)
	return int64(n), err
}

// maxFeatures bounds what ReadModel accepts, so a damaged file cannot ask
// for gigabytes.
const maxFeatures = 1 << 23

// ReadModel reads a model written by WriteTo (or by its versions 1 and
// 2); gz is the gazetteer it was trained with (nil for none).
func ReadModel(r io.Reader, gz Gazetteer) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("ner model: %w", err)
	}
	return readModel(data, gz)
}

// readModel reads a model from data; a version 3 model keeps data and
// reads its weights there, so data must not change.
func readModel(data []byte, gz Gazetteer) (*Model, error) {
	if len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b {
		return readModelV1(bytes.NewReader(data), gz)
	}
	if body, ok := bytes.CutPrefix(data, []byte(magicV2)); ok {
		return readModelV2(body, gz)
	}
	body, ok := bytes.CutPrefix(data, []byte(magic))
	if !ok || len(body) < 12 {
		return nil, errors.New("ner model: not a model file")
	}
	n := binary.LittleEndian.Uint32(body)
	scale := math.Float64frombits(binary.LittleEndian.Uint64(body[4:]))
	if n > maxFeatures || math.IsNaN(scale) || math.IsInf(scale, 0) {
		return nil, errors.New("ner model: damaged header")
	}
	body = body[12:]
	if uint64(len(body)) != uint64(n)*(8+2*nTags) {
		return nil, fmt.Errorf("ner model: %d features need %d bytes, the file holds %d", n, uint64(n)*(8+2*nTags), len(body))
	}
	f, err := newFlat(int(n), body[:8*n], body[8*n:], scale)
	if err != nil {
		return nil, err
	}
	return &Model{flat: f, gaz: gz, scale: scale}, nil
}

// readModelV2 reads the body of a version 2 file, after its magic: the
// number of features as a uvarint and a scale as a little-endian float64,
// then per feature in increasing hash order the hash less the one before it
// (uvarint), a byte whose bit c says that tag c has a nonzero weight, and
// those weights as varints (weight = int16 × scale).
func readModelV2(body []byte, gz Gazetteer) (*Model, error) {
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
