package analyze

import (
	"embed"
	"strings"
	"sync"
)

//go:embed data/*.txt data/*.tsv
var dataFS embed.FS

// lexicon holds the embedded word lists, parsed once per process and never
// changed afterwards.
type lexicon struct {
	stop    map[string]bool // lower-case stop words, English and Russian
	abbrev  map[string]bool // lower-case abbreviations without their final stop
	orgs    map[string]string
	notOrgs map[string]bool
	places  []placeEntry
	// placeFirst maps the first word of an exact alias to the entries that
	// may start there; prefix aliases ("Казахстан*") are in placePrefix.
	placeFirst  map[string][]placeAlias
	placePrefix []placeAlias
	// pos holds the English part-of-speech counts of word forms (see
	// data/pos_en.SOURCE.md).
	pos posTable
}

// posCounts is how often a word form was tagged a noun, a verb, an
// adjective or anything else in an annotated corpus.
type posCounts struct{ noun, verb, adj, other int32 }

type placeEntry struct {
	Name string
	Type string
}

// placeAlias is one way a place is written: words to match in sequence; a
// word ending in "*" matches any word it starts.
type placeAlias struct {
	words []string
	place int // index into lexicon.places
}

var lexiconOnce = sync.OnceValue(loadLexicon)

func lex() *lexicon { return lexiconOnce() }

func dataLines(name string) []string {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		// The files are embedded at build time; a missing one is a build bug,
		// and an empty list is the safe answer.
		return nil
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out
}

func loadLexicon() *lexicon {
	lx := &lexicon{
		stop:       map[string]bool{},
		abbrev:     map[string]bool{},
		orgs:       map[string]string{},
		notOrgs:    map[string]bool{},
		placeFirst: map[string][]placeAlias{},
	}
	for _, f := range []string{"stopwords_en.txt", "stopwords_ru.txt"} {
		for _, l := range dataLines(f) {
			for _, w := range strings.Fields(l) {
				lx.stop[w] = true
			}
		}
	}
	for _, l := range dataLines("abbreviations.txt") {
		for _, w := range strings.Fields(l) {
			lx.abbrev[w] = true
		}
	}
	for _, l := range dataLines("organizations.txt") {
		if a, e, ok := strings.Cut(l, "|"); ok {
			lx.orgs[a] = e
		}
	}
	for _, l := range dataLines("not_organizations.txt") {
		for _, w := range strings.Fields(l) {
			lx.notOrgs[w] = true
		}
	}
	for _, l := range dataLines("places.txt") {
		parts := strings.Split(l, "|")
		if len(parts) < 2 {
			continue
		}
		idx := len(lx.places)
		lx.places = append(lx.places, placeEntry{Type: parts[0], Name: parts[1]})
		for _, alias := range parts[1:] {
			words := aliasWords(alias)
			if len(words) == 0 {
				continue
			}
			pa := placeAlias{words: words, place: idx}
			if strings.HasSuffix(words[0], "*") {
				lx.placePrefix = append(lx.placePrefix, pa)
			} else {
				lx.placeFirst[words[0]] = append(lx.placeFirst[words[0]], pa)
			}
		}
	}
	lx.pos = openPosTable(posData)
	return lx
}
