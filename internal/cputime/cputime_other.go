//go:build !unix

package cputime

import "time"

// Precise reports that Now counts CPU time, not the clock.
const Precise = false

// Now returns the monotonic time since the process started: where the
// operating system gives no CPU times, the clock stands in.
func Now() time.Duration { return wall() }
