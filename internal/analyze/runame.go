package analyze

import (
	"strings"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/gazetteer"
)

// Russian personal names are declined: the text writes "с Сергеем
// Лавровым", "по словам Лаврова", the table must say "Сергей Лавров" and
// count both as one person. These rules follow the grammar of Russian
// names (given names as nouns, surnames in -ов/-ев/-ин and -ский as
// adjectives, patronymics in -вич/-вна); the given-name list of
// internal/gazetteer tells a given name and its sex.

// ruNominative returns a Russian personal name in the nominative case
// ("Сергеем Лавровым" → "Сергей Лавров", "Анны Павловны Шерер" → "Анна
// Павловна Шерер"); a name it cannot read is returned unchanged.
func ruNominative(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 || len(f) > 4 {
		return name
	}
	for _, w := range f {
		if !isCyrillic(w) || hasKazakhLetter(w) {
			return name
		}
	}
	given, female, ok := ruGivenName(f[0])
	if !ok {
		if len(f) == 1 {
			return ruSurname(f[0], false, false)
		}
		return name
	}
	out := []string{given}
	for k, w := range f[1:] {
		if k == 0 && len(f) == 3 {
			out = append(out, ruPatronymic(w))
			continue
		}
		out = append(out, ruSurname(w, female, true))
	}
	return strings.Join(out, " ")
}

// ruGivenName returns the nominative of a Russian given name in any case,
// and whether it is a woman's: "Сергеем" → Сергей, "Анны" → Анна.
func ruGivenName(w string) (nom string, female, ok bool) {
	if n, found := gazetteer.GivenName(w); found && n.Count() >= 100 && n.Lang == gazetteer.Russian {
		return w, n.Sex() == gazetteer.Female, true
	}
	for _, end := range ruCaseEndings {
		stem, cut := strings.CutSuffix(w, end)
		if !cut || utf8.RuneCountInString(stem) < 2 {
			continue
		}
		for _, nomEnd := range []string{"", "а", "я", "й", "ь"} {
			c := stem + nomEnd
			if c == w {
				continue
			}
			if n, found := gazetteer.GivenName(c); found && n.Count() >= 100 && n.Lang == gazetteer.Russian {
				return c, n.Sex() == gazetteer.Female, true
			}
		}
	}
	return w, false, false
}

// ruCaseEndings are the endings of nouns in the oblique cases, longest
// first.
var ruCaseEndings = []string{"ой", "ей", "ом", "ем", "ою", "ею", "а", "я", "у", "ю", "е", "ы", "и"}

// ruPatronymic returns the nominative of a patronymic: "Андреевича" →
// Андреевич, "Павловны" → Павловна.
func ruPatronymic(w string) string {
	for _, e := range []string{"ичем", "ича", "ичу", "иче"} {
		if stem, ok := strings.CutSuffix(w, e); ok {
			return stem + "ич"
		}
	}
	for _, e := range []string{"вной", "вны", "вне", "вну"} {
		if stem, ok := strings.CutSuffix(w, e); ok {
			return stem + "вна"
		}
	}
	return w
}

// ruSurname returns the nominative of a surname. Surnames in -ов, -ев,
// -ин and -ский decline like adjectives and are read by the bearer's sex
// (known from the given name) or, without it, only where the ending says
// it alone ("Лавровым" → Лавров, "Достоевского" → Достоевский); others are
// left as written.
func ruSurname(w string, female, sexKnown bool) string {
	type rule struct{ end, nom string }
	// Endings that tell case and sex by themselves.
	for _, r := range []rule{
		{"ского", "ский"}, {"скому", "ский"}, {"ским", "ский"}, {"ском", "ский"},
		{"цкого", "цкий"}, {"цкому", "цкий"}, {"цким", "цкий"}, {"цком", "цкий"},
		{"овым", "ов"}, {"евым", "ев"}, {"ёвым", "ёв"}, {"иным", "ин"}, {"ыным", "ын"},
		{"овой", "ова"}, {"евой", "ева"}, {"ёвой", "ёва"}, {"иной", "ина"}, {"ыной", "ына"},
	} {
		if stem, ok := strings.CutSuffix(w, r.end); ok && utf8.RuneCountInString(stem) >= 2 {
			return stem + r.nom
		}
	}
	if !sexKnown {
		return w
	}
	if female {
		for _, r := range []rule{{"ову", "ова"}, {"еву", "ева"}, {"ину", "ина"}, {"скую", "ская"}, {"ской", "ская"}} {
			if stem, ok := strings.CutSuffix(w, r.end); ok && utf8.RuneCountInString(stem) >= 2 {
				return stem + r.nom
			}
		}
		return w
	}
	for _, r := range []rule{
		{"ова", "ов"}, {"ову", "ов"}, {"ове", "ов"}, {"ева", "ев"}, {"еву", "ев"}, {"еве", "ев"},
		{"ёва", "ёв"}, {"ёву", "ёв"}, {"ёве", "ёв"}, {"ина", "ин"}, {"ину", "ин"}, {"ине", "ин"},
		{"ына", "ын"}, {"ыну", "ын"}, {"ыне", "ын"},
	} {
		if stem, ok := strings.CutSuffix(w, r.end); ok && utf8.RuneCountInString(stem) >= 2 {
			return stem + r.nom
		}
	}
	return w
}

// ruNameKey is the key under which a Russian surname is counted whatever
// its case: "Лавров", "Лаврова", "Лавровым" and "Лаврову" share one.
func ruNameKey(w string) string {
	w = strings.ToLower(w)
	for _, e := range []string{"ыми", "ого", "ому", "ым", "им", "ой", "ою", "ом", "ей", "ем", "ею", "у", "ю", "а", "я", "е", "ы", "и"} {
		if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 3 {
			return stem
		}
	}
	return w
}
