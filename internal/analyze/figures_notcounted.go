package analyze

import "strings"

// kinshipNouns name family members: a few of them ("2 sons", "three
// daughters") are a biographical detail, not a figure.
var kinshipNouns = wordSet("son sons daughter daughters brother brothers sister sisters sibling siblings " +
	"grandchildren grandchild grandson grandsons granddaughter granddaughters stepchildren wife wives husband husbands " +
	"сына сыновей дочери дочерей брата братьев сестры сестёр внуков")

// notCounted reports whether value and unit, read as a figure, are
// something the fact tables leave out: an age ("five years old", "3
// years of age", "87 yo"), relative time ("the last 20 years", "two
// years ago") or a small family ("2 sons"). prev is the lower-case word
// before the number (after any qualifier) and after the text after the
// unit.
func notCounted(value float64, unit, prev, after string) bool {
	first := strings.ToLower(firstField(unit))
	head := strings.ToLower(lastField(unit))
	after = trimLeftSpace(after)
	switch {
	case first == "yo" || first == "y.o":
		return true
	case kinshipNouns[head] && value < 10:
		return true
	case !isTimeUnit(head):
		return false
	case hasWordPrefixFold(after, "old"), hasPrefixFold(after, "of age"), hasWordPrefixFold(after, "ago"):
		return true
	}
	switch prev {
	case "last", "past", "next", "recent", "coming", "first":
		return true
	}
	return false
}

// hasWordPrefixFold reports whether s begins with the word w, in any case.
func hasWordPrefixFold(s, w string) bool {
	n := prefixFold(s, w)
	if n < 0 {
		return false
	}
	return firstWord(s) != "" && len(firstWord(s)) == n
}

// timeOfDay reports whether rest, after a number, makes it a time of day:
// " pm", "am", " a.m.", " p.m.".
func timeOfDay(rest string) bool {
	t := trimLeftSpace(rest)
	if len(rest)-len(t) > 1 {
		return false
	}
	for _, w := range []string{"a.m.", "p.m.", "a.m", "p.m"} {
		if hasPrefixFold(t, w) {
			return true
		}
	}
	return hasWordPrefixFold(t, "am") || hasWordPrefixFold(t, "pm")
}
