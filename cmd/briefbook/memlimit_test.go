package main

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestSetMemoryLimit(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	env := func(v string) func(string) string {
		return func(k string) string {
			if k == "GOMEMLIMIT" {
				return v
			}
			return ""
		}
	}
	if got := setMemoryLimit(env("")); got != defaultMemoryLimit || debug.SetMemoryLimit(-1) != defaultMemoryLimit {
		t.Errorf("no GOMEMLIMIT: set %d, runtime has %d; want %d", got, debug.SetMemoryLimit(-1), defaultMemoryLimit)
	}
	debug.SetMemoryLimit(math.MaxInt64)
	if got := setMemoryLimit(env("1GiB")); got != -1 || debug.SetMemoryLimit(-1) != math.MaxInt64 {
		t.Errorf("GOMEMLIMIT set: set %d, runtime has %d; want the user's limit kept", got, debug.SetMemoryLimit(-1))
	}
}
