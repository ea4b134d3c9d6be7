package pdfcheck

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"time"
)

// checkFile checks the catalog, metadata, output intent, fonts and
// annotations.
func (f *pdf) checkFile(r *Report) {
	r.Pages = len(f.pages)
	if f.trailer == nil {
		r.problem("no trailer")
		return
	}
	if _, ok := f.trailer["/Encrypt"]; ok {
		r.problem("trailer: the file is encrypted")
	}
	if ids, ok := f.trailer["/ID"].([]any); !ok || len(ids) != 2 {
		r.problem("trailer: no file identifier /ID")
	}
	cat := f.dict(f.trailer["/Root"])
	if cat == nil {
		r.problem("no catalog")
		return
	}
	if mi := f.dict(cat["/MarkInfo"]); mi == nil || mi["/Marked"] != true {
		r.problem("catalog: no /MarkInfo /Marked true")
	}
	if cat["/StructTreeRoot"] == nil {
		r.problem("catalog: no /StructTreeRoot")
	}
	if strings.TrimSpace(text(f.value(cat["/Lang"]))) == "" {
		r.problem("catalog: no /Lang")
	}
	if vp := f.dict(cat["/ViewerPreferences"]); vp == nil || vp["/DisplayDocTitle"] != true {
		r.problem("catalog: no /ViewerPreferences /DisplayDocTitle true")
	}
	if _, ok := cat["/AA"]; ok {
		r.problem("catalog: additional actions /AA")
	}
	if names := f.dict(cat["/Names"]); names != nil && names["/JavaScript"] != nil {
		r.problem("catalog: JavaScript")
	}
	f.checkIntent(r, cat)
	f.checkXMP(r, cat)
	f.checkPages(r)
}

// checkIntent checks the PDF/A output intent.
func (f *pdf) checkIntent(r *Report, cat map[string]any) {
	ois, _ := f.value(cat["/OutputIntents"]).([]any)
	for _, oi := range ois {
		d := f.dict(oi)
		if d == nil || d["/S"] != "/GTS_PDFA1" {
			continue
		}
		_, pd := f.stream(d["/DestOutputProfile"])
		if pd == nil {
			r.problem("output intent: no ICC profile stream")
			return
		}
		if n, _ := num(pd["/N"]); n != 3 {
			r.problem("output intent: profile with /N %v, want 3 (RGB)", pd["/N"])
		}
		return
	}
	r.problem("catalog: no GTS_PDFA1 output intent")
}

// xmpValues reads an XMP packet into the text of each element path below
// rdf:Description, by local names ("title/Alt/li"); repeated paths keep
// every value.
func xmpValues(data []byte) (map[string][]string, error) {
	d := xml.NewDecoder(bytes.NewReader(data))
	out := map[string][]string{}
	var path []string
	in := -1 // depth of the Description element, -1 outside
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			path = append(path, t.Name.Local)
			if t.Name.Local == "Description" && in < 0 {
				in = len(path)
			}
		case xml.EndElement:
			if len(path) == in {
				in = -1
			}
			if len(path) > 0 {
				path = path[:len(path)-1]
			}
		case xml.CharData:
			if in > 0 && len(path) > in {
				if v := strings.TrimSpace(string(t)); v != "" {
					k := strings.Join(path[in:], "/")
					out[k] = append(out[k], v)
				}
			}
		}
	}
}

// checkXMP checks the metadata stream and that the information
// dictionary agrees with it.
func (f *pdf) checkXMP(r *Report, cat map[string]any) {
	data, d := f.stream(cat["/Metadata"])
	if d == nil {
		r.problem("catalog: no /Metadata stream")
		return
	}
	if d["/Subtype"] != "/XML" {
		r.problem("metadata: /Subtype %v, want /XML", d["/Subtype"])
	}
	// qpdf leaves the filters out of a stream it decodes: look in the
	// file.
	if md := rawStreamDict(f.raw, str(cat["/Metadata"])); md == nil {
		r.problem("metadata: stream %v not found in the file", cat["/Metadata"])
	} else if bytes.Contains(md, []byte("/Filter")) {
		r.problem("metadata: the stream is compressed (PDF/A 6.6.2.1)")
	}
	vals, err := xmpValues(data)
	if err != nil {
		r.problem("metadata: not XML: %v", err)
		return
	}
	first := func(k string) string {
		if v := vals[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	got := map[string]string{
		"title": first("title/Alt/li"), "author": strings.Join(vals["creator/Seq/li"], ", "),
		"subject": first("description/Alt/li"), "keywords": first("Keywords"), "producer": first("Producer"),
		"creator": first("CreatorTool"), "created": first("CreateDate"), "modified": first("ModifyDate"),
		"part": first("part"), "conformance": first("conformance"),
	}
	// pdfaid:part and pdfuaid:part share a local name: tell them apart
	// by their namespaces.
	got["part"], got["ua"] = xmpPart(data, "http://www.aiim.org/pdfa/ns/id/"), xmpPart(data, "http://www.aiim.org/pdfua/ns/id/")
	ext := map[string]bool{}
	for _, p := range vals["schemas/Bag/li/prefix"] {
		ext[p] = true
	}
	if got["part"] != "2" || got["conformance"] != "B" {
		r.problem("metadata: pdfaid:part %q conformance %q, want 2 and B", got["part"], got["conformance"])
	}
	if got["ua"] != "1" {
		r.problem("metadata: pdfuaid:part %q, want 1", got["ua"])
	}
	if got["ua"] != "" && !ext["pdfuaid"] {
		r.problem("metadata: the pdfuaid schema is not declared as a PDF/A extension schema")
	}
	if strings.TrimSpace(got["title"]) == "" {
		r.problem("metadata: no dc:title (PDF/UA 7.1)")
	}
	info := f.dict(f.trailer["/Info"])
	for _, e := range []struct{ key, xmp string }{
		{"/Title", "title"}, {"/Author", "author"}, {"/Subject", "subject"}, {"/Keywords", "keywords"},
		{"/Creator", "creator"}, {"/Producer", "producer"},
	} {
		if v := text(info[e.key]); v != got[e.xmp] {
			r.problem("info %s %q, XMP %q", e.key, v, got[e.xmp])
		}
	}
	for _, e := range []struct{ key, xmp string }{{"/CreationDate", "created"}, {"/ModDate", "modified"}} {
		a, b := pdfDate(text(info[e.key])), xmpDate(got[e.xmp])
		if info[e.key] != nil && (a.IsZero() || !a.Equal(b)) {
			r.problem("info %s %q, XMP %q", e.key, text(info[e.key]), got[e.xmp])
		}
	}
}

// xmpPart is the text of the element "part" in namespace ns.
func xmpPart(data []byte, ns string) string {
	d := xml.NewDecoder(bytes.NewReader(data))
	want := false
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			want = t.Name.Local == "part" && t.Name.Space == ns
		case xml.CharData:
			if want {
				return strings.TrimSpace(string(t))
			}
		case xml.EndElement:
			want = false
		}
	}
}

// rawStreamDict returns the dictionary of stream object ref ("N 0 R") as
// the file writes it, from "N 0 obj" to "stream"; nil when the object is
// not found written out (in an object stream, say).
func rawStreamDict(raw []byte, ref string) []byte {
	num, _, ok := strings.Cut(ref, " ")
	if !ok {
		return nil
	}
	head := []byte("\n" + num + " 0 obj")
	i := bytes.Index(raw, head)
	if i < 0 {
		return nil
	}
	rest := raw[i+len(head):]
	j := bytes.Index(rest, []byte("stream"))
	if j < 0 {
		return nil
	}
	return rest[:j]
}

// pdfDate reads "D:YYYYMMDDHHmmSS+HH'mm'" (or Z), zero when it cannot.
func pdfDate(s string) time.Time {
	s = strings.TrimPrefix(s, "D:")
	if len(s) < 14 {
		return time.Time{}
	}
	t, err := time.Parse("20060102150405", s[:14])
	if err != nil {
		return time.Time{}
	}
	z := s[14:]
	if z == "" || z[0] == 'Z' {
		return t
	}
	z = strings.ReplaceAll(z, "'", "")
	if len(z) < 5 {
		return time.Time{}
	}
	off, err := time.Parse("-0700", z[:5])
	if err != nil {
		return time.Time{}
	}
	_, secs := off.Zone()
	return t.Add(-time.Duration(secs) * time.Second)
}

// xmpDate reads an XMP date.
func xmpDate(s string) time.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return t
}

// checkPages checks each page's keys, fonts and annotations.
func (f *pdf) checkPages(r *Report) {
	fontsSeen := map[string]bool{}
	for i, p := range f.pages {
		d := f.dict(p.ref)
		if d == nil {
			r.problem("page %d: no dictionary", i+1)
			continue
		}
		if _, ok := num(d["/StructParents"]); !ok {
			r.problem("page %d: no /StructParents", i+1)
		}
		annots, _ := f.value(d["/Annots"]).([]any)
		if len(annots) > 0 && d["/Tabs"] != "/S" {
			r.problem("page %d: annotations without /Tabs /S", i+1)
		}
		for _, a := range annots {
			ad := f.dict(a)
			if _, isRef := a.(string); !isRef {
				a = "(inline)"
			}
			if ad == nil {
				continue
			}
			flags, _ := num(ad["/F"])
			if flags&4 == 0 || flags&(1|2|32) != 0 {
				r.problem("page %d: annotation %v with /F %d (PDF/A wants print on, hidden off)", i+1, a, flags)
			}
			if ad["/Subtype"] == "/Link" && strings.TrimSpace(text(ad["/Contents"])) == "" {
				r.problem("page %d: link %v without /Contents (PDF/UA 7.18.5)", i+1, a)
			}
			if _, ok := num(ad["/StructParent"]); !ok {
				r.problem("page %d: annotation %v without /StructParent", i+1, a)
			}
			if act := f.dict(ad["/A"]); act != nil {
				if s := act["/S"]; s != "/URI" && s != "/GoTo" {
					r.problem("page %d: action %v", i+1, s)
				}
			}
		}
		res := f.dict(d["/Resources"])
		fonts := f.dict(res["/Font"])
		for _, ref := range fonts {
			key, _ := ref.(string)
			if fontsSeen[key] {
				continue
			}
			fontsSeen[key] = true
			f.checkFont(r, ref)
		}
	}
}

// checkFont checks that a font is embedded and maps to Unicode.
func (f *pdf) checkFont(r *Report, ref any) {
	fd := f.dict(ref)
	if fd == nil {
		return
	}
	name := text(fd["/BaseFont"])
	if fd["/ToUnicode"] == nil {
		r.problem("font %s: no /ToUnicode", name)
	}
	desc := fd
	if ds, ok := f.value(fd["/DescendantFonts"]).([]any); ok && len(ds) > 0 {
		desc = f.dict(ds[0])
	}
	fdesc := f.dict(desc["/FontDescriptor"])
	if fdesc == nil || (fdesc["/FontFile"] == nil && fdesc["/FontFile2"] == nil && fdesc["/FontFile3"] == nil) {
		r.problem("font %s: not embedded", name)
	}
}
