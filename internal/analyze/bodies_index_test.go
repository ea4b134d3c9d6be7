package analyze

import (
	"reflect"
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

// TestBodyIndexAsEager: the index that splits aliases on first need gives
// every key the aliases, in the order, that splitting them all at once
// gives, and nothing for other words.
func TestBodyIndexAsEager(t *testing.T) {
	want := eagerBodyIndex()
	ix := knownBodyIndex()
	if len(ix.raw) != len(want) {
		t.Fatalf("%d keys, want %d", len(ix.raw), len(want))
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
	for _, key := range []string{"", "Nowhere", stemKey("нигде"), "microsoft"} {
		if got := ix.aliases(key); got != nil {
			t.Errorf("aliases(%q) = %v, want none", key, got)
		}
	}
}

// BenchmarkBodyIndex reads the dictionary of bodies into the index, as the
// first look-up of a process does.
func BenchmarkBodyIndex(b *testing.B) {
	for b.Loop() {
		buildBodyIndex()
	}
}

// BenchmarkBodyIndexEager builds the index the way the package did before.
func BenchmarkBodyIndexEager(b *testing.B) {
	for b.Loop() {
		eagerBodyIndex()
	}
}
