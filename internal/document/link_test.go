package document

import (
	"net/url"
	"strings"
	"testing"
)

func TestCheckLink(t *testing.T) {
	tests := []struct {
		in   string
		want string
		kind LinkKind
	}{
		{"https://example.org/a?b=c#d", "https://example.org/a?b=c#d", LinkExternal},
		{"HTTP://EXAMPLE.ORG", "HTTP://EXAMPLE.ORG", LinkExternal},
		{"  http://example.org/x  ", "http://example.org/x", LinkExternal},
		{"mailto:a@example.org", "mailto:a@example.org", LinkExternal},
		{"MailTo:a@example.org", "MailTo:a@example.org", LinkExternal},
		{"http://пример.рф/путь", "http://%D0%BF%D1%80%D0%B8%D0%BC%D0%B5%D1%80.%D1%80%D1%84/%D0%BF%D1%83%D1%82%D1%8C", LinkExternal},
		{"#s1", "#s1", LinkInternal},
		{"#", "#", LinkRefused},
		{"javascript:app.alert(1)", "javascript:app.alert(1)", LinkRefused},
		{"JaVaScRiPt:alert(1)", "JaVaScRiPt:alert(1)", LinkRefused},
		{" javascript:alert(1)", "javascript:alert(1)", LinkRefused},
		{"\x01javascript:alert(1)", "javascript:alert(1)", LinkRefused},
		{"java\tscript:alert(1)", "java%09script:alert(1)", LinkRefused},
		{"java\nscript:alert(1)", "java%0Ascript:alert(1)", LinkRefused},
		{"java\x00script:alert(1)", "java%00script:alert(1)", LinkRefused},
		{"%6Aavascript:alert(1)", "%6Aavascript:alert(1)", LinkRefused},
		{"vbscript:msgbox(1)", "vbscript:msgbox(1)", LinkRefused},
		{"data:text/html;base64,PHNjcmlwdD4=", "data:text/html;base64,PHNjcmlwdD4=", LinkRefused},
		{"file:///etc/passwd", "file:///etc/passwd", LinkRefused},
		{"FILE://host/share", "FILE://host/share", LinkRefused},
		{`\\host\share`, "%5C%5Chost%5Cshare", LinkRefused},
		{`http:\\host\share`, "http:%5C%5Chost%5Cshare", LinkRefused},
		{`http://\host`, "http://%5Chost", LinkRefused},
		{"//evil.example/x", "//evil.example/x", LinkRefused},
		{"http:evil", "http:evil", LinkRefused},
		{"https://", "https://", LinkRefused},
		{"http:///x", "http:///x", LinkRefused},
		{"mailto:", "mailto:", LinkRefused},
		{"ftp://example.org", "ftp://example.org", LinkRefused},
		{"notes.md", "notes.md", LinkRefused},
		{"", "", LinkRefused},
		{"a@example.org", "a@example.org", LinkRefused},
	}
	for _, tt := range tests {
		got, kind := CheckLink(tt.in)
		if got != tt.want || kind != tt.kind {
			t.Errorf("CheckLink(%q) = %q, %d; want %q, %d", tt.in, got, kind, tt.want, tt.kind)
		}
	}
}

func TestNormalizeURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"http://x.org/a b", "http://x.org/a%20b"},
		{`http://x.org/"q"`, "http://x.org/%22q%22"},
		{"http://x.org/{a}|^`\\<>", "http://x.org/%7Ba%7D%7C%5E%60%5C%3C%3E"},
		{"http://x.org/#a#b", "http://x.org/#a%23b"},
		{"http://x.org/%20%zz%4", "http://x.org/%20%25zz%254"},
		{"http://x.org/a&b", "http://x.org/a&b"},
		{"http://x.org/ü", "http://x.org/%C3%BC"},
		{"http://x.org/\x1b[41m\u009bx", "http://x.org/%1B%5B41m%C2%9Bx"},
		{"http://x.org/\xff", "http://x.org/%EF%BF%BD"},
		{"\u0085 http://x.org \u009f", "http://x.org"},
	}
	for _, tt := range tests {
		got := NormalizeURL(tt.in)
		if got != tt.want {
			t.Errorf("NormalizeURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := NormalizeURL(got); again != got {
			t.Errorf("NormalizeURL not idempotent on %q: %q", got, again)
		}
		if _, err := url.Parse(got); err != nil {
			t.Errorf("NormalizeURL(%q) = %q: %v", tt.in, got, err)
		}
		for _, c := range []byte(got) {
			if c <= ' ' || c >= 0x7f || strings.IndexByte("\"<>\\^`{|}", c) >= 0 {
				t.Errorf("NormalizeURL(%q) = %q holds %q", tt.in, got, c)
			}
		}
	}
}
