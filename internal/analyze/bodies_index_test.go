package analyze

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// eagerBodyIndex builds the whole index at once, every alias split and
// stemmed, as the package did before it split aliases on first need: the
// reference the lazy index must equal.
func eagerBodyIndex() map[string][]bodyAlias {
	idx := map[string][]bodyAlias{}
	add := func(alias, name string) {
		ws := words(alias)
		if len(ws) == 0 {
			return
		}
		ba := bodyAlias{name: name, stemmed: isCyrillic(alias)}
		for _, w := range ws {
			t := w.Text
			if ba.stemmed {
				t = stem(t)
			}
			ba.words = append(ba.words, t)
		}
		key := ba.words[0]
		if ba.stemmed {
			key = stemKey(key)
		}
		idx[key] = append(idx[key], ba)
	}
	for _, l := range dataLines("bodies.txt") {
		parts := strings.Split(l, "|")
		for _, a := range parts {
			add(a, parts[0])
		}
	}
	for _, l := range dataLines("igo.tsv") {
		f := strings.Split(l, "\t")
		if len(f) != 4 || len(words(f[0])) < 2 {
			continue
		}
		add(f[0], f[0])
		for _, o := range strings.Split(f[2], "|") {
			if len(words(o)) >= 2 {
				add(o, f[0])
			}
		}
		if len(words(f[3])) >= 2 {
			add(f[3], f[3])
		}
	}
	for _, l := range dataLines("companies.tsv") {
		short, legal, ok := strings.Cut(l, "\t")
		if !ok {
			continue
		}
		add(short, short)
		if legal != short && len(words(legal)) >= 2 {
			add(legal, short)
		}
	}
	for _, v := range idx {
		for i := 1; i < len(v); i++ {
			for j := i; j > 0 && len(v[j].words) > len(v[j-1].words); j-- {
				v[j], v[j-1] = v[j-1], v[j]
			}
		}
	}
	return idx
}

// bodyIndexFile makes data/bodies.idx from the data files: every alias of
// a known body with the key it is found under (see bodyIndex), sorted by
// key, in the order of the data within a key.
func bodyIndexFile() string {
	type entry struct{ kindKey, alias, name string }
	var es []entry
	add := func(alias, name string) {
		ws := wordsN(alias, 1)
		if len(ws) == 0 {
			return
		}
		k := "w\t" + ws[0].Text
		if isCyrillic(alias) {
			k = "s\t" + stem(ws[0].Text)
		}
		es = append(es, entry{k, alias, name})
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
	slices.SortStableFunc(es, func(a, b entry) int { return strings.Compare(a.kindKey, b.kindKey) })
	var b strings.Builder
	b.WriteString("# The aliases of known bodies by the key they are found under (w: first word; s: stem of a Russian\n" +
		"# alias's first word), from bodies.txt, igo.tsv and companies.tsv: see bodyIndex in ../bodies.go.\n" +
		"# Made by go test ./internal/analyze -run TestBodyIndexFile -update; do not edit.\n")
	for _, e := range es {
		b.WriteString(e.kindKey + "\t" + e.alias + "\t" + e.name + "\n")
	}
	return b.String()
}

// TestBodyIndexFile: data/bodies.idx is what the data files give
// (-update rewrites it after they change), and every line reads.
func TestBodyIndexFile(t *testing.T) {
	want := bodyIndexFile()
	if *update {
		if err := os.WriteFile(filepath.Join("data", "bodies.idx"), []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if bodyIndexData != want {
		t.Fatal("data/bodies.idx is not what the data files give: go test ./internal/analyze -run TestBodyIndexFile -update")
	}
	ix := knownBodyIndex()
	for i := range ix.lines {
		if _, _, _, ok := ix.line(i); !ok {
			t.Fatalf("line %d of the index does not read", i)
		}
	}
}

// TestBodyIndexAsEager: the index gives every key the aliases, in the
// order, that splitting them all into a map at once gives (as the package
// did before the index), and nothing for other words.
func TestBodyIndexAsEager(t *testing.T) {
	want := eagerBodyIndex()
	ix := knownBodyIndex()
	keys := map[string]bool{}
	for i := range ix.lines {
		k, _, _, _ := ix.line(i)
		keys[k] = true
	}
	if len(keys) != len(want) {
		t.Fatalf("%d keys, want %d", len(keys), len(want))
	}
	cyr := 0
	for key, w := range want {
		if strings.HasPrefix(key, "\x00") {
			cyr++
		}
		if got := ix.aliases(key); !reflect.DeepEqual(got, w) {
			t.Fatalf("aliases(%q) = %v, want %v", key, got, w)
		}
		// A second look-up serves the same list.
		if got := ix.aliases(key); !reflect.DeepEqual(got, w) {
			t.Fatalf("aliases(%q) the second time = %v, want %v", key, got, w)
		}
	}
	if cyr == 0 {
		t.Fatal("no Russian aliases: the test does not try the stemmed keys")
	}
	for _, key := range []string{"", "Nowhere", stemKey("нигде"), stemKey(""), "microsoft", "\xff\xff"} {
		if got := ix.aliases(key); got != nil {
			t.Errorf("aliases(%q) = %v, want none", key, got)
		}
	}
	if got := openBodyIndex("# nothing\n").aliases("Microsoft"); got != nil {
		t.Errorf("an empty index gives %v", got)
	}
}

// BenchmarkBodyIndex opens the index of known bodies, as the first look-up
// of a process does.
func BenchmarkBodyIndex(b *testing.B) {
	for b.Loop() {
		openBodyIndex(bodyIndexData)
	}
}

// BenchmarkBodyIndexEager builds the index the way the package did before.
func BenchmarkBodyIndexEager(b *testing.B) {
	for b.Loop() {
		eagerBodyIndex()
	}
}
