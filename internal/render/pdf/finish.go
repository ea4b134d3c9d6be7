package pdf

import (
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"
)

// finishFile rewrites the file fpdf wrote into the one briefbook delivers.
//
// Always: every annotation dictionary fpdf writes inline in a page's
// /Annots array becomes an indirect object of its own, as PDF 1.7 (Table
// 30) wants (validators and some readers only look for link annotations
// among the objects).
//
// With the structure t of the painting pass and the document's metadata,
// it also makes the file a tagged PDF/UA-1 and PDF/A-2b one: PDF 1.7
// header with a binary comment; /StructParents and /Tabs /S on every
// page; /StructParent, /F 4 (print) and /Contents on every link
// annotation; the structure tree, its parent tree and ID tree; /MarkInfo,
// /ViewerPreferences /DisplayDocTitle, XMP metadata and an sRGB output
// intent in the catalog; an information dictionary that says what the
// XMP says; a file identifier in the trailer.
//
// fpdf writes page dictionaries uncompressed, one object each, with the
// whole /Annots array on one line; only content streams are compressed.
// The rewrite copies every object unchanged but the pages with
// annotations (or every page, tagged), the catalog and the information
// dictionary (tagged), appends the new objects after the last one and
// writes a new cross-reference table and trailer. Existing objects keep
// their numbers, so references to pages stay valid. One linear pass,
// deterministic. An untagged file without inline annotations is returned
// as is.
func finishFile(src []byte, t *tagger, meta *fileMeta) ([]byte, error) {
	x, err := readXref(src)
	if err != nil {
		return nil, fmt.Errorf("finishing the file: %v", err)
	}
	tagged := t != nil && meta != nil
	f := &finisher{src: src, x: x, t: t, meta: meta, tagged: tagged, next: x.size}
	if tagged {
		if err := f.plan(); err != nil {
			return nil, err
		}
	}
	if err := f.copyObjects(); err != nil {
		return nil, err
	}
	if !tagged && !f.moved {
		return src, nil
	}
	if tagged {
		if err := f.structure(); err != nil {
			return nil, err
		}
	}
	return f.finish(), nil
}

// finisher is the state of one finishFile.
type finisher struct {
	src    []byte
	x      *xrefTable
	t      *tagger
	meta   *fileMeta
	tagged bool

	out     bytes.Buffer
	offsets []int    // new offsets by object number
	added   [][]byte // objects appended, numbered from x.size
	next    int      // next object number to hand out
	moved   bool     // an inline annotation was made indirect

	// Tagged files: the object numbers planned before the copy.
	pageObj   []int         // page objects in page order (plan)
	byPage    map[int][]int // indexes into t.annots of each page, in order
	annotObj  []int         // object of each annotation of t.annots
	nodeObj   map[*tagNode]int
	nodes     []*tagNode // kept elements in object order
	treeRoot  int        // StructTreeRoot
	parentObj int        // ParentTree
	xmpObj    int
	intentObj int
	iccObj    int
	rootNum   int // the catalog
	infoNum   int // the information dictionary
}

// pages is the page count: the parent tree keys pages 0 … pages-1 and
// annotations from pages on.
func (f *finisher) pages() int { return len(f.pageObj) }

// plan numbers the objects a tagged file gains: annotations, kept
// structure elements, the parent tree, the structure tree root, the XMP
// stream, the output intent and its profile.
func (f *finisher) plan() error {
	var err error
	if f.rootNum, err = trailerRef(f.x.trailer, "/Root"); err != nil {
		return err
	}
	if f.infoNum, err = trailerRef(f.x.trailer, "/Info"); err != nil {
		return err
	}
	for _, o := range f.x.objs {
		if pageHeadAt(f.src[o.off:]) >= 0 {
			f.pageObj = append(f.pageObj, o.num)
		}
	}
	f.byPage = map[int][]int{}
	f.annotObj = make([]int, len(f.t.annots))
	for i, a := range f.t.annots {
		f.byPage[a.page] = append(f.byPage[a.page], i)
		f.annotObj[i] = f.next
		f.next++
	}
	f.nodeObj = map[*tagNode]int{}
	prune(f.t.root)
	var walk func(n *tagNode)
	walk = func(n *tagNode) {
		f.nodeObj[n] = f.next
		f.nodes = append(f.nodes, n)
		f.next++
		for _, k := range n.kids {
			if k.node != nil {
				walk(k.node)
			}
		}
	}
	walk(f.t.root)
	f.parentObj, f.treeRoot, f.xmpObj, f.intentObj, f.iccObj = f.next, f.next+1, f.next+2, f.next+3, f.next+4
	f.next += 5
	return nil
}

// prune drops the elements that hold nothing (a Lbl whose marker was
// never drawn, a Sect of an empty part), except table cells and rows,
// which keep the grid regular.
func prune(n *tagNode) bool {
	kept := n.kids[:0]
	for _, k := range n.kids {
		if k.node != nil && !prune(k.node) {
			continue
		}
		kept = append(kept, k)
	}
	n.kids = kept
	switch n.role {
	case "TD", "TH", "TR", "Document":
		return true
	}
	return len(n.kids) > 0
}

// trailerRef reads "key N 0 R" from a trailer dictionary.
func trailerRef(trailer []byte, key string) (int, error) {
	i := bytes.Index(trailer, []byte(key+" "))
	if i < 0 {
		return 0, fmt.Errorf("finishing the file: trailer has no %s", key)
	}
	f := bytes.Fields(trailer[i+len(key):])
	if len(f) < 3 || string(f[2]) != "R" {
		return 0, fmt.Errorf("finishing the file: trailer %s is not a reference", key)
	}
	n, err := strconv.Atoi(string(f[0]))
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("finishing the file: trailer %s %q", key, f[0])
	}
	return n, nil
}

// pageHead opens every page dictionary fpdf writes.
var pageHead = []byte("<</Type /Page\n")

// copyObjects copies the objects, rewriting pages, catalog and
// information dictionary.
func (f *finisher) copyObjects() error {
	src, x := f.src, f.x
	f.out.Grow(len(src) + len(src)/8)
	f.offsets = make([]int, x.size)
	if f.tagged {
		// PDF/A: a PDF 1.7 header, then a comment of four bytes > 127.
		f.out.WriteString("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n")
	} else {
		f.out.Write(src[:x.objs[0].off])
	}
	page := 0
	for i, o := range x.objs {
		end := x.xrefOff
		if i+1 < len(x.objs) {
			end = x.objs[i+1].off
		}
		obj := src[o.off:end]
		f.offsets[o.num] = f.out.Len()
		if f.tagged && o.num == f.rootNum {
			if err := f.catalog(obj); err != nil {
				return err
			}
			continue
		}
		if f.tagged && o.num == f.infoNum {
			f.info(o.num)
			continue
		}
		head := pageHeadAt(obj)
		if head < 0 {
			f.out.Write(obj)
			continue
		}
		page++
		if err := f.page(obj, o, page, head); err != nil {
			return err
		}
	}
	return nil
}

// pageHeadAt returns the offset after the "<</Type /Page" line of a page
// object as fpdf writes it ("N 0 obj" on the line before), -1 when obj is
// not a page.
func pageHeadAt(obj []byte) int {
	nl := bytes.IndexByte(obj, '\n')
	if nl < 0 || !bytes.HasPrefix(obj[nl+1:], pageHead) {
		return -1
	}
	return nl + 1 + len(pageHead)
}

// page copies page object obj (page n); head is the offset after its
// "<</Type /Page" line.
func (f *finisher) page(obj []byte, o objPos, n, head int) error {
	start, stop, dicts, err := inlineAnnots(obj)
	if err != nil {
		return fmt.Errorf("finishing the file: object %d at byte %d: %v", o.num, o.off, err)
	}
	if f.tagged {
		if want := len(f.byPage[n]); len(dicts) != want {
			return fmt.Errorf("finishing the file: page %d has %d annotations, the structure %d", n, len(dicts), want)
		}
	}
	if len(dicts) == 0 && !f.tagged {
		f.out.Write(obj)
		return nil
	}
	if len(dicts) == 0 {
		start, stop = head, head
	}
	f.out.Write(obj[:head])
	if f.tagged {
		f.out.WriteString("/StructParents ")
		f.out.WriteString(strconv.Itoa(n - 1))
		f.out.WriteString("\n/Tabs /S\n")
	}
	f.out.Write(obj[head:start])
	if len(dicts) > 0 {
		f.moved = true
		f.out.WriteByte('[')
		for j, d := range dicts {
			if j > 0 {
				f.out.WriteByte(' ')
			}
			if d.ref != nil {
				if f.tagged {
					return fmt.Errorf("finishing the file: page %d: an annotation by reference", n)
				}
				f.out.Write(d.ref)
				continue
			}
			num := f.x.size + len(f.added)
			dict := d.dict
			if f.tagged {
				k := f.byPage[n][j]
				num = f.annotObj[k]
				dict = f.taggedAnnot(dict, k)
			}
			f.out.WriteString(strconv.Itoa(num))
			f.out.WriteString(" 0 R")
			if !f.tagged {
				f.added = append(f.added, dict)
			} else {
				f.setAdded(num, dict)
			}
		}
		f.out.WriteByte(']')
	}
	f.out.Write(obj[stop:])
	return nil
}

// setAdded stores the body of planned object num.
func (f *finisher) setAdded(num int, body []byte) {
	i := num - f.x.size
	for len(f.added) <= i {
		f.added = append(f.added, nil)
	}
	f.added[i] = body
}

// taggedAnnot adds to annotation dictionary d (the k-th link of the
// structure) its key in the parent tree, the print flag PDF/A wants and
// the description PDF/UA wants.
func (f *finisher) taggedAnnot(d []byte, k int) []byte {
	n := f.t.annots[k].node
	text := n.annotText.String()
	if text == "" {
		text = "link"
	}
	var b bytes.Buffer
	b.WriteString("<</StructParent ")
	b.WriteString(strconv.Itoa(f.pages() + k))
	b.WriteString(" /F 4 /Contents ")
	b.WriteString(textString(text))
	b.WriteByte(' ')
	b.Write(d[2:])
	return b.Bytes()
}

// catalog copies the catalog with the keys of a tagged PDF/A file.
func (f *finisher) catalog(obj []byte) error {
	key := []byte("/Type /Catalog\n")
	i := bytes.Index(obj, key)
	if i < 0 {
		return fmt.Errorf("finishing the file: the catalog has no /Type /Catalog line")
	}
	i += len(key)
	f.out.Write(obj[:i])
	fmt.Fprintf(&f.out, "/MarkInfo <</Marked true>>\n/StructTreeRoot %d 0 R\n/Metadata %d 0 R\n"+
		"/ViewerPreferences <</DisplayDocTitle true>>\n/OutputIntents [%d 0 R]\n", f.treeRoot, f.xmpObj, f.intentObj)
	if !bytes.Contains(obj, []byte("/Lang ")) {
		f.out.WriteString("/Lang ")
		f.out.WriteString(textString(f.meta.langOr()))
		f.out.WriteByte('\n')
	}
	f.out.Write(obj[i:])
	return nil
}

// finish appends the new objects and writes the cross-reference table and
// trailer.
func (f *finisher) finish() []byte {
	for i, d := range f.added {
		f.offsets = append(f.offsets, f.out.Len())
		f.out.WriteString(strconv.Itoa(f.x.size + i))
		f.out.WriteString(" 0 obj\n")
		f.out.Write(d)
		f.out.WriteString("\nendobj\n")
	}
	size := f.x.size + len(f.added)
	var id [16]byte
	if f.tagged {
		id = md5.Sum(f.out.Bytes())
	}
	xrefOff := f.out.Len()
	f.out.WriteString("xref\n0 ")
	f.out.WriteString(strconv.Itoa(size))
	f.out.WriteString("\n0000000000 65535 f \n")
	free := map[int]bool{}
	for _, n := range f.x.free {
		free[n] = true
	}
	var entry [20]byte
	for n := 1; n < size; n++ {
		if free[n] {
			f.out.WriteString("0000000000 65535 f \n")
			continue
		}
		b := strconv.AppendInt(entry[:0], int64(f.offsets[n]), 10)
		for k := len(b); k < 10; k++ {
			f.out.WriteByte('0')
		}
		f.out.Write(b)
		f.out.WriteString(" 00000 n \n")
	}
	trailer := sizeKey.ReplaceAll(f.x.trailer, []byte("/Size "+strconv.Itoa(size)))
	if f.tagged {
		// The file identifier: a digest of the file, so the same file
		// has the same one.
		h := hex.EncodeToString(id[:])
		trailer = append(bytes.TrimSuffix(bytes.TrimSpace(trailer), []byte(">>")),
			[]byte("/ID [<"+h+"> <"+h+">]\n>>")...)
	}
	f.out.WriteString("trailer\n")
	f.out.Write(trailer)
	f.out.WriteString("\nstartxref\n")
	f.out.WriteString(strconv.Itoa(xrefOff))
	f.out.WriteString("\n%%EOF\n")
	return f.out.Bytes()
}

// fileMeta is what a tagged file's information dictionary and XMP
// metadata say of the document.
type fileMeta struct {
	title, author, subject, keywords string
	lang                             string // BCP 47
	time                             time.Time
}

// langOr is the document's language, "und" (undetermined) when unknown.
func (m *fileMeta) langOr() string {
	if m.lang == "" {
		return "und"
	}
	return m.lang
}
