package render

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// FigureWords are the words a key-figure tile prints around a number, in
// one language.
type FigureWords struct {
	// About, AtLeast and AtMost print the bound of a hedged figure
	// ("about 200", "около 200").
	About, AtLeast, AtMost string
	// Percent labels a share ("35%" over "per cent").
	Percent string
}

var figureWordsByLang = map[string]FigureWords{
	"en": {About: "about", AtLeast: "at least", AtMost: "at most", Percent: "per cent"},
	"ru": {About: "около", AtLeast: "не менее", AtMost: "не более", Percent: "процентов"},
	"kk": {About: "шамамен", AtLeast: "кемінде", AtMost: "ең көбі", Percent: "пайыз"},
}

// FigureWordsFor returns the figure words for the primary language of the
// BCP 47 tag lang ("ru-RU" → Russian); English for a language briefbook
// does not know or an empty tag.
func FigureWordsFor(lang string) FigureWords {
	primary := strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	if w, ok := figureWordsByLang[primary]; ok {
		return w
	}
	return figureWordsByLang["en"]
}

// Bound returns the word that prints bound b ("about"), or "" for an
// exact figure or a range, whose number says it all.
func (w FigureWords) Bound(b document.FigureBound) string {
	switch b {
	case document.BoundAbout:
		return w.About
	case document.BoundAtLeast:
		return w.AtLeast
	case document.BoundAtMost:
		return w.AtMost
	}
	return ""
}
