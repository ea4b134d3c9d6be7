package ner

import (
	"encoding/binary"
	"fmt"
	"math/bits"
)

// flat holds the weights of a model read from a version 3 file where they
// lie, quantized, at fixed width, so that reading a model decodes no
// weights. The features' hashes are copied out in one pass over them that
// checks their order and builds a directory on their top bits, which
// narrows a look-up to one or two hashes (a millisecond for the English
// model's 192 000 features; decoding its weights into a hash table took
// twenty).
type flat struct {
	n       int
	hashes  []uint64 // increasing
	weights []byte   // n × nTags little-endian int16 weights (× scale)
	scale   float64
	shift   uint     // a hash's bucket is hash >> shift
	dir     []uint32 // dir[b] is the first feature of bucket b or after; len buckets+1
}

// newFlat checks that the hashes increase and builds the directory.
func newFlat(n int, keys, weights []byte, scale float64) (*flat, error) {
	if len(keys) != 8*n || len(weights) != 2*nTags*n {
		return nil, fmt.Errorf("ner model: %d features need %d bytes, the file holds %d", n, 8*n+2*nTags*n, len(keys)+len(weights))
	}
	// About one feature per bucket: 2^b buckets for b one less than the
	// bits of n.
	b := max(bits.Len(uint(n))-1, 0)
	f := &flat{n: n, hashes: make([]uint64, n), weights: weights, scale: scale, shift: uint(64 - b), dir: make([]uint32, 1<<b+1)}
	bucket := 0
	var prev uint64
	for i := range n {
		k := binary.LittleEndian.Uint64(keys[8*i:])
		if i > 0 && k <= prev {
			return nil, fmt.Errorf("ner model: feature %d: hashes out of order", i)
		}
		prev = k
		f.hashes[i] = k
		for kb := int(k >> f.shift); bucket < kb; {
			bucket++
			f.dir[bucket] = uint32(i)
		}
	}
	for bucket < len(f.dir)-1 {
		bucket++
		f.dir[bucket] = uint32(n)
	}
	return f, nil
}

// find returns the number of the feature of hash k.
func (f *flat) find(k uint64) (int, bool) {
	b := k >> f.shift
	for i, h := range f.hashes[f.dir[b]:f.dir[b+1]] {
		switch {
		case h == k:
			return int(f.dir[b]) + i, true
		case h > k:
			return 0, false
		}
	}
	return 0, false
}

// q returns the quantized weight of feature i for tag c.
func (f *flat) q(i, c int) int16 {
	return int16(binary.LittleEndian.Uint16(f.weights[2*(i*nTags+c):]))
}

// add adds the weights of the feature of hash k to score, as float32
// values of the quantized weights times the scale, like a model whose
// weights were decoded into memory. Two thirds of the weights are zero and
// are skipped: a score is never -0, so adding +0 changes nothing.
func (f *flat) add(k uint64, score *[nTags]float64) {
	i, ok := f.find(k)
	if !ok {
		return
	}
	row := f.weights[2*nTags*i:][:2*nTags]
	for c := range score {
		if v := int16(uint16(row[2*c]) | uint16(row[2*c+1])<<8); v != 0 {
			score[c] += float64(float32(float64(v) * f.scale))
		}
	}
}
