package ner

// table maps feature hashes to rows of weights: open addressing with
// linear probing over a power-of-two array, faster than a Go map for the
// millions of look-ups a long document makes. The hashes are FNV-1a
// values, already well spread, so their low bits index the array.
type table struct {
	keys []uint64 // 0 marks an empty slot; a zero hash is stored in zero
	offs []int32
	mask uint64
	zero int32 // offset of the row of hash 0, or -1
}

func newTable(n int) *table {
	size := 1
	for size < 2*n+1 {
		size <<= 1
	}
	return &table{keys: make([]uint64, size), offs: make([]int32, size), mask: uint64(size - 1), zero: -1}
}

func (t *table) put(k uint64, off int32) {
	if k == 0 {
		t.zero = off
		return
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		if t.keys[i] == 0 || t.keys[i] == k {
			t.keys[i], t.offs[i] = k, off
			return
		}
	}
}

func (t *table) get(k uint64) (int32, bool) {
	if k == 0 {
		return t.zero, t.zero >= 0
	}
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.offs[i], true
		case 0:
			return 0, false
		}
	}
}
