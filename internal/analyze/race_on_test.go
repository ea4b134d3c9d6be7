//go:build race

package analyze

// raceEnabled reports whether the race detector is on: timing asserts are
// skipped under it.
const raceEnabled = true
