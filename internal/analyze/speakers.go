package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/gazetteer"
)

// speakerLabel returns the label a block opens with when it is a line of a
// play or a transcript: one to three words in capitals, then a full stop or
// a colon, then the speech ("JACK.  Why…", "LADY BRACKNELL. …", "MR.
// SMITH: …"). The label is returned without its final mark.
func speakerLabel(text string) (string, bool) {
	n, words := 0, 0
	for words < 3 {
		i := n
		for i < len(text) {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsUpper(r) && r != '\'' && r != '’' && r != '-' {
				break
			}
			i += size
		}
		if utf8.RuneCountInString(text[n:i]) < 2 {
			return "", false
		}
		words++
		if i < len(text) && text[i] == '.' && honorifics[strings.ToLower(text[n:i])] {
			i++ // "MR." inside the label
		}
		if i >= len(text) {
			return "", false
		}
		if text[i] == '.' || text[i] == ':' {
			rest := text[i+1:]
			if rest == "" || rest[0] != ' ' && rest[0] != '\t' || strings.TrimSpace(rest) == "" {
				return "", false
			}
			return text[:i], true
		}
		if text[i] != ' ' {
			return "", false
		}
		n = i + 1
	}
	return "", false
}

// speakerPeople returns the people a play or a transcript names in its
// speaker labels: a label that opens two blocks or more and holds a known
// given name or a title ("JACK", "LADY BRACKNELL", "MR. SMITH"; not the
// "DEBUG:" or "FEATURE:" of a log or a changelog), written as a name
// ("Jack", "Lady Bracknell"), with the blocks where they speak.
func speakerPeople(us []unit) []document.Person {
	type label struct {
		paras []string
	}
	var order []string
	labels := map[string]*label{}
	for _, u := range us {
		l, ok := speakerLabel(u.Text)
		if !ok {
			continue
		}
		lb := labels[l]
		if lb == nil {
			lb = &label{}
			labels[l] = lb
			order = append(order, l)
		}
		if n := len(lb.paras); n == 0 || lb.paras[n-1] != u.ID {
			lb.paras = append(lb.paras, u.ID)
		}
	}
	var out []document.Person
	for _, l := range order {
		lb := labels[l]
		if len(lb.paras) < 2 || !personLabel(l) {
			continue
		}
		out = append(out, document.Person{Name: titleCase(l), Paragraphs: lb.paras})
	}
	return out
}

// personLabel reports whether a speaker label in capitals names a person:
// it has a title ("MR.", "LADY") or a word that is a given name borne by
// at least 100 people.
func personLabel(l string) bool {
	for _, w := range strings.Fields(l) {
		lw := strings.ToLower(strings.TrimSuffix(w, "."))
		if honorifics[lw] {
			return true
		}
		if n, ok := gazetteer.GivenName(titleCase(w)); ok && n.Count() >= 100 {
			return true
		}
	}
	return false
}

// titleCase writes words in capitals as names: "LADY BRACKNELL" → "Lady
// Bracknell", "O'BRIEN" → "O'Brien".
func titleCase(s string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		if unicode.IsLetter(r) {
			if start {
				b.WriteRune(unicode.ToUpper(r))
			} else {
				b.WriteRune(unicode.ToLower(r))
			}
			start = false
			continue
		}
		b.WriteRune(r)
		start = r == ' ' || r == '\'' || r == '’' || r == '-'
	}
	return b.String()
}

// addSpeakers adds the people of speaker labels that the text does not
// already name (by surname).
func addSpeakers(people, speakers []document.Person) []document.Person {
	have := map[string]bool{}
	for _, p := range people {
		have[nameKey(p.Name)] = true
	}
	for _, sp := range speakers {
		if !have[nameKey(sp.Name)] {
			have[nameKey(sp.Name)] = true
			people = append(people, sp)
		}
	}
	return people
}
