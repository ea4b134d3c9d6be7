package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostileLinksMD is a Markdown document with links of every disallowed
// kind, link destinations that need percent-encoding, and control
// characters that only appear after decoding.
const hostileLinksMD = "---\ntitle: \"Links\\e]52;c;aGk=\\x07 test\"\nauthor: \"A\\0uthor\"\nkeywords: [\"k\\x9b1\", \"k2\"]\n---\n\n" +
	"# Links\n\n" +
	"Kazakhstan established diplomatic relations with many states after independence in 1991 and joined the United Nations.\n\n" +
	"[js](javascript:app.alert(1)) [JS](JaVaScRiPt:app.alert(1)) [tab](java&#9;script:alert(1)) [vb](vbscript:msgbox)\n" +
	"[data](data:text/html,x) [file](file:///etc/passwd) [unc](\\\\host\\share) [rel](//evil.example/x) <file:///etc/shadow>\n\n" +
	"[q](https://x.example/\"q\") [b](https://x.example/{a}|^) [h](https://x.example/#a#b) [u](https://x.example/a\\_b) " +
	"[amp](https://x.example/?a=1&amp;b=2) [ok](https://x.example/ok) <someone@x.example>\n\n" +
	"Red &#x1b;[41malert&#x1b;[0m, bell &#7;, csi &#x9b;2J and nel &#133; end.\n"

// TestHostileLinksEndToEnd builds hostileLinksMD and checks every output:
// the PDF has /URI actions for allowed links only, the EPUB hrefs are
// allowed and valid URLs (epubcheck clean when it is installed), the JSON
// holds no control character, and the warnings name the file and line.
func TestHostileLinksEndToEnd(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "links.md")
	if err := os.WriteFile(in, []byte(hostileLinksMD), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	r := run(t, dir, nil, "build", "-o", out, in)
	if r.code != 0 {
		t.Fatalf("exit %d:\n%s", r.code, r.stderr)
	}
	for _, want := range []string{
		`links.md:11: warning: link to "javascript:app.alert(1)" is not an http, https or mailto URL: kept as text`,
		`links.md:12: warning: link to "file:///etc/passwd"`,
		`links.md:12: warning: link to "file:///etc/shadow"`,
		`links.md:2: warning: control character U+001B from front matter removed`,
		`links.md:16: warning: control character U+001B from a character reference removed`,
	} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}

	pdf, err := os.ReadFile(filepath.Join(out, "links.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	var uris []string
	for _, m := range regexp.MustCompile(`/URI \(((?:[^)\\]|\\.)*)\)`).FindAllSubmatch(pdf, -1) {
		uris = append(uris, regexp.MustCompile(`\\(.)`).ReplaceAllString(string(m[1]), "$1"))
	}
	wantURIs := map[string]bool{"https://x.example/%22q%22": true, "https://x.example/%7Ba%7D%7C%5E": true,
		"https://x.example/#a%23b": true, "https://x.example/a_b": true, "https://x.example/?a=1&b=2": true,
		"https://x.example/ok": true, "mailto:someone@x.example": true}
	seen := map[string]bool{}
	for _, u := range uris {
		if !wantURIs[u] {
			t.Errorf("PDF has /URI (%s)", u)
		}
		seen[u] = true
	}
	if len(seen) != len(wantURIs) {
		t.Errorf("PDF /URI actions %q, want %v", uris, wantURIs)
	}

	epub := filepath.Join(out, "links.epub")
	zr, err := zip.OpenReader(epub)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	href := regexp.MustCompile(`href="([^"]*)"`)
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte{0x1b}) || bytes.Contains(b, []byte("\u009b")) {
			t.Errorf("%s holds a control character", f.Name)
		}
		for _, m := range href.FindAllSubmatch(b, -1) {
			h := strings.ReplaceAll(string(m[1]), "&amp;", "&")
			if strings.Contains(h, "&amp;") {
				t.Errorf("%s: href %q escaped twice", f.Name, m[1])
			}
			u, err := url.Parse(h)
			if err != nil || strings.Count(h, "#") > 1 || strings.ContainsAny(h, " \"<>\\^`{|}") {
				t.Errorf("%s: href %q is not a valid URL", f.Name, h)
				continue
			}
			switch strings.ToLower(u.Scheme) {
			case "http", "https", "mailto", "":
			default:
				t.Errorf("%s: href %q", f.Name, h)
			}
			if u.Scheme == "" && (u.Host != "" || strings.HasPrefix(h, "//")) {
				t.Errorf("%s: href %q", f.Name, h)
			}
		}
	}

	js, err := os.ReadFile(filepath.Join(out, "links.json"))
	if err != nil {
		t.Fatal(err)
	}
	var v any
	if err := json.Unmarshal(js, &v); err != nil {
		t.Fatal(err)
	}
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			for _, c := range v {
				if c < 0x20 && c != '\t' && c != '\n' || c == 0x7f || 0x80 <= c && c <= 0x9f {
					t.Errorf("JSON string %q holds control character %U", v, c)
				}
			}
		case []any:
			for _, e := range v {
				walk(e)
			}
		case map[string]any:
			for _, e := range v {
				walk(e)
			}
		}
	}
	walk(v)

	java, err := exec.LookPath("java")
	const jar = "/usr/share/java/epubcheck.jar"
	if _, serr := os.Stat(jar); err != nil || serr != nil {
		t.Log("epubcheck not installed: not run")
		return
	}
	b, err := exec.Command(java, "-jar", jar, epub).CombinedOutput()
	if err != nil || !strings.Contains(string(b), "No errors or warnings detected") {
		t.Errorf("epubcheck: %v\n%s", err, b)
	}
}
