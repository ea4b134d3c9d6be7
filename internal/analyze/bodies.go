package analyze

import (
	_ "embed"
	"regexp"
	"slices"
	"strings"
	"sync"
)

// bodyAlias is one way a dictionary body is written, as words. A Russian
// alias is matched in any case ("Шанхайской организации сотрудничества"):
// its words are kept as stems, and it is indexed under stemKey of its first
// word.
type bodyAlias struct {
	words   []string
	name    string
	stemmed bool
}

// stemKey is the index key of a Russian alias whose first word has stem s;
// the NUL keeps it apart from the words of the other aliases.
func stemKey(s string) string { return "\x00" + s }

// bodyIndex maps the first word of every alias of a known body (or
// stemKey of it, for a Russian alias) to its aliases, longest first. The
// aliases come from data/bodies.txt, data/igo.tsv and data/companies.tsv;
// data/bodies.idx holds them sorted by that key, one a line, made from
// those files by TestBodyIndexFile (-update rewrites it):
//
//	w|s TAB key TAB alias TAB name
//
// where "s" marks a Russian alias, whose key is the stem of its first word
// (see stem). Opening the index only finds where its lines start; a key's
// aliases are split into words and stemmed when a text first holds the key
// (a text names a handful of the thousands of bodies), so a process pays
// for the lists of the words it meets.
type bodyIndex struct {
	data  string
	lines []uint32 // where each line of data that is not a comment starts
	mu    sync.Mutex
	// lists holds the aliases of the keys looked up so far, split and
	// ordered; guarded by mu.
	lists map[string][]bodyAlias
}

//go:embed data/bodies.idx
var bodyIndexData string

var knownBodyIndex = sync.OnceValue(func() *bodyIndex { return openBodyIndex(bodyIndexData) })

// openBodyIndex indexes the lines of data, skipping "#" comments.
func openBodyIndex(data string) *bodyIndex {
	ix := &bodyIndex{data: data, lines: make([]uint32, 0, strings.Count(data, "\n")+1), lists: map[string][]bodyAlias{}}
	for at := 0; at < len(data); {
		end := strings.IndexByte(data[at:], '\n')
		if end < 0 {
			end = len(data) - at
		}
		if data[at] != '#' && end > 0 {
			ix.lines = append(ix.lines, uint32(at))
		}
		at += end + 1
	}
	return ix
}

// line returns the fields of line i: its kind and key, alias and name;
// ok is false for a line of another shape.
func (ix *bodyIndex) line(i int) (kindKey, alias, name string, ok bool) {
	at := int(ix.lines[i])
	l := ix.data[at:]
	if n := strings.IndexByte(l, '\n'); n >= 0 {
		l = l[:n]
	}
	kind, rest, ok1 := strings.Cut(l, "\t")
	key, rest, ok2 := strings.Cut(rest, "\t")
	alias, name, ok3 := strings.Cut(rest, "\t")
	if !ok1 || !ok2 || !ok3 {
		return "", "", "", false
	}
	return l[:len(kind)+1+len(key)], alias, name, true
}

// indexKey is how a key is written in the index: "w\tword" or "s\tstem".
func indexKey(key string) string {
	if s, ok := strings.CutPrefix(key, stemKey("")); ok {
		return "s\t" + s
	}
	return "w\t" + key
}

// aliases returns the aliases indexed under key, longest first (in the
// order of the data among aliases of as many words).
func (ix *bodyIndex) aliases(key string) []bodyAlias {
	want := indexKey(key)
	// The first line whose key is not below want.
	i, j := 0, len(ix.lines)
	for i < j {
		h := int(uint(i+j) >> 1)
		if k, _, _, _ := ix.line(h); k < want {
			i = h + 1
		} else {
			j = h
		}
	}
	if i == len(ix.lines) {
		return nil
	}
	if k, _, _, _ := ix.line(i); k != want {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if l, ok := ix.lists[key]; ok {
		return l
	}
	var l []bodyAlias
	for ; i < len(ix.lines); i++ {
		k, alias, name, ok := ix.line(i)
		if !ok || k != want {
			break
		}
		ba := bodyAlias{name: name, stemmed: want[0] == 's'}
		for _, w := range words(alias) {
			t := w.Text
			if ba.stemmed {
				t = stem(t)
			}
			ba.words = append(ba.words, t)
		}
		l = append(l, ba)
	}
	slices.SortStableFunc(l, func(a, b bodyAlias) int { return len(b.words) - len(a.words) })
	ix.lists[key] = l
	return l
}

// knownBodies returns the dictionary bodies (news agencies, broadcasters,
// international organisations, listed companies) named in ws, by their dictionary name, in order of mention.
func knownBodies(ws []word) []string {
	var out []string
	for i := 0; i < len(ws); i++ {
		if name, end, ok := knownBodyAt(ws, i); ok {
			out = append(out, name)
			i = end - 1
		}
	}
	return out
}

// knownBodyAt returns the dictionary body whose longest alias starts at
// ws[i], and the index after its last word. Russian aliases match a
// capitalised first word and the words after it by their stems.
func knownBodyAt(ws []word, i int) (name string, end int, ok bool) {
	idx := knownBodyIndex()
	if name, end, ok := matchAliases(idx.aliases(trimPossessive(ws[i].Text)), ws, i, trimPossessive); ok {
		return name, end, true
	}
	if isCyrillic(ws[i].Text) && isCapitalized(ws[i].Text) {
		return matchAliases(idx.aliases(stemKey(stem(ws[i].Text))), ws, i, stem)
	}
	return "", 0, false
}

// matchAliases returns the first of the aliases (longest first) whose words
// equal form of the words from ws[i].
func matchAliases(aliases []bodyAlias, ws []word, i int, form func(string) string) (string, int, bool) {
	for _, ba := range aliases {
		if i+len(ba.words) > len(ws) {
			continue
		}
		match := true
		for k, w := range ba.words {
			if form(ws[i+k].Text) != w {
				match = false
				break
			}
		}
		if match {
			return ba.name, i + len(ba.words), true
		}
	}
	return "", 0, false
}

// withoutKnownBody returns what is left of a body's name found in a
// capitalised run once the dictionary bodies it holds are taken out: nothing
// for "Microsoft Corporation" (the dictionary's "Microsoft"), "Southwest
// Airlines" for "Pfizer and Southwest Airlines", the name itself otherwise.
func withoutKnownBody(name string) string {
	ws := words(name)
	if len(ws) == 0 {
		return name
	}
	if _, end, ok := knownBodyAt(ws, 0); ok {
		if end == len(ws) {
			return ""
		}
		if c := ws[end].Text; (c == "and" || c == "&") && end+1 < len(ws) {
			return name[ws[end+1].Start:]
		}
	}
	return name
}

// unitRe finds numbered military and similar units: "No. 12 Squadron",
// "No. 48 Wing RCAF", "1st Battalion", "101st Airborne Division".
var unitRe = regexp.MustCompile(`\b(?:No\.\s?\d+|\d+(?:st|nd|rd|th))(?:\s+[A-Z][a-z]+)?\s+(?:Squadron|Wing|Group|Flight|Regiment|Battalion|Brigade|Division|Corps|Fleet|Army|Commando|Company|Platoon)\b(?:\s+[A-Z]{2,6}\b)?`)

// unitNames returns the numbered units named in text. A trailing acronym
// belongs to the name only when it is an organisation's ("No. 48 Wing
// RCAF").
func unitNames(text string, _ []word) []string {
	var out []string
	for _, m := range unitRe.FindAllString(text, -1) {
		f := strings.Fields(m)
		if last := f[len(f)-1]; isAcronym(last) && lex().orgs[last] == "" {
			m = strings.Join(f[:len(f)-1], " ")
		}
		out = append(out, m)
	}
	return out
}

// sourceName returns the name of a source introduced by "according to
// the": "according to the Courier". People are never written with
// "the", and a place is not a source.
func sourceName(text string, r capRun) (string, bool) {
	before := strings.TrimRight(text[:r.start], " ")
	if !hasSuffixFold(before, "according to the") || len(r.words) > 4 {
		return "", false
	}
	ws := words(text[r.start:r.end])
	if _, ok := placeAt(ws, 0); ok && len(ws) == 1 {
		return "", false
	}
	name := trimPossessive(strings.Join(r.words, " "))
	if isStop(strings.ToLower(name)) || monthNumber(name) > 0 {
		return "", false
	}
	return name, true
}
