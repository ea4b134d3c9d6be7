package gazetteer

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite data/gazetteer.bin from data/*.tsv.gz")

// embeddedTSV returns the decompressed text files the table is compiled from.
func embeddedTSV(t testing.TB) (places, names []byte) {
	t.Helper()
	return gunzip(t, filepath.Join("data", "places.tsv.gz")), gunzip(t, filepath.Join("data", "names.tsv.gz"))
}

// TestTableCompiled: the embedded table is what Compile makes of the
// embedded text files (-update rewrites it), and it is sound throughout.
func TestTableCompiled(t *testing.T) {
	places, names := embeddedTSV(t)
	got, err := Compile(places, names)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		if err := os.WriteFile(filepath.Join("data", "gazetteer.bin"), got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if !bytes.Equal(got, []byte(tableData)) {
		t.Fatal("data/gazetteer.bin is not what Compile makes of data/*.tsv.gz: run go test ./internal/gazetteer -run TestTableCompiled -update")
	}
	again, err := Compile(places, names)
	if err != nil || !bytes.Equal(again, got) {
		t.Fatalf("Compile is not deterministic (err %v)", err)
	}
	if err := load().validate(); err != nil {
		t.Fatal(err)
	}
}

// TestTableAsTSV: every look-up of the table gives what the maps parsed
// from the text files give — every place, alias, first word, stem, country
// code and given name — and words that are not keys give nothing.
func TestTableAsTSV(t *testing.T) {
	places, names := embeddedTSV(t)
	d, err := readTSV(places, names)
	if err != nil {
		t.Fatal(err)
	}
	tb := load()
	if tb.nPlaces != len(d.places) || tb.nAlias != len(d.aliases) {
		t.Fatalf("table: %d places, %d aliases; text: %d, %d", tb.nPlaces, tb.nAlias, len(d.places), len(d.aliases))
	}
	if !slices.Equal(Places(), d.places) {
		t.Fatal("Places() differs from the text")
	}
	for k, want := range d.aliases {
		if got := tb.alias(int32(k)); got != want {
			t.Fatalf("alias %d = %+v, want %+v", k, got, want)
		}
	}
	cyr := 0
	for _, c := range []struct {
		name string
		m    map[string][]int32
		get  func(string) ids
	}{{"first", d.first, tb.firstOf}, {"stems", d.stems, tb.stemOf}} {
		for w, want := range c.m {
			if isCyrillic(w) {
				cyr++
			}
			if got := idList(c.get(w)); !slices.Equal(got, want) {
				t.Fatalf("%s(%q) = %v, want %v", c.name, w, got, want)
			}
		}
		for _, w := range []string{"", "Nowhereland", "Нигдения", "123", "kazakhstan"} {
			if got := c.get(w); got.len != 0 {
				t.Errorf("%s(%q) = %v, want none", c.name, w, idList(got))
			}
		}
	}
	if cyr == 0 || len(d.stems) == 0 {
		t.Fatal("no Cyrillic first words or stems: the test tries one script only")
	}
	for code, i := range d.country {
		if got, ok := CountryByCode(code); !ok || got != d.places[i] {
			t.Errorf("CountryByCode(%q) = %+v, %v; want %+v", code, got, ok, d.places[i])
		}
	}
	if _, ok := CountryByCode("XX"); ok {
		t.Error("CountryByCode(XX) found a country")
	}
	for w, want := range d.names {
		if got, ok := GivenName(w); !ok || got != want {
			t.Fatalf("GivenName(%q) = %+v, %v; want %+v", w, got, ok, want)
		}
	}
	for _, w := range []string{"", "Zzyzx", "анна", "Kazakhstan"} {
		if _, ok := d.names[w]; ok {
			continue
		}
		if got, ok := GivenName(w); ok {
			t.Errorf("GivenName(%q) = %+v, want none", w, got)
		}
	}
}

func idList(l ids) []int32 {
	var out []int32
	for i := range l.len {
		out = append(out, l.at32(i))
	}
	return out
}

// TestOpenTableDamaged: a damaged table is an error at open, not a panic
// at a look-up.
func TestOpenTableDamaged(t *testing.T) {
	cases := map[string]string{
		"empty":        "",
		"other magic":  "briefbook-gazetteer-table-0\n" + tableData[len(tableMagic):],
		"truncated":    tableData[:len(tableData)/2],
		"one byte off": tableData[:len(tableData)-1],
		"extra byte":   tableData + "x",
		"huge pool":    tableMagic + "\xff\xff\xff\xff",
	}
	for name, data := range cases {
		if _, err := openTable(data); err == nil {
			t.Errorf("%s: opened", name)
		}
	}
	if _, err := openTable(tableData); err != nil {
		t.Fatalf("the embedded table: %v", err)
	}
}
