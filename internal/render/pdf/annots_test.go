package pdf

import (
	"bytes"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// linkPDF is a small fpdf file with internal and external links on several
// pages, one URL holding the characters a PDF string must escape.
func linkPDF(t testing.TB, pages int) []byte {
	t.Helper()
	f := fpdf.New("P", "mm", "A4", "")
	f.SetCatalogSort(true)
	f.SetFont("Helvetica", "", 10)
	ids := make([]int, pages)
	for i := range ids {
		ids[i] = f.AddLink()
	}
	for p := 0; p < pages; p++ {
		f.AddPage()
		f.SetLink(ids[p], 20, -1)
		f.Text(20, 20, "page "+strconv.Itoa(p+1))
		f.Link(20, 30, 40, 5, ids[(p+1)%pages])
		f.Link(20, 40, 40, 5, ids[0])
		if p%2 == 0 {
			f.LinkString(20, 50, 40, 5, `https://example.org/a(b)c\d?q=<<x>>]`)
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

var (
	objHead   = regexp.MustCompile(`(?m)^(\d+) 0 obj$`)
	annotsArr = regexp.MustCompile(`/Annots \[([^\]]*)\]`)
)

func TestIndirectAnnots(t *testing.T) {
	for _, pages := range []int{1, 2, 7} {
		t.Run(strconv.Itoa(pages), func(t *testing.T) {
			src := linkPDF(t, pages)
			out, err := indirectAnnots(src)
			if err != nil {
				t.Fatal(err)
			}
			wantLinks := 2*pages + (pages+1)/2
			// Every annotation is its own object; the arrays hold only references.
			if n := bytes.Count(out, []byte("<</Type /Annot ")); n != wantLinks {
				t.Errorf("%d annotation dictionaries, want %d", n, wantLinks)
			}
			refs := 0
			for _, m := range annotsArr.FindAllSubmatch(out, -1) {
				for _, r := range bytes.Split(bytes.TrimSpace(m[1]), []byte(" R")) {
					if r = bytes.TrimSpace(r); len(r) > 0 {
						if !regexp.MustCompile(`^\d+ 0$`).Match(r) {
							t.Errorf("/Annots element %q is not a reference", r)
						}
						refs++
					}
				}
			}
			if refs != wantLinks {
				t.Errorf("%d references in /Annots, want %d", refs, wantLinks)
			}
			// Cross-reference table: every entry points at its object.
			x, err := readXref(out)
			if err != nil {
				t.Fatal(err)
			}
			if heads := objHead.FindAll(out, -1); len(heads) != x.size-1 || len(x.objs) != x.size-1 {
				t.Errorf("%d objects, %d xref entries, /Size %d", len(heads), len(x.objs), x.size)
			}
			if !bytes.Contains(out, []byte("/Size "+strconv.Itoa(x.size)+"\n")) {
				t.Errorf("trailer /Size is not %d", x.size)
			}
			// The escaped URL survives byte for byte.
			if !bytes.Contains(out, []byte(`(https://example.org/a\(b\)c\\d?q=<<x>>])`)) && pages > 0 {
				t.Error("URL string changed")
			}
			// A second pass finds nothing inline and changes nothing.
			again, err := indirectAnnots(out)
			if err != nil || !bytes.Equal(again, out) {
				t.Errorf("second rewrite changed the file (err %v)", err)
			}
			qpdfCheck(t, out, wantLinks)
		})
	}
}

// qpdfCheck runs qpdf --check and checks with qpdf --json that the file
// has n link annotation objects whose /Dest arrays point at page objects.
func qpdfCheck(t *testing.T, file []byte, n int) {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		return
	}
	name := writeTemp(t, file)
	if out, err := exec.Command("qpdf", "--check", name).CombinedOutput(); err != nil || bytes.Contains(out, []byte("WARNING")) {
		t.Fatalf("qpdf --check: %v\n%s", err, out)
	}
	objs, _ := qpdfJSON(t, name)
	links := 0
	for k, o := range objs {
		v, ok := o.Value.(map[string]any)
		if !ok || v["/Subtype"] != "/Link" {
			continue
		}
		links++
		if d, ok := v["/Dest"].([]any); ok {
			ref, _ := d[0].(string)
			page, _ := objs["obj:"+ref].Value.(map[string]any)
			if page == nil || page["/Type"] != "/Page" {
				t.Errorf("%s: /Dest %v does not point at a page", k, d)
			}
		} else if a, ok := v["/A"].(map[string]any); !ok || a["/S"] != "/URI" {
			t.Errorf("%s: neither /Dest nor a URI action", k)
		}
	}
	if links != n {
		t.Errorf("qpdf sees %d link objects, want %d", links, n)
	}
}

func TestIndirectAnnotsNoLinks(t *testing.T) {
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	out, err := indirectAnnots(buf.Bytes())
	if err != nil || !bytes.Equal(out, buf.Bytes()) {
		t.Errorf("a file without links changed (err %v)", err)
	}
}

func TestIndirectAnnotsErrors(t *testing.T) {
	good := linkPDF(t, 2)
	unclosed := append([]byte(nil), good...)
	i := bytes.Index(unclosed, []byte("/Annots ["))
	unclosed[i+bytes.IndexByte(unclosed[i:], '\n')-1] = ' ' // the closing ']', same length
	tests := []struct {
		name string
		file []byte
		want string
	}{
		{"empty", nil, "no startxref"},
		{"not a pdf", []byte("hello startxref 5"), "does not point"},
		{"bad offset", bytes.Replace(good, []byte(" 00000 n \n"), []byte("x00000 n \n"), 1), "cross-reference entry"},
		{"unclosed array", unclosed, "unexpected \"/Contents"},
		{"garbage in array", bytes.Replace(good, []byte("/Annots [<<"), []byte("/Annots [%<"), 1), "unexpected \"%<"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := indirectAnnots(tt.file)
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "finishing the file: ") || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q, want it to contain %q", err, tt.want)
			}
		})
	}
}

// TestRenderedLinksIndirect checks the fixture: no inline annotation is
// left and every link lands on a page object.
func TestRenderedLinksIndirect(t *testing.T) {
	res := mustLayout(t, fixtureInput())
	if bytes.Contains(res.PDF, []byte("/Annots [<<")) {
		t.Fatal("inline annotation dictionaries left")
	}
	n := bytes.Count(res.PDF, []byte("/Subtype /Link"))
	if n < 10 {
		t.Fatalf("only %d link annotations", n)
	}
	qpdfCheck(t, res.PDF, n)
}

func BenchmarkIndirectAnnots(b *testing.B) {
	src := linkPDF(b, 1000)
	b.SetBytes(int64(len(src)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := indirectAnnots(src); err != nil {
			b.Fatal(err)
		}
	}
}
