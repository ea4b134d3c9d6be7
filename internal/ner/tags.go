package ner

// Type is the kind of a name.
type Type uint8

// The kinds of names the tagger knows.
const (
	None Type = iota
	PER       // a person
	ORG       // an organisation
	LOC       // a place
)

func (t Type) String() string {
	switch t {
	case PER:
		return "PER"
	case ORG:
		return "ORG"
	case LOC:
		return "LOC"
	}
	return "O"
}

// tag is a position label: outside (0), or begin/inside of a type.
type tag uint8

const nTags = 7 // O, B-PER, I-PER, B-ORG, I-ORG, B-LOC, I-LOC

func begin(t Type) tag  { return tag(2*t - 1) }
func inside(t Type) tag { return tag(2 * t) }

func (g tag) typ() Type     { return Type((g + 1) / 2) }
func (g tag) isBegin() bool { return g != 0 && g%2 == 1 }

func (g tag) String() string {
	switch {
	case g == 0:
		return "O"
	case g.isBegin():
		return "B-" + g.typ().String()
	}
	return "I-" + g.typ().String()
}

// parseTag reads an IOB2 label; labels of other types ("B-OTH") are O.
func parseTag(s string) tag {
	if len(s) < 3 || s[1] != '-' {
		return 0
	}
	var t Type
	switch s[2:] {
	case "PER":
		t = PER
	case "ORG":
		t = ORG
	case "LOC":
		t = LOC
	default:
		return 0
	}
	if s[0] == 'B' {
		return begin(t)
	}
	if s[0] == 'I' {
		return inside(t)
	}
	return 0
}

// allowed reports whether g may follow prev: an inside tag continues a
// name of its own type.
func allowed(prev, g tag) bool {
	if g == 0 || g.isBegin() {
		return true
	}
	return prev != 0 && prev.typ() == g.typ()
}

// Span is a name: tokens [Start, End) of a sentence.
type Span struct {
	Type       Type
	Start, End int
}

// spans turns position labels into names.
func spans(tags []tag) []Span {
	var out []Span
	for i := 0; i < len(tags); {
		if tags[i] == 0 {
			i++
			continue
		}
		t := tags[i].typ()
		j := i + 1
		for j < len(tags) && tags[j] == inside(t) {
			j++
		}
		out = append(out, Span{Type: t, Start: i, End: j})
		i = j
	}
	return out
}
