package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
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

var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true}

// mention is where a person is named: block index, byte span in its text.
type mention struct {
	unit, start, end int
	person           int
}

// findPeople returns the people named with a role, a title, or as
// speakers, one entry per person (mentions merged by surname), and every
// mention.
func findPeople(us []unit) ([]document.Person, []mention) {
	var people []document.Person
	bySurname := map[string]int{}
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
				surname := strings.ToLower(trimPossessive(ws[j-1].Text))
				known, isKnown := bySurname[surname]
				n := j - i
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
				if !ok {
					i = j
					continue
				}
				if role == "" && titleRoles[strings.ToLower(strings.TrimSuffix(honor, "."))] {
					role = honor
				}
				if role == "" && royalTitle(honor) {
					role = honor
				}
				name = trimPossessive(name)
				idx := known
				if !isKnown {
					idx = len(people)
					people = append(people, document.Person{Name: name, Role: role})
					bySurname[surname] = idx
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
	for j < len(ws) && j-i < 4 {
		w := ws[j].Text
		if j > i && !onlySpace(s[ws[j-1].End:ws[j].Start]) {
			break
		}
		if j > i && isRoman(w) {
			j++
			break
		}
		if !isNameWord(w) {
			break
		}
		j++
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			break
		}
	}
	if j > i && isRoman(ws[i].Text) {
		return i
	}
	return j
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
	if lw == "republic" || lw == "government" || lw == "state" || lw == "god" {
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
	for k >= 0 && roleWords[strings.ToLower(trimPossessive(ws[k].Text))] && gapOK(s, ws, k) {
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
