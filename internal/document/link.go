package document

import (
	"strings"
	"unicode/utf8"
)

// LinkKind says what a link target may become in an output.
type LinkKind int

// Link kinds, as decided by CheckLink.
const (
	// LinkRefused: the target must not become a link; its text is kept.
	LinkRefused LinkKind = iota
	// LinkExternal: an http, https or mailto URL.
	LinkExternal
	// LinkInternal: a "#fragment" naming an anchor in the document.
	LinkInternal
)

// AllowedSchemes are the only URL schemes that may become clickable links
// in any output (compared case-insensitively).
var AllowedSchemes = []string{"http", "https", "mailto"}

// CheckLink is the one allow-list for link targets, used by the Markdown
// reader and, as a last guard, by every renderer. It returns target as
// NormalizeURL writes it and its kind: LinkExternal for http and https URLs
// with a host ("scheme://host…") and mailto URLs with an address,
// LinkInternal for "#fragment", LinkRefused for anything else — other
// schemes (javascript:, vbscript:, data:, file:, …), relative and
// protocol-relative ("//host") references, backslash (UNC) paths. Leading
// and trailing white space and control characters are ignored, as browsers
// ignore them; inside the target they are percent-encoded first, so
// "java\tscript:" or "%6Aavascript:" have no scheme at all and are refused.
func CheckLink(target string) (string, LinkKind) {
	u := NormalizeURL(target)
	if strings.HasPrefix(u, "#") {
		if len(u) > 1 {
			return u, LinkInternal
		}
		return u, LinkRefused
	}
	scheme, rest, ok := splitScheme(u)
	if !ok {
		return u, LinkRefused
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		host, found := strings.CutPrefix(rest, "//")
		if !found || host == "" || strings.IndexByte("/?#", host[0]) >= 0 || strings.HasPrefix(strings.ToUpper(host), "%5C") {
			return u, LinkRefused
		}
		return u, LinkExternal
	case "mailto":
		if rest == "" || rest[0] == '/' || rest[0] == '?' {
			return u, LinkRefused
		}
		return u, LinkExternal
	}
	return u, LinkRefused
}

// splitScheme splits u at the colon after an RFC 3986 scheme
// (ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )); ok is false when u does not
// start with one.
func splitScheme(u string) (scheme, rest string, ok bool) {
	for i := 0; i < len(u); i++ {
		c := u[i]
		switch {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
		case i > 0 && ('0' <= c && c <= '9' || c == '+' || c == '-' || c == '.'):
		case i > 0 && c == ':':
			return u[:i], u[i+1:], true
		default:
			return "", u, false
		}
	}
	return "", u, false
}

// urlKeep marks the ASCII bytes NormalizeURL keeps as they are: letters,
// digits and the characters CommonMark implementations leave alone in a
// destination (;/?:@&=+$,-_.!~*'()#). Everything else — space, controls,
// `"<>\^{|}` and backtick, "[]", non-ASCII — is percent-encoded.
var urlKeep = func() (t [utf8.RuneSelf]bool) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = true
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	for _, c := range []byte(";/?:@&=+$,-_.!~*'()#") {
		t[c] = true
	}
	return t
}()

// NormalizeURL percent-encodes a link target the CommonMark way, after its
// backslash escapes and character references have been resolved: leading
// and trailing white space and control characters are dropped; valid "%XX"
// escapes are kept; every other byte outside the kept set (see urlKeep) is
// written as %XX of its UTF-8 encoding, a "%" not followed by two hex
// digits as "%25", and a "#" after the first one (only one fragment is
// allowed in a URL) as "%23". Invalid UTF-8 becomes U+FFFD first. The
// result is printable ASCII, and NormalizeURL(NormalizeURL(s)) ==
// NormalizeURL(s).
func NormalizeURL(s string) string {
	s = strings.TrimFunc(s, func(r rune) bool { return r == ' ' || IsControl(r) })
	s = strings.ToValidUTF8(s, "\uFFFD")
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s))
	hash := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			b.WriteByte(c)
		case c == '#' && !hash:
			hash = true
			b.WriteByte(c)
		case c < utf8.RuneSelf && urlKeep[c] && c != '#':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}

// IsControl reports whether r is a C0 or C1 control character or DEL: the
// characters no output may carry (tab and newline are the callers'
// business).
func IsControl(r rune) bool { return r < 0x20 || r == 0x7f || 0x80 <= r && r <= 0x9f }

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
