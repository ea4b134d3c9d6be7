package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/ner"
)

// orgKeywords mark a capitalised multi-word name as a body.
var orgKeywords = map[string]bool{
	"initiative": true, "agency": true, "council": true, "ministry": true, "organisation": true,
	"organization": true, "committee": true, "bank": true, "union": true, "conference": true,
	"association": true, "commission": true, "parliament": true, "assembly": true, "court": true,
	"party": true, "fund": true, "institute": true, "university": true, "college": true,
	"company": true, "corporation": true, "board": true, "bureau": true, "department": true,
	"authority": true, "administration": true, "federation": true, "foundation": true, "society": true,
	"forum": true, "police": true, "army": true, "navy": true, "squadron": true, "regiment": true,
	"airlines": true, "airways": true, "alliance": true, "secretariat": true, "tribunal": true,
	"senate": true, "congress": true, "inc": true, "ltd": true, "plc": true, "group": true,
	"service": true, "office": true, "force": true, "network": true, "club": true, "agence": true,
	"embassy": true, "consulate": true, "coalition": true, "organizations": true, "organisations": true,
	"church": true, "radio": true, "television": true, "news": true, "daily": true, "brigade": true,
	"battalion": true, "division": true, "corps": true, "fleet": true, "wing": true, "programme": true,
	"program": true, "movement": true, "front": true, "court's": true, "agencies": true,
	"министерство": true, "организация": true, "комитет": true, "агентство": true, "совет": true,
}

// connectors may sit inside an organisation's name.
var connectors = map[string]bool{"of": true, "for": true, "and": true, "the": true, "on": true, "in": true, "de": true, "&": true}

// capRun is a run of capitalised words (with connectors inside) in a text.
type capRun struct {
	start, end int // byte span
	words      []string
}

// capRunsOf lists the runs of capitalised words in s (split into ws), joined by spaces and
// lower-case connectors; a run never starts or ends with a connector.
func capRunsOf(s string, ws []word) []capRun {
	var out []capRun
	for i := 0; i < len(ws); {
		if !isCapitalized(ws[i].Text) || !hasLetter(ws[i].Text) {
			i++
			continue
		}
		j := i + 1
		last := i
		for j < len(ws) && onlySpace(s[ws[j-1].End:ws[j].Start]) {
			w := ws[j].Text
			if isCapitalized(w) && hasLetter(w) && !containsDigit(w) {
				last = j
				j++
				continue
			}
			// "Ministry of Defence and the World Health Organization"
			// are two; "Montreal Hockey Club on May 5" ends at "Club".
			if connectors[w] && !(w == "and" && j+1 < len(ws) && ws[j+1].Text == "the") &&
				!(j+1 < len(ws) && isDateWord(ws[j+1].Text)) {
				j++
				continue
			}
			break
		}
		r := capRun{start: ws[i].Start, end: ws[last].End}
		for k := i; k <= last; k++ {
			r.words = append(r.words, ws[k].Text)
		}
		out = append(out, r)
		i = last + 1
	}
	return out
}

func containsDigit(s string) bool {
	for _, r := range s {
		if unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// isAcronym reports whether w is written in capitals: "OSCE", "G20", "ООН".
func isAcronym(w string) bool {
	n, letters, digits := 0, 0, 0
	for _, r := range w {
		n++
		switch {
		case unicode.IsUpper(r) && digits == 0:
			letters++
		case unicode.IsDigit(r):
			digits++
		default:
			return false
		}
	}
	return letters >= 2 && n <= 8 && digits <= 2
}

// initials returns the initials of the capitalised words of a run.
func initials(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if connectors[w] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// findOrganizations returns acronyms (expanded from the text or the
// embedded dictionary) and capitalised names of bodies, in order of first
// mention, with the blocks that mention them.
func findOrganizations(us []unit, nt nameTags) []document.Organization {
	lx := lex()
	// Expansions written in the text: runs whose initials spell an acronym.
	expansions := map[string]string{}
	for _, u := range us {
		for _, r := range capRunsOf(u.Text, u.wordList()) {
			for k := 0; k+1 < len(r.words); k++ {
				ws := r.words[k:]
				if connectors[ws[0]] {
					continue
				}
				in := initials(ws)
				if len(in) >= 2 && expansions[in] == "" {
					expansions[in] = strings.Join(ws, " ")
				}
			}
		}
	}
	var out []document.Organization
	index := map[string]int{}
	add := func(key string, o document.Organization, para string) {
		k, ok := index[key]
		if !ok {
			k = len(out)
			index[key] = k
			out = append(out, o)
		}
		p := &out[k]
		if n := len(p.Paragraphs); n == 0 || p.Paragraphs[n-1] != para {
			p.Paragraphs = append(p.Paragraphs, para)
		}
	}
	for ui, u := range us {
		ws := u.wordList()
		for i, w := range ws {
			if !isAcronym(w.Text) || lx.notOrgs[w.Text] || isRoman(w.Text) {
				continue
			}
			// A word in capitals the text does not spell out and no list
			// knows is a body only if the tagger reads it as one: a
			// play's "JACK", a log's "DEBUG" are not.
			if lx.orgs[w.Text] == "" && expansions[w.Text] == "" && nt.read[ui] && nt.typeAt(ui, w.Start, w.End) != ner.ORG &&
				!describedAsBody(u.Text, ws, i) {
				continue
			}
			if _, ok := placeAt(ws, i); ok {
				continue
			}
			// An unknown acronym naming a model or a ship ("DHC Otter",
			// "HMCS Toronto") is not a body.
			if lx.orgs[w.Text] == "" && expansions[w.Text] == "" && i+1 < len(ws) && onlySpace(u.Text[w.End:ws[i+1].Start]) &&
				isCapitalized(ws[i+1].Text) && !isAcronym(ws[i+1].Text) && !orgKeywords[strings.ToLower(ws[i+1].Text)] {
				continue
			}
			o := document.Organization{Name: w.Text, Acronym: w.Text}
			if e := lx.orgs[w.Text]; e != "" {
				o.Expansion = e
				if !isCyrillic(w.Text) {
					o.Name = e
				}
			} else if e := expansions[w.Text]; e != "" {
				o.Expansion, o.Name = e, e
			}
			add(w.Text, o, u.ID)
		}
		for _, name := range unitNames(u.Text, ws) {
			// "No. 48 Wing" and "No. 48 Wing RCAF" are one unit; the
			// fuller form names it.
			key := strings.ToLower(strings.TrimRightFunc(strings.TrimRight(name, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"), unicode.IsSpace))
			add(key, document.Organization{Name: name}, u.ID)
			if o := &out[index[key]]; len(name) > len(o.Name) {
				o.Name = name
			}
		}
		for _, name := range knownBodies(ws) {
			add(strings.ToLower(name), document.Organization{Name: name}, u.ID)
		}
		for _, r := range capRunsOf(u.Text, u.wordList()) {
			name, ok := bodyName(u.Text, r)
			if !ok {
				name, ok = sourceName(u.Text, r)
			}
			if !ok {
				continue
			}
			if rest := withoutKnownBody(name); rest != name {
				if len(words(rest)) < 2 {
					continue
				}
				name = rest
			}
			in := initials(strings.Fields(name))
			if k, seen := index[in]; seen && out[k].Expansion == name {
				add(in, out[k], u.ID)
				continue
			}
			add(strings.ToLower(name), document.Organization{Name: name}, u.ID)
		}
	}
	return addTaggedBodies(out, us, nt, index)
}

// addTaggedBodies adds the organisations the name tagger finds that the
// rules above do not (a company or an agency named without a keyword:
// "Ryanair", "Reuters", "Xinhua"). The tagger is weaker on bodies than on
// people, so it must agree with itself: a name counts when every one of
// its mentions, two at least, is tagged an organisation, and it is not
// part of a body already found or of a person's name.
func addTaggedBodies(out []document.Organization, us []unit, nt nameTags, index map[string]int) []document.Organization {
	type cand struct {
		name  string
		paras []string
		n     int
		other bool // some mention is tagged as something else
	}
	var order []string
	cands := map[string]*cand{}
	for ui, ns := range nt.names {
		for _, n := range ns {
			text, cut := taggedBodyText(us[ui].Text[n.start:n.end])
			// A Russian name is declined: "Совета Безопасности ООН" and
			// "Совет Безопасности ООН" are one body, shown in its shortest
			// form (the nominative, for most names).
			key := bodyKey(text)
			c := cands[key]
			if c == nil {
				c = &cand{name: text}
				cands[key] = c
				order = append(order, key)
			} else if len(text) < len(c.name) {
				c.name = text
			}
			// A name the tagger ended on a connector ("Инициатива
			// Совещания по …") was cut short: better none than half.
			if n.typ != ner.ORG || cut {
				c.other = true
				continue
			}
			c.n++
			if k := len(c.paras); k == 0 || c.paras[k-1] != us[ui].ID {
				c.paras = append(c.paras, us[ui].ID)
			}
		}
	}
	known := strings.Builder{}
	for _, o := range out {
		known.WriteString("\x00" + bodyKey(o.Name) + "\x00" + bodyKey(o.Acronym) + "\x00" + bodyKey(o.Expansion))
	}
	all := known.String()
	for _, key := range order {
		c := cands[key]
		ws := words(c.name)
		if c.other || c.n < 2 || len(ws) == 0 || len(ws) > 6 || !isCapitalized(ws[0].Text) {
			continue
		}
		// A keyword alone ("Организации", "Council") or a Russian adjective
		// alone ("Китайской") names no body.
		if len(ws) == 1 && (orgKeywords[strings.ToLower(ws[0].Text)] || isCyrillic(ws[0].Text) && (ruKeywordStems[stem(ws[0].Text)] || ruAdjective(ws[0].Text))) {
			continue
		}
		if _, seen := index[strings.ToLower(c.name)]; seen || strings.Contains(all, key) {
			continue
		}
		out = append(out, document.Organization{Name: c.name, Paragraphs: c.paras})
	}
	return out
}

// taggedBodyText trims a leading article from a tagged body's name, and
// reports whether the name ends on a connector ("Инициатива Совещания
// по"): the tagger then cut it short.
func taggedBodyText(text string) (name string, cut bool) {
	text = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(text, "The "), "the "))
	f := strings.Fields(text)
	return text, len(f) > 1 && (connectors[f[len(f)-1]] || ruConnectors[f[len(f)-1]])
}

// bodyKey is the key that tells whether two written forms name one body:
// the text itself, or for a Russian name the stems of its words.
func bodyKey(name string) string {
	if name == "" || !isCyrillic(name) {
		return name
	}
	ws := words(name)
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = stem(w.Text)
	}
	return strings.Join(parts, " ")
}

// ruAdjective reports whether a Russian word has an adjective's ending.
func ruAdjective(w string) bool {
	w = strings.ToLower(w)
	for _, e := range []string{"ый", "ий", "ой", "ая", "яя", "ое", "ее", "ого", "его", "ому", "ему", "ым", "им", "ых", "их", "ые", "ие", "ую", "юю"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// ruConnectors are the Russian prepositions and conjunctions that may sit
// inside a body's name but never end it.
var ruConnectors = map[string]bool{"по": true, "и": true, "в": true, "на": true, "о": true, "об": true, "для": true, "с": true, "при": true}

// ruKeywordStems are the stems of the Russian body keywords, which alone
// in any case ("Организации", "Совета") name no body.
var ruKeywordStems = func() map[string]bool {
	m := map[string]bool{}
	for k := range orgKeywords {
		if isCyrillic(k) {
			m[stem(k)] = true
		}
	}
	return m
}()

// bodyName returns the organisation name in a capitalised run, if it has a
// body keyword: "Proliferation Security Initiative", "Ministry of Defence".
func bodyName(text string, r capRun) (string, bool) {
	ws := r.words
	// A leading article or sentence-initial preposition is not part of it.
	for len(ws) > 0 && (isStop(strings.ToLower(ws[0])) || connectors[ws[0]]) {
		ws = ws[1:]
	}
	if len(ws) < 2 {
		return "", false
	}
	// After a number ("5th Anniversary Conference") it is an event.
	before := strings.TrimRight(text[:r.start], " ")
	if rr, _ := utf8.DecodeLastRuneInString(before); unicode.IsDigit(rr) || strings.HasSuffix(before, "th") && containsDigit(lastWordOf(before)) {
		return "", false
	}
	// "University of Mostar's Medical Faculty": a possessive ends the
	// name it belongs to when that name has a keyword of its own.
	for i, w := range ws[:len(ws)-1] {
		if base := trimPossessive(w); base != w && base != "" {
			head := append(append([]string{}, ws[:i]...), base)
			if hasOrgKeyword(head) {
				ws = head
			}
			break
		}
	}
	kw := -1
	for i, w := range ws {
		if orgKeywords[strings.ToLower(w)] {
			kw = i
		}
	}
	if kw < 0 {
		return "", false
	}
	// A rank is not a body: "Squadron Leader", "Party Leader".
	if kw+1 < len(ws) && roleWords[strings.ToLower(ws[kw+1])] {
		return "", false
	}
	// Keep the name up to its last keyword and an "of/for/on …" tail.
	end := kw + 1
	if end < len(ws) && (ws[end] == "of" || ws[end] == "for" || ws[end] == "on") {
		end = len(ws)
	}
	ws = ws[:end]
	// "Okafor of the Royal Canadian Navy", "Chief of Army Staff": what comes
	// before an "of" that precedes every keyword is not part of the name.
	first := -1
	for i, w := range ws {
		if orgKeywords[strings.ToLower(w)] {
			first = i
			break
		}
	}
	for i := first - 1; i > 0; i-- {
		if ws[i] == "of" {
			ws = ws[i+1:]
			for len(ws) > 0 && connectors[ws[0]] {
				ws = ws[1:]
			}
			break
		}
	}
	for len(ws) > 0 && connectors[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	if len(ws) < 2 {
		return "", false
	}
	name := strings.Join(ws, " ")
	return name, true
}

func lastWordOf(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// bodyNouns name a kind of organisation in a description.
var bodyNouns = map[string]bool{
	"organisation": true, "organization": true, "group": true, "charity": true, "firm": true,
	"company": true, "agency": true, "body": true, "watchdog": true, "network": true, "party": true,
	"union": true, "bank": true, "broadcaster": true, "newspaper": true, "channel": true,
	"regulator": true, "alliance": true, "coalition": true, "ngo": true, "institute": true,
	"association": true, "foundation": true, "authority": true, "council": true, "commission": true,
	"movement": true, "militia": true, "carrier": true, "airline": true, "manufacturer": true,
	"maker": true, "producer": true, "operator": true, "provider": true, "corporation": true,
}

// describedAsBody reports whether the word ws[i] is followed by a
// description that makes it an organisation: "the IFES, an international,
// non-profit organisation", "AQAP, a militant group".
func describedAsBody(text string, ws []word, i int) bool {
	if i+1 >= len(ws) || strings.TrimSpace(text[ws[i].End:ws[i+1].Start]) != "," {
		return false
	}
	switch strings.ToLower(ws[i+1].Text) {
	case "a", "an", "the":
	default:
		return false
	}
	for k := i + 2; k < len(ws) && k <= i+7; k++ {
		if g := text[ws[k-1].End:ws[k].Start]; strings.ContainsAny(g, ".;:()") {
			return false
		}
		if bodyNouns[strings.ToLower(ws[k].Text)] {
			return true
		}
	}
	return false
}

// hasOrgKeyword reports whether one of the words marks a body.
func hasOrgKeyword(ws []string) bool {
	for _, w := range ws {
		if orgKeywords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// isDateWord reports whether w names a month or a weekday.
func isDateWord(w string) bool {
	return weekdays[strings.ToLower(w)] || monthNumber(w) > 0
}
