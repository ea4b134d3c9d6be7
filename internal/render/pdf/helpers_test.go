package pdf

import (
	"encoding/json"
	"os/exec"
	"testing"
)

// testStyleFonts loads the default style and its fonts, failing the test
// on error.
func testStyleFonts(t *testing.T) (*Style, fontSet) {
	t.Helper()
	st, err := loadStyle(nil)
	if err != nil {
		t.Fatal(err)
	}
	fs, err := loadFonts(st, nil)
	if err != nil {
		t.Fatal(err)
	}
	return st, fs
}

// qpdfObject is one object of qpdf's JSON output.
type qpdfObject struct {
	Value any `json:"value"`
}

// qpdfJSON runs qpdf --json on file and returns its objects by key
// ("obj:12 0 R") and the page object references in page order.
func qpdfJSON(t *testing.T, file string) (map[string]qpdfObject, []string) {
	t.Helper()
	out, err := exec.Command("qpdf", "--json", file).Output()
	if err != nil {
		t.Fatalf("qpdf --json: %v", err)
	}
	var j struct {
		Pages []struct {
			Object string `json:"object"`
		} `json:"pages"`
		Qpdf []json.RawMessage `json:"qpdf"`
	}
	if err := json.Unmarshal(out, &j); err != nil || len(j.Qpdf) < 2 {
		t.Fatalf("qpdf --json: %v", err)
	}
	var objs map[string]qpdfObject
	if err := json.Unmarshal(j.Qpdf[1], &objs); err != nil {
		t.Fatalf("qpdf --json objects: %v", err)
	}
	var pages []string
	for _, p := range j.Pages {
		pages = append(pages, p.Object)
	}
	return objs, pages
}
