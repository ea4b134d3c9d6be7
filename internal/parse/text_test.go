package parse

import (
	"fmt"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

func parseTextString(t *testing.T, s string) (*document.Document, *source.Warnings) {
	t.Helper()
	var ws source.Warnings
	doc, err := ParseText(&source.File{Name: "in.txt", Data: []byte(s)}, &ws)
	if err != nil {
		t.Fatal(err)
	}
	return doc, &ws
}

// outline lists the sections as "level:title" in document order.
func outline(doc *document.Document) []string {
	var out []string
	doc.WalkSections(func(s *document.Section) bool {
		out = append(out, string(rune('0'+s.Level))+":"+s.Title)
		return true
	})
	return out
}

// paras returns the texts of all top-level blocks in document order.
func paras(doc *document.Document) []string {
	var out []string
	doc.WalkSections(func(s *document.Section) bool {
		for _, b := range s.Blocks {
			out = append(out, document.BlockText(b))
		}
		return true
	})
	return out
}

func TestTextTitle(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"short line", "Main vectors of policy\n\nBody.", "Main vectors of policy"},
		{"full stop", "This is a sentence.\n\nBody.", ""},
		{"colon", "Contents:\n\nBody.", ""},
		{"stop before quote", "He said \"go.\"\n\nBody.", ""},
		{"question before paren", "Why (really?)\n\nBody.", ""},
		{"closing paren is fine", "Trade (draft)\n\nBody.", "Trade (draft)"},
		{"too long", "one two three four five six seven eight nine ten eleven twelve thirteen\n\nBody.", ""},
		{"leading blank lines", "\n\n  Title here  \n\nBody.", "Title here"},
		{"chapter is not a title", "CHAPTER I\n\nBody.", ""},
		{"numbered is not a title", "1. Introduction\n\nBody.", ""},
		{"underlined", "The Title\n=========\n\nBody.", "The Title"},
		{"before long lines", "Title\n" + strings.Repeat("Word ", 30) + "\n" + strings.Repeat("more ", 30), "Title"},
		{"wrapped first line", "It was in July, 1805, and the speaker was the well\nknown Anna Pavlovna, maid of honour.", ""},
		{"short then wrapped", "Report\nIt was in July, 1805, and the speaker was the well known Anna\nPavlovna, maid of honour.", "Report"},
		{"kazakh", "Қазақстан Республикасы\n\nӘлем.", "Қазақстан Республикасы"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseTextString(t, tt.in)
			if doc.Meta.Title != tt.want {
				t.Errorf("title = %q, want %q", doc.Meta.Title, tt.want)
			}
		})
	}
}

func TestTextParagraphs(t *testing.T) {
	long1 := strings.TrimSpace(strings.Repeat("alpha beta gamma ", 9)) + "."
	long2 := strings.TrimSpace(strings.Repeat("delta epsilon ", 10)) + "."
	tests := []struct {
		name, in string
		want     []string
	}{
		{"blank lines", "T.\n\nOne.\n\n\nTwo.", []string{"T.", "One.", "Two."}},
		{"reflow", "A first line\nand a second\n  and third.", []string{"A first line and a second and third."}},
		{"hyphen after letter joins", "well-\nknown, Anti-\nChrist", []string{"well-known, Anti-Christ"}},
		{"hyphen after digit", "pages 10-\n12 here", []string{"pages 10- 12 here"}},
		{"dash keeps space", "word —\nnext", []string{"word — next"}},
		{"one per line", "T.\n\n" + long1 + "\n" + long2 + "\nShort.", []string{"T.", long1, long2, "Short."}},
		{"year sentence", "T.\n\n1991. The year of independence.", []string{"T.", "1991. The year of independence."}},
		{"numbered sentence", "T.\n\n1. This is a long sentence that goes on and on and never stops until it has many words in it.", []string{"T.", "1. This is a long sentence that goes on and on and never stops until it has many words in it."}},
		{"indented paragraphs", "T.\n\n  One starts\nhere.\n  Two starts\nhere.\nand ends.", []string{"T.", "One starts here.", "Two starts here. and ends."}},
		{"tabs and spaces", "T.\n\na\t b   c", []string{"T.", "a b c"}},
		{"crlf", "T.\r\n\r\nOne\r\ntwo.\rThree", []string{"T.", "One two. Three"}},
		{"bullets", "T.\n\nItems:\n- one\n- two\n  continued", []string{"T.", "Items:", "one\ntwo continued"}},
		{"single dash is text", "T.\n\nthe strategy\n- creating conditions", []string{"T.", "the strategy - creating conditions"}},
		{"rule", "T.\n\nOne.\n\n* * *\n\nTwo.", []string{"T.", "One.", "", "Two."}},
		{"control chars", "T.\n\na\x07b\u0085c", []string{"T.", "abc"}},
		{"nfc", "T.\n\nЙ and e\u0301", []string{"T.", "Й and é"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseTextString(t, tt.in)
			got := paras(doc)
			if doc.Meta.Title != "" {
				got = append([]string{doc.Meta.Title}, got...)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("paragraphs =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
}

func TestTextHeadings(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"chapters only", "CHAPTER I\n\nx\n\nCHAPTER II\n\ny", []string{"1:CHAPTER I", "1:CHAPTER II"}},
		{"books and chapters", "BOOK ONE: 1805\n\nCHAPTER I\n\nx\n\nBOOK TWO\n\nChapter 1\n\ny", []string{"1:BOOK ONE: 1805", "2:CHAPTER I", "1:BOOK TWO", "2:Chapter 1"}},
		{"epilogue", "BOOK ONE\n\nCHAPTER I\n\nx\n\nFIRST EPILOGUE: 1813 - 20\n\nCHAPTER I\n\ny", []string{"1:BOOK ONE", "2:CHAPTER I", "1:FIRST EPILOGUE: 1813 - 20", "2:CHAPTER I"}},
		{"russian", "ЧАСТЬ ПЕРВАЯ\n\nГлава 1\n\nx\n\nглава 2\n\ny\n\nТом второй\n\nz", []string{"1:ЧАСТЬ ПЕРВАЯ", "2:Глава 1", "2:глава 2", "1:Том второй"}},
		{"kazakh", "1-тарау\n\nx\n\n2-тарау\n\ny", []string{"1:1-тарау", "1:2-тарау"}},
		{"chapter with title", "T.\n\nChapter 3. The Storm\n\nx", []string{"1:Chapter 3. The Storm"}},
		{"part sentence is text", "T.\n\nPart two of the plan failed.\n\nx", nil},
		{"roman under chapter", "CHAPTER I\n\nI\n\nx\n\nII\n\ny", []string{"1:CHAPTER I", "2:I", "2:II"}},
		{"bare roman", "T.\n\nI\n\nx\n\nII.\n\ny", []string{"1:I", "1:II."}},
		{"numbered", "T.\n\n1. Intro\n\nx\n\n1.1 Scope\n\ny\n\n1.1.1 Detail\n\nz\n\n2. Next\n\nw", []string{"1:Intro", "2:Scope", "3:Detail", "1:Next"}},
		{"numbered roman", "T.\n\nI. First part\n\nx\n\nII. Second part\n\ny", []string{"1:First part", "1:Second part"}},
		{"numbered with full stop is text", "T.\n\n1. Introduction.\n\nx", nil},
		{"year is not a number", "T.\n\n1991. Independence\n\nx", nil},
		{"no dot is not numbered", "T.\n\n3 apples\n\nx", nil},
		{"underlines", "T.\n\nOne\n===\n\nx\n\nSub\n---\ny", []string{"1:One", "2:Sub"}},
		{"caps", "T.\n\nSUMMARY\n\nx\n\nTHE NORTH\n\ny", []string{"1:SUMMARY", "1:THE NORTH"}},
		{"caps off in novels", "CHAPTER I\n\nDear friend.\n\nJULIE\n\nCHAPTER II\n\ny", []string{"1:CHAPTER I", "1:CHAPTER II"}},
		{"caps over numbered", "T.\n\nPART\n\n1. One\n\nx", []string{"1:PART", "2:One"}},
		{"heading must be alone", "T.\n\nCHAPTER I\nIt began.\n\nx", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseTextString(t, tt.in)
			got := outline(doc)
			var titled []string
			for _, s := range got {
				if !strings.HasSuffix(s, ":") {
					titled = append(titled, s)
				}
			}
			if strings.Join(titled, "|") != strings.Join(tt.want, "|") {
				t.Errorf("outline = %q, want %q", titled, tt.want)
			}
		})
	}
}

func TestTextPositions(t *testing.T) {
	in := "Title\n\nFirst para\nwraps here.\n\n\nCHAPTER I\n\nSecond.\n\nNOTE\n\nlong " + strings.Repeat("x ", 60) + "\nline two " + strings.Repeat("y ", 60)
	doc, ws := parseTextString(t, in)
	var got []int
	doc.WalkSections(func(s *document.Section) bool {
		if s.Title != "" {
			got = append(got, -s.Pos.Line)
		}
		for _, b := range s.Blocks {
			if b.Position().File != "in.txt" {
				t.Errorf("block file = %q", b.Position().File)
			}
			got = append(got, b.Position().Line)
		}
		return true
	})
	want := []int{3, -7, 9, 11, 13, 14}
	if len(got) != len(want) {
		t.Fatalf("lines = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("lines = %v, want %v", got, want)
			break
		}
	}
	if len(ws.List) != 0 {
		t.Errorf("warnings: %v", ws.List)
	}
}

func TestTextControlWarning(t *testing.T) {
	_, ws := parseTextString(t, "T\n\nab\x01c\x02\n")
	if len(ws.List) != 1 || ws.List[0].Pos.Line != 3 || ws.List[0].Pos.Col != 3 {
		t.Fatalf("warnings = %v, want one at 3:3", ws.List)
	}
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ in, want string }{
		{"The quick brown fox.", "en"},
		{"Внешняя политика Казахстана.", "ru"},
		{"Қазақстан Республикасының сыртқы саясаты. Әлем елдерімен.", "kk"},
		{"", "en"},
		{"12345 !!!", "en"},
		{"Some English with один Russian word.", "en"},
	}
	for _, tt := range tests {
		if got := DetectLanguage(tt.in); got != tt.want {
			t.Errorf("DetectLanguage(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseChoosesReader(t *testing.T) {
	in := []byte("# Heading\n\n1991. The year.\n")
	for _, tt := range []struct {
		name string
		md   bool
	}{{"a.md", true}, {"a.MARKDOWN", true}, {"a.txt", false}} { // no extension: TestParseAsChoosesReader
		doc, err := Parse(&source.File{Name: tt.name, Data: in}, nil)
		if err != nil {
			t.Fatal(err)
		}
		isMD := doc.Meta.Title == "Heading"
		if isMD != tt.md {
			t.Errorf("%s: read as Markdown = %v, want %v", tt.name, isMD, tt.md)
		}
	}
}

// TestDashUnderlineRanksBelowNumbered: a ---underlined heading sits below
// numbered headings of any depth, as ParseText documents.
func TestDashUnderlineRanksBelowNumbered(t *testing.T) {
	src := "Report\n\n1. Trade\n\nText one.\n\nDetails\n-------\n\nText two.\n\n1.1 Exports\n\nText three.\n"
	f := &source.File{Name: "r.txt", Data: []byte(src)}
	doc, err := ParseText(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	doc.WalkSections(func(s *document.Section) bool {
		got = append(got, fmt.Sprintf("%d:%s", s.Level, s.Title))
		return true
	})
	want := "1:Trade 2:Details 2:Exports"
	if strings.Join(got, " ") != want {
		t.Errorf("sections %v, want the underlined heading below the numbered ones (%s)", got, want)
	}
}
