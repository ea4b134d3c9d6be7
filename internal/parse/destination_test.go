package parse

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/source"
)

// sameAsPlain parses in with and without neutralizeDestinations and fails
// when the dumps (text, links, positions, warnings) differ.
func sameAsPlain(t *testing.T, in string) {
	t.Helper()
	dumpOf := func(fast bool) string {
		var ws source.Warnings
		doc, err := readMarkdown(&source.File{Name: "in.md", Data: []byte(in)}, &ws, fast, nil)
		if err != nil {
			t.Fatalf("%q: %v", in, err)
		}
		return dump(doc, &ws)
	}
	if got, want := dumpOf(true), dumpOf(false); got != want {
		t.Fatalf("input %q\nwith neutralized destinations:\n%s\nplain goldmark:\n%s", in, got, want)
	}
}

func TestNeutralizeKeepsMeaning(t *testing.T) {
	cases := []string{
		"[a](http://x.example) [b](<u v>) [c]( y \"t\" ) [d](\n/u\n'title'\n) [e]()",
		"[a](b [c](d) e) [f](g(h)i) [j](k\\)l) [m](n (o)) [p](q 'r\n\ns')",
		"[x](*em*) [x](_em_) [x](~~s~~) [x](http://a.example/x [x](www.a.example [x](a@b.example",
		"see http://a.example/x](y and www.b.example/](z [q](",
		"<a href=\"](\">t</a> <a b=](c> <http://x](y> `code [x](` [y](",
		"[ref](\n\n[ref]: /u\n\n[ref]( [^1](\n\n[^1]: note [n](",
		"---\ntitle: a [x]( b\n---\n[x](",
		"| a | [x](b | c) |\n|---|---|\n| [y]( | z |",
		"```\n[x](\n```\n\n    [y](\n\n> [z](\n> q)\n\n- [w](\n  v)",
		"[x](<[x](<[x](<",
		"[x](<a>'t') [x](<a> [x](<a\\>",
		"![i](u [x](y)) ![j](",
	}
	for _, in := range cases {
		sameAsPlain(t, in)
	}
	// Random documents over the characters that matter to links.
	atoms := []string{"[", "]", "](", "(", ")", "<", ">", "x", " ", "\n", "\n\n", "\"", "'", "*", "_", "~", "`", "\\",
		"http://a.example", "www.a.example", "a@b.example", "!", "|", "<a ", "> ", "- ", "[r]: /u\n", "&amp;", "\t"}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(40) {
			b.WriteString(atoms[rng.IntN(len(atoms))])
		}
		sameAsPlain(t, b.String())
	}
}

func FuzzNeutralizeKeepsMeaning(f *testing.F) {
	f.Add([]byte("[x]([x](<[x](y 'z')"))
	addSeeds(f, "testdata/*.md")
	f.Fuzz(func(t *testing.T, in []byte) {
		src, err := source.Decode("in.md", in)
		if err != nil || len(src.Data) > 4000 {
			return
		}
		sameAsPlain(t, string(src.Data))
	})
}
