package cputime

import (
	"testing"
	"time"
)

func TestNowCountsWorkNotSleep(t *testing.T) {
	if !Precise {
		t.Skip("no CPU times on this system: Now is the clock")
	}
	s := Now()
	time.Sleep(200 * time.Millisecond)
	if d := Since(s); d > 100*time.Millisecond {
		t.Errorf("sleeping 200 ms used %v of CPU", d)
	}
	s = Now()
	x := 0
	for deadline := time.Now().Add(100 * time.Millisecond); time.Now().Before(deadline); {
		x++
	}
	if d := Since(s); d < 20*time.Millisecond {
		t.Errorf("100 ms of work counted as %v (x=%d)", d, x)
	}
}
