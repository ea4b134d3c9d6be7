package ner

import (
	"bytes"
	_ "embed"
	"sync"
)

//go:embed data/en.model
var englishModel []byte

// English returns the embedded English model, read once per process; nil
// if the embedded file cannot be read (a build fault the tests catch).
func English() *Model { return englishOnce() }

var englishOnce = sync.OnceValue(func() *Model {
	m, err := ReadModel(bytes.NewReader(englishModel), defaultGazetteer)
	if err != nil {
		return nil
	}
	return m
})

// defaultGazetteer is the gazetteer the embedded model was trained with.
var defaultGazetteer Gazetteer
