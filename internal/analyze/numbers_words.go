package analyze

import (
	"strings"

	"github.com/briefbook/briefbook/internal/document"
)

// numberWords are the spelled-out numbers that may carry a figure. "one" is
// left out: it is far more often a pronoun or an article than a count.
var numberWords = map[string]float64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
	"eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12,
	"два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
	"девять": 9, "десять": 10, "двадцать": 20, "тридцать": 30, "сто": 100,
}

// discourseNouns are counted in argument, not in the news: "two main
// factors", "three reasons".
var discourseNouns = map[string]bool{
	"factor": true, "factors": true, "reason": true, "reasons": true, "way": true, "ways": true,
	"thing": true, "things": true, "question": true, "questions": true, "point": true, "points": true,
	"aspect": true, "aspects": true, "side": true, "sides": true, "part": true, "parts": true,
	"step": true, "steps": true, "word": true, "words": true, "issue": true, "issues": true,
	"option": true, "options": true, "kind": true, "kinds": true, "type": true, "types": true,
	"sort": true, "sorts": true, "example": true, "examples": true, "time": true, "times": true,
	"occasion": true, "occasions": true, "others": true, "other": true,
}

// wordFigures finds figures whose number is spelled out: "at least four
// sailors", "two dozen protesters", "nearly three decades". A number word
// needs a counted noun right after it; relative time ("two years ago")
// and discourse counts ("two reasons") are left out.
//
// The sentence is split into words once; each number word reads only a
// bounded window around it.
func wordFigures(s string, taken func(a, b int) bool) []placedFigure {
	var out []placedFigure
	ws := words(s)
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		lw := strings.ToLower(w.Text)
		if taken(w.Start, w.End) {
			continue
		}
		// "six-mile", "three-ton": a size written as an adjective.
		if v, u, ok := hyphenMeasure(lw); ok {
			out = append(out, placedFigure{document.Figure{Value: v, Unit: w.Text[len(w.Text)-len(u):], Text: w.Text}, w.Start})
			continue
		}
		val, ok := numberWords[lw]
		if !ok {
			val, ok = hyphenNumber(lw) // "twenty-six"
		}
		scaleNext := i+1 < len(ws) && onlySpace(s[ws[i].End:ws[i+1].Start]) && (scales[strings.ToLower(ws[i+1].Text)] > 1 && len(ws[i+1].Text) > 1 || strings.EqualFold(ws[i+1].Text, "hundred"))
		switch {
		case !ok && (lw == "one" || lw == "half") && scaleNext:
			// "one million", "half million"; not "one" alone, which is
			// far more often a pronoun than a count.
			val, ok = 1, true
			if lw == "half" {
				val = 0.5
			}
		case !ok && lw == "half" && i+2 < len(ws) && strings.EqualFold(ws[i+1].Text, "a"):
			// "half a million"
			if m := scales[strings.ToLower(ws[i+2].Text)]; m > 1 && len(ws[i+2].Text) > 1 {
				val, ok = 0.5, true
				i++
			}
		case !ok && lw == "a" && scaleNext:
			// "more than a million", "fewer than a thousand": only after a
			// qualifier; "a thousand" alone is often a manner of speaking.
			if q, _ := qualifierBefore(lastWordSpans(s[:w.Start], 2)); q != "" {
				val, ok = 1, true
			}
		}
		if !ok || lw == "dozen" || lw == "hundred" {
			continue
		}
		end := ws[i].End
		// "двадцать пять": tens and units written as two words.
		if val >= 20 && val <= 90 && int(val)%10 == 0 && i+1 < len(ws) && onlySpace(s[ws[i].End:ws[i+1].Start]) {
			if u := numberWords[strings.ToLower(ws[i+1].Text)]; u >= 1 && u <= 9 {
				val += u
				end = ws[i+1].End
				i++
			}
		}
		// "two dozen", "three hundred".
		if i+1 < len(ws) && onlySpace(s[ws[i].End:ws[i+1].Start]) {
			if m := numberWords[strings.ToLower(ws[i+1].Text)]; m == 12 || m == 100 {
				val *= m
				end = ws[i+1].End
				i++
				if m == 100 {
					// "one hundred and twelve", "two hundred fifty-five".
					if rest, k := hundredsRest(s, ws, i); k > i {
						val += rest
						end = ws[k].End
						i = k
					}
				}
			}
		}
		// "six million", "thirty thousand", "двадцать пять тысяч".
		if i+1 < len(ws) && onlySpace(s[ws[i].End:ws[i+1].Start]) && len(ws[i+1].Text) > 1 {
			if m := scales[strings.ToLower(ws[i+1].Text)]; m > 0 {
				val *= m
				end = ws[i+1].End
				i++
			}
		}
		prevW := lastWordSpans(s[:w.Start], 2)
		prev1 := ""
		if len(prevW) > 0 {
			prev1 = strings.ToLower(prevW[len(prevW)-1].Text)
		}
		// "the two countries", "all three", "one or two": not news counts.
		if prev1 == "the" || prev1 == "these" || prev1 == "those" || prev1 == "all" || prev1 == "or" || prev1 == "every" || prev1 == "aged" {
			continue
		}
		start := w.Start
		qual, at := qualifierBefore(prevW)
		if qual != "" {
			start = at
		}
		rest := s[end:]
		unit, uend := wordUnit(rest)
		if unit == "" {
			continue
		}
		first := strings.ToLower(strings.Fields(unit)[0])
		if discourseNouns[first] || discourseNouns[strings.ToLower(lastField(unit))] || notCounted(val, unit, prev1, rest[uend:]) {
			continue
		}
		if isTimeUnit(lastField(unit)) {
			after := trimLeftSpace(rest[uend:])
			if hasPrefixFold(after, "later") || hasPrefixFold(after, "earlier") {
				continue
			}
		}
		end += uend
		out = append(out, placedFigure{document.Figure{
			Value:     val,
			Qualifier: qual,
			Unit:      unit,
			Text:      strings.TrimSpace(s[start:end]),
		}, start})
	}
	return out
}

// wordUnit reads what a spelled-out number counts or measures, at the
// start of rest: a currency ("thirteen dollars" → "USD"), a share
// ("twenty percent" → "%"), a unit of measure ("ten miles long" →
// "miles") or a counted noun phrase. It returns the unit and its end in
// rest.
func wordUnit(rest string) (string, int) {
	if c, n := currencyAfter(rest); c != "" && n > 0 {
		return c, n
	}
	for _, p := range []string{" per cent", " percent", " процентов", " процента"} {
		if n := prefixFold(rest, p); n > 0 && unitEnds(rest[n:]) {
			return "%", n
		}
	}
	if u, n := measureUnit(rest); u != "" {
		return u, n
	}
	return countedNoun(rest)
}

// hyphenNumber reads tens and units joined by a hyphen: "twenty-six" →
// 26.
func hyphenNumber(w string) (float64, bool) {
	tens, units, ok := strings.Cut(w, "-")
	t, u := numberWords[tens], numberWords[units]
	if !ok || t < 20 || t > 90 || int(t)%10 != 0 || u < 1 || u > 9 {
		return 0, false
	}
	return t + u, true
}

// hyphenMeasure reads a spelled-out size joined to its unit by a hyphen:
// "six-mile" → 6, "mile". The word is in lower case.
func hyphenMeasure(w string) (float64, string, bool) {
	num, unit, ok := strings.Cut(w, "-")
	v := numberWords[num]
	if !ok || v == 0 || v == 12 || v == 100 || !measureWords[unit] || len(unit) < 2 {
		return 0, "", false
	}
	return v, unit, true
}

// hundredsRest reads the tens and units written after "hundred" at ws[i]:
// an optional "and", then 1–99 as one word ("twelve", "twenty-six") or two
// ("fifty five"). It returns the value and the index of its last word, or
// i when none follows.
func hundredsRest(s string, ws []word, i int) (float64, int) {
	k := i + 1
	if k < len(ws) && onlySpace(s[ws[k-1].End:ws[k].Start]) && strings.EqualFold(ws[k].Text, "and") {
		k++
	}
	if k >= len(ws) || !onlySpace(s[ws[k-1].End:ws[k].Start]) {
		return 0, i
	}
	lw := strings.ToLower(ws[k].Text)
	v, ok := numberWords[lw]
	if !ok {
		v, ok = hyphenNumber(lw)
	}
	if !ok || v < 1 || v > 99 || lw == "dozen" {
		return 0, i
	}
	if v >= 20 && int(v)%10 == 0 && k+1 < len(ws) && onlySpace(s[ws[k].End:ws[k+1].Start]) {
		if u := numberWords[strings.ToLower(ws[k+1].Text)]; u >= 1 && u <= 9 {
			return v + u, k + 1
		}
	}
	return v, k
}
