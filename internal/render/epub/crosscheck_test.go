package epub

import (
	"bytes"
	stdhtml "html"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/briefbook/briefbook/internal/analyze"
	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/render"
	"github.com/briefbook/briefbook/internal/render/pdf"
	"github.com/briefbook/briefbook/internal/source"
)

// Sources the book is checked with: the seed, the testdata documents and,
// when BRIEFBOOK_LARGE is set, War and Peace (about 30 s).
var crossSources = []struct {
	path  string
	large bool
}{
	{"../../../source/main-vectors-of-kazakhstan-foreign-policy.txt", false},
	{"testdata/tables-footnotes.md", false},
	{"testdata/kk-ru.md", false},
	{"../../../../shared/corpus/large/war-and-peace.txt", true}, // ../shared beside the module root
}

// loadInput reads, parses and analyses a source as the pipeline does.
func loadInput(t *testing.T, path string) *render.Input {
	t.Helper()
	f, err := source.Read(path)
	if err != nil {
		t.Skipf("%s: %v", path, err)
	}
	doc, err := parse.Parse(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(doc.Meta.Title) == "" {
		doc.Meta.Title = f.Stem()
	}
	analyze.Segment(doc)
	a := analyze.Analyze(doc, analyze.Options{})
	opt := render.DefaultOptions()
	return &render.Input{Doc: doc, Analysis: a, SourceData: f.Data, Options: opt}
}

// pageMapOf returns the page map of a PDF layout, or nil while
// pdf.Result has no PageMap field or leaves it nil.
func pageMapOf(res *pdf.Result) *render.PageMap {
	v := reflect.ValueOf(res).Elem().FieldByName("PageMap")
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	m, _ := v.Interface().(*render.PageMap)
	return m
}

// tokens splits s into lower-case runs of letters, digits and marks,
// leaving out numbers alone (¶, section and page numbers stand between
// words in the PDF's text); a hyphen at the end of a line (the PDF's
// hyphenation) joins its halves.
func tokens(s string) []string {
	s = strings.NewReplacer("-\n", "", "\u00ad\n", "", "\u2010\n", "").Replace(s)
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r))
	}) {
		if strings.IndexFunc(f, func(r rune) bool { return !unicode.IsDigit(r) }) >= 0 {
			out = append(out, f)
		}
	}
	return out
}

// containsRun reports whether want occurs as consecutive tokens in the
// first limit tokens of have.
func containsRun(have, want []string, limit int) bool {
	have = have[:min(limit, len(have))]
	for i := 0; i+len(want) <= len(have); i++ {
		// A page may begin with the second half of a hyphenated word.
		ok := have[i] == want[0] || len(have[i]) > 2 && strings.HasSuffix(want[0], have[i])
		for j := 1; ok && j < len(want); j++ {
			if have[i+j] != want[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// TestPrintPagesMatch builds the PDF and the EPUB of each source and
// checks, for every body entry of the page-list, that page N of the PDF
// begins with the words that follow marker N in the book: the first three
// words after the marker must be among the first words pdftotext finds on
// the page (after the running header and the ¶ number). Set EPUB_KEEP to
// a folder to keep the PDFs and EPUBs for the validators.
func TestPrintPagesMatch(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	for _, src := range crossSources {
		t.Run(filepath.Base(src.path), func(t *testing.T) {
			if src.large && os.Getenv("BRIEFBOOK_LARGE") == "" {
				t.Skip("large input: set BRIEFBOOK_LARGE=1")
			}
			in := loadInput(t, src.path)
			res, err := pdf.Layout(in)
			if err != nil {
				t.Fatal(err)
			}
			in.PageMap = pageMapOf(res)
			var buf bytes.Buffer
			if err := Render(&buf, in); err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			if keep := os.Getenv("EPUB_KEEP"); keep != "" {
				dir = keep
			}
			stem := strings.TrimSuffix(filepath.Base(src.path), filepath.Ext(src.path))
			pdfFile := filepath.Join(dir, stem+".pdf")
			if err := os.WriteFile(pdfFile, res.PDF, 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, stem+".epub"), buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			if in.PageMap == nil {
				t.Skip("pdf.Layout gives no PageMap yet")
			}
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", pdfFile, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			pages := strings.Split(string(out), "\f")
			_, files := entries(t, buf.Bytes())
			var xhtml []string
			for _, name := range sortedNames(toBytes(files)) {
				if strings.HasSuffix(name, ".xhtml") {
					xhtml = append(xhtml, files[name])
				}
			}
			checked, matched := 0, 0
			for _, st := range in.PageMap.Starts {
				if st.Part != partBody || st.Page < 1 || st.Page > len(pages) {
					continue
				}
				var after string
				for _, doc := range xhtml {
					if after = wordsAfter(doc, st.Page, 12); after != "" {
						break
					}
				}
				want := tokens(after)
				want = want[:min(3, len(want))]
				checked++
				if len(want) > 0 && containsRun(tokens(pages[st.Page-1]), want, 40) {
					matched++
				} else if checked-matched <= 5 {
					t.Logf("page %d (%s block %d word %d): book has %q, PDF page begins %.120q", st.Page, st.Section, st.Block, st.Word, want, pages[st.Page-1])
				}
			}
			t.Logf("%d of %d body pages begin with the words after their marker", matched, checked)
			if checked > 0 && matched*10 < checked*9 {
				t.Errorf("only %d of %d body pages match (want ≥ 90 %%)", matched, checked)
			}
		})
	}
}

func toBytes(m map[string]string) map[string][]byte {
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[k] = []byte(v)
	}
	return out
}

// labelSources are documents in each language with a label table; the
// PDF and the EPUB made from each must print the same labels.
var labelSources = []struct{ path, lang string }{
	{"../../../source/main-vectors-of-kazakhstan-foreign-policy.txt", "en"},
	{"testdata/tables-footnotes.md", "en"},
	{"../pdf/testdata/kk-ru.md", "ru"},
	{"testdata/kk-ru.md", "kk"},
}

// sharedLabels returns the labels both editions print, from every label
// table: a label of any language must appear in both editions of a
// document or in neither. Labels only one edition has by design are left
// out: the EPUB's navigation (landmarks, cover, title page, page list,
// "continued", the ¶ links' accessible names), the PDF's running footer
// and page references, and "Notes" (the PDF sets notes at the foot of
// their page and adds a Notes heading only for the rest).
func sharedLabels() []string {
	seen := map[string]bool{}
	var out []string
	for _, lang := range []string{"en", "ru", "kk"} {
		l := render.LabelsFor(lang)
		for _, s := range []string{l.Briefing, l.Summary, l.KeyPoints, l.KeyFacts, l.Contents, l.Source,
			l.Figures, l.Timeline, l.People, l.Orgs, l.Places, l.Quotations,
			l.ColDate, l.ColEvent, l.ColPerson, l.ColRole, l.ColAcronym, l.ColFullName, l.ColPlace, l.ColMentions,
			l.ColQuote, l.ColSpeaker, l.ColRefs, l.About, l.AtLeast, l.AtMost, l.Percent,
			l.ReadingTime(0)[:strings.Index(l.ReadingTimeT, "{n}")], l.TableCaption(1), l.Words(1), l.Words(2), l.Words(5)} {
			s = strings.TrimSpace(strings.Trim(s, "0123456789 "))
			if s != "" && !seen[s] {
				seen[s] = true
				out = append(out, s)
			}
		}
	}
	return out
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`[\s\x{00A0}\x{202F}\x{200A}]+`)
)

// squashSpace turns every run of white space, no-break and hair spaces
// into one space.
func squashSpace(s string) string { return spaceRE.ReplaceAllString(s, " ") }

// epubText is the text of every content document of a book, tags and
// heads left out.
func epubText(t *testing.T, book []byte) string {
	_, files := entries(t, book)
	var b strings.Builder
	for _, name := range sortedNames(toBytes(files)) {
		if !strings.HasSuffix(name, ".xhtml") {
			continue
		}
		doc := files[name]
		if i := strings.Index(doc, "</head>"); i >= 0 {
			doc = doc[i:]
		}
		b.WriteString(stdhtml.UnescapeString(tagRE.ReplaceAllString(doc, " ")) + "\n")
	}
	return squashSpace(b.String())
}

// TestLabelsMatch builds the PDF and the EPUB of English, Russian and
// Kazakh documents and checks that both print the same labels, in the
// document's language: every label of every table is in both editions or
// in neither; the cover's date, length and source lines, the fact-table
// titles and column headings of render.Front are in both; the PDF's
// running footer is in the language; and the front matter of a Russian
// or Kazakh document has no English label.
func TestLabelsMatch(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	shared := sharedLabels()
	for _, src := range labelSources {
		t.Run(src.lang+"/"+filepath.Base(src.path), func(t *testing.T) {
			in := loadInput(t, src.path)
			if got := render.LabelsFor(in.Doc.Meta.Language).Lang; got != src.lang {
				t.Fatalf("document language %q gives labels %s, want %s", in.Doc.Meta.Language, got, src.lang)
			}
			res, err := pdf.Layout(in)
			if err != nil {
				t.Fatal(err)
			}
			in.PageMap = pageMapOf(res)
			var buf bytes.Buffer
			if err := Render(&buf, in); err != nil {
				t.Fatal(err)
			}
			file := filepath.Join(t.TempDir(), "out.pdf")
			if err := os.WriteFile(file, res.PDF, 0o644); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command("pdftotext", "-enc", "UTF-8", file, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			pdfText, bookText := squashSpace(string(out)), epubText(t, buf.Bytes())

			for _, s := range shared {
				if inPDF, inBook := strings.Contains(pdfText, s), strings.Contains(bookText, s); inPDF != inBook {
					t.Errorf("label %q: in the PDF %v, in the EPUB %v", s, inPDF, inBook)
				}
			}
			f := render.NewFront(in, 0)
			want := []string{f.Cover.Label, f.Cover.Date, f.Cover.Source, f.Cover.Length}
			if len(f.Summary) > 0 {
				want = append(want, f.Labels.Summary, f.Labels.KeyPoints)
			}
			if len(f.Tiles) > 0 {
				want = append(want, f.Labels.Figures)
			}
			for _, tb := range f.Tables {
				want = append(want, tb.Title)
				for _, c := range tb.Columns {
					want = append(want, c.Heading)
				}
			}
			for _, s := range want {
				if s = squashSpace(s); s == "" {
					continue
				}
				if !strings.Contains(pdfText, s) {
					t.Errorf("%q missing from the PDF", s)
				}
				if !strings.Contains(bookText, s) {
					t.Errorf("%q missing from the EPUB", s)
				}
			}
			if foot := f.Labels.PageOf(2, res.Pages); !strings.Contains(pdfText, foot) {
				t.Errorf("running footer %q missing from the PDF", foot)
			}
			if src.lang != "en" {
				en := render.LabelsFor("en")
				for _, s := range []string{en.Briefing, en.Summary, en.KeyPoints, en.KeyFacts, en.Contents, en.Timeline, en.Source + ":", "min read", "Page 2"} {
					if strings.Contains(pdfText, s) || strings.Contains(bookText, s) {
						t.Errorf("English %q in a %s document", s, src.lang)
					}
				}
			}
		})
	}
}
