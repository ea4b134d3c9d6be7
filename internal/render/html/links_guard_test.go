package html

import (
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

var hrefAttr = regexp.MustCompile(`href="([^"]*)"`)

// TestLinkGuard checks that whatever URL the model holds, the XHTML has an
// href only for http, https and mailto, and that every href is a valid URL
// (no character epubcheck reports as RSC-020), escaped once.
func TestLinkGuard(t_ *testing.T) {
	tests := []struct {
		url  string
		want string // "" when the link must be plain text
	}{
		{"javascript:alert(1)", ""},
		{"JaVaScRiPt:alert(1)", ""},
		{" javascript:alert(1)", ""},
		{"java\tscript:alert(1)", ""},
		{"vbscript:msgbox(1)", ""},
		{"data:text/html,x", ""},
		{"file:///etc/passwd", ""},
		{`\\host\share`, ""},
		{"//evil.example/x", ""},
		{"#s1", ""},
		{`https://x.example/"q"`, "https://x.example/%22q%22"},
		{"https://x.example/{a}|^`b`", "https://x.example/%7Ba%7D%7C%5E%60b%60"},
		{"https://x.example/#a#b", "https://x.example/#a%23b"},
		{"https://x.example/?a=1&b=2", "https://x.example/?a=1&amp;b=2"},
		{"https://x.example/ü", "https://x.example/%C3%BC"},
		{"https://x.example/a b", "https://x.example/a%20b"},
	}
	for _, tc := range tests {
		r := New(Options{})
		got := r.Inlines([]document.Inline{&document.Link{URL: tc.url, Inlines: []document.Inline{t("x")}}})
		m := hrefAttr.FindStringSubmatch(got)
		switch {
		case tc.want == "" && m != nil:
			t_.Errorf("%q: got a link: %s", tc.url, got)
		case tc.want == "" && got != "x":
			t_.Errorf("%q: got %q, want the text alone", tc.url, got)
		case tc.want != "" && (m == nil || m[1] != tc.want):
			t_.Errorf("%q: got %s, want href %q", tc.url, got, tc.want)
		}
		if m == nil {
			continue
		}
		href := strings.ReplaceAll(m[1], "&amp;", "&")
		if _, err := url.Parse(href); err != nil || strings.Count(href, "#") > 1 || strings.ContainsAny(href, " \"<>\\^`{|}") {
			t_.Errorf("%q: href %q is not a valid URL (%v)", tc.url, href, err)
		}
		if err := Check(got); err != nil {
			t_.Error(err)
		}
	}
}
