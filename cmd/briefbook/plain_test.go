package main

import "testing"

func TestPlainValueAndCount(t *testing.T) {
	for _, tt := range []struct {
		v    any
		want string
	}{
		{4.5e9, "4500000000"},
		{0.35, "0.35"},
		{[]float64{1.1e6, 1.5e6}, "1100000–1500000"},
		{[]any{1.0, 5000.0}, "1–5000"},
		{7, "7"},
	} {
		if got := plainValue(tt.v); got != tt.want {
			t.Errorf("plainValue(%v) = %q, want %q", tt.v, got, tt.want)
		}
	}
	if got := countOf(1, "warning", "warnings"); got != "1 warning" {
		t.Errorf("countOf(1) = %q", got)
	}
	if got := countOf(0, "warning", "warnings"); got != "0 warnings" {
		t.Errorf("countOf(0) = %q", got)
	}
}
