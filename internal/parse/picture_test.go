package parse

import (
	"errors"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

// fakePictures reads pictures from a map, as a folder would; a missing
// name is an error.
func fakePictures(files map[string]*document.Image) PictureReader {
	return func(ref string) (*document.Image, error) {
		if im, ok := files[ref]; ok {
			return im, nil
		}
		return nil, errors.New("no such file")
	}
}

func parseWithPictures(t *testing.T, in string, pr PictureReader) (*document.Document, *source.Warnings) {
	t.Helper()
	var ws source.Warnings
	doc, err := ParseWith(&source.File{Name: "in.md", Data: []byte(in)}, Options{Pictures: pr}, &ws)
	if err != nil {
		t.Fatal(err)
	}
	return doc, &ws
}

func TestPictures(t *testing.T) {
	chart := &document.Image{Format: "png", Width: 300, Height: 200, Hash: "abc"}
	pr := fakePictures(map[string]*document.Image{"chart.png": chart, "img/map.jpg": {Format: "jpeg", Width: 8, Height: 8}})
	tests := []struct {
		name, in, want, warn string
	}{
		{"alone", "One.\n\n![Revenue chart](chart.png \"Revenue by year\")\n\nTwo.",
			"para p1 line=1 \"One.\"\npicture line=3 path=\"chart.png\" alt=\"Revenue chart\" title=\"Revenue by year\" (png 300x200)\npara p2 line=5 \"Two.\"", ""},
		{"no title", "![Map *of* towns](img/map.jpg)", `picture line=1 path="img/map.jpg" alt="Map of towns" title="" (jpeg 8x8)`, ""},
		{"spaces around", "  ![A](chart.png)  \n", `picture line=1 path="chart.png" alt="A" title="" (png 300x200)`, ""},
		{"missing", "![Gone](gone.png)\n\nText.", "picture line=1 path=\"gone.png\" alt=\"Gone\" title=\"\" (not read)\npara p1 line=3 \"Text.\"",
			`in.md:1: warning: picture "gone.png" not embedded: no such file; its alt text is kept`},
		{"in text", "See ![A](chart.png) now.", `para p1 line=1 "See A now."`, "only a picture alone in its paragraph"},
		{"two in a paragraph", "![A](chart.png) ![B](chart.png)", `para p1 line=1 "A B"`, "only a picture alone"},
		{"in a link", "[![A](chart.png)](https://x.org)", `para p1 line=1 link("https://x.org" "A")`, "only a picture alone"},
		{"in a quote", "> ![A](chart.png)", "quote p1 line=1\n  para line=1 \"A\"", "only a picture alone"},
		{"html alone", "Text.\n\n<img src=\"chart.png\" alt=\"Chart\" title=\"Sales\">\n\nMore.",
			"para p1 line=1 \"Text.\"\npicture line=3 path=\"chart.png\" alt=\"Chart\" title=\"Sales\" (png 300x200)\npara p2 line=5 \"More.\"", ""},
		{"html in p", "<p align=\"center\"><img src=\"chart.png\" alt=\"\"></p>", `picture line=1 path="chart.png" alt="" title="" (png 300x200)`, ""},
		{"html with text", "<p>Logo <img src=\"chart.png\" alt=\"C\"></p>", `para p1 line=1 "Logo C"`, "only a picture alone"},
		{"html url", "<img src=\"https://x.org/a.png\" alt=\"Remote\">", `picture line=1 path="https://x.org/a.png" alt="Remote" title="" (not read)`, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ws := parseWithPictures(t, tt.in, pr)
			if got := blocksDump(doc); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			var all []string
			for _, w := range ws.List {
				all = append(all, w.String())
			}
			joined := strings.Join(all, "\n")
			if tt.warn == "" && joined != "" || !strings.Contains(joined, tt.warn) {
				t.Errorf("warnings %q, want %q", joined, tt.warn)
			}
		})
	}
}

// TestPictureKeepsParagraphNumbers: a figure takes no ¶ number, so the
// paragraphs after it keep the numbers they have without it.
func TestPictureKeepsParagraphNumbers(t *testing.T) {
	with := "# A\n\nOne.\n\n![Chart](chart.png)\n\nTwo.\n\n<img src=\"chart.png\" alt=\"Again\">\n\n- three\n\n# B\n\n![Chart](missing.png)\n\nFour.\n"
	without := "# A\n\nOne.\n\nTwo.\n\n- three\n\n# B\n\nFour.\n"
	pr := fakePictures(map[string]*document.Image{"chart.png": {Format: "png", Width: 1, Height: 1}})
	a, _ := parseWithPictures(t, with, pr)
	b, _ := parseWithPictures(t, without, pr)
	numbers := func(d *document.Document) []string {
		var out []string
		d.WalkSections(func(s *document.Section) bool {
			for _, bl := range s.Numbered() {
				r := document.RefOf(bl)
				out = append(out, r.ID+"="+document.BlockText(bl))
			}
			return true
		})
		return out
	}
	if got, want := strings.Join(numbers(a), " "), strings.Join(numbers(b), " "); got != want {
		t.Fatalf("¶ numbers with pictures %q, without %q", got, want)
	}
	if a.Meta.Words != b.Meta.Words {
		t.Errorf("words %d with pictures, %d without: captions are no body words", a.Meta.Words, b.Meta.Words)
	}
	n := a.PictureNumbers()
	if len(n) != 2 {
		t.Errorf("%d pictures numbered, want 2 (the missing one is not shown)", len(n))
	}
}

// TestPicturesWithoutFolder: with no picture reader every picture is
// kept, unread, with a warning naming the line and the picture.
func TestPicturesWithoutFolder(t *testing.T) {
	doc, ws := parseWithPictures(t, "Text.\n\n![Chart](chart.png)\n", nil)
	if got := blocksDump(doc); !strings.Contains(got, `picture line=3 path="chart.png" alt="Chart" title="" (not read)`) {
		t.Fatalf("got\n%s", got)
	}
	if len(ws.List) != 1 || ws.List[0].String() != `in.md:3: warning: picture "chart.png" not embedded: the source has no folder to read it from; its alt text is kept` {
		t.Fatalf("warnings %v", ws.List)
	}
}

// TestPictureReadOnce: a reference named many times is read once, and the
// pictures of a document are bounded in all.
func TestPictureReadOnce(t *testing.T) {
	reads := 0
	big := &document.Image{Format: "png", Width: 1, Height: 1, Data: make([]byte, maxPictureBytes/3)}
	pr := func(ref string) (*document.Image, error) {
		reads++
		return big, nil
	}
	in := strings.Repeat("![A](a.png)\n\n", 50) + "![B](b.png)\n\n![C](c.png)\n\n![D](d.png)\n"
	doc, ws := parseWithPictures(t, in, pr)
	if reads != 4 {
		t.Errorf("%d reads for 4 distinct references, want 4", reads)
	}
	var shown []string
	doc.WalkSections(func(s *document.Section) bool {
		for _, b := range s.Blocks {
			if p, ok := b.(*document.Picture); ok && p.Shown() {
				shown = append(shown, p.Path)
			}
		}
		return true
	})
	if len(shown) != 52 || shown[51] != "c.png" {
		t.Errorf("%d shown (last %v), want a.png ×50, b.png and c.png", len(shown), shown[len(shown)-1])
	}
	if len(ws.List) != 1 || !strings.Contains(ws.List[0].String(), `in.md:105: warning: picture "d.png" not embedded: the document's pictures pass 256 MB in all`) {
		t.Errorf("warnings %v", ws.List)
	}
}
