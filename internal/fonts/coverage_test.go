package fonts

import (
	"testing"

	"github.com/briefbook/briefbook/assets"
)

func TestCoverageRanges(t *testing.T) {
	set := func(rs ...rune) *Coverage {
		c := &Coverage{}
		for _, r := range rs {
			c[r/64] |= 1 << (r % 64)
		}
		return c
	}
	tests := []struct {
		c, minus *Coverage
		want     string
	}{
		{set(), nil, ""},
		{set('A', 'B', 'C', 0x4E00, 0xFFFF), nil, "U+000041-000043, U+004E00, U+00FFFF"},
		{set('A', 'B', 'C', 0x4E00), set('B'), "U+000041, U+000043, U+004E00"},
		{set('A'), set('A'), ""},
		{set(63, 64, 65), nil, "U+00003F-000041"},
	}
	for _, tt := range tests {
		if got := tt.c.Ranges(tt.minus); got != tt.want {
			t.Errorf("Ranges = %q, want %q", got, tt.want)
		}
	}
}

func TestFaceCoverage(t *testing.T) {
	f, err := Load(assets.Mono)
	if err != nil {
		t.Fatal(err)
	}
	c := f.Coverage()
	for _, r := range []rune{'A', 'ә', '☕', '□'} {
		if !c.Has(r) || !f.Has(r) {
			t.Errorf("coverage lacks %q", r)
		}
	}
	for _, r := range []rune{'中', '⌚', 0x1F600, -1} {
		if c.Has(r) {
			t.Errorf("coverage has %q", r)
		}
	}
	if f.Coverage() != c {
		t.Error("coverage computed twice")
	}
}
