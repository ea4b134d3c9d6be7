package pdf

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode"

	"github.com/briefbook/briefbook/internal/source"
)

// complexScripts are the scripts fpdf draws wrongly even with a font that
// has their characters: it places one glyph after another, left to right,
// without shaping (contextual forms, conjuncts, mark positioning) and
// without the bidirectional reordering of right-to-left text. The value
// says what goes wrong, for the warning.
var complexScripts = map[string]string{
	"Arabic":     rtlShaped,
	"Syriac":     rtlShaped,
	"Nko":        rtlShaped,
	"Mandaic":    rtlShaped,
	"Adlam":      rtlShaped,
	"Hebrew":     rtlOnly,
	"Thaana":     rtlOnly,
	"Samaritan":  rtlOnly,
	"Devanagari": indic, "Bengali": indic, "Gurmukhi": indic, "Gujarati": indic,
	"Oriya": indic, "Tamil": indic, "Telugu": indic, "Kannada": indic,
	"Malayalam": indic, "Sinhala": indic, "Khmer": indic, "Myanmar": indic,
	"Tibetan": indic, "Mongolian": indic,
}

const (
	rtlShaped = "is drawn without shaping and left to right: briefbook cannot join its letters or reorder right-to-left text"
	rtlOnly   = "is drawn left to right: briefbook cannot reorder right-to-left text"
	indic     = "is drawn without shaping: briefbook cannot form its conjuncts or place its vowel signs"
)

// complexNames is complexScripts' keys in a fixed order.
var complexNames = slices.Sorted(maps.Keys(complexScripts))

// scriptNames is every Unicode script in a fixed order (a rune is in one
// script, so the order only fixes the cost).
var scriptNames = slices.Sorted(maps.Keys(unicode.Scripts))

// scriptNotes gathers, per script, the characters that cannot be drawn
// and the use of scripts that are drawn without shaping or reordering, so
// that a document gets one warning per script rather than one per
// character.
type scriptNotes struct {
	order   []string // keys in order of first occurrence
	notes   map[string]*scriptNote
	complex map[rune]string // script of each rune ≥ U+0590 seen drawn ("" for none of complexScripts)
}

// scriptNote is what was found of one script.
type scriptNote struct {
	script  string // Unicode script name; "" for symbols (Common, Inherited)
	missing bool   // characters that no face has (else: drawn unshaped)
	astral  bool   // characters above U+FFFF, which fpdf cannot draw
	pos     source.Pos
	runes   []rune // distinct characters, in order of first occurrence
	seen    map[rune]bool
}

// drawn notes r, drawn at pos, when its script needs what fpdf cannot do.
func (n *scriptNotes) drawn(r rune, pos source.Pos) {
	if r < 0x0590 { // Latin, Greek, Cyrillic, Armenian: nothing to say
		return
	}
	if n.complex == nil {
		n.complex = map[rune]string{}
	}
	sc, ok := n.complex[r]
	if !ok {
		for _, name := range complexNames {
			if unicode.Is(unicode.Scripts[name], r) {
				sc = name
				break
			}
		}
		n.complex[r] = sc
	}
	if sc != "" {
		n.add("unshaped:"+sc, scriptNote{script: sc}, r, pos)
	}
}

// missing notes r, at pos, that no face can draw.
func (n *scriptNotes) missing(r rune, pos source.Pos) {
	if r > 0xFFFF {
		n.add("astral", scriptNote{missing: true, astral: true}, r, pos)
		return
	}
	sc := scriptOf(r)
	n.add("missing:"+sc, scriptNote{script: sc, missing: true}, r, pos)
}

func (n *scriptNotes) add(key string, fresh scriptNote, r rune, pos source.Pos) {
	if n.notes == nil {
		n.notes = map[string]*scriptNote{}
	}
	e := n.notes[key]
	if e == nil {
		e = &fresh
		e.pos, e.seen = pos, map[rune]bool{}
		n.notes[key] = e
		n.order = append(n.order, key)
	}
	if !e.seen[r] {
		e.seen[r] = true
		e.runes = append(e.runes, r)
	}
}

// report adds one warning per script to warn, in order of first
// occurrence, and forgets them.
func (n *scriptNotes) report(warn *source.Warnings) {
	for _, key := range n.order {
		e := n.notes[key]
		warn.Add(e.pos, "%s", e.message())
	}
	*n = scriptNotes{complex: n.complex}
}

// message is the warning for e, e.g. "12 different characters of Han
// script (中, 华, 人, …) cannot be drawn: no font covers them; printed as □
// (add one with --font-dir)".
func (e *scriptNote) message() string {
	if !e.missing {
		return fmt.Sprintf("text in %s script %s", e.script, complexScripts[e.script])
	}
	what := countOf(len(e.runes), "character", "different characters")
	if e.script != "" {
		what += " of " + e.script + " script"
	}
	what += " (" + examples(e.runes) + ")"
	them := "them"
	if len(e.runes) == 1 {
		them = "it"
	}
	if e.astral {
		return fmt.Sprintf("%s cannot be drawn: characters above U+FFFF are not supported in the PDF; printed as %s", what, substitute)
	}
	return fmt.Sprintf("%s cannot be drawn: no font covers %s; printed as %s (add a font that has %s with --font-dir)", what, them, substitute, them)
}

// examples names up to three of rs: "U+4E2D '中', U+534E '华', …".
func examples(rs []rune) string {
	var parts []string
	for i, r := range rs {
		if i == 3 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, fmt.Sprintf("%s %q", runeName(r), r))
	}
	return strings.Join(parts, ", ")
}

// countOf writes n with the noun in the number it needs.
func countOf(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// scriptOf returns the Unicode script of r, or "" for characters shared
// by scripts (Common, Inherited) and unassigned ones.
func scriptOf(r rune) string {
	for _, name := range scriptNames {
		if unicode.Is(unicode.Scripts[name], r) {
			if name == "Common" || name == "Inherited" {
				return ""
			}
			return name
		}
	}
	return ""
}
