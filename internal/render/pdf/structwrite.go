package pdf

import (
	"bytes"
	"slices"
	"strconv"
	"unicode/utf16"
)

// structure writes the objects of a tagged file planned by plan: the
// structure elements, the parent tree, the structure tree root, the
// information dictionary's XMP twin and the output intent.
func (f *finisher) structure() error {
	t := f.t
	ref := func(b *bytes.Buffer, n int) {
		b.WriteString(strconv.Itoa(n))
		b.WriteString(" 0 R")
	}
	pageRef := func(b *bytes.Buffer, page int) {
		ref(b, f.pageObj[page-1])
	}
	var ids [][2]string // ID, object
	for _, n := range f.nodes {
		var b bytes.Buffer
		b.WriteString("<</Type /StructElem /S /")
		b.WriteString(n.role)
		b.WriteString(" /P ")
		if n.parent == nil {
			ref(&b, f.treeRoot)
		} else {
			ref(&b, f.nodeObj[n.parent])
		}
		if n.page > 0 {
			b.WriteString(" /Pg ")
			pageRef(&b, n.page)
		}
		if n.alt != "" {
			b.WriteString(" /Alt ")
			b.WriteString(textString(n.alt))
		}
		if n.actual != "" {
			b.WriteString(" /ActualText ")
			b.WriteString(textString(n.actual))
		}
		if n.id != "" {
			b.WriteString(" /ID ")
			b.WriteString(textString(n.id))
			ids = append(ids, [2]string{n.id, strconv.Itoa(f.nodeObj[n])})
		}
		if n.attrs != "" {
			b.WriteString(" /A <<")
			b.WriteString(n.attrs)
			b.WriteString(">>")
		}
		b.WriteString(" /K [")
		for i, k := range n.kids {
			if i > 0 {
				b.WriteByte(' ')
			}
			switch {
			case k.node != nil:
				ref(&b, f.nodeObj[k.node])
			case k.annot >= 0:
				b.WriteString("<</Type /OBJR /Obj ")
				ref(&b, f.annotObj[k.annot])
				b.WriteString(" /Pg ")
				pageRef(&b, k.page)
				b.WriteString(">>")
			case k.page == n.page:
				b.WriteString(strconv.Itoa(k.mcid))
			default:
				b.WriteString("<</Type /MCR /Pg ")
				pageRef(&b, k.page)
				b.WriteString(" /MCID ")
				b.WriteString(strconv.Itoa(k.mcid))
				b.WriteString(">>")
			}
		}
		b.WriteString("]>>")
		f.setAdded(f.nodeObj[n], b.Bytes())
	}

	// Parent tree: for each page, the element of each of its MCIDs; for
	// each annotation, its Link element.
	var b bytes.Buffer
	b.WriteString("<</Nums [")
	for p := 1; p <= f.pages(); p++ {
		if p > 1 {
			b.WriteByte('\n')
		}
		b.WriteString(strconv.Itoa(p - 1))
		b.WriteString(" [")
		if p <= len(t.mcids) {
			for i, n := range t.mcids[p-1] {
				if i > 0 {
					b.WriteByte(' ')
				}
				ref(&b, f.nodeObj[n])
			}
		}
		b.WriteByte(']')
	}
	for k, a := range t.annots {
		b.WriteByte('\n')
		b.WriteString(strconv.Itoa(f.pages() + k))
		b.WriteByte(' ')
		ref(&b, f.nodeObj[a.node])
	}
	b.WriteString("]>>")
	f.setAdded(f.parentObj, b.Bytes())

	b = bytes.Buffer{} // the parent tree keeps the bytes of b
	b.WriteString("<</Type /StructTreeRoot /K [")
	ref(&b, f.nodeObj[t.root])
	b.WriteString("] /ParentTree ")
	ref(&b, f.parentObj)
	b.WriteString(" /ParentTreeNextKey ")
	b.WriteString(strconv.Itoa(f.pages() + len(t.annots)))
	if len(ids) > 0 {
		// The ID tree lists the IDs in byte order (a name tree's keys
		// are sorted).
		slices.SortFunc(ids, func(a, b [2]string) int { return bytes.Compare(utf16Bytes(a[0]), utf16Bytes(b[0])) })
		b.WriteString(" /IDTree <</Names [")
		for i, id := range ids {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(textString(id[0]))
			b.WriteByte(' ')
			b.WriteString(id[1])
			b.WriteString(" 0 R")
		}
		b.WriteString("]>>")
	}
	b.WriteString(">>")
	f.setAdded(f.treeRoot, b.Bytes())

	f.setAdded(f.xmpObj, xmpStream(f.meta))
	f.setAdded(f.intentObj, []byte("<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)"+
		" /Info (sRGB IEC61966-2.1) /DestOutputProfile "+strconv.Itoa(f.iccObj)+" 0 R>>"))
	icc, err := srgbProfile()
	if err != nil {
		return err
	}
	f.setAdded(f.iccObj, icc)
	return nil
}

// textString writes s as a PDF text string: hexadecimal UTF-16BE with its
// byte-order mark, which needs no escaping.
func textString(s string) string {
	u := utf16Bytes(s)
	const digits = "0123456789ABCDEF"
	b := make([]byte, 0, 6+2*len(u))
	b = append(b, "<FEFF"...)
	for _, c := range u {
		b = append(b, digits[c>>4], digits[c&15])
	}
	return string(append(b, '>'))
}

// utf16Bytes is s in UTF-16BE, without a byte-order mark.
func utf16Bytes(s string) []byte {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 0, 2*len(u))
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return b
}
