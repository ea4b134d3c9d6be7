package epub

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/render"
)

func renderBytes(t *testing.T, in *render.Input) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, in); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func entries(t *testing.T, data []byte) (*zip.Reader, map[string]string) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files, err := readZip(data)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for k, v := range files {
		out[k] = string(v)
	}
	return zr, out
}

func TestDeterministic(t *testing.T) {
	a := renderBytes(t, pagedInput())
	b := renderBytes(t, pagedInput())
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same input differ")
	}
	zr, _ := entries(t, a)
	if zr.File[0].Name != "mimetype" || zr.File[0].Method != zip.Store {
		t.Errorf("first entry %q method %d, want stored mimetype", zr.File[0].Name, zr.File[0].Method)
	}
	for i, f := range zr.File {
		if len(f.Extra) != 0 {
			t.Errorf("%s has an extra field", f.Name)
		}
		if i > 1 && f.Name < zr.File[i-1].Name {
			t.Errorf("entries not sorted: %s after %s", f.Name, zr.File[i-1].Name)
		}
		if !f.Modified.Equal(fixtureInput().Options.Time.Truncate(2e9)) {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
	}
}

func TestPackageMetadata(t *testing.T) {
	_, files := entries(t, renderBytes(t, fixtureInput()))
	opf := files["EPUB/package.opf"]
	for _, want := range []string{
		`<meta property="dcterms:modified">2024-05-06T07:08:09Z</meta>`,
		`xml:lang="kk"`,
		`<dc:language>kk</dc:language>`,
		`<meta refines="#subtitle" property="title-type">subtitle</meta>`,
		`<dc:creator id="creator2">A. Author</dc:creator>`,
		`<dc:date>2021-12-16</dc:date>`,
		`<dc:subject>Қазақстан</dc:subject>`,
		`<dc:description>Қазақстан 1991 жылы тәуелсіздік алды.`,
		`<meta property="schema:accessMode">textual</meta>`,
		`<meta property="schema:accessMode">visual</meta>`,
		`<meta property="schema:accessModeSufficient">textual</meta>`,
		`<meta property="schema:accessibilityFeature">alternativeText</meta>`,
		`<meta property="schema:accessibilityFeature">structuralNavigation</meta>`,
		`<meta property="schema:accessibilityHazard">none</meta>`,
		`<meta property="schema:accessibilitySummary">`,
		`properties="cover-image"`,
		`<dc:identifier id="uid">` + bookIdentifier([]byte("source text")) + `</dc:identifier>`,
	} {
		if !strings.Contains(opf, want) {
			t.Errorf("package.opf lacks %s", want)
		}
	}
	nav := files["EPUB/nav.xhtml"]
	for _, want := range []string{`role="doc-toc"`, "<h1 id=\"toc-h\">Мазмұны</h1>", `epub:type="cover"`, `epub:type="bodymatter"`, `href="nav.xhtml#toc"`} {
		if !strings.Contains(nav, want) {
			t.Errorf("nav.xhtml lacks %s", want)
		}
	}
	ncx := files["EPUB/toc.ncx"]
	for _, want := range []string{`name="dtb:uid" content="urn:uuid:`, `name="dtb:depth" content="2"`, "<docAuthor><text>A. Author</text></docAuthor>", `playOrder="6"`} {
		if !strings.Contains(ncx, want) {
			t.Errorf("toc.ncx lacks %s", want)
		}
	}
	for name, body := range files {
		if strings.HasSuffix(name, ".xhtml") && !strings.Contains(body, `lang="kk" xml:lang="kk"`) {
			t.Errorf("%s: root lacks lang and xml:lang", name)
		}
	}
	summary := files["EPUB/xhtml/summary.xhtml"]
	if !strings.Contains(summary, `href="text-0001.xhtml#p1"`) {
		t.Errorf("summary lacks the ¶ link to p1:\n%s", summary)
	}
}

func TestNoAnalysis(t *testing.T) {
	in := fixtureInput()
	in.Analysis = nil
	in.Doc.Footnotes = nil
	_, files := entries(t, renderBytes(t, in))
	for _, f := range []string{"EPUB/xhtml/summary.xhtml", "EPUB/xhtml/facts.xhtml"} {
		if _, ok := files[f]; ok {
			t.Errorf("%s written without an analysis", f)
		}
	}
	if _, ok := files["EPUB/xhtml/cover.xhtml"]; !ok {
		t.Error("no cover page")
	}
}

func TestEmptyDocument(t *testing.T) {
	in := fixtureInput()
	in.Doc = &document.Document{}
	in.Analysis = &document.Analysis{}
	renderBytes(t, in)
	if err := Render(&bytes.Buffer{}, &render.Input{}); err == nil {
		t.Error("Render without a document: want error")
	}
}

func TestSplitLargeDocument(t *testing.T) {
	in := fixtureInput()
	in.Doc = largeDoc(3 << 20)
	in.Analysis = nil
	_, files := entries(t, renderBytes(t, in))
	n := 0
	for name, body := range files {
		if !strings.HasPrefix(name, "EPUB/xhtml/text-") {
			continue
		}
		n++
		if len(body) > 300<<10 {
			t.Errorf("%s is %d bytes", name, len(body))
		}
	}
	if n < 10 {
		t.Errorf("%d body files for 3 MB, want at least 10", n)
	}
	if nav := files["EPUB/nav.xhtml"]; !strings.Contains(nav, "Chapter") {
		t.Error("nav lacks the subsection in a continued file")
	}
}

func TestUUIDv5(t *testing.T) {
	dns := [16]byte{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}
	if got, want := uuidV5(dns, "python.org"), "886313e1-3b8a-5372-9b90-0c9aee199e5d"; got != want {
		t.Errorf("uuidV5 = %s, want %s", got, want)
	}
	if bookIdentifier([]byte("a")) == bookIdentifier([]byte("b")) {
		t.Error("identifiers of different sources are equal")
	}
}

func TestBookLang(t *testing.T) {
	tests := []struct{ in, tag, contents string }{
		{"", "en", "Contents"},
		{"ru", "ru", "Содержание"},
		{"kk-KZ", "kk-KZ", "Мазмұны"},
		{"de", "de", "Contents"},
		{"x\"<", "en", "Contents"},
	}
	for _, tc := range tests {
		b := &book{}
		b.setFront(&render.Input{Doc: &document.Document{Meta: document.Meta{Language: tc.in}}})
		if b.lang != tc.tag || b.l.Contents != tc.contents {
			t.Errorf("language %q: book has %q, %q; want %q, %q", tc.in, b.lang, b.l.Contents, tc.tag, tc.contents)
		}
	}
}
