package main

import "runtime/debug"

// defaultMemoryLimit is the soft memory limit of a briefbook process when
// the user sets none: the garbage collector then works harder near it
// instead of letting the heap double. War and Peace (3.2 MB, all three
// formats) peaked at 362 MB of RSS without it and about 275 MB with it,
// in about the same time; a build whose live data needs more simply goes
// past it (the limit is soft).
const defaultMemoryLimit = 256 << 20

// setMemoryLimit applies defaultMemoryLimit unless GOMEMLIMIT is set, in
// which case the Go runtime has already applied the user's. It returns
// the limit it set, or -1.
func setMemoryLimit(getenv func(string) string) int64 {
	if getenv("GOMEMLIMIT") != "" {
		return -1
	}
	debug.SetMemoryLimit(defaultMemoryLimit)
	return defaultMemoryLimit
}
