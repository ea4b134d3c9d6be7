package parse

import (
	"strings"
	"unicode"
)

// Latin and Cyrillic letters that look alike. Texts typed or recognised
// carelessly mix them inside one word ("ЧАСТЬ BTОРАЯ" with a Latin B and
// T), and a heading keyword written so would not match.
var (
	latinToCyrillic = map[rune]rune{
		'A': 'А', 'B': 'В', 'C': 'С', 'E': 'Е', 'H': 'Н', 'K': 'К', 'M': 'М',
		'O': 'О', 'P': 'Р', 'T': 'Т', 'X': 'Х', 'Y': 'У',
		'a': 'а', 'c': 'с', 'e': 'е', 'o': 'о', 'p': 'р', 'x': 'х', 'y': 'у',
	}
	cyrillicToLatin = map[rune]rune{
		'А': 'A', 'В': 'B', 'С': 'C', 'Е': 'E', 'Н': 'H', 'К': 'K', 'М': 'M',
		'О': 'O', 'Р': 'P', 'Т': 'T', 'Х': 'X', 'У': 'Y', 'І': 'I', 'Ӏ': 'I',
		'а': 'a', 'с': 'c', 'е': 'e', 'о': 'o', 'р': 'p', 'х': 'x', 'у': 'y', 'і': 'i',
	}
)

// foldLookalikes rewrites each word of t that mixes Latin and Cyrillic
// letters in one script. A letter that has no look-alike in the other
// script decides it ("ЧACTЬ" has Ч and Ь, so it is Cyrillic: "ЧАСТЬ";
// "Chаpter" has h, so it is Latin); when no letter or letters of both
// scripts decide, most of the word's letters do ("BTОРАЯ", two Latin and
// four Cyrillic letters, becomes "ВТОРАЯ"). A tie is left as it is, and
// so are words in one script.
func foldLookalikes(t string) string {
	if isASCII(t) {
		return t
	}
	words := strings.Fields(t)
	changed := false
	for i, w := range words {
		var lat, cyr, latOnly, cyrOnly int
		for _, r := range w {
			switch {
			case unicode.Is(unicode.Latin, r):
				lat++
				if _, ok := latinToCyrillic[r]; !ok {
					latOnly++
				}
			case unicode.Is(unicode.Cyrillic, r):
				cyr++
				if _, ok := cyrillicToLatin[r]; !ok {
					cyrOnly++
				}
			}
		}
		if lat == 0 || cyr == 0 {
			continue
		}
		var table map[rune]rune
		switch {
		case cyrOnly > 0 && latOnly == 0:
			table = latinToCyrillic
		case latOnly > 0 && cyrOnly == 0:
			table = cyrillicToLatin
		case cyr > lat:
			table = latinToCyrillic
		case lat > cyr:
			table = cyrillicToLatin
		default:
			continue
		}
		words[i] = strings.Map(func(r rune) rune {
			if m, ok := table[r]; ok {
				return m
			}
			return r
		}, w)
		changed = changed || words[i] != w
	}
	if !changed {
		return t
	}
	return strings.Join(words, " ")
}

// romanLookalikes spells a number written with Cyrillic look-alikes of
// Roman digits ("ХІ" with Cyrillic Х and І) in Latin letters; other
// strings come back unchanged in meaning (isRoman still rejects them).
func romanLookalikes(s string) string {
	if isASCII(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case 'І', 'Ӏ':
			return 'I'
		case 'Х':
			return 'X'
		case 'С':
			return 'C'
		case 'М':
			return 'M'
		}
		return r
	}, s)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
