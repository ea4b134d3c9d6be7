package pdfcheck

import (
	"unicode"
)

// structInfo is what the structure check learns for the content check:
// the parent tree's element of each page's MCIDs and the (page, MCID)
// pairs the elements list.
type structInfo struct {
	parents map[int][]string        // StructParents key → element refs by MCID
	listed  map[string]map[int]bool // element ref → MCIDs it lists (keyed page*1e6+mcid)
	pageOf  map[string]int          // page object ref → page number
	// inFigure marks the elements that are Figures or inside one.
	inFigure map[string]bool
	// elems holds each element's type and kids in order, roots the top
	// elements, for the structure text.
	elems map[string]*elemInfo
	roots []string
	// texts is the text shown in each marked-content sequence, by page
	// and MCID (checkContent).
	texts map[int]map[int]string
}

// elemInfo is an element's type and kids: elements, or marked-content
// sequences (page, MCID).
type elemInfo struct {
	role string
	kids []kidRef
}

type kidRef struct {
	elem       string
	page, mcid int
}

// checkStructure walks the structure tree.
func (f *pdf) checkStructure(r *Report) *structInfo {
	si := &structInfo{parents: map[int][]string{}, listed: map[string]map[int]bool{}, pageOf: map[string]int{},
		inFigure: map[string]bool{}, elems: map[string]*elemInfo{}, texts: map[int]map[int]string{}}
	for i, p := range f.pages {
		si.pageOf[p.ref] = i + 1
	}
	cat := f.dict(f.trailer["/Root"])
	root := f.dict(cat["/StructTreeRoot"])
	if root == nil {
		root = map[string]any{} // an empty tree: every link is outside it
	}
	// Parent tree: a flat /Nums array or a tree of /Kids.
	objr := map[int]string{} // parent-tree key of an annotation → its element
	var nums func(d map[string]any)
	nums = func(d map[string]any) {
		if d == nil {
			return
		}
		if arr, ok := f.value(d["/Nums"]).([]any); ok {
			for i := 0; i+1 < len(arr); i += 2 {
				k, _ := num(arr[i])
				switch v := f.value(arr[i+1]).(type) {
				case []any:
					refs := make([]string, len(v))
					for j, e := range v {
						refs[j], _ = e.(string)
					}
					si.parents[k] = refs
				default:
					if s, ok := arr[i+1].(string); ok {
						objr[k] = s
					}
				}
			}
		}
		if kids, ok := f.value(d["/Kids"]).([]any); ok {
			for _, k := range kids {
				nums(f.dict(k))
			}
		}
	}
	nums(f.dict(root["/ParentTree"]))

	ids := map[string]bool{}
	if idt := f.dict(root["/IDTree"]); idt != nil {
		if arr, ok := f.value(idt["/Names"]).([]any); ok {
			for i := 0; i+1 < len(arr); i += 2 {
				ids[text(arr[i])] = true
			}
		}
	}
	annotOwner := map[string]string{} // annotation ref → Link element holding it
	seen := map[string]bool{}
	var walk func(ref string, parentRole string, fig bool)
	walk = func(ref string, parentRole string, fig bool) {
		if seen[ref] {
			r.problem("structure: element %s reached twice", ref)
			return
		}
		seen[ref] = true
		d := f.dict(ref)
		if d == nil {
			r.problem("structure: %s is not an element", ref)
			return
		}
		role := text(d["/S"])
		if len(role) > 0 && role[0] == '/' {
			role = role[1:]
		}
		r.Roles[role]++
		info := &elemInfo{role: role}
		si.elems[ref] = info
		fig = fig || role == "Figure"
		si.inFigure[ref] = fig
		if !standardTypes[role] {
			r.problem("structure: %s has the non-standard type %s", ref, role)
		}
		switch role {
		case "Figure":
			if !hasText(text(d["/Alt"])) {
				r.problem("structure: Figure %s without /Alt", ref)
			}
		case "TH":
			if a := f.dict(d["/A"]); a == nil || a["/Scope"] == nil {
				r.problem("structure: TH %s without /Scope", ref)
			}
		case "Note":
			id := text(d["/ID"])
			if id == "" || !ids[id] {
				r.problem("structure: Note %s without an ID in the ID tree", ref)
			}
		}
		switch parentRole {
		case "TR":
			if role != "TH" && role != "TD" {
				r.problem("structure: %s %s in a TR", role, ref)
			}
		case "L":
			if role != "LI" && role != "Caption" {
				r.problem("structure: %s %s in an L", role, ref)
			}
		case "LI":
			if role != "Lbl" && role != "LBody" {
				r.problem("structure: %s %s in an LI", role, ref)
			}
		}
		pg := si.pageOf[str(d["/Pg"])]
		var kids []any
		switch k := f.value(d["/K"]).(type) {
		case []any:
			kids = k
		case nil:
		default:
			kids = []any{d["/K"]}
		}
		for _, k := range kids {
			switch v := k.(type) {
			case float64:
				si.list(ref, pg, int(v))
				info.kids = append(info.kids, kidRef{page: pg, mcid: int(v)})
			case string:
				info.kids = append(info.kids, kidRef{elem: v})
				walk(v, role, fig)
			case map[string]any:
				switch v["/Type"] {
				case "/MCR":
					m, _ := num(v["/MCID"])
					p := pg
					if v["/Pg"] != nil {
						p = si.pageOf[str(v["/Pg"])]
					}
					si.list(ref, p, m)
					info.kids = append(info.kids, kidRef{page: p, mcid: m})
				case "/OBJR":
					a := str(v["/Obj"])
					if role != "Link" && role != "Annot" {
						r.problem("structure: annotation %s held by %s %s, not a Link", a, role, ref)
					}
					annotOwner[a] = ref
				default:
					if m, ok := num(v["/MCID"]); ok {
						si.list(ref, pg, m)
						info.kids = append(info.kids, kidRef{page: pg, mcid: m})
					}
				}
			}
		}
	}
	switch k := f.value(root["/K"]).(type) {
	case []any:
		for _, e := range k {
			si.roots = append(si.roots, str(e))
			walk(str(e), "", false)
		}
	case map[string]any:
		si.roots = append(si.roots, str(root["/K"]))
		walk(str(root["/K"]), "", false)
	}
	if r.Roles["Table"] > 0 && r.Roles["TH"] == 0 {
		r.problem("structure: tables without header cells")
	}
	// Every link annotation: held by a Link, and its parent-tree entry is
	// that Link.
	for i, p := range f.pages {
		annots, _ := f.value(f.dict(p.ref)["/Annots"]).([]any)
		for _, a := range annots {
			ad := f.dict(a)
			if ad == nil || ad["/Subtype"] != "/Link" {
				continue
			}
			ref := str(a)
			if ref == "" {
				ref = "(inline)"
			}
			owner, ok := annotOwner[ref]
			if !ok {
				r.problem("page %d: link %s is not in the structure tree", i+1, ref)
				continue
			}
			k, _ := num(ad["/StructParent"])
			if objr[k] != owner {
				r.problem("page %d: link %s: parent tree entry %d is %q, the tree holds it in %s", i+1, ref, k, objr[k], owner)
			}
		}
	}
	return si
}

func (si *structInfo) list(ref string, page, mcid int) {
	m := si.listed[ref]
	if m == nil {
		m = map[int]bool{}
		si.listed[ref] = m
	}
	m[page*1_000_000+mcid] = true
}

func str(v any) string { s, _ := v.(string); return s }

// hasText reports whether s holds a letter or digit.
func hasText(s string) bool {
	for _, c := range s {
		if isWordRune(c) {
			return true
		}
	}
	return false
}

func isWordRune(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }
