// Command builder-copy shows heap corruption from safe Go code: a slice of
// strings.Builder whose first backing store is on the stack grows, the
// copied builders keep their hidden self-pointer into the stack, the stack
// moves, and the garbage collector finds the dangling pointer.
//
//	go run main.go   # fatal error: found bad pointer in Go heap
//
// See README.md.
package main

import (
	"fmt"
	"runtime"
	"runtime/debug"
	"strings"
)

// deep uses about 4 KB of stack per level, so the stack must grow.
//
//go:noinline
func deep(n int) int {
	var pad [4096]byte
	pad[n%4096] = byte(n)
	if n == 0 {
		return int(pad[0])
	}
	return deep(n-1) + int(pad[n%4096])
}

var sink []string

// join appends builders to a local slice and writes to the last one, the
// way one builds one string per group of items. The slice does not escape,
// so its first backing store is on the stack; append then copies the
// non-zero builders to the heap.
//
//go:noinline
func join(parts []string) []string {
	var bs []strings.Builder
	for _, p := range parts {
		bs = append(bs, strings.Builder{})
		b := &bs[len(bs)-1]
		b.WriteString(p)
		deep(16) // the stack grows: it is copied and the old one freed
		runtime.GC()
	}
	out := make([]string, len(bs))
	for i := range bs {
		out[i] = bs[i].String()
	}
	return out
}

func main() {
	debug.SetGCPercent(1)
	for i := 0; i < 200; i++ {
		done := make(chan bool)
		go func() {
			sink = join([]string{"a", "b", "c", "d"})
			done <- true
		}()
		<-done
	}
	fmt.Println("no crash")
}
