// Package ner finds the names of people, organisations and places in
// sentences of English and Russian text.
//
// It takes a sentence as tokens (Tokenize splits text the way the training
// corpus was split) and gives spans labelled PER, ORG or LOC. The tagger is
// an averaged structured perceptron (Collins 2002) over word, shape, affix,
// context and gazetteer features, decoded with first-order Viterbi, in the
// manner of the CPU taggers of NLTK, Stanford and early spaCy. Its weights
// are trained offline (see Train and scripts/nertrain) — English from
// Universal NER's annotation of the English Web Treebank with Wikigold and the
// Broad Twitter Corpus, Russian from FactRuEval-2016 — and embedded in the
// binary (English and Russian); data/SOURCE.md records where they come from
// and under which licence.
//
// Tagging is deterministic and costs time linear in the number of tokens:
// only the runs of a sentence that can hold a name (see windows) are
// decoded.
package ner
