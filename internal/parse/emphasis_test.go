package parse

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestEmphasisGuardKeepsMeaning checks that the emphasis guard changes
// nothing in what is read: the model and warnings are those of plain
// goldmark (sameAsPlain parses without the guard and without
// neutralizeDestinations).
func TestEmphasisGuardKeepsMeaning(t *testing.T) {
	cases := []string{
		"*a* _b_ **c** __d__ ***e*** ~~f~~ ~g~ *a_ _a* **a__ *a~~",
		"_x *a_ *a_ *a_ b_ c_", "*x _a* _a* b* c*", "__x *a__ *a__ b_ c__",
		"[_x *a_ *a_](u) b_ c_", "_x [*a_ *a_] b_ c_", "_x [*a_ *a_](u) b_ c_",
		"_x [a_](u) b_", "*x [a*][r] b*\n\n[r]: /u", "_x ![a_](u) b_", "[[_a]_ b_](u)",
		"x_x _y a_ b_", "*a**b* c*", "**a*b** c**", "a*b*c*d*", "*a **b* c**",
		"_a `b_` c_", "_a <b_> c_", "_a <http://x_> c_", "_a http://x.example/b_ c_",
		"# _a *b_ c_\n\n_d e_", "| _a | b_ |\n|---|---|\n| _c | d_ |", "- _a\n- b_\n\n> _c\n> d_",
		"_a\n\n b_", "***a_ b_ c*", "~~a~ b~~ c~", "~~~a~~ b~~", "a~~b~~c ~~d",
		"_a [b](c_) d_", "*a [b *c* d](e) f*", "[*a*](b) *c*", "\\_a_ b_ \\*c* d*",
		"_a&#95; b_", "[^1] _a\n\n[^1]: b_ c_", "*a\n* b*\n* c*",
	}
	for _, in := range cases {
		sameAsPlain(t, in)
	}
	atoms := []string{"*", "_", "~", "**", "__", "~~", "***", "a", "b", " ", "  ", "\n", "\n\n", "[", "]", "](u)", "![",
		"`", "<", ">", "\\", "(", ")", ".", "x_x", "a*b", "- ", "> ", "# ", "|", "\n|---|\n", "[r]: /u\n", "[^1]", "[^1]: ",
		"http://x.example/", "&#42;", "\t"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 4000 {
		var b strings.Builder
		for range 1 + rng.IntN(50) {
			b.WriteString(atoms[rng.IntN(len(atoms))])
		}
		sameAsPlain(t, b.String())
	}
	// Delimiter-heavy documents with brackets.
	atoms = []string{"*", "_", "~", "**", "__", "~~", "***", "a", "b", " ", " ", " ", "a_", "_a", "*a", "a*", "[", "]", "](u)", "\n", "x_x", "a*b", "a**b", "\\"}
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(60) {
			b.WriteString(atoms[rng.IntN(len(atoms))])
		}
		sameAsPlain(t, b.String())
	}
}

// TestEmphasisGuardBudget checks the last resort: closers the guard cannot
// decide (here inside brackets that may become a link, facing openers
// outside them) are left to goldmark up to a bound of work per block, then
// read as text with a warning.
func TestEmphasisGuardBudget(t *testing.T) {
	in := "_x [" + strings.Repeat("*a_ ", 20_000)
	doc, ws := parseMDString(t, in)
	if doc == nil {
		t.Fatal("no document")
	}
	var all []string
	for _, w := range ws.List {
		all = append(all, w.String())
	}
	if joined := strings.Join(all, "\n"); !strings.Contains(joined, "in.md:1: warning: too many emphasis delimiters") {
		t.Errorf("warnings: %s", joined)
	}
	// Below the bound nothing is cut.
	small := "_x [" + strings.Repeat("*a_ ", 500)
	sameAsPlain(t, small)
}
