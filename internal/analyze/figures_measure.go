package analyze

import (
	"strings"
	"unicode/utf8"
)

// measureSuffixes are units of measure that may be glued to a number
// ("131ft", "5km", "75ml"). Lower case; "m" is left out, as "1.8m" is
// more often a million.
var measureSuffixes = wordSet("km kg ft mm cm ml mg mph kph kmph mw gw kw kwh mwh gwh twh ha lb lbs mi m2 km2 " +
	"mb gb tb kb mhz ghz khz hz μg mcg")

// measureWords are units of measure that may follow a number as a word
// ("158 million tonnes", "1.6 km west", "100 MB"), compared in lower case.
var measureWords = wordSet("tonnes tonne tons ton miles mile kilometres kilometers kilometre kilometer " +
	"km kms metres meters metre meter m dm cm mm centimetres centimeters millimetres millimeters " +
	"nanometres nanometers picometres picometers picometer micrometres micrometers " +
	"feet foot ft inches inch yards yard acres acre hectares hectare ha " +
	"litres liters litre liter millilitres milliliters ml gallons gallon barrels barrel " +
	"tablespoons tablespoon teaspoons teaspoon " +
	"kilograms kilogram kilos kg grams gram mg micrograms microgram microgrammes μg mcg ounces ounce oz lbs lb " +
	"megawatts megawatt gigawatts gigawatt kilowatts kilowatt watts watt mw gw kw kwh mwh gwh twh " +
	"volts volt kv hertz hz khz mhz ghz megahertz kilohertz gigahertz " +
	"bits bit bytes byte kilobytes megabytes gigabytes terabytes kb mb gb tb " +
	"knots knot mph kph degrees " +
	"тонн тонны километров километра км метров метра гектаров литров градусов")

// measurePrefixes may open a unit of measure: "metric tons", "square
// miles", "cubic feet".
var measurePrefixes = wordSet("metric square sq cubic nautical")

// measureUnit reads a unit of measure one space after a number, at the
// start of rest: "km", "metric tons", "square meters". It returns the unit
// as written and its end in rest, or "" when none is there.
func measureUnit(rest string) (string, int) {
	r, n := utf8.DecodeRuneInString(rest)
	if r != ' ' && r != '\u00a0' {
		return "", 0
	}
	ws := wordsN(rest[n:], 2)
	if len(ws) == 0 || ws[0].Start != 0 {
		return "", 0
	}
	w0 := strings.ToLower(ws[0].Text)
	if measurePrefixes[w0] && len(ws) == 2 && rest[n+ws[0].End:n+ws[1].Start] == " " && measureWords[strings.ToLower(ws[1].Text)] {
		return rest[n : n+ws[1].End], n + ws[1].End
	}
	if measureWords[w0] && unitEnds(rest[n+ws[0].End:]) {
		return ws[0].Text, n + ws[0].End
	}
	return "", 0
}

// unitEnds reports whether a unit read so far is a whole word: what
// follows is no letter or digit, nor a slash ("km/h" is a speed, not km).
func unitEnds(after string) bool {
	r, _ := utf8.DecodeRuneInString(after)
	return after == "" || !isWordRune(r) && r != '/'
}

// measureAdjective reads a unit of measure joined to a number by a hyphen
// at the start of rest: "-inch" in "3-inch", "-foot" in "776-foot". It
// returns the unit and the bytes read, or "" when none is there.
func measureAdjective(rest string) (string, int) {
	if !strings.HasPrefix(rest, "-") {
		return "", 0
	}
	w := leadingLetters(rest[1:])
	if measureWords[strings.ToLower(w)] && len(w) > 1 && unitEnds(rest[1+len(w):]) {
		return w, 1 + len(w)
	}
	return "", 0
}
