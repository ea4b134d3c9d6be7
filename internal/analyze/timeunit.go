package analyze

import "strings"

// timeUnits are the units of time, by lower-case word, in the languages
// briefbook reads (English, Russian, Kazakh).
var timeUnits = map[string]bool{
	"second": true, "seconds": true, "sec": true, "minute": true, "minutes": true, "min": true,
	"hour": true, "hours": true, "hr": true, "hrs": true, "day": true, "days": true,
	"week": true, "weeks": true, "month": true, "months": true, "year": true, "years": true,
	"yr": true, "yrs": true, "decade": true, "decades": true, "century": true, "centuries": true,
	"millennium": true, "millennia": true,
	"секунды": true, "секунд": true, "минута": true, "минуты": true, "минут": true,
	"час": true, "часа": true, "часов": true, "день": true, "дня": true, "дней": true, "сутки": true, "суток": true,
	"неделя": true, "недели": true, "недель": true, "месяц": true, "месяца": true, "месяцев": true,
	"год": true, "года": true, "лет": true, "годы": true, "годов": true, "десятилетие": true, "десятилетия": true, "десятилетий": true,
	"век": true, "века": true, "веков": true, "столетие": true, "столетия": true, "столетий": true,
	"сағат": true, "минөт": true, "күн": true, "апта": true, "ай": true, "жыл": true,
	"жылдан": true, "жылға": true, "жылы": true, "ғасыр": true, "онжылдық": true,
}

// isTimeUnit reports whether word, in any case, is a unit of time in
// English, Russian or Kazakh: "years", "Minutes", "лет", "жыл". It tests
// one word as written; a phrase ("years of talks") or a compound
// ("year-old") is not a unit, so callers split first. The renderers do
// not read it: a figure's Kind says whether it is a duration.
func isTimeUnit(word string) bool {
	return timeUnits[strings.ToLower(word)]
}
