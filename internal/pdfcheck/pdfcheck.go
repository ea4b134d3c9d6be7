// Package pdfcheck checks the claims briefbook's PDFs make — tagged
// PDF/UA-1 and PDF/A-2b — as far as they can be checked mechanically
// without veraPDF, which no package registry here offers. It reads the
// file through qpdf (the object model, as JSON, with decoded streams) and
// pdftotext (the text of each page); the structure text is decoded from
// the content streams through each font's ToUnicode map (text.go). So a
// check sees what independent readers see, not what briefbook meant to
// write.
//
// What it checks, rule by rule, is listed on Check. Tests call it on the
// documents the issue names; a test skips when Missing reports a tool
// absent.
package pdfcheck

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// Missing names the first tool Check needs that is not installed, "" when
// all are.
func Missing() string {
	for _, t := range []string{"qpdf", "pdftotext"} {
		if _, err := exec.LookPath(t); err != nil {
			return t
		}
	}
	return ""
}

// Heading is a heading element of the structure tree.
type Heading struct {
	Level int
	Text  string
}

// Report is what Check found.
type Report struct {
	// Problems lists every rule broken, one line each; none when the file
	// passes.
	Problems []string
	Version  string // PDF version of the header
	Pages    int
	// Roles counts the structure elements of each type.
	Roles map[string]int
	// Headings lists the headings in reading order; Outline the outline
	// entries (level from 1, title) in order.
	Headings []Heading
	Outline  []Heading
	// Marked counts the marked-content sequences with an MCID, Artifacts
	// the artifact sequences, Painted the painting operators.
	Marked, Artifacts, Painted int
	// Coverage is, for each page with text, the share of the words
	// pdftotext extracts from the page without its artifacts that the
	// structure text holds in the same order; MinCoverage the least.
	Coverage    []float64
	MinCoverage float64
	// Words counts the page words compared, InOrder those found in the
	// structure text in order, Near those found near their place but in
	// another order (table cells pdftotext reads by column).
	Words, InOrder, Near int
	// StructText is the text of the structure tree, in reading order.
	StructText string
}

func (r *Report) problem(format string, args ...any) {
	if len(r.Problems) < 200 {
		r.Problems = append(r.Problems, fmt.Sprintf(format, args...))
	}
}

// Check reads the PDF at path and checks:
//
// File (PDF/A-2b): header %PDF-1.7 (1.4–1.7 accepted) followed by a
// comment of four bytes above 127; a file identifier; no encryption; an
// uncompressed XMP metadata stream naming pdfaid:part 2, conformance B and
// pdfuaid:part 1, with the PDF/UA schema declared as a PDF/A extension;
// the information dictionary agreeing with the XMP (title, author,
// subject, keywords, creator, producer, dates); an output intent
// GTS_PDFA1 with a three-component ICC profile; every font embedded
// (FontFile, FontFile2 or FontFile3) with a ToUnicode map; every
// annotation printable (/F 4) and not hidden; no JavaScript, no
// additional actions, only GoTo and URI actions.
//
// Tagging (PDF/UA-1): /MarkInfo /Marked true, a structure tree root, a
// document language, /DisplayDocTitle true and a dc:title; every page
// with /StructParents, and /Tabs /S where it has annotations; every
// painting operator of every page inside a marked-content sequence that
// is an artifact or carries an MCID, sequences balanced and not nested in
// one another; every MCID of a page found in the parent tree, pointing at
// an element that lists it; every element of a standard type; every link
// annotation with a /Contents and a /StructParent whose parent-tree entry
// is a Link element holding it as an object reference; every Figure with
// /Alt; every TH with a /Scope; every table with a header cell; TR holding
// only TH and TD, L only LI and Caption, LI only Lbl and LBody; every
// Note with an ID listed in the ID tree; headings H1–H6, the first H1,
// none more than one level below the one before; the outline's entries
// found among the headings, in order, at their level.
//
// Text: for each page, ≥ 99.5 % of the words pdftotext extracts from the
// page without its artifacts are found in the structure text (the text
// of the marked-content sequences in the order of the tree, Figures
// excepted), in order; Report.Coverage gives the figures, and a page
// under the bound is a problem.
func Check(path string) (*Report, error) {
	if t := Missing(); t != "" {
		return nil, fmt.Errorf("pdfcheck: %s is not installed", t)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := load(path)
	if err != nil {
		return nil, err
	}
	f.raw = raw
	r := &Report{Roles: map[string]int{}, MinCoverage: 1}
	checkHeader(r, raw)
	f.checkFile(r)
	st := f.checkStructure(r)
	f.checkContent(r, st)
	if err := checkText(r, path, f, st); err != nil {
		return nil, err
	}
	return r, nil
}

// pdf is a file as qpdf's JSON gives it.
type pdf struct {
	objs    map[string]map[string]any // "obj:N 0 R" → {"value": …} or {"stream": …}
	trailer map[string]any
	pages   []page
	outline []Heading
	max     int
	raw     []byte // the file itself
}

type page struct {
	ref      string
	contents []string
}

// load runs qpdf --json on path.
func load(path string) (*pdf, error) {
	out, err := exec.Command("qpdf", "--json=2", "--json-stream-data=inline", "--decode-level=generalized", path, "-").Output()
	if err != nil {
		// qpdf exits 3 on warnings and still writes the JSON.
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 || len(out) == 0 {
			return nil, fmt.Errorf("pdfcheck: qpdf --json %s: %v", path, err)
		}
	}
	var doc struct {
		Pages []struct {
			Object   string   `json:"object"`
			Contents []string `json:"contents"`
		} `json:"pages"`
		Outlines []outlineItem `json:"outlines"`
		QPDF     []json.RawMessage
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		return nil, fmt.Errorf("pdfcheck: qpdf JSON: %v", err)
	}
	if len(doc.QPDF) != 2 {
		return nil, fmt.Errorf("pdfcheck: qpdf JSON has no objects")
	}
	var head struct {
		Max int `json:"maxobjectid"`
	}
	json.Unmarshal(doc.QPDF[0], &head)
	objs := map[string]map[string]any{}
	if err := json.Unmarshal(doc.QPDF[1], &objs); err != nil {
		return nil, fmt.Errorf("pdfcheck: qpdf JSON objects: %v", err)
	}
	f := &pdf{objs: objs, max: head.Max}
	if t, ok := objs["trailer"]; ok {
		f.trailer, _ = t["value"].(map[string]any)
	}
	for _, p := range doc.Pages {
		f.pages = append(f.pages, page{ref: p.Object, contents: p.Contents})
	}
	var walk func(items []outlineItem, level int)
	walk = func(items []outlineItem, level int) {
		for _, it := range items {
			f.outline = append(f.outline, Heading{Level: level, Text: norm(it.Title)})
			walk(it.Kids, level+1)
		}
	}
	walk(doc.Outlines, 1)
	return f, nil
}

type outlineItem struct {
	Title string        `json:"title"`
	Kids  []outlineItem `json:"kids"`
}

// value returns the value of object ref ("N 0 R"), or v itself when it is
// not a reference; a stream's dictionary for a stream.
func (f *pdf) value(v any) any {
	s, ok := v.(string)
	if !ok || !strings.HasSuffix(s, " R") {
		return v
	}
	o, ok := f.objs["obj:"+s]
	if !ok {
		return nil
	}
	if val, ok := o["value"]; ok {
		return val
	}
	if st, ok := o["stream"].(map[string]any); ok {
		return st["dict"]
	}
	return nil
}

// dict is value(v) as a dictionary (nil when it is not one).
func (f *pdf) dict(v any) map[string]any {
	d, _ := f.value(v).(map[string]any)
	return d
}

// stream returns the decoded data and the dictionary of stream ref.
func (f *pdf) stream(ref any) ([]byte, map[string]any) {
	s, _ := ref.(string)
	o, ok := f.objs["obj:"+s]
	if !ok {
		return nil, nil
	}
	st, ok := o["stream"].(map[string]any)
	if !ok {
		return nil, nil
	}
	d, _ := st["dict"].(map[string]any)
	data, _ := st["data"].(string)
	b, _ := base64.StdEncoding.DecodeString(data)
	return b, d
}

// text decodes a qpdf JSON string ("u:…" text, "b:…" hex bytes).
func text(v any) string {
	s, _ := v.(string)
	switch {
	case strings.HasPrefix(s, "u:"):
		return s[2:]
	case strings.HasPrefix(s, "b:"):
		b, _ := hexBytes(s[2:])
		return string(b)
	}
	return s
}

func hexBytes(s string) ([]byte, error) {
	out := make([]byte, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		n, err := strconv.ParseUint(s[i:i+2], 16, 8)
		if err != nil {
			return nil, err
		}
		out = append(out, byte(n))
	}
	return out, nil
}

func num(v any) (int, bool) {
	f, ok := v.(float64)
	return int(f), ok
}

// norm folds white space.
func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// checkHeader checks the first two lines of the file.
func checkHeader(r *Report, raw []byte) {
	if !bytes.HasPrefix(raw, []byte("%PDF-1.")) || len(raw) < 9 {
		r.problem("header: not %%PDF-1.x")
		return
	}
	r.Version = string(raw[5:8])
	if v := raw[7]; v < '4' || v > '7' {
		r.problem("header: PDF %s, PDF/A-2 wants 1.4 to 1.7", r.Version)
	}
	rest := raw[bytes.IndexByte(raw, '\n')+1:]
	high := 0
	if len(rest) > 5 && rest[0] == '%' {
		for _, c := range rest[1:5] {
			if c > 127 {
				high++
			}
		}
	}
	if high < 4 {
		r.problem("header: no comment of four bytes above 127 on the second line (PDF/A 6.1.2)")
	}
}

// writeStripped writes a copy of the file without its artifact sequences
// and without what Figures show (their /Alt stands for it), through qpdf
// --update-from-json, for the page text that the structure text is
// compared with.
func writeStripped(f *pdf, si *structInfo, path, out string) error {
	upd := map[string]any{}
	for i, p := range f.pages {
		drop := map[int]bool{}
		key, _ := num(f.dict(p.ref)["/StructParents"])
		for mcid, e := range si.parents[key] {
			if si.inFigure[e] {
				drop[mcid] = true
			}
		}
		_ = i
		for _, c := range p.contents {
			data, d := f.stream(c)
			if d == nil {
				continue
			}
			nd := map[string]any{}
			for k, v := range d {
				if k != "/Filter" && k != "/DecodeParms" && k != "/Length" {
					nd[k] = v
				}
			}
			upd["obj:"+c] = map[string]any{"stream": map[string]any{
				"data": base64.StdEncoding.EncodeToString(stripArtifacts(data, drop)), "dict": nd}}
		}
	}
	// The catalog without the output intent: poppler converts every
	// colour through an output intent's profile, which makes reading the
	// text of War and Peace three times slower.
	if root, ok := f.trailer["/Root"].(string); ok {
		if cat := f.dict(root); cat != nil {
			nc := map[string]any{}
			for k, v := range cat {
				if k != "/OutputIntents" {
					nc[k] = v
				}
			}
			upd["obj:"+root] = map[string]any{"value": nc}
		}
	}
	js, err := json.Marshal(map[string]any{"qpdf": []any{
		map[string]any{"jsonversion": 2, "pushedinheritedpageresources": false, "calledgetallpages": false, "maxobjectid": f.max},
		upd}})
	if err != nil {
		return err
	}
	jf := out + ".json"
	if err := os.WriteFile(jf, js, 0o644); err != nil {
		return err
	}
	cmd := exec.Command("qpdf", path, "--update-from-json="+jf, out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 3 {
			return fmt.Errorf("pdfcheck: qpdf --update-from-json: %v: %s", err, msg)
		}
	}
	return nil
}

// checkText compares the words of each page, without artifacts, with the
// structure text.
func checkText(r *Report, path string, f *pdf, si *structInfo) error {
	chunks, heads := si.structText(si.texts)
	r.StructText = joinChunks(chunks)
	r.Headings = heads
	checkHeadings(r, heads, f.outline)
	r.Outline = f.outline

	dir, err := os.MkdirTemp("", "pdfcheck")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	stripped := filepath.Join(dir, "stripped.pdf")
	if err := writeStripped(f, si, path, stripped); err != nil {
		return err
	}
	txt, err := exec.Command("pdftotext", "-enc", "UTF-8", stripped, "-").Output()
	if err != nil {
		return fmt.Errorf("pdfcheck: pdftotext: %v", err)
	}
	structWords := words(r.StructText)
	vocab := map[string]bool{}
	for _, w := range structWords {
		vocab[w] = true
	}
	used := make([]bool, len(structWords))
	pos := 0
	for i, pg := range strings.Split(string(txt), "\f") {
		if i >= len(f.pages) {
			break
		}
		ws := splitCalls(words(lineBreaks.Replace(pg)), vocab)
		if len(ws) == 0 {
			continue
		}
		found, missed, next := align(ws, structWords, used, pos)
		// Words the page reads in another order than the structure (the
		// cells of a table read by column): present near their place,
		// but not in order.
		lo, hi := max(0, pos-alignBehind), min(len(structWords), pos+len(ws)+alignAhead)
		near := 0
		var absent []string
		for _, w := range missed {
			k := -1
			for j := lo; j < hi; j++ {
				if !used[j] && structWords[j] == w {
					k = j
					break
				}
			}
			if k >= 0 {
				used[k] = true
				near++
			} else if len(absent) < 8 {
				absent = append(absent, w)
			}
		}
		pos = next
		c := float64(found) / float64(len(ws))
		r.Coverage = append(r.Coverage, c)
		r.MinCoverage = min(r.MinCoverage, c)
		r.Words += len(ws)
		r.InOrder += found
		r.Near += near
		if all := float64(found+near) / float64(len(ws)); all < 0.995 || c < 0.95 {
			r.problem("page %d: %d of %d words (%.1f %%) found in the structure text in order, %d more near their place; not found: %q",
				i+1, found, len(ws), 100*c, near, absent)
		}
	}
	return nil
}

// lineBreaks joins the words the page text breaks after a hyphen or a
// dash at a line end, as the structure text holds them whole.
var lineBreaks = strings.NewReplacer("-\n", "", "\u2010\n", "\u2010", "\u2013\n", "\u2013", "\u2014\n", "\u2014")

// splitCalls splits a page word the structure text does not hold into a
// word and the digits after it when the structure holds both: a note call
// set against its word reads as one word from the page ("security1").
func splitCalls(ws []string, vocab map[string]bool) []string {
	var out []string
	for _, w := range ws {
		if !vocab[w] {
			// The call is the last one to three digits (a year before
			// it is digits too: try each length).
			split := false
			for k := len(w) - 1; k >= max(1, len(w)-3) && w[k] >= '0' && w[k] <= '9'; k-- {
				if vocab[w[:k]] && vocab[w[k:]] {
					out = append(out, w[:k], w[k:])
					split = true
					break
				}
			}
			if split {
				continue
			}
		}
		out = append(out, w)
	}
	return out
}

// alignBehind is how far behind the last word matched a page's words
// are looked for in the structure text, alignAhead how far past the
// page's own length ahead of it: the structure text of a page is about as
// long as the page text (both leave artifacts and figures out), and a
// window much longer lets common words of the next page stand in for
// words a page reads in another order.
const (
	alignBehind = 60
	alignAhead  = 120
)

// align matches the words of a page with the structure text from about
// pos on, in order: a longest common subsequence of ws and a window of sw
// (words already matched excepted). It marks the words matched as used
// and returns how many matched, those that did not, and the
// position after the last one matched. The window is a little behind pos
// and the page's length ahead, so the cost is linear in the document.
func align(ws, sw []string, used []bool, pos int) (found int, missed []string, next int) {
	lo := max(0, pos-alignBehind)
	hi := min(len(sw), pos+len(ws)+alignAhead)
	n, m := len(ws), hi-lo
	next = pos
	if m <= 0 {
		return 0, ws, next
	}
	// dp[i][j]: LCS of ws[i:] and sw[lo+j:hi].
	dp := make([]int32, (n+1)*(m+1))
	at := func(i, j int) *int32 { return &dp[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if !used[lo+j] && ws[i] == sw[lo+j] {
				*at(i, j) = *at(i+1, j+1) + 1
			} else {
				*at(i, j) = max(*at(i+1, j), *at(i, j+1))
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case !used[lo+j] && ws[i] == sw[lo+j] && *at(i, j) == *at(i+1, j+1)+1:
			used[lo+j] = true
			found++
			next = max(next, lo+j+1)
			i++
			j++
		case *at(i+1, j) >= *at(i, j+1):
			missed = append(missed, ws[i])
			i++
		default:
			j++
		}
	}
	missed = append(missed, ws[i:]...)
	return found, missed, next
}

// words splits text into comparable words: lower case, letters and digits
// only (hyphens and punctuation dropped, so a word broken at a line end
// compares equal to the whole word).
func words(s string) []string {
	var out []string
	for _, w := range strings.Fields(strings.ToLower(s)) {
		var b strings.Builder
		for _, c := range w {
			if isWordRune(c) {
				b.WriteRune(c)
			}
		}
		if b.Len() > 0 {
			out = append(out, b.String())
		}
	}
	return out
}

// checkHeadings checks heading levels and the outline against them.
func checkHeadings(r *Report, heads, outline []Heading) {
	prev := 0
	for i, h := range heads {
		if i == 0 && h.Level != 1 {
			r.problem("headings: the first is H%d, not H1", h.Level)
		}
		if h.Level > prev+1 {
			r.problem("headings: H%d %q follows H%d", h.Level, h.Text, prev)
		}
		prev = h.Level
	}
	j := 0
	for _, o := range outline {
		for j < len(heads) && !(heads[j].Level == o.Level && heads[j].Text == o.Text) {
			j++
		}
		if j == len(heads) {
			r.problem("outline entry %q (level %d) is not a heading H%d in order", o.Text, o.Level, o.Level)
			return
		}
		j++
	}
}

// standardTypes are the standard structure types of PDF 1.7 (§14.8.4).
var standardTypes = map[string]bool{}

func init() {
	for _, t := range strings.Fields(`Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
		NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot
		Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form`) {
		standardTypes[t] = true
	}
}

// joinChunks joins the texts of the structure with spaces, but for a
// text that ends in a hyphen: the word goes on in the next one.
func joinChunks(chunks []string) string {
	var b strings.Builder
	for i, c := range chunks {
		b.WriteString(c)
		if i < len(chunks)-1 && !strings.HasSuffix(c, "-") {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
