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

// ruRoleNouns are the Russian words that name an office, in the
// nominative; ruRoleForms maps each of their case forms to it.
var ruRoleNouns = []string{
	"президент", "вице-президент", "премьер-министр", "вице-премьер", "премьер", "министр",
	"замминистра", "глава", "посол", "председатель", "генсек", "секретарь", "пресс-секретарь",
	"спикер", "губернатор", "мэр", "аким", "депутат", "сенатор", "советник", "помощник",
	"директор", "руководитель", "представитель", "заместитель", "канцлер", "лидер",
	"командующий", "начальник", "прокурор", "генпрокурор", "омбудсмен", "уполномоченный",
	"постпред", "эмиссар", "спецпредставитель", "председательница", "министерша",
}

// ruDeclensions give the oblique-case endings of a noun by its nominative
// ending (the part cut off to make the stem): секретарь → секретаря,
// глава → главы, командующий → командующего.
var ruDeclensions = []struct {
	nomEnd string
	cases  []string
}{
	{"ь", []string{"я", "ю", "ем", "е"}},
	{"а", []string{"ы", "е", "у", "ой"}},
	{"ий", []string{"его", "ему", "им", "ем"}},
	{"ый", []string{"ого", "ому", "ым", "ом"}},
	{"", []string{"а", "у", "ом", "е"}},
}

var ruRoleForms = func() map[string]string {
	// "после" is left out: it is far more often the preposition "after".
	m := map[string]string{"посла": "посол", "послу": "посол", "послом": "посол"}
	for _, n := range ruRoleNouns {
		m[n] = n
		if n == "замминистра" || n == "посол" {
			continue // indeclinable, or its stem changes (посол → посла)
		}
		for _, d := range ruDeclensions {
			if stem, ok := strings.CutSuffix(n, d.nomEnd); ok {
				for _, e := range d.cases {
					m[stem+e] = n
				}
				break
			}
		}
	}
	return m
}()

// ruRoleBefore returns the office written before a Russian name, in the
// nominative: "министром иностранных дел России Сергеем Лавровым" → "министр
// иностранных дел России", "Президент Казахстана Касым-Жомарт Токаев" →
// "Президент Казахстана". The office word is the nearest one before the
// name, at most five words away, joined to it by spaces only; the words
// between must read as a genitive ("иностранных дел России", "ООН") and are
// kept as written ("Президент заявил Ивану Петрову" has no role).
func ruRoleBefore(s string, ws []word, i int) string {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if !gapOK(s, ws, k) {
			return ""
		}
		nom, ok := ruRoleForms[strings.ToLower(ws[k].Text)]
		if !ok {
			if !ruGenitiveWord(ws[k].Text) {
				return ""
			}
			continue
		}
		if isCapitalized(ws[k].Text) {
			nom = capitalizeFirst(nom)
		}
		parts := []string{nom}
		for x := k + 1; x < i; x++ {
			parts = append(parts, ws[x].Text)
		}
		return strings.Join(parts, " ")
	}
	return ""
}

// ruGenitiveWord reports whether w may be a word of an office's genitive
// complement: a capitalised name ("России", "ООН") or a word with an ending
// of the genitive ("иностранных", "правления", "государства"; "дел"), which
// verbs in the past ("заявил") and most adverbs do not have.
func ruGenitiveWord(w string) bool {
	if isCapitalized(w) {
		return true
	}
	w = strings.ToLower(w)
	if w == "дел" {
		return true
	}
	for _, e := range []string{"ых", "их", "ого", "его", "ой", "ей", "ов", "ев", "ий", "ы", "и", "а", "я"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}
