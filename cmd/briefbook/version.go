package main

import (
	"runtime/debug"
	"strings"
)

// version describes this build: the module version ("v1.2.0", or "(devel)"
// for a build from a checkout), the commit it was built from when the Go
// toolchain recorded one, and the Go version. It reads only what the
// toolchain embedded, never the clock.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "briefbook (unknown version)"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	parts := []string{"briefbook", v}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev != "" {
		if len(rev) > 12 {
			rev = rev[:12]
		}
		if modified == "true" {
			rev += "+modified"
		}
		parts = append(parts, "commit "+rev)
	}
	parts = append(parts, info.GoVersion)
	return strings.Join(parts, " ")
}
