package ner

import "unicode"

// Gazetteer says which runs of tokens are known place names and which
// tokens are known given names. The tagger reads it through features
// only, so a model must be used with the gazetteer it was trained with.
type Gazetteer interface {
	// Place returns the end of the longest known place name starting at
	// tokens[i], or i when none starts there.
	Place(tokens []string, i int) int
	// GivenName reports whether the token is a known given name.
	GivenName(token string) bool
}

// gazFlags is what the gazetteer says of one token.
type gazFlags uint8

const (
	gazPlaceBegin gazFlags = 1 << iota
	gazPlaceInside
	gazGiven
)

func gazetteerFlags(tokens []string, gz Gazetteer) []gazFlags {
	flags := make([]gazFlags, len(tokens))
	if gz == nil {
		return flags
	}
	for i := 0; i < len(tokens); {
		// Names in either gazetteer start with a capital; asking only
		// there keeps the look-ups to a few per sentence.
		if !unicode.IsUpper(firstRune(tokens[i])) {
			i++
			continue
		}
		end := gz.Place(tokens, i)
		if end <= i || end > len(tokens) {
			i++
			continue
		}
		flags[i] |= gazPlaceBegin
		for k := i + 1; k < end; k++ {
			flags[k] |= gazPlaceInside
		}
		i = end
	}
	for i, t := range tokens {
		if unicode.IsUpper(firstRune(t)) && gz.GivenName(t) {
			flags[i] |= gazGiven
		}
	}
	return flags
}
