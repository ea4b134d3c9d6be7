package document

import (
	"strings"
	"testing"
)

// FuzzCheckLink checks the allow-list's promises on any input: no panic;
// the target comes back as printable ASCII without spaces, unchanged by a
// second normalisation; and a target let through as external starts with
// an allowed scheme.
func FuzzCheckLink(f *testing.F) {
	for _, s := range []string{
		"https://example.org/a b", "javascript:alert(1)", "JaVaScRiPt:x", "java\tscript:x", "%6Aavascript:x",
		"//host/x", `\\host\share`, `http:\\host`, "mailto:a@b", "#id", "#a#b", "http://x/%zz%41", "\x00http://x",
		"data:text/html,<b>", "file:///etc/passwd", "http://h/ä€😀", "\xff\xfe",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		u, kind := CheckLink(s)
		for i := 0; i < len(u); i++ {
			if u[i] <= ' ' || u[i] >= 0x7f {
				t.Fatalf("CheckLink(%q) = %q: byte %#x", s, u, u[i])
			}
		}
		if again := NormalizeURL(u); again != u {
			t.Fatalf("NormalizeURL not idempotent: %q → %q → %q", s, u, again)
		}
		if strings.Count(u, "#") > 1 {
			t.Fatalf("CheckLink(%q) = %q: two fragments", s, u)
		}
		switch kind {
		case LinkExternal:
			l := strings.ToLower(u)
			if !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") && !strings.HasPrefix(l, "mailto:") {
				t.Fatalf("CheckLink(%q) = %q let through as external", s, u)
			}
		case LinkInternal:
			if !strings.HasPrefix(u, "#") || len(u) < 2 {
				t.Fatalf("CheckLink(%q) = %q let through as internal", s, u)
			}
		}
	})
}
