package analyze

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefbook/briefbook/internal/document"
)

// role is what a part of a document is for, as its heading tells: the
// document's own summary, its body, or matter around the body (references,
// acknowledgements, contents, licence) that never holds a key point.
type role uint8

const (
	roleBody role = iota
	// roleAbstract: an Abstract, Summary, Executive summary, Аннотация…
	// section, the author's own statement of the key points.
	roleAbstract
	// roleMatter: references, notes, acknowledgements, contents, licence,
	// changelog, cast list and the like.
	roleMatter
)

// abstractHeadings and matterHeadings are normalised headings (see
// normHeading) in English, Russian and Kazakh.
var (
	abstractHeadings = setOf(
		"abstract", "summary", "executive summary", "summary of findings", "key findings",
		"synopsis", "tl;dr", "tldr", "in brief", "at a glance", "key points", "key takeaways",
		"аннотация", "резюме", "краткое содержание", "основные выводы", "кратко",
		"аңдатпа", "түйіндеме", "қысқаша мазмұны",
	)
	matterHeadings = setOf(
		"references", "reference", "bibliography", "works cited", "literature cited", "citations",
		"sources", "notes", "footnotes", "endnotes", "further reading", "external links",
		"see also", "acknowledgements", "acknowledgments", "acknowledgement", "acknowledgment",
		"credits", "thanks", "contents", "table of contents", "index", "license", "licence",
		"copyright", "copyright notice", "status of this memo", "changelog", "change log",
		"changes", "release notes", "revision history", "document history", "version history",
		"cast", "cast of characters", "dramatis personae", "characters", "persons of the play",
		"the persons of the play", "about the author", "author information", "authors' addresses",
		"author's address", "authors", "colophon", "errata", "disclaimer", "funding",
		"conflicts of interest", "conflict of interest", "data availability",
		"литература", "список литературы", "библиография", "источники", "примечания",
		"ссылки", "благодарности", "содержание", "оглавление", "лицензия", "действующие лица",
		"об авторе", "сноски", "см. также",
		"әдебиеттер", "әдебиеттер тізімі", "дереккөздер", "ескертпелер", "мазмұны", "алғыс",
	)
)

func setOf(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// headingNumber matches the numbering before a heading: "1.", "2.3",
// "IV.", "A.", "§ 2".
var headingNumber = regexp.MustCompile(`^(?:§\s*)?(?:\d+(?:\.\d+)*\.?|[IVXLC]+\.|[A-Z]\.)\s+`)

// normHeading lowers a heading and strips its numbering, surrounding
// punctuation and a leading "the".
func normHeading(h string) string {
	h = strings.TrimSpace(h)
	h = headingNumber.ReplaceAllString(h, "")
	h = strings.TrimFunc(h, func(r rune) bool { return unicode.IsPunct(r) && r != ';' || unicode.IsSpace(r) })
	h = strings.Join(strings.Fields(strings.ToLower(h)), " ")
	return h
}

// headingRole is the role of the part a heading opens.
func headingRole(h string) role {
	n := normHeading(h)
	switch {
	case abstractHeadings[n]:
		return roleAbstract
	case matterHeadings[n]:
		return roleMatter
	}
	return roleBody
}

// pseudoHeading reports whether a numbered block is a heading the reader
// did not recognise: a short line with no sentence punctuation whose text
// names a role ("Abstract", "References" on a line of their own in a plain
// text). It returns that role.
func pseudoHeading(text string) (role, bool) {
	t, ok := shortLine(text, 5, ".!?")
	if !ok {
		return roleBody, false
	}
	r := headingRole(t)
	return r, r != roleBody
}

// shortLine returns text trimmed when it is one line of at most maxWords
// words that does not end in one of the characters of stops.
func shortLine(text string, maxWords int, stops string) (string, bool) {
	t := strings.TrimSpace(text)
	if t == "" || strings.ContainsRune(t, '\n') || document.CountWords(t) > maxWords {
		return "", false
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	return t, !strings.ContainsRune(stops, r)
}

// Sentences that are never key points.
var (
	// A reference entry: "[12] …", "^ …", or a citation's marks.
	referenceEntry = regexp.MustCompile(`^\s*(?:\[\d{1,4}\]|\^|\d{1,3}\.\s+[A-ZА-Я][\p{L}'-]+,\s+[A-ZА-Я]\.)`)
	citationMarks  = regexp.MustCompile(`(?i)\b(?:retrieved (?:on )?(?:\d|january|february|march|april|may|june|july|august|september|october|november|december)|isbn(?:-1[03])?:?\s*[\d-]{9,}|doi:\s*10\.|arxiv:\s*\d|accessed (?:on )?\d|archived from the original|pp?\.\s*\d+\s*[-–]\s*\d+)`)
	// Licence and copyright boilerplate.
	licenceText = regexp.MustCompile(`(?i)^(?:copyright\b|©|\(c\)\s*\d|all rights reserved|licensed under|permission is hereby granted|this (?:program|software|work|document) is (?:free software|licensed|distributed)|the above copyright notice|this project gutenberg|end of (?:the )?project gutenberg)`)
)

// notKeyPoint reports whether a sentence can never be a key point whatever
// its centrality: a lead-in to a list or a block (it ends in ":"), an entry
// of a bibliography or a citation, licence text, a line that is mostly a
// web address, or a run of ALL-CAPS names (a cast list, a banner).
func notKeyPoint(s string) bool {
	t := strings.TrimSpace(s)
	t = strings.TrimRight(t, " \"'”’»)")
	if strings.HasSuffix(t, ":") {
		return true
	}
	if citation(s, t) {
		return true
	}
	// One pass over the space-separated fields, without splitting: this
	// runs on every sentence of a book.
	fields, urls, caps, letters := 0, 0, 0, 0
	for rest := s; rest != ""; {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		k := strings.IndexFunc(rest, unicode.IsSpace)
		if k < 0 {
			k = len(rest)
		}
		w := rest[:k]
		rest = rest[k:]
		fields++
		if strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
			urls++
		}
		hasLetter, upper := false, true
		n := 0
		for _, r := range w {
			if unicode.IsLetter(r) {
				hasLetter = true
				n++
				if !unicode.IsUpper(r) {
					upper = false
				}
			}
		}
		if hasLetter {
			letters++
			if upper && n >= 2 {
				caps++
			}
		}
	}
	if fields > 0 && 3*urls >= fields {
		return true
	}
	return letters >= 4 && 2*caps >= letters
}

// citationHints are lower-case substrings one of which every match of
// citationMarks holds, in any case ("p." for "pp. 4–9" and "p. 12–19");
// sentences without any skip the regular expression.
var citationHints = []string{"retrieved", "isbn", "doi", "arxiv", "accessed", "archived", "p."}

// citation reports whether s (t trimmed) is a bibliography entry, a
// citation or licence text. Cheap tests come first: this runs on every
// sentence of a book.
func citation(s, t string) bool {
	if t == "" {
		return false
	}
	switch t[0] {
	case '[', '^', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if referenceEntry.MatchString(s) {
			return true
		}
	}
	for _, h := range citationHints {
		if containsFoldASCII(s, h) {
			if citationMarks.MatchString(s) {
				return true
			}
			break
		}
	}
	head := t
	if len(head) > 64 {
		head = head[:64]
	}
	return licenceText.MatchString(head)
}

// shortItemsList reports whether a numbered block is a list of short items
// (a cast list, a list of names or links, a menu): its items are key points
// only as a whole, never one by one.
func shortItemsList(b document.Block) bool {
	l, ok := b.(*document.List)
	if !ok || len(l.Items) < 3 {
		return false
	}
	words := 0
	for _, it := range l.Items {
		for _, c := range it.Blocks {
			words += document.CountWords(document.BlockText(c))
		}
	}
	return words < 8*len(l.Items)
}

// containsFoldASCII reports whether s holds sub, an ASCII lower-case
// string, in any mix of ASCII case, without lowering s.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		k := 0
		for k < len(sub) {
			c := s[i+k]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[k] {
				break
			}
			k++
		}
		if k == len(sub) {
			return true
		}
	}
	return false
}
