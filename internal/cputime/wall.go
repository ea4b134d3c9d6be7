package cputime

import "time"

var start = time.Now()

// wall is the monotonic time since the package was loaded.
func wall() time.Duration { return time.Since(start) }
