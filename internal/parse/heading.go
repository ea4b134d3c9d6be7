package parse

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// headKind is the kind of a plain-text heading line.
type headKind int

const (
	headNone     headKind = iota
	headPart              // BOOK / PART / VOLUME / ЧАСТЬ / ТОМ / КНИГА + number
	headEnd               // PROLOGUE / EPILOGUE: ranked with the top kind present
	headChapter           // CHAPTER / ГЛАВА + number
	headArticle           // ARTICLE / AMENDMENT / СТАТЬЯ / "1-бап" + number
	headClause            // SECTION / "§ 3" + number
	headRoman             // a bare Roman numeral
	headEqual             // underlined with ===
	headCaps              // an ALL-CAPS short line
	headNumbered          // "1.", "1.2", "I." + a short title
	headDash              // underlined with ---
	headOutdent           // a line flush left in a text whose prose is indented (RFC headings)
)

// heading is a heading candidate of the plain-text reader.
type heading struct {
	kind headKind
	// depth is the number of parts of a numbered heading ("1.2" is 2).
	depth int
	title string
	// label is a numbered heading's own number without its final stop
	// ("5", "1.1", "IV"); see document.Section.Label.
	label string
}

// strong reports whether the heading is marked by a keyword or a number
// rather than by its look alone; such a line is never the document title.
func (h heading) strong() bool {
	switch h.kind {
	case headPart, headEnd, headChapter, headArticle, headClause, headRoman, headNumbered:
		return true
	}
	return false
}

var (
	partWords    = map[string]bool{"BOOK": true, "PART": true, "VOLUME": true, "ЧАСТЬ": true, "ТОМ": true, "КНИГА": true, "БӨЛІМ": true, "РАЗДЕЛ": true}
	chapterWords = map[string]bool{"CHAPTER": true, "ГЛАВА": true, "ТАРАУ": true}
	// articleWords and clauseWords head the units of laws and
	// constitutions: an article (or amendment) holds sections.
	articleWords = map[string]bool{"ARTICLE": true, "AMENDMENT": true, "СТАТЬЯ": true, "БАП": true}
	clauseWords  = map[string]bool{"SECTION": true, "SEC": true, "§": true}
	// kazakhKinds are the words of Kazakh headings written after their
	// number: "1-тарау", "2-бөлім", "5-бап".
	kazakhKinds  = map[string]headKind{"ТАРАУ": headChapter, "БӨЛІМ": headPart, "БАП": headArticle}
	endWords     = map[string]bool{"PROLOGUE": true, "EPILOGUE": true, "ПРОЛОГ": true, "ЭПИЛОГ": true}
	ordinalWords = map[string]bool{"FIRST": true, "SECOND": true, "THIRD": true, "FOURTH": true, "FIFTH": true, "LAST": true, "FINAL": true}
	numberWords  = map[string]bool{
		"ONE": true, "TWO": true, "THREE": true, "FOUR": true, "FIVE": true, "SIX": true, "SEVEN": true,
		"EIGHT": true, "NINE": true, "TEN": true, "ELEVEN": true, "TWELVE": true, "THIRTEEN": true,
		"FOURTEEN": true, "FIFTEEN": true, "SIXTEEN": true, "SEVENTEEN": true, "EIGHTEEN": true,
		"NINETEEN": true, "TWENTY": true, "THIRTY": true, "FORTY": true, "FIFTY": true,
		"FIRST": true, "SECOND": true, "THIRD": true, "FOURTH": true, "FIFTH": true, "LAST": true,
	}
	// russianOrdinals are the stems of "первая", "второй", … "десятая".
	russianOrdinals = []string{"ПЕРВ", "ВТОР", "ТРЕТ", "ЧЕТВЕРТ", "ЧЕТВЁРТ", "ПЯТ", "ШЕСТ", "СЕДЬМ", "ВОСЬМ", "ДЕВЯТ", "ДЕСЯТ", "ПОСЛЕДН"}
)

// classifyHeading returns the heading kind of a line that stands alone in
// its block (t is trimmed, with single spaces), or headNone.
func classifyHeading(t string) heading {
	if t == "" || utf8.RuneCountInString(t) > maxTitleRunes {
		return heading{}
	}
	t = foldLookalikes(t)
	if strings.HasPrefix(t, "§") && !strings.HasPrefix(t, "§ ") {
		t = "§ " + t[len("§"):] // "§3" reads as "§ 3"
	}
	words := strings.Fields(t)
	if len(words) > maxTitleWords {
		return heading{}
	}
	if h, ok := keywordHeading(t, words); ok {
		return h
	}
	if n := strings.TrimSuffix(t, "."); isRoman(n) || isRoman(romanLookalikes(n)) {
		return heading{kind: headRoman, title: t}
	}
	if h, ok := numberedHeading(t, words); ok {
		return h
	}
	if isCaps(t) && !terminal(t) {
		return heading{kind: headCaps, title: t}
	}
	return heading{}
}

// keywordHeading recognises "CHAPTER IV", "Book One: 1805", "Глава 1",
// "ЧАСТЬ ПЕРВАЯ", "1-тарау", "SECOND EPILOGUE".
func keywordHeading(t string, words []string) (heading, bool) {
	w0 := strings.ToUpper(strings.TrimRight(words[0], ".:"))
	// Kazakh style: "1-тарау", "2-бөлім", "5-бап".
	if i := strings.IndexByte(w0, '-'); i > 0 && allDigits(w0[:i]) {
		if k, ok := kazakhKinds[w0[i+1:]]; ok {
			if len(words) > 1 && terminal(t) {
				return heading{}, false
			}
			return heading{kind: k, title: t}, true
		}
	}
	// "EPILOGUE", "SECOND EPILOGUE: 1813 - 20".
	e := 0
	if ordinalWords[w0] && len(words) > 1 {
		e = 1
	}
	if endWords[strings.ToUpper(strings.TrimRight(words[e], ".:"))] {
		rest := words[e+1:]
		if len(rest) == 0 || strings.HasSuffix(words[e], ":") || strings.HasSuffix(words[e], ".") || isCaps(t) {
			return heading{kind: headEnd, title: t}, true
		}
		return heading{}, false
	}
	kind := headNone
	switch {
	case partWords[w0]:
		kind = headPart
	case chapterWords[w0]:
		kind = headChapter
	case articleWords[w0]:
		kind = headArticle
	case clauseWords[w0]:
		kind = headClause
	default:
		return heading{}, false
	}
	if len(words) < 2 {
		return heading{}, false
	}
	num := strings.TrimRight(words[1], ".:—–-")
	if !isNumberWord(num) {
		return heading{}, false
	}
	if len(words) > 2 {
		// A title after the number needs a separator or a capital, and no
		// full stop at the end: "Part two of the plan failed." is a sentence.
		sep := words[1] != num || words[2] == "—" || words[2] == "–" || words[2] == "-"
		first, _ := utf8.DecodeRuneInString(words[2])
		if !sep && !unicode.IsUpper(first) && !unicode.IsDigit(first) {
			return heading{}, false
		}
		if terminal(t) && !strings.HasSuffix(t, ":") {
			return heading{}, false
		}
	}
	return heading{kind: kind, title: t}, true
}

func isNumberWord(s string) bool {
	if s == "" {
		return false
	}
	if allDigits(s) || isRoman(strings.ToUpper(s)) || isRoman(romanLookalikes(strings.ToUpper(s))) {
		return true
	}
	// "1.2", "3a" in laws.
	if parts := strings.Split(s, "."); len(parts) > 1 && len(parts) <= 4 {
		ok := true
		for _, p := range parts {
			ok = ok && allDigits(p) && len(p) <= 3
		}
		if ok {
			return true
		}
	}
	u := strings.ToUpper(s)
	if numberWords[u] {
		return true
	}
	if i := strings.IndexByte(u, '-'); i > 0 && numberWords[u[:i]] && numberWords[u[i+1:]] {
		return true // TWENTY-ONE
	}
	for _, stem := range russianOrdinals {
		if strings.HasPrefix(u, stem) {
			return true
		}
	}
	return false
}

// numberedHeading recognises "1. Introduction", "2.3 Trade" and
// "IV. Foreign relations": a number of at most three digits per part, then a
// short title that starts with a letter and has no terminal punctuation. The
// title is the text after the number.
func numberedHeading(t string, words []string) (heading, bool) {
	if len(words) < 2 {
		return heading{}, false
	}
	num, text := words[0], strings.TrimSpace(t[len(words[0]):])
	depth := 0
	switch {
	case isRoman(strings.TrimSuffix(num, ".")) && strings.HasSuffix(num, "."):
		r := strings.TrimSuffix(num, ".")
		if len(r) == 1 && r != "I" && r != "V" && r != "X" {
			return heading{}, false // "C. Smith" is an initial
		}
		depth = 1
	default:
		parts := strings.Split(strings.TrimSuffix(num, "."), ".")
		if len(parts) == 1 && !strings.HasSuffix(num, ".") {
			return heading{}, false // "3 apples"
		}
		for _, p := range parts {
			if p == "" || len(p) > 3 || !allDigits(p) {
				return heading{}, false
			}
		}
		depth = len(parts)
	}
	first, _ := utf8.DecodeRuneInString(text)
	if !unicode.IsLetter(first) || terminal(text) {
		return heading{}, false
	}
	return heading{kind: headNumbered, depth: depth, title: text, label: strings.TrimSuffix(num, ".")}, true
}

// titleShaped reports whether a line may be the document title: at most 12
// words, a letter somewhere, no terminal punctuation.
func titleShaped(t string) bool {
	return headingShaped(t) && !terminal(t)
}

// headingShaped reports whether a line is short enough to be a heading and
// has a letter or digit.
func headingShaped(t string) bool {
	if t == "" || utf8.RuneCountInString(t) > maxTitleRunes || len(strings.Fields(t)) > maxTitleWords {
		return false
	}
	return strings.IndexFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// terminal reports whether t ends in terminal punctuation (. ! ? : ; …),
// looking through closing quotes and brackets.
func terminal(t string) bool {
	t = strings.TrimRightFunc(t, func(r rune) bool {
		switch r {
		case '"', '\'', ')', ']', '»', '”', '’', '›', ' ':
			return true
		}
		return false
	})
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '.', '!', '?', ':', ';', '…':
		return true
	}
	return false
}

// isCaps reports whether t has at least two letters and no lower-case ones.
func isCaps(t string) bool {
	letters := 0
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// isRoman reports whether s is an upper-case Roman numeral from I to
// MMMCMXCIX.
func isRoman(s string) bool {
	if s == "" || len(s) > 15 {
		return false
	}
	i := 0
	take := func(opts ...string) {
		for _, o := range opts {
			if strings.HasPrefix(s[i:], o) {
				i += len(o)
				return
			}
		}
	}
	for k := 0; k < 3 && i < len(s) && s[i] == 'M'; k++ {
		i++
	}
	take("CM", "CD", "DCCC", "DCC", "DC", "D", "CCC", "CC", "C")
	take("XC", "XL", "LXXX", "LXX", "LX", "L", "XXX", "XX", "X")
	take("IX", "IV", "VIII", "VII", "VI", "V", "III", "II", "I")
	return i == len(s)
}

// headingRanks maps the heading kinds present in a text to levels.
type headingRanks struct {
	capsOn bool
	endR   int
}

// rankHeadings decides which kinds count and where prologues/epilogues go.
func rankHeadings(items []textItem) headingRanks {
	var seen [headOutdent + 1]bool
	for _, it := range items {
		if it.kind == itemHeading {
			seen[it.head.kind] = true
		}
	}
	hr := headingRanks{capsOn: !seen[headPart] && !seen[headChapter] && !seen[headRoman] && !seen[headEnd], endR: rankOf(heading{kind: headChapter})}
	switch {
	case seen[headPart]:
		hr.endR = rankOf(heading{kind: headPart})
	case seen[headChapter]:
	case seen[headRoman]:
		hr.endR = rankOf(heading{kind: headRoman})
	}
	return hr
}

// rank returns the rank of h (lower is higher in the tree) and whether h is a
// heading in this text at all.
func (hr headingRanks) rank(h heading) (int, bool) {
	switch h.kind {
	case headNone:
		return 0, false
	case headCaps:
		if !hr.capsOn {
			return 0, false
		}
	case headEnd:
		return hr.endR, true
	}
	return rankOf(h), true
}

func rankOf(h heading) int {
	switch h.kind {
	case headPart:
		return 0
	case headChapter:
		return 1
	case headArticle:
		return 2
	case headClause:
		return 3
	case headRoman:
		return 4
	case headEqual:
		return 5
	case headCaps:
		return 6
	case headNumbered:
		return 6 + min(h.depth, 10)
	case headOutdent:
		return rankOf(heading{kind: headNumbered, depth: 1})
	case headDash:
		return 17 // below every numbered depth, as ParseText documents
	}
	return 20
}

// lineHeading returns the heading kind of a line alone in its block: raw
// as written, t collapsed. Besides classifyHeading's kinds, a short line
// flush left in a text whose prose is indented (an RFC's "Abstract",
// "Status of This Memo") is a heading.
func (r *textReader) lineHeading(raw, t string) heading {
	if h := classifyHeading(t); h.kind != headNone {
		return h
	}
	if r.base >= 2 && indentOf(raw) == 0 && titleShaped(t) {
		first, _ := utf8.DecodeRuneInString(t)
		if unicode.IsUpper(first) || unicode.IsDigit(first) {
			return heading{kind: headOutdent, title: t}
		}
	}
	return heading{}
}

// legalLead reports whether t, the first line of a block, is a short
// article or section heading ("Section 1", "Статья 5.") standing on its
// own line right above its text, which starts on next.
func legalLead(t, next string) bool {
	if len(strings.Fields(t)) > 4 {
		return false
	}
	switch classifyHeading(t).kind {
	case headArticle, headClause:
	default:
		return false
	}
	first, _ := utf8.DecodeRuneInString(strings.TrimSpace(next))
	return unicode.IsUpper(first) || unicode.IsDigit(first) || strings.ContainsRune("\"«“(", first)
}
