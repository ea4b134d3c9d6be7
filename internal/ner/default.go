package ner

import (
	_ "embed"
	"sync"

	"github.com/briefbook/briefbook/internal/gazetteer"
)

//go:embed data/en.model
var englishModel []byte

//go:embed data/ru.model
var russianModel []byte

// English returns the embedded English model, read once per process; nil
// if the embedded file cannot be read (a build fault the tests catch).
func English() *Model { return englishOnce() }

var englishOnce = sync.OnceValue(func() *Model { return readEmbedded(englishModel) })

// Russian returns the embedded Russian model (learned from FactRuEval-2016;
// see data/SOURCE.md), read once per process; nil if it cannot be read.
func Russian() *Model { return russianOnce() }

var russianOnce = sync.OnceValue(func() *Model { return readEmbedded(russianModel) })

// readEmbedded reads an embedded model where it lies (see flat): the
// process decodes nothing.
func readEmbedded(data []byte) *Model {
	m, err := readModel(data, defaultGazetteer)
	if err != nil {
		return nil
	}
	return m
}

// defaultGazetteer is the gazetteer the embedded model was trained with.
var defaultGazetteer Gazetteer = openData{}

// DefaultGazetteer returns the gazetteer the embedded model was trained
// with, for training a model to replace it (scripts/nertrain).
func DefaultGazetteer() Gazetteer { return defaultGazetteer }

// openData reads package gazetteer (GeoNames places, given names): a
// place counts when its spelling is not also a common word or a common
// given name, and a given name when it is not a common English word and
// at least 100 people bear it.
type openData struct{}

func (openData) Place(tokens []string, i int) int {
	h, ok := gazetteer.Match(tokens, i)
	if !ok || h.Ambiguous {
		return i
	}
	return h.End
}

func (openData) GivenName(token string) bool {
	n, ok := gazetteer.GivenName(token)
	return ok && !n.Word && n.Count() >= 100
}
