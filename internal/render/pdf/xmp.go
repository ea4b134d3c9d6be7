package pdf

import (
	"bytes"
	"compress/zlib"
	"encoding/xml"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/briefbook/briefbook/assets"
)

// What a tagged file says made it: the information dictionary's /Creator
// and /Producer, XMP's xmp:CreatorTool and pdf:Producer.
const (
	creatorTool = "briefbook"
	producer    = "briefbook (fpdf)"
)

// info writes the information dictionary of a tagged file as object num:
// each entry says what the XMP metadata says (PDF/A-2, 6.6.3), in UTF-16
// text strings and dates with their time zone.
func (f *finisher) info(num int) {
	m := f.meta
	b := &f.out
	b.WriteString(strconv.Itoa(num))
	b.WriteString(" 0 obj\n<<\n")
	entry := func(key, val string) {
		if val == "" {
			return
		}
		b.WriteString(key)
		b.WriteByte(' ')
		b.WriteString(val)
		b.WriteByte('\n')
	}
	entry("/Title", textString(m.title))
	if m.author != "" {
		entry("/Author", textString(m.author))
	}
	if m.subject != "" {
		entry("/Subject", textString(m.subject))
	}
	if m.keywords != "" {
		entry("/Keywords", textString(m.keywords))
	}
	entry("/Creator", textString(creatorTool))
	entry("/Producer", textString(producer))
	d := "(D:" + m.time.UTC().Format("20060102150405") + "+00'00')"
	entry("/CreationDate", d)
	entry("/ModDate", d)
	b.WriteString(">>\nendobj\n")
}

// xmpStream is the metadata stream of a tagged file: Dublin Core title,
// creator, description and language, the PDF and XMP properties that
// mirror the information dictionary, the PDF/A-2b and PDF/UA-1
// identification, and the PDF/A extension schema that declares the PDF/UA
// one (PDF/A admits only declared schemas). Uncompressed, as PDF/A wants.
func xmpStream(m *fileMeta) []byte {
	date := m.time.UTC().Format("2006-01-02T15:04:05+00:00")
	var x strings.Builder
	x.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
	x.WriteString(`<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
  xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
  xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
  xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
  xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<dc:format>application/pdf</dc:format>
`)
	x.WriteString("<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlText(m.title) + "</rdf:li></rdf:Alt></dc:title>\n")
	if m.author != "" {
		x.WriteString("<dc:creator><rdf:Seq><rdf:li>" + xmlText(m.author) + "</rdf:li></rdf:Seq></dc:creator>\n")
	}
	if m.subject != "" {
		x.WriteString("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xmlText(m.subject) + "</rdf:li></rdf:Alt></dc:description>\n")
	}
	x.WriteString("<dc:language><rdf:Bag><rdf:li>" + xmlText(m.langOr()) + "</rdf:li></rdf:Bag></dc:language>\n")
	if m.keywords != "" {
		x.WriteString("<pdf:Keywords>" + xmlText(m.keywords) + "</pdf:Keywords>\n")
	}
	x.WriteString("<pdf:Producer>" + producer + "</pdf:Producer>\n")
	x.WriteString("<xmp:CreatorTool>" + creatorTool + "</xmp:CreatorTool>\n")
	x.WriteString("<xmp:CreateDate>" + date + "</xmp:CreateDate>\n")
	x.WriteString("<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n")
	x.WriteString("<xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n")
	x.WriteString(`<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<pdfuaid:part>1</pdfuaid:part>
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
	s := x.String()
	return []byte("<</Type /Metadata /Subtype /XML /Length " + strconv.Itoa(len(s)) + ">>\nstream\n" + s + "\nendstream")
}

// xmlText escapes s for XML character data.
func xmlText(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// srgb is the output intent's profile stream, compressed once.
var srgb struct {
	once sync.Once
	obj  []byte
	err  error
}

// srgbProfile returns the stream object of the sRGB profile (assets/icc).
func srgbProfile() ([]byte, error) {
	srgb.once.Do(func() {
		raw, err := assets.FS.ReadFile(assets.SRGBProfile)
		if err != nil {
			srgb.err = err
			return
		}
		var z bytes.Buffer
		w, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
		w.Write(raw)
		w.Close()
		srgb.obj = []byte("<</N 3 /Filter /FlateDecode /Length " + strconv.Itoa(z.Len()) + ">>\nstream\n" +
			z.String() + "\nendstream")
	})
	return srgb.obj, srgb.err
}

// fileMetaOf is the metadata a tagged file states: the front matter's
// title, author, subject and keywords, the document's language and the
// build's time (the determinism rule's: never the clock).
func fileMetaOf(fm *front, lang string, t time.Time) *fileMeta {
	return &fileMeta{title: metaCut(fm.title), author: metaCut(fm.author), subject: metaCut(fm.subject),
		keywords: metaCut(fm.keywords), lang: metaCut(lang), time: t}
}

// maxMetaRunes bounds each metadata string: the information dictionary and
// the XMP both hold it, the first as UTF-16 in hexadecimal.
const maxMetaRunes = 1000

// metaCut is metaClean(s) cut to maxMetaRunes with an ellipsis.
func metaCut(s string) string {
	s = metaClean(s)
	if utf8.RuneCountInString(s) <= maxMetaRunes {
		return s
	}
	r := []rune(s)
	return string(r[:maxMetaRunes-1]) + "…"
}
