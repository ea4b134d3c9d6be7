package ner

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
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

// writeV2 writes m in the version 2 format (varint deltas of the hashes,
// a mask of the nonzero weights, varint weights), as WriteTo did before
// version 3.
func writeV2(m *Model) []byte {
	keys, q, scale := m.quantized()
	b := []byte(magicV2)
	b = binary.AppendUvarint(b, uint64(len(keys)))
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(scale))
	var prev uint64
	for i, k := range keys {
		b = binary.AppendUvarint(b, k-prev)
		prev = k
		var mask byte
		row := q[i*nTags : (i+1)*nTags]
		for c, v := range row {
			if v != 0 {
				mask |= 1 << c
			}
		}
		b = append(b, mask)
		for _, v := range row {
			if v != 0 {
				b = binary.AppendVarint(b, int64(v))
			}
		}
	}
	return b
}

// decoded returns m's hashes in increasing order and its weights as the
// tagger adds them.
func decoded(m *Model) ([]uint64, []float32) {
	if m.flat == nil {
		order := make([]int, len(m.keys))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(m.keys[a], m.keys[b]) })
		keys := make([]uint64, len(order))
		ws := make([]float32, 0, len(m.weights))
		for j, i := range order {
			keys[j] = m.keys[i]
			ws = append(ws, m.weights[i*nTags:(i+1)*nTags]...)
		}
		return keys, ws
	}
	keys := make([]uint64, m.flat.n)
	ws := make([]float32, 0, m.flat.n*nTags)
	for i := range keys {
		keys[i] = m.flat.hashes[i]
		var score [nTags]float64
		m.addWeights(keys[i], &score)
		for _, v := range score {
			ws = append(ws, float32(v))
		}
	}
	return keys, ws
}

// sameWeights fails unless a and b hold the same features with bit-equal
// weights.
func sameWeights(t *testing.T, what string, a, b *Model) {
	t.Helper()
	ak, aw := decoded(a)
	bk, bw := decoded(b)
	if !slices.Equal(ak, bk) || len(aw) != len(bw) {
		t.Fatalf("%s: features differ", what)
	}
	for i := range aw {
		if math.Float32bits(aw[i]) != math.Float32bits(bw[i]) {
			t.Fatalf("%s: weight %d is %v, want %v", what, i, bw[i], aw[i])
		}
	}
}

// TestModelFormats: version 1 and 2 files read as the same weights as the
// version 3 file written from them, and writing a model read from a file
// gives the same bytes and weights back.
func TestModelFormats(t *testing.T) {
	trained := Train(tiny, TrainOptions{Epochs: 5})
	v1, err := ReadModel(bytes.NewReader(writeV1(t, trained)), nil)
	if err != nil {
		t.Fatal(err)
	}
	v2, err := ReadModel(bytes.NewReader(writeV2(trained)), nil)
	if err != nil {
		t.Fatal(err)
	}
	sameWeights(t, "v1 → v2", v1, v2)
	var a, b bytes.Buffer
	if _, err := v2.WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(a.Bytes(), []byte(magic)) {
		t.Fatalf("WriteTo does not write version 3: %q", a.Bytes()[:16])
	}
	v3, err := ReadModel(bytes.NewReader(a.Bytes()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if v3.flat == nil {
		t.Fatal("a version 3 file is not read in place")
	}
	sameWeights(t, "v2 → v3", v2, v3)
	if _, err := v3.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("writing a model read back gives other bytes")
	}
	if !bytes.Equal(writeV2(v3), writeV2(v2)) {
		t.Error("a version 3 model written as version 2 gives other bytes")
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
	for _, s := range tiny {
		if got, want := fromTrained.Tag(s.Tokens), v2.Tag(s.Tokens); !slices.Equal(got, want) {
			t.Errorf("%q: version 3 tags %v, version 2 %v", s.Tokens, got, want)
		}
	}
}

// TestEmbeddedModelFiles: both embedded models read in place, with their
// features, and hold exactly the weights of the version 2 files they
// replaced: written back as version 2, they give those files' bytes (whose
// SHA-256 is recorded here).
func TestEmbeddedModelFiles(t *testing.T) {
	for name, tc := range map[string]struct {
		m    *Model
		data []byte
		n    int
		v2   string
	}{
		"en": {English(), englishModel, 191948, "4d00ee04b02de8d8e5099d59eef8a61965abf4283823041e707795fdaa421699"},
		"ru": {Russian(), russianModel, 48626, "bb4c651d2e6b8cbb5a19e9d3fe3f9ff1662f74a1b6af942a8a78ec4d0efd4e10"},
	} {
		if tc.m == nil {
			t.Fatalf("%s: the embedded model does not read", name)
		}
		if tc.m.Features() != tc.n {
			t.Errorf("%s: %d features, want %d", name, tc.m.Features(), tc.n)
		}
		if !bytes.HasPrefix(tc.data, []byte(magic)) || tc.m.flat == nil {
			t.Errorf("%s: not in the version 3 format, read in place", name)
		}
		if sum := sha256.Sum256(writeV2(tc.m)); hex.EncodeToString(sum[:]) != tc.v2 {
			t.Errorf("%s: written as version 2, SHA-256 %x, want %s", name, sum, tc.v2)
		}
	}
}

// TestReadModelDamagedV2: a damaged version 2 file is an error, never a
// panic or a huge allocation.
func TestReadModelDamagedV2(t *testing.T) {
	g := writeV2(Train(tiny, TrainOptions{Epochs: 2}))
	head := func(n uint64) []byte {
		b := binary.AppendUvarint([]byte(magicV2), n)
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(0.01))
	}
	cases := map[string][]byte{
		"magic only":     []byte(magicV2),
		"huge count":     head(1 << 40),
		"count too big":  head(1000),
		"nan scale":      binary.LittleEndian.AppendUint64(binary.AppendUvarint([]byte(magicV2), 1), math.Float64bits(math.NaN())),
		"mask bit 7":     append(head(1), 5, 0x80),
		"weight too big": binary.AppendVarint(append(head(1), 5, 1), 40000),
		"repeated hash":  append(head(2), 5, 0, 0, 0),
		"trailing":       append(slices.Clone(g), 0),
	}
	for cut := len(magicV2); cut < len(g); cut += max(1, len(g)/50) {
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

// TestReadModelDamagedV3: a damaged version 3 file is an error, never a
// panic or a huge allocation.
func TestReadModelDamagedV3(t *testing.T) {
	var good bytes.Buffer
	if _, err := Train(tiny, TrainOptions{Epochs: 2}).WriteTo(&good); err != nil {
		t.Fatal(err)
	}
	g := good.Bytes()
	head := func(n uint32, scale float64) []byte {
		b := binary.LittleEndian.AppendUint32([]byte(magic), n)
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(scale))
	}
	row := make([]byte, 2*nTags)
	key := func(k uint64) []byte { return binary.LittleEndian.AppendUint64(nil, k) }
	cases := map[string][]byte{
		"magic only":    []byte(magic),
		"huge count":    head(1<<31, 0.01),
		"count too big": head(1000, 0.01),
		"nan scale":     head(0, math.NaN()),
		"inf scale":     head(0, math.Inf(1)),
		"repeated hash": slices.Concat(head(2, 0.01), key(5), key(5), row, row),
		"hashes down":   slices.Concat(head(2, 0.01), key(9), key(5), row, row),
		"trailing":      append(slices.Clone(g), 0),
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
	empty, err := ReadModel(bytes.NewReader(head(0, 1)), nil)
	if err != nil || empty.Features() != 0 || empty.Tag([]string{"Anna", "Petrova"}) != nil {
		t.Errorf("an empty model: %v", err)
	}
	if _, err := ReadModel(bytes.NewReader(g), nil); err != nil {
		t.Errorf("the good file: %v", err)
	}
}

// TestFlatFind: every hash of a model read in place is found, in its own
// bucket, and hashes between, before and after them are not.
func TestFlatFind(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 100, 1000} {
		var keys []byte
		ks := make([]uint64, n)
		for i := range ks {
			// Spread over the whole range, with a cluster at the top.
			ks[i] = uint64(i+1) * (math.MaxUint64 / uint64(n+2))
			if i >= n-3 {
				ks[i] = math.MaxUint64 - uint64(n-i)
			}
		}
		slices.Sort(ks)
		ks = slices.Compact(ks)
		for _, k := range ks {
			keys = binary.LittleEndian.AppendUint64(keys, k)
		}
		f, err := newFlat(len(ks), keys, make([]byte, 2*nTags*len(ks)), 1)
		if err != nil {
			t.Fatal(err)
		}
		for i, k := range ks {
			if j, ok := f.find(k); !ok || j != i {
				t.Fatalf("n=%d: find(%#x) = %d, %v; want %d", n, k, j, ok, i)
			}
			if k > 0 && (i == 0 || ks[i-1] != k-1) {
				if _, ok := f.find(k - 1); ok {
					t.Fatalf("n=%d: find(%#x) found a hash that is not there", n, k-1)
				}
			}
		}
		for _, k := range []uint64{0, 1, math.MaxUint64 / 3} {
			if _, ok := f.find(k); ok && !slices.Contains(ks, k) {
				t.Fatalf("n=%d: find(%#x) found a hash that is not there", n, k)
			}
		}
	}
}
