package analyze

import (
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

// bodyIndex maps the first word of every alias in data/bodies.txt,
// data/igo.tsv and data/companies.tsv (or stemKey of it, for a Russian
// alias) to its aliases, longest first. Reading the files only finds each
// alias's first word; an alias is split into words and stemmed when a text
// first holds its first word (a text names a handful of the thousands of
// bodies), so a process pays for the lists of the words it meets.
type bodyIndex struct {
	raw map[string][]rawBody // read-only once built
	mu  sync.Mutex
	// lists holds the aliases of the keys looked up so far, split and
	// ordered; guarded by mu.
	lists map[string][]bodyAlias
}

// rawBody is an alias as the data file gives it, and the body it names.
type rawBody struct{ alias, name string }

var knownBodyIndex = sync.OnceValue(buildBodyIndex)

func buildBodyIndex() *bodyIndex {
	ix := &bodyIndex{raw: map[string][]rawBody{}, lists: map[string][]bodyAlias{}}
	add := func(alias, name string) {
		ws := wordsN(alias, 1)
		if len(ws) == 0 {
			return
		}
		key := ws[0].Text
		if isCyrillic(alias) {
			key = stemKey(stem(key))
		}
		ix.raw[key] = append(ix.raw[key], rawBody{alias, name})
	}
	for _, l := range dataLines("bodies.txt") {
		parts := strings.Split(l, "|")
		for _, a := range parts {
			add(a, parts[0])
		}
	}
	// International organisations by their full names (data/igo.tsv): the
	// English name and its other English forms give the English name; the
	// Russian name is its own entry. Abbreviations are left out: three
	// letters name different bodies in different texts.
	for _, l := range dataLines("igo.tsv") {
		f := strings.Split(l, "\t")
		if len(f) != 4 || len(wordsN(f[0], 2)) < 2 {
			continue
		}
		add(f[0], f[0])
		for _, o := range strings.Split(f[2], "|") {
			if len(wordsN(o, 2)) >= 2 {
				add(o, f[0])
			}
		}
		if len(wordsN(f[3], 2)) >= 2 {
			add(f[3], f[3])
		}
	}
	// Listed companies (data/companies.tsv, built by scripts/companies):
	// the short name as texts write it ("Microsoft", "Morgan Stanley") and
	// the legal name ("Microsoft Corporation"), both giving the short name.
	for _, l := range dataLines("companies.tsv") {
		short, legal, ok := strings.Cut(l, "\t")
		if !ok {
			continue
		}
		add(short, short)
		if legal != short && len(wordsN(legal, 2)) >= 2 {
			add(legal, short)
		}
	}
	return ix
}

// aliases returns the aliases indexed under key, longest first (in the
// order of the data among aliases of as many words).
func (ix *bodyIndex) aliases(key string) []bodyAlias {
	raw, ok := ix.raw[key]
	if !ok {
		return nil
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if l, ok := ix.lists[key]; ok {
		return l
	}
	l := make([]bodyAlias, 0, len(raw))
	for _, r := range raw {
		ba := bodyAlias{name: r.name, stemmed: isCyrillic(r.alias)}
		for _, w := range words(r.alias) {
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
