package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/ner"
)

// honorifics are titles written before a name; the ones in titleRoles are
// also a role when no other is given ("Sir", "Queen").
var honorifics = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "miss": true, "dr": true, "sir": true, "dame": true, "lord": true,
	"lady": true, "prof": true, "professor": true, "king": true, "queen": true, "prince": true,
	"princess": true, "pope": true, "sheikh": true, "capt": true, "captain": true, "gen": true,
	"general": true, "col": true, "colonel": true, "lt": true, "sgt": true, "sergeant": true,
	"rev": true, "reverend": true, "president": true, "senator": true, "sen": true, "governor": true,
	"mayor": true, "judge": true, "justice": true, "bishop": true, "archbishop": true, "cardinal": true,
	"emperor": true, "empress": true, "chancellor": true, "ambassador": true, "minister": true,
	"detective": true, "inspector": true, "officer": true, "commander": true, "admiral": true, "major": true,
	"господин": true, "госпожа": true, "президент": true, "министр": true, "премьер-министр": true,
}

// ruTitles are Russian titles and ranks written before a name, in lower
// case inside a sentence; they are the person's role when no other is given.
var ruTitles = map[string]bool{
	"князь": true, "княгиня": true, "княжна": true, "граф": true, "графиня": true, "барон": true,
	"баронесса": true, "генерал": true, "полковник": true, "капитан": true, "майор": true,
	"император": true, "императрица": true, "царь": true, "царица": true, "король": true,
	"королева": true, "принц": true, "принцесса": true, "доктор": true, "профессор": true,
	"митрополит": true, "епископ": true, "сэр": true, "мистер": true, "миссис": true,
	"мадам": true, "мсье": true, "господин": true, "госпожа": true, "академик": true,
}

var titleRoles = map[string]bool{"sir": true, "dame": true, "lord": true, "lady": true, "dr": true, "prof": true, "professor": true}

// roleWords may build a role before a name ("Deputy Foreign Minister").
var roleWords = map[string]bool{
	"president": true, "minister": true, "secretary": true, "chancellor": true, "king": true, "queen": true,
	"prince": true, "princess": true, "pope": true, "sheikh": true, "emperor": true, "governor": true,
	"mayor": true, "senator": true, "general": true, "colonel": true, "captain": true, "commander": true,
	"admiral": true, "ambassador": true, "chairman": true, "chairwoman": true, "chair": true, "director": true,
	"chief": true, "judge": true, "justice": true, "bishop": true, "archbishop": true, "cardinal": true,
	"professor": true, "leader": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"officer": true, "inspector": true, "detective": true, "sergeant": true, "lieutenant": true,
	"major": true, "deputy": true, "vice": true, "foreign": true, "prime": true, "defence": true,
	"defense": true, "interior": true, "finance": true, "executive": true, "state": true, "senior": true,
	"acting": true, "former": true, "first": true, "assistant": true, "attorney": true, "high": true,
	"commissioner": true, "head": true, "manager": true, "coach": true, "founder": true, "ceo": true,
	"premier": true, "envoy": true, "representative": true, "speaker": true, "member": true, "mp": true,
	"new": true, "late": true, "then": true, "economy": true, "trade": true, "health": true, "education": true,
	"justice's": true, "squadron": true, "leader's": true, "wing": true, "flight": true, "air": true, "vice-president": true,
	"президент": true, "министр": true, "заместитель": true, "премьер-министр": true, "глава": true,
}

// coreRoles are the role words that make a role by themselves.
var coreRoles = map[string]bool{
	"president": true, "minister": true, "secretary": true, "chancellor": true, "king": true, "queen": true,
	"prince": true, "princess": true, "pope": true, "sheikh": true, "emperor": true, "governor": true,
	"mayor": true, "senator": true, "general": true, "colonel": true, "captain": true, "commander": true,
	"admiral": true, "ambassador": true, "chairman": true, "chairwoman": true, "director": true, "chief": true,
	"judge": true, "bishop": true, "archbishop": true, "cardinal": true, "professor": true, "leader": true,
	"spokesman": true, "spokeswoman": true, "spokesperson": true, "officer": true, "inspector": true,
	"detective": true, "sergeant": true, "lieutenant": true, "major": true, "commissioner": true,
	"head": true, "manager": true, "coach": true, "founder": true, "ceo": true, "premier": true, "envoy": true,
	"representative": true, "speaker": true, "mp": true, "vice-president": true, "президент": true, "министр": true,
	"премьер-министр": true, "глава": true,
}

var speechVerbs = map[string]bool{"said": true, "says": true, "told": true, "added": true, "explained": true, "stated": true, "wrote": true, "declared": true, "warned": true, "insisted": true, "argued": true, "asked": true, "announced": true, "noted": true, "claimed": true, "сказал": true, "заявил": true, "отметил": true, "сказала": true, "заявила": true}

// placeWords name a kind of place or building; a capitalised run with one
// of them is not a person: "Harlow Range Complex", "Marlow Square".
var placeWords = map[string]bool{
	"complex": true, "range": true, "base": true, "station": true, "village": true, "airport": true,
	"square": true, "street": true, "road": true, "avenue": true, "river": true, "lake": true,
	"mountain": true, "mountains": true, "island": true, "islands": true, "bay": true, "sea": true,
	"ocean": true, "palace": true, "hall": true, "park": true, "centre": true, "center": true,
	"bridge": true, "hospital": true, "school": true, "church": true, "cathedral": true, "museum": true,
	"stadium": true, "hotel": true, "tower": true, "harbour": true, "harbor": true, "port": true,
	"valley": true, "desert": true, "coast": true, "field": true, "airfield": true, "camp": true,
}

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// mention is where a person is named: block index, byte span in its text.
type mention struct {
	unit, start, end int
	person           int
}

// findPeople returns the people named with a role, a title, or as
// speakers, one entry per person (mentions merged by surname), and every
// mention.
func findPeople(us []unit, nt nameTags) ([]document.Person, []mention) {
	var people []document.Person
	bySurname := map[string]int{}
	byFirst := map[string]int{} // first word of a multi-word name
	var ms []mention
	for ui, u := range us {
		for _, s := range u.Sents {
			ws := words(s.Text)
			for i := 0; i < len(ws); {
				j := nameRunEnd(s.Text, ws, i)
				if j == i {
					i++
					continue
				}
				name := s.Text[ws[i].Start:ws[j-1].End]
				honor, role := roleBefore(s.Text, ws, i)
				if honor == "" && role == "" && isCyrillic(ws[i].Text) {
					role = ruRoleBefore(s.Text, ws, i)
				}
				if honor == "" && isStop(strings.ToLower(ws[i].Text)) {
					// "Ей Богу" ("by God"), "This Week": a name does not
					// start with a pronoun or an article.
					i++
					continue
				}
				surname := nameKey(name)
				known, isKnown := bySurname[surname]
				if !isKnown && len(strings.Fields(name)) == 1 {
					// "Sheikh Tariq" after "Sheikh Tariq bin Salem Al Hadhri".
					known, isKnown = byFirst[surname]
				}
				n := j - i
				if role == "" && n >= 2 {
					role = descriptorBefore(s.Text, ws, i)
					if role == "" {
						role = appositiveRole(s.Text, ws, j)
					}
				}
				ok := false
				switch {
				case role != "" && n >= 1 && (n >= 2 || honor != "" || isKnown || coreRoles[strings.ToLower(lastField(role))]):
					ok = n >= 2 || honor != "" || isKnown || honorifics[strings.ToLower(lastField(role))]
				case honor != "" && n >= 1:
					ok = true
				case isKnown:
					ok = true
				case n >= 2 && n <= 3 && speakerContext(s.Text, ws, i, j):
					ok = true
				}
				if ok && n == 1 && honor == "" && role != "" && role == strings.ToLower(role) && !isKnown && nt.read[ui] {
					// A lone word after a role in lower case ("the general
					// Welfare") is a person only if the tagger reads one.
					ok = nt.typeAt(ui, s.Start+ws[i].Start, s.Start+ws[j-1].End) == ner.PER
				}
				if ok && honor == "" && role == "" && !isKnown && nt.read[ui] {
					// The rules found a capitalised run in a person's
					// context ("… said"), with no title or role: the tagger
					// must not read it as anything else, and if it is
					// silent the words must not be everyday ones ("Human
					// Rights Watch said", "the Summer Olympics said" are no
					// one).
					switch nt.typeAt(ui, s.Start+ws[i].Start, s.Start+ws[j-1].End) {
					case ner.PER:
					case ner.None:
						// Silent tagger: a name of words no English
						// dictionary holds ("Zhao Tiechui") still is one.
						ok = !anyCommonWord(ws[i:j])
					default:
						ok = false
					}
				}
				if !ok {
					// A person the tagger found, named with two words or
					// more, though nothing around says so.
					if end, found := nt.personAt(us, ui, s.Start+ws[i].Start); found && !bodyOrPlaceWords(s.Text, ws, i, end-s.Start) {
						for j = i; j < len(ws) && s.Start+ws[j].End <= end; j++ {
						}
						name = s.Text[ws[i].Start:ws[j-1].End]
						surname = nameKey(name)
						known, isKnown = bySurname[surname]
						ok = true
					}
				}
				if !ok {
					i = max(j, i+1)
					continue
				}
				if role == "" && titleRoles[strings.ToLower(strings.TrimSuffix(honor, "."))] {
					role = honor
				}
				if role == "" && (royalTitle(honor) || ruTitles[strings.ToLower(honor)]) {
					role = honor
				}
				name = ruNominative(trimPossessive(name))
				idx := known
				if !isKnown {
					idx = len(people)
					people = append(people, document.Person{Name: name, Role: role})
					bySurname[surname] = idx
					if f := strings.Fields(name); len(f) > 1 && !strings.HasSuffix(f[0], ".") {
						if _, taken := byFirst[strings.ToLower(f[0])]; !taken {
							byFirst[strings.ToLower(f[0])] = idx
						}
					}
				} else {
					p := &people[idx]
					if len(strings.Fields(name)) > len(strings.Fields(p.Name)) {
						p.Name = name
					}
					if p.Role == "" || (titleRoles[strings.ToLower(p.Role)] && role != "" && !titleRoles[strings.ToLower(role)]) {
						p.Role = role
					}
				}
				p := &people[idx]
				if len(p.Paragraphs) == 0 || p.Paragraphs[len(p.Paragraphs)-1] != u.ID {
					p.Paragraphs = append(p.Paragraphs, u.ID)
				}
				ms = append(ms, mention{unit: ui, start: s.Start + ws[i].Start, end: s.Start + ws[j-1].End, person: idx})
				i = j
			}
		}
	}
	return people, ms
}

func royalTitle(w string) bool {
	switch strings.ToLower(w) {
	case "king", "queen", "prince", "princess", "pope", "sheikh", "emperor", "empress":
		return true
	}
	return false
}

func lastField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

func trimPossessive(s string) string {
	for _, p := range []string{"'s", "’s", "'", "’"} {
		s = strings.TrimSuffix(s, p)
	}
	return s
}

// nameRunEnd returns the end of a run of name words starting at ws[i]:
// capitalised words that are not stop words, titles, places, months or
// organisation words, joined by spaces only; Roman numerals may close it.
func nameRunEnd(s string, ws []word, i int) int {
	j := i
	for j < len(ws) && j-i < 6 {
		w := ws[j].Text
		if j > i {
			gap := s[ws[j-1].End:ws[j].Start]
			if !onlySpace(gap) && !(isInitial(s, ws[j-1]) && onlySpace(strings.TrimPrefix(gap, "."))) {
				break
			}
		}
		if j > i && !isInitial(s, ws[j-1]) && (isRoman(w) || w == "I" && regnalI(s, ws, j)) {
			j++
			break
		}
		// "bin", "van", "de" inside a name: "Tariq bin Salem Al Hadhri".
		if j > i && nameParticles[w] && j+1 < len(ws) && onlySpace(s[ws[j].End:ws[j+1].Start]) && isNameWord(ws[j+1].Text) {
			j++
			continue
		}
		if !isNameWord(w) && !isInitial(s, ws[j]) && !(j > i && prefixedName(w)) {
			break
		}
		j++
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			break
		}
	}
	// A name does not end with an initial or a particle.
	for j > i && (isInitial(s, ws[j-1]) || nameParticles[ws[j-1].Text]) {
		j--
	}
	if j > i && isRoman(ws[i].Text) {
		return i
	}
	return j
}

// nameParticles are the lower-case words that may sit inside a name.
var nameParticles = map[string]bool{
	"bin": true, "ibn": true, "bint": true, "al": true, "el": true, "de": true, "da": true, "di": true,
	"du": true, "van": true, "von": true, "der": true, "den": true, "del": true, "la": true, "le": true,
	"dos": true, "das": true, "ter": true, "ten": true,
}

// prefixedName reports whether w is a surname with an Arabic article
// written in lower case: "al-Rashid", "el-Masri".
func prefixedName(w string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "as-", "ash-", "ar-"} {
		if rest, ok := strings.CutPrefix(w, p); ok && isCapitalized(rest) {
			return true
		}
	}
	return false
}

// isInitial reports whether w is a one-letter capital followed by a full
// stop in s: the "R." of "R.T. Okafor".
func isInitial(s string, w word) bool {
	if utf8.RuneCountInString(w.Text) != 1 || !isCapitalized(w.Text) {
		return false
	}
	return w.End < len(s) && s[w.End] == '.'
}

// regnalI reports whether the "I" at ws[j] is a regnal number ("Rodrigo
// Esteban I of Portugal") rather than the pronoun: it is followed by "of", by
// punctuation or by nothing.
func regnalI(s string, ws []word, j int) bool {
	if j+1 >= len(ws) {
		return true
	}
	gap := s[ws[j].End:ws[j+1].Start]
	if !onlySpace(gap) {
		return true
	}
	return ws[j+1].Text == "of"
}

// nameKey is the word a person is indexed under: the last word of the
// name that is not a regnal number, lower case, without a possessive.
func nameKey(name string) string {
	f := strings.Fields(name)
	for len(f) > 1 && (isRoman(f[len(f)-1]) || f[len(f)-1] == "I") {
		f = f[:len(f)-1]
	}
	if len(f) == 0 {
		return ""
	}
	last := trimPossessive(f[len(f)-1])
	if isCyrillic(last) && !hasKazakhLetter(last) {
		return ruNameKey(last)
	}
	return strings.ToLower(last)
}

func isRoman(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, r := range w {
		if !strings.ContainsRune("IVX", r) {
			return false
		}
	}
	return true
}

// isNameWord reports whether w can be part of a person's name.
func isNameWord(w string) bool {
	if !isCapitalized(w) || !hasLetter(w) || utf8.RuneCountInString(w) < 2 {
		return false
	}
	base := trimPossessive(w)
	lw := strings.ToLower(base)
	if isStop(lw) || honorifics[lw] || roleWords[lw] || orgKeywords[lw] || monthNumber(base) > 0 || weekdays[lw] {
		return false
	}
	if lw == "republic" || lw == "government" || lw == "state" || lw == "god" || placeWords[lw] {
		return false
	}
	upper := 0
	for _, r := range base {
		if unicode.IsUpper(r) {
			upper++
		}
		if unicode.IsDigit(r) {
			return false
		}
	}
	if upper > 1 && upper == len([]rune(strings.ReplaceAll(base, "-", ""))) {
		return false // an acronym
	}
	if _, ok := placeAt([]word{{Text: base}}, 0); ok {
		return false
	}
	return true
}

// roleBefore reads the honorific and the role written just before the name
// starting at ws[i]: "Deputy Foreign Minister Mr. Nurlan Ermekbayev",
// "The first President of the independent Kazakhstan Nursultan Nazarbayev".
func roleBefore(s string, ws []word, i int) (honor, role string) {
	k := i - 1
	if k >= 0 && honorifics[strings.ToLower(ws[k].Text)] && !coreRoles[strings.ToLower(ws[k].Text)] && isCapitalized(ws[k].Text) && gapOK(s, ws, k) {
		honor = ws[k].Text
		k--
	} else if k >= 0 && ruTitles[strings.ToLower(ws[k].Text)] && gapOK(s, ws, k) {
		// Russian titles are written in lower case: "князь Андрей".
		honor = ws[k].Text
		k--
	}
	// "President of [the] [independent] Kazakhstan Name".
	place := ""
	if k >= 0 {
		if p, ok := placeEndingAt(ws, k); ok {
			m := p.start - 1
			for m >= 0 && !isCapitalized(ws[m].Text) && strings.ToLower(ws[m].Text) != "of" && m > p.start-4 {
				m--
			}
			if m >= 1 && strings.ToLower(ws[m].Text) == "of" && roleWords[strings.ToLower(ws[m-1].Text)] {
				place = lex().places[p.place].Name
				k = m - 1
			}
		}
	}
	end := k
	for k >= 0 && roleWords[strings.ToLower(trimPossessive(ws[k].Text))] && (gapOK(s, ws, k) || k == i-1 && commaGap(s, ws, k) && coreRoles[strings.ToLower(ws[k].Text)]) {
		k--
	}
	if end == k {
		return honor, ""
	}
	var parts []string
	for x := k + 1; x <= end; x++ {
		parts = append(parts, ws[x].Text)
	}
	// A role needs a core word: "first" or "Deputy" alone is not one.
	hasCore := false
	for _, p := range parts {
		if coreRoles[strings.ToLower(p)] {
			hasCore = true
		}
	}
	if !hasCore {
		return honor, ""
	}
	role = strings.Join(parts, " ")
	if place != "" {
		role += " of " + place
	}
	return honor, role
}

// gapOK reports whether ws[k] is joined to the next word by spaces only.
func gapOK(s string, ws []word, k int) bool {
	if k+1 >= len(ws) {
		return true
	}
	g := s[ws[k].End:ws[k+1].Start]
	return onlySpace(strings.TrimPrefix(g, "."))
}

// speakerContext reports whether the name ws[i:j] is said to speak:
// "Name said", "said Name", "Name, who …", "Name told".
func speakerContext(s string, ws []word, i, j int) bool {
	if j < len(ws) {
		nx := strings.ToLower(ws[j].Text)
		if speechVerbs[nx] {
			return true
		}
		if g := s[ws[j-1].End:ws[j].Start]; strings.TrimSpace(g) == "," && (nx == "who" || nx == "a" || nx == "the" || nx == "aged") {
			return true
		}
	}
	if i > 0 && speechVerbs[strings.ToLower(ws[i-1].Text)] {
		return true
	}
	return false
}

// occupations are lower-case nouns that describe a person named right
// after them: "historian Lena Fairbrook", "divorcee Margot Ellery".
var occupations = map[string]bool{
	"author": true, "writer": true, "journalist": true, "reporter": true, "correspondent": true,
	"editor": true, "commentator": true, "analyst": true, "expert": true, "lawyer": true, "attorney": true,
	"official": true, "diplomat": true, "lecturer": true, "teacher": true, "student": true, "doctor": true,
	"surgeon": true, "nurse": true, "engineer": true, "pilot": true, "driver": true, "resident": true,
	"witness": true, "survivor": true, "farmer": true, "worker": true, "miner": true, "soldier": true,
	"actor": true, "actress": true, "singer": true, "producer": true, "player": true, "divorcee": true,
	"businessman": true, "businesswoman": true, "entrepreneur": true, "banker": true, "investor": true,
	"owner": true, "watcher": true, "researcher": true, "campaigner": true, "adviser": true, "advisor": true,
	"consultant": true, "mother": true, "father": true, "wife": true, "husband": true, "son": true,
	"daughter": true, "brother": true, "sister": true, "priest": true, "lawmaker": true, "spokesman": true,
	"spokeswoman": true, "spokesperson": true, "chairman": true, "chairwoman": true, "professor": true,
}

// demonymNouns are capitalised nouns for a person of a country: "Dane
// Sigrid Holm".
var demonymNouns = map[string]bool{
	"Spaniard": true, "Briton": true, "Frenchman": true, "Frenchwoman": true, "Englishman": true,
	"Englishwoman": true, "Scot": true, "Dane": true, "Swede": true, "Pole": true, "Turk": true,
	"Finn": true, "Dutchman": true, "Welshman": true, "Irishman": true, "Icelander": true,
}

// descriptorBefore returns the description written just before the name
// at ws[i] when it ends with an occupation: "naval correspondent and
// historian" for "naval correspondent and historian Helena Marchetti".
func descriptorBefore(s string, ws []word, i int) string {
	k := i - 1
	if k < 0 || !onlySpace(s[ws[k].End:ws[i].Start]) {
		return ""
	}
	w := ws[k].Text
	lw := strings.ToLower(w)
	if demonymNouns[w] {
		return w
	}
	if !isLowerWord(w) || !(occupations[lw] || (len(lw) > 5 && (strings.HasSuffix(lw, "ist") || strings.HasSuffix(lw, "ian")))) {
		return ""
	}
	// Walk back over adjectives and "and": "veteran author and historian".
	first := k
	for m := k - 1; m >= 0 && m > k-5; m-- {
		if !onlySpace(s[ws[m].End:ws[m+1].Start]) {
			break
		}
		lm := strings.ToLower(ws[m].Text)
		if lm != "and" && (isStop(lm) || speechVerbs[lm] || !hasLetter(lm)) {
			break
		}
		first = m
	}
	for first < k && strings.ToLower(ws[first].Text) == "and" {
		first++
	}
	return s[ws[first].Start:ws[k].End]
}

// appositiveRole returns a role written after the name that ends before
// ws[j]: "Lucien Dufort, vice president of the Alpine Transit Board,".
func appositiveRole(s string, ws []word, j int) string {
	if j >= len(ws) || strings.TrimSpace(s[ws[j-1].End:ws[j].Start]) != "," {
		return ""
	}
	k := j
	if a := strings.ToLower(ws[k].Text); a == "the" || a == "a" || a == "an" {
		k++
	}
	// A core role word within the first three words.
	core := -1
	for m := k; m < len(ws) && m < k+3; m++ {
		if m > k && !onlySpace(s[ws[m-1].End:ws[m].Start]) {
			break
		}
		if coreRoles[strings.ToLower(ws[m].Text)] {
			core = m
			break
		}
	}
	if core < 0 {
		return ""
	}
	end := ws[core].End
	// Up to the next clause mark, at most ten words.
	// The role is cut to ten words: read a bounded window.
	win := head(s[ws[k].Start:], 2*windowBytes)
	stop := strings.IndexAny(win, ",;:.()")
	if stop < 0 {
		stop = len(win)
	}
	if e := ws[k].Start + stop; e > end {
		end = e
	}
	role := strings.TrimSpace(s[ws[k].Start:end])
	if f := strings.Fields(role); len(f) > 10 {
		role = strings.Join(f[:10], " ")
	}
	return role
}

// commaGap reports whether ws[k] is followed by a comma and a space only:
// "the Mongolian Minister, Batbayar Tsend".
func commaGap(s string, ws []word, k int) bool {
	return k+1 < len(ws) && strings.TrimSpace(s[ws[k].End:ws[k+1].Start]) == ","
}

// anyCommonWord reports whether one of the words is an everyday English
// word in lower case (seen at least 3 times in the part-of-speech
// lexicon's corpus).
func anyCommonWord(ws []word) bool {
	for _, w := range ws {
		if c, ok := posOf(strings.ToLower(trimPossessive(w.Text))); ok && c.total() >= 3 {
			return true
		}
	}
	return false
}

// bodyOrPlaceWords reports whether the words of s from ws[i] up to byte
// end hold a word that names a body or a place ("Delta Airlines",
// "Harlow Range Complex"): no person's name does.
func bodyOrPlaceWords(s string, ws []word, i, end int) bool {
	for k := i; k < len(ws) && ws[k].End <= end; k++ {
		lw := strings.ToLower(ws[k].Text)
		if orgKeywords[lw] || placeWords[lw] {
			return true
		}
	}
	return false
}
