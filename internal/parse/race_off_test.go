//go:build !race

package parse

// raceEnabled reports whether the race detector is on: timing asserts are
// skipped under it.
const raceEnabled = false
