// Package cputime reads the CPU time this process has used, for tests that
// bound how long work takes. Wall-clock time measures the machine's load as
// much as the work: on a shared two-core CI machine a linear-time check by
// the clock fails whenever another test binary runs beside it. CPU time
// counts only what this process did.
package cputime

import "time"

// Since returns the CPU time used since start, a value of Now.
func Since(start time.Duration) time.Duration { return Now() - start }
