package pdfcheck

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"
)

func TestTokens(t *testing.T) {
	src := []byte(`/P <</MCID 3>> BDC BT /F1 9 Tf (a\)b (c) d) Tj [<0041> -20 (x)] TJ ET EMC % comment Tj
q 1 0 0 1 0 0 cm /I1 Do Q BI /W 1 ID xx EI 0 0 m 1 1 l S`)
	var ops []string
	for _, tk := range tokens(src) {
		if tk.op {
			ops = append(ops, string(tk.text))
		}
	}
	want := []string{"BDC", "BT", "Tf", "Tj", "TJ", "ET", "EMC", "q", "cm", "Do", "Q", "EI", "m", "l", "S"}
	if !slices.Equal(ops, want) {
		t.Errorf("operators %q, want %q", ops, want)
	}
}

func TestStripArtifacts(t *testing.T) {
	src := []byte("/Artifact <</Type /Pagination>> BDC BT /F2 8 Tf (head) Tj ET 0 0 m 9 0 l S EMC\n" +
		"/P <</MCID 0>> BDC BT (body) Tj ET EMC\n/Figure <</MCID 1>> BDC BT (fig) Tj ET EMC")
	got := string(stripArtifacts(src, map[int]bool{1: true}))
	for _, gone := range []string{"(head)", "(fig)", " S "} {
		if strings.Contains(got, gone) {
			t.Errorf("%q kept: %s", gone, got)
		}
	}
	for _, kept := range []string{"(body) Tj", "/F2 8 Tf", "9 0 l n"} {
		if strings.Contains(got, "BDC") || strings.Contains(got, "EMC") {
			t.Errorf("marked-content operators kept: %s", got)
		}
		if !strings.Contains(got, kept) {
			t.Errorf("%q lost: %s", kept, got)
		}
	}
}

func TestCMap(t *testing.T) {
	cm := parseCMap([]byte(`/CIDInit /ProcSet findresource begin 1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0010> <D83DDE00> endbfchar
2 beginbfrange <0020> <007E> <0020> <0400> <0402> [<0410> <0411> <0412>] endbfrange endcmap`))
	for _, tc := range []struct {
		in   []byte
		want string
	}{
		{[]byte{0, 'A', 0, 3, 0, 'b'}, "A b"},
		{[]byte{4, 0, 4, 2}, "АВ"},
		{[]byte{0, 0x10}, "😀"},
		{[]byte{0x30, 0x00}, ""},
	} {
		if got := cm.decode(tc.in); got != tc.want {
			t.Errorf("decode(% x) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := string(stringBytes([]byte(`(a\(\)\101\n)`))); got != "a()A\n" {
		t.Errorf("stringBytes = %q", got)
	}
}

func TestAlign(t *testing.T) {
	sw := words("one two three four five six seven eight nine ten")
	used := make([]bool, len(sw))
	found, missed, next := align(words("one two four three five"), sw, used, 0)
	if found != 4 || len(missed) != 1 || next != 5 {
		t.Errorf("found %d, missed %q, next %d; want 4, one, 5", found, missed, next)
	}
	found, _, next = align(words("six seven eight"), sw, used, next)
	if found != 3 || next != 8 {
		t.Errorf("second page: found %d, next %d", found, next)
	}
	if got := splitCalls([]string{"security1", "plain", "x2", "20251"}, map[string]bool{"security": true, "1": true, "2025": true}); !slices.Equal(got, []string{"security", "1", "plain", "x2", "2025", "1"}) {
		t.Errorf("splitCalls = %q", got)
	}
}

func TestRawStreamDict(t *testing.T) {
	raw := []byte("%PDF-1.7\n4 0 obj\n<</Length 3 /Filter /FlateDecode>>\nstream\nabc\nendstream\nendobj\n" +
		"14 0 obj\n<</Type /Metadata /Length 3>>\nstream\nxyz\nendstream\nendobj\n")
	if d := rawStreamDict(raw, "4 0 R"); !bytes.Contains(d, []byte("/Filter")) {
		t.Errorf("4 0 R: %q", d)
	}
	if d := rawStreamDict(raw, "14 0 R"); d == nil || bytes.Contains(d, []byte("/Filter")) {
		t.Errorf("14 0 R: %q", d)
	}
	if d := rawStreamDict(raw, "9 0 R"); d != nil {
		t.Errorf("9 0 R found: %q", d)
	}
}

func TestDates(t *testing.T) {
	want := time.Date(2024, 3, 15, 10, 0, 0, 0, time.UTC)
	for _, s := range []string{"D:20240315100000Z", "D:20240315100000+00'00'", "D:20240315120000+02'00'"} {
		if got := pdfDate(s); !got.Equal(want) {
			t.Errorf("pdfDate(%q) = %v", s, got)
		}
	}
	if got := xmpDate("2024-03-15T10:00:00+00:00"); !got.Equal(want) {
		t.Errorf("xmpDate = %v", got)
	}
}

// TestUntaggedFails runs Check on a plain fpdf file: each rule it breaks
// is reported.
func TestUntaggedFails(t *testing.T) {
	if m := Missing(); m != "" {
		t.Skipf("%s is not installed", m)
	}
	f := fpdf.New("P", "mm", "A4", "")
	f.SetFont("Helvetica", "", 12)
	f.AddPage()
	f.Text(20, 20, "Hello")
	f.Link(20, 15, 20, 6, f.AddLink())
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "plain.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Check(file)
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(r.Problems, "\n")
	for _, want := range []string{"PDF 1.3", "no file identifier", "/MarkInfo", "/StructTreeRoot", "/Lang", "DisplayDocTitle",
		"output intent", "/Metadata", "not embedded", "no /StructParents", "without /Tabs", "without /Contents",
		"neither tagged nor artifacts", "not in the structure tree"} {
		if !strings.Contains(all, want) {
			t.Errorf("no problem mentions %q; problems:\n%s", want, all)
		}
	}
}
