package gazetteer

import "strconv"

// Lang is the language a given name was recorded in.
type Lang uint8

// The languages of given names.
const (
	English Lang = iota + 1 // US Social Security card applications, 1880–2023
	Russian                 // a Russian database of names (russiannames)
)

// String returns the ISO 639-1 code of the language ("en", "ru").
func (l Lang) String() string {
	switch l {
	case English:
		return "en"
	case Russian:
		return "ru"
	}
	return "Lang(" + strconv.Itoa(int(l)) + ")"
}

// Sex is whether a given name is borne by men, women or both.
type Sex uint8

// The sexes of given names.
const (
	Male Sex = iota + 1
	Female
	Unisex // the less common sex bears at least a tenth of the name
)

// String returns "male", "female" or "unisex".
func (s Sex) String() string {
	switch s {
	case Male:
		return "male"
	case Female:
		return "female"
	case Unisex:
		return "unisex"
	}
	return "Sex(" + strconv.Itoa(int(s)) + ")"
}

// Name is what the gazetteer knows of a given name.
type Name struct {
	Lang Lang
	// Male and Female are how many people of each sex were recorded with
	// the name in the source (English: births 1880–2023 with at least five
	// a year; Russian: people in the database).
	Male, Female int64
	// Word reports that the name is also a common English word ("Will",
	// "Mark", "May", "Grant", "Bill"), so a caller should want context
	// (a surname after it, a title before it) before taking it for a name.
	// Always false for Russian names: the sources give no Russian lexicon.
	Word bool
}

// Count is how many people were recorded with the name.
func (n Name) Count() int64 { return n.Male + n.Female }

// Sex returns Male or Female, or Unisex when the less common sex bears at
// least a tenth of the name.
func (n Name) Sex() Sex {
	switch {
	case n.Female*10 < n.Count() || n.Female == 0:
		return Male
	case n.Male*10 < n.Count() || n.Male == 0:
		return Female
	}
	return Unisex
}

// GivenName reports whether w, written as in the text ("Anna", "Анна"),
// is a known English or Russian given name, and what is known of it.
// Names match case-sensitively and uninflected: "Анны" is not found.
func GivenName(w string) (Name, bool) {
	return load().name(w)
}
