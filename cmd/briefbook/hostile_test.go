package main

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

const ruText = "Внешняя политика Казахстана\n\nПосле обретения независимости 16 декабря 1991 года Казахстан установил отношения со 140 государствами.\n"

func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	if bigEndian {
		b.Write([]byte{0xFE, 0xFF})
	} else {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	return b.Bytes()
}

func mustEncode(cm *charmap.Charmap, s string) []byte {
	b, err := cm.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func aliasBomb() string {
	var b strings.Builder
	b.WriteString("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n")
	prev := "a"
	for _, c := range "bcdefghi" {
		refs := strings.TrimSuffix(strings.Repeat("*"+prev+",", 9), ",")
		fmt.Fprintf(&b, "%c: &%c [%s]\n", c, c, refs)
		prev = string(c)
	}
	b.WriteString("title: Bomb\n---\n# Bomb\n\nText.\n")
	return b.String()
}

type hostileCase struct {
	name string
	data func() []byte
	// code is the expected exit code.
	code int
	// stderr must contain each of these.
	stderr []string
	// text is a word the JSON export must contain (exit 0 only).
	text string
	// notIn are strings that must appear in no output (exit 0 only).
	notIn []string
	large bool
}

func hostileCases() []hostileCase {
	s := func(x string) func() []byte { return func() []byte { return []byte(x) } }
	return []hostileCase{
		{name: "utf16le.txt", data: func() []byte { return utf16Bytes(ruText, false) }, text: "независимости"},
		{name: "utf16be.txt", data: func() []byte { return utf16Bytes(ruText, true) }, text: "независимости"},
		{name: "cp1251.txt", data: func() []byte { return mustEncode(charmap.Windows1251, ruText) }, text: "независимости", stderr: []string{"cp1251.txt:1: warning: not UTF-8: read as Windows-1251"}},
		{name: "koi8r.txt", data: func() []byte { return mustEncode(charmap.KOI8R, ruText) }, text: "независимости", stderr: []string{"read as KOI8-R"}},
		{name: "latin1.txt", data: func() []byte {
			return mustEncode(charmap.Windows1252, "Notes\n\nL’été à Genève — «bonjour».\n")
		}, text: "Genève", stderr: []string{"read as Windows-1252"}},
		{name: "bom.txt", data: s("\uFEFFTitle\n\nBody text.\n"), text: "Body"},
		{name: "crlf.txt", data: s("Title here\r\n\r\nFirst paragraph.\r\nStill first.\r\n\r\nSecond.\r\n"), text: "Still first"},
		{name: "control.txt", data: s("Ctl\n\nA\x07b\x1bc\x7f d \x0c e.\n"), text: "Abc", stderr: []string{"control.txt:3:2: warning: control character"}},
		{name: "emoji.md", data: s("# Emoji 😀\n\nA quote: «Hello 👋🏽 world» with 🇰🇿 and 𝐌ath.\n"), text: "Hello", stderr: []string{"emoji.md:3: warning: 6 different characters (U+1F44B '👋', U+1F3FD '🏽', U+1F1F0 '🇰', …) cannot be drawn"}},
		{name: "rtl.txt", data: s("RTL\n\nمرحبا بالعالم and שלום עולם in a sentence.\n"), text: "sentence", stderr: []string{"rtl.txt:3: warning: text in Arabic script is drawn without shaping and left to right", "rtl.txt:3: warning: 5 different characters of Hebrew script (U+05E9 'ש', U+05DC 'ל', U+05D5 'ו', …) cannot be drawn"}},
		{name: "combining.txt", data: s("Combining\n\nCafe\u0301 and И\u0306 and q\u0307\u0323.\n"), text: "Café"},
		{name: "zerowidth.txt", data: s("Zero width\n\nzero\u200bwidth soft\u00adhyphen no\u2060break nbsp\u00a0here.\n"), text: "here"},
		{name: "tabs.txt", data: s("Tabs\n\ncol1\tcol2\tcol3\n\tindented\ttext.\n"), text: "indented"},
		{name: "longword.txt", data: s("Long word\n\n" + strings.Repeat("x", 20000) + " end.\n"), text: "end"},
		{name: "wide.md", data: func() []byte {
			var h, sep, row []string
			for i := range 50 {
				h, sep, row = append(h, fmt.Sprint("h", i)), append(sep, "---"), append(row, fmt.Sprint("c", i))
			}
			return []byte("# Wide\n\n|" + strings.Join(h, "|") + "|\n|" + strings.Join(sep, "|") + "|\n|" + strings.Join(row, "|") + "|\n")
		}, text: "Wide"},
		{name: "deeplist.md", data: func() []byte {
			var b strings.Builder
			b.WriteString("# Deep list\n\n")
			for i := range 300 {
				fmt.Fprintf(&b, "%s- item %d\n", strings.Repeat("  ", i), i)
			}
			return []byte(b.String())
		}, text: "item 299"},
		{name: "deepquote.md", data: s("# Deep quote\n\n" + strings.Repeat(">", 500) + " deep\n"), text: "deep"},
		{name: "aliasbomb.md", data: s(aliasBomb()), text: "Text", stderr: []string{"aliasbomb.md:1: warning: front matter ignored"}},
		{name: "badfm.md", data: s("---\ntitle: [unclosed\nauthor: x\n---\n# Real\n\nBody.\n"), text: "Body", stderr: []string{"badfm.md:2: warning: front matter ignored"}},
		{name: "links.md", data: s("# Links\n\n![secret](/etc/passwd) ![up](../../x.png) ![remote](http://example.com/a.png) [file](file:///etc/shadow) [web](https://example.org).\n"),
			text: "secret", stderr: []string{`picture "/etc/passwd" not embedded`}, notIn: []string{"root:x:0:0", "file:///etc/shadow\""}},
		{name: "html.md", data: s("# HTML\n\n<script>alert(1)</script>\n\nText <b>bold</b> <img src=x onerror=alert(1)> end.\n\n<div>block</div>\n"),
			text: "bold", stderr: []string{"html.md:3: warning: HTML <script> dropped"}, notIn: []string{"<script", "onerror", "alert(1)"}},
		{name: "binary.txt", data: func() []byte { return bytes.Repeat([]byte{0, 1, 2, 0xff, 'a'}, 100) }, code: 1, stderr: []string{"binary.txt:1: binary data"}},
		{name: "empty.txt", data: s(""), code: 1, stderr: []string{"empty.txt: nothing to build: the file holds no text"}},
		{name: "whitespace.md", data: s("  \n\n\t\n"), code: 1, stderr: []string{"nothing to build"}},
		{name: "titleonly.txt", data: s("Just a title\n"), code: 1, stderr: []string{`titleonly.txt: nothing to build: the file holds a title ("Just a title") but no text`}},
		{name: "manyparas.txt", large: true, data: func() []byte {
			var b strings.Builder
			b.WriteString("Many\n\n")
			for i := range 100000 {
				fmt.Fprintf(&b, "w%d\n\n", i)
			}
			return []byte(b.String())
		}, text: "w99999"},
		{name: "longline.txt", large: true, data: func() []byte {
			return []byte("Long line\n\n" + strings.Repeat("word ", 4_000_000) + "end\n") // 20 MB, one line
		}, text: "end"},
	}
}

// TestHostileInput builds every odd or hostile input kind of issue 8 and
// checks the outcome: exit code, the warning or error, the text kept, and
// nothing dangerous passed through.
func TestHostileInput(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range hostileCases() {
		t.Run(tc.name, func(t *testing.T) {
			if tc.large && testing.Short() {
				t.Skip("large input in -short mode")
			}
			in := filepath.Join(dir, tc.name)
			if err := os.WriteFile(in, tc.data(), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "out")
			start := time.Now()
			r := run(t, dir, nil, "build", "-o", out, in)
			t.Logf("%s: exit %d in %v", tc.name, r.code, time.Since(start).Round(time.Millisecond))
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d; stderr:\n%s", r.code, tc.code, r.stderr)
			}
			for _, want := range tc.stderr {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
			if strings.Contains(r.stderr, "panic") || strings.Contains(r.stderr, "internal error") {
				t.Errorf("internal failure:\n%s", r.stderr)
			}
			stem := strings.TrimSuffix(tc.name, filepath.Ext(tc.name))
			if tc.code != 0 {
				if entries, _ := os.ReadDir(out); len(entries) != 0 {
					t.Errorf("failed build left files: %v", entries)
				}
				return
			}
			checkOutputs(t, out, stem, tc)
		})
	}
}

// checkOutputs checks the three outputs of a successful build for shape
// and content.
func checkOutputs(t *testing.T, out, stem string, tc hostileCase) {
	t.Helper()
	js, err := os.ReadFile(filepath.Join(out, stem+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(js) {
		t.Fatal("JSON export is not valid JSON")
	}
	if !bytes.Contains(js, []byte(tc.text)) {
		t.Errorf("JSON export lacks %q", tc.text)
	}
	pdf, err := os.ReadFile(filepath.Join(out, stem+".pdf"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf[max(0, len(pdf)-64):], []byte("%%EOF")) {
		t.Error("PDF is not a complete PDF file")
	}
	epubPath := filepath.Join(out, stem+".epub")
	zr, err := zip.OpenReader(epubPath)
	if err != nil {
		t.Fatalf("EPUB is not a zip: %v", err)
	}
	defer zr.Close()
	if len(zr.File) == 0 || zr.File[0].Name != "mimetype" {
		t.Error("EPUB does not start with mimetype")
	}
	var all bytes.Buffer
	all.Write(js)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		all.ReadFrom(rc)
		rc.Close()
	}
	for _, bad := range tc.notIn {
		if bytes.Contains(all.Bytes(), []byte(bad)) {
			t.Errorf("output contains %q", bad)
		}
	}
}

// TestKilledBuildKeepsOldOutputs kills a build while it writes and checks
// that the previous outputs are intact and that the next run removes the
// temporary files left behind.
func TestKilledBuildKeepsOldOutputs(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	var big strings.Builder
	big.WriteString("Big\n\n")
	for i := range 40000 {
		fmt.Fprintf(&big, "Paragraph %d has a few words in it so that the layout takes a while.\n\n", i)
	}
	in := filepath.Join(dir, "doc.txt")
	os.WriteFile(in, []byte(big.String()), 0o644)
	out := filepath.Join(dir, "out")
	os.MkdirAll(out, 0o755)
	old := map[string][]byte{}
	for _, ext := range []string{".pdf", ".epub", ".json"} {
		old[ext] = []byte("previous " + ext)
		os.WriteFile(filepath.Join(out, "doc"+ext), old[ext], 0o644)
	}
	for _, delay := range []time.Duration{50 * time.Millisecond, 400 * time.Millisecond, 1500 * time.Millisecond} {
		cmd := exec.Command(binPath, "build", "-o", out, in)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		for ext, want := range old {
			got, _ := os.ReadFile(filepath.Join(out, "doc"+ext))
			if !bytes.Equal(got, want) && !validOutput(got, ext) {
				t.Errorf("after kill at %v: doc%s is neither the old file nor a complete new one (%d bytes)", delay, ext, len(got))
			}
		}
	}
	r := run(t, dir, nil, "build", "-o", out, "--format", "json", in)
	if r.code != 0 {
		t.Fatalf("rebuild: exit %d: %s", r.code, r.stderr)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".briefbook-tmp") && strings.HasPrefix(e.Name(), ".doc.json.") {
			t.Errorf("stale temporary file left: %s", e.Name())
		}
	}
}

func validOutput(b []byte, ext string) bool {
	switch ext {
	case ".pdf":
		return bytes.HasPrefix(b, []byte("%PDF-")) && bytes.Contains(b[max(0, len(b)-64):], []byte("%%EOF"))
	case ".json":
		return json.Valid(b)
	case ".epub":
		_, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		return err == nil
	}
	return false
}

// TestBatchOfFifty builds a folder of 50 documents, one of them broken.
func TestBatchOfFifty(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	for i := range 50 {
		name := fmt.Sprintf("doc%02d.md", i)
		body := fmt.Sprintf("# Document %d\n\n## Part\n\nParagraph of document %d about Қазақстан.\n", i, i)
		if i == 17 {
			body = "\x00\x01binary"
		}
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
	}
	out := t.TempDir()
	r := run(t, t.TempDir(), []string{"CI=true"}, "build", "-o", out, dir)
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	if !strings.Contains(r.stderr, "doc17.md:1: binary data") || !strings.Contains(r.stderr, "built 49 of 50 documents, 1 failed") {
		t.Errorf("stderr:\n%s", r.stderr)
	}
	entries, _ := os.ReadDir(out)
	if len(entries) != 49*3 {
		t.Errorf("%d outputs, want %d", len(entries), 49*3)
	}
	if strings.Contains(r.stdout+r.stderr, "\r") {
		t.Error("progress bar drawn in a pipe")
	}
	// Output order follows the input order, whatever finished first.
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	for i := 1; i < len(lines); i++ {
		if lines[i] < lines[i-1] {
			t.Errorf("stdout out of order at line %d: %q after %q", i, lines[i], lines[i-1])
		}
	}
}
