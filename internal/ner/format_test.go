package ner

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"math"
	"slices"
	"testing"
)

// writeV1 writes m in the version 1 format (gzip of fixed-width records),
// as WriteTo did before version 2.
func writeV1(t *testing.T, m *Model) []byte {
	t.Helper()
	order := make([]int, len(m.keys))
	var maxAbs float64
	for i := range order {
		order[i] = i
	}
	for _, v := range m.weights {
		maxAbs = math.Max(maxAbs, math.Abs(float64(v)))
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(m.keys[a], m.keys[b]) })
	scale := maxAbs / math.MaxInt16
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	b := []byte(magicV1)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(order)))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(scale))
	for _, i := range order {
		b = binary.LittleEndian.AppendUint64(b, m.keys[i])
		for _, v := range m.weights[i*nTags : (i+1)*nTags] {
			b = binary.LittleEndian.AppendUint16(b, uint16(int16(math.Round(float64(v)/scale))))
		}
	}
	zw.Write(b)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sameWeights fails unless a and b hold the same features with bit-equal
// weights.
func sameWeights(t *testing.T, what string, a, b *Model) {
	t.Helper()
	if !slices.Equal(a.keys, b.keys) || len(a.weights) != len(b.weights) {
		t.Fatalf("%s: features differ", what)
	}
	for i := range a.weights {
		if math.Float32bits(a.weights[i]) != math.Float32bits(b.weights[i]) {
			t.Fatalf("%s: weight %d is %v, want %v", what, i, b.weights[i], a.weights[i])
		}
	}
}

// TestModelFormats: a version 1 file reads as the same weights as the
// version 2 file written from it, and writing a model read from a file
// gives the same bytes and weights back.
func TestModelFormats(t *testing.T) {
	trained := Train(tiny, TrainOptions{Epochs: 5})
	v1, err := ReadModel(bytes.NewReader(writeV1(t, trained)), nil)
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	if _, err := v1.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(a.Bytes(), []byte(magic)) {
		t.Fatalf("WriteTo does not write version 2: %q", a.Bytes()[:16])
	}
	v2, err := ReadModel(bytes.NewReader(a.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	sameWeights(t, "v1 → v2", v1, v2)
	if _, err := v2.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("writing a model read back gives other bytes")
	}
	// A trained model quantizes as version 1 did.
	var c bytes.Buffer
	if _, err := trained.WriteTo(&c); err != nil {
		t.Fatal(err)
	}
	fromTrained, err := ReadModel(bytes.NewReader(c.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	sameWeights(t, "trained", v1, fromTrained)
}

// TestEmbeddedModelFiles: both embedded models read, with their features.
func TestEmbeddedModelFiles(t *testing.T) {
	for name, tc := range map[string]struct {
		m    *Model
		data []byte
		n    int
	}{"en": {English(), englishModel, 191948}, "ru": {Russian(), russianModel, 48626}} {
		if tc.m == nil {
			t.Fatalf("%s: the embedded model does not read", name)
		}
		if tc.m.Features() != tc.n {
			t.Errorf("%s: %d features, want %d", name, tc.m.Features(), tc.n)
		}
		if !bytes.HasPrefix(tc.data, []byte(magic)) {
			t.Errorf("%s: not in the version 2 format", name)
		}
	}
}

// TestReadModelDamagedV2: a damaged version 2 file is an error, never a
// panic or a huge allocation.
func TestReadModelDamagedV2(t *testing.T) {
	var good bytes.Buffer
	if _, err := Train(tiny, TrainOptions{Epochs: 2}).WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	g := good.Bytes()
	head := func(n uint64) []byte {
		b := binary.AppendUvarint([]byte(magic), n)
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(0.01))
	}
	cases := map[string][]byte{
		"magic only":     []byte(magic),
		"huge count":     head(1 << 40),
		"count too big":  head(1000),
		"nan scale":      binary.LittleEndian.AppendUint64(binary.AppendUvarint([]byte(magic), 1), math.Float64bits(math.NaN())),
		"mask bit 7":     append(head(1), 5, 0x80),
		"weight too big": binary.AppendVarint(append(head(1), 5, 1), 40000),
		"repeated hash":  append(head(2), 5, 0, 0, 0),
		"trailing":       append(slices.Clone(g), 0),
	}
	for cut := len(magic); cut < len(g); cut += max(1, len(g)/50) {
		if _, err := ReadModel(bytes.NewReader(g[:cut]), nil); err == nil {
			t.Errorf("cut at %d of %d: no error", cut, len(g))
		}
	}
	for name, data := range cases {
		if _, err := ReadModel(bytes.NewReader(data), nil); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if _, err := ReadModel(bytes.NewReader(g), nil); err != nil {
		t.Errorf("the good file: %v", err)
	}
}
