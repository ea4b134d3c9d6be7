package analyze

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// currencySymbols are the currency signs, before or after a number.
var currencySymbols = map[string]string{
	"$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY", "₸": "KZT", "₽": "RUB", "₹": "INR", "元": "CNY",
	"₩": "KRW", "₺": "TRY", "₴": "UAH", "₱": "PHP", "₦": "NGN", "₪": "ILS", "₫": "VND", "₡": "CRC", "₾": "GEL", "₭": "LAK",
}

// currencyWords are the currency names that may follow a number, as one
// word ("120 euros").
var currencyWords = map[string]string{
	"euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP", "pounds": "GBP",
	"sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB",
	"rubles": "RUB", "tenge": "KZT", "rupee": "INR", "rupees": "INR", "francs": "CHF", "usd": "USD", "eur": "EUR",
	"gbp": "GBP", "pesetas": "ESP", "guilders": "NLG", "markka": "FIM", "lira": "TRY", "lire": "ITL",
	"долларов": "USD", "доллара": "USD", "евро": "EUR", "рублей": "RUB", "тенге": "KZT",
}

// currencyPhrases are currency names of two or three words, tried before
// currencyWords: "swiss francs", "hong kong dollars".
var currencyPhrases = map[string]string{
	"us dollars": "USD", "us dollar": "USD", "u.s. dollars": "USD", "american dollars": "USD",
	"australian dollars": "AUD", "australian dollar": "AUD", "canadian dollars": "CAD", "canadian dollar": "CAD",
	"hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
	"swiss francs": "CHF", "swiss franc": "CHF", "french francs": "FRF", "chinese yuan": "CNY",
	"japanese yen": "JPY", "turkish lira": "TRY", "indian rupees": "INR", "mexican pesos": "MXN",
	"dutch guilders": "NLG", "finnish markka": "FIM", "south african rand": "ZAR",
}

// isoCodes are ISO 4217 codes read as a currency when written in capitals
// next to a number: "USD 200", "120 EUR", "2mil SEK". Codes that are
// also common acronyms are left out: PHP (the language), ILS (instrument
// landing system), COP (the climate conference), SAR (search and rescue).
var isoCodes = wordSet("USD EUR GBP JPY CNY CHF CAD AUD HKD NZD SGD SEK NOK DKK PLN CZK HUF " +
	"RUB KZT UAH TRY INR BRL MXN ZAR KRW AED")

// dollarPrefixes mark whose dollar a "$" is: "US$", "HK$", "C$". Prefixes
// of one letter count only when glued to the sign: "a $5 bill" is no
// Australian money.
var dollarPrefixes = map[string]string{
	"us": "USD", "u.s.": "USD", "usd": "USD", "hk": "HKD", "hkd": "HKD", "nz": "NZD", "nzd": "NZD",
	"ca": "CAD", "cad": "CAD", "c": "CAD", "au": "AUD", "aud": "AUD", "a": "AUD", "s": "SGD", "sg": "SGD",
	"mex": "MXN", "mx": "MXN", "mxn": "MXN",
}

// currencyBefore reads a currency written before the number that starts
// at a in s: a sign ("$5", "$ 5", "US$ 5", "HK$5") or an ISO code ("USD
// 200", "EUR125"). It returns the code and where the currency starts.
func currencyBefore(s string, a int) (string, int, bool) {
	i := a
	if r, n := utf8.DecodeLastRuneInString(s[:i]); r == ' ' || r == '\u00a0' {
		i -= n
	}
	r, n := utf8.DecodeLastRuneInString(s[:i])
	if code := currencySymbols[string(r)]; code != "" {
		start := i - n
		if r != '$' {
			return code, start, true
		}
		// A prefix glued to the sign ("HK$"), or a word of two letters or
		// more one space before it ("us $", as tokenised text writes it).
		p := start
		glued := true
		if q, m := utf8.DecodeLastRuneInString(s[:p]); q == ' ' {
			p -= m
			glued = false
		}
		pre := lastToken(s[:p])
		if c := dollarPrefixes[strings.ToLower(pre)]; c != "" && (glued || len(pre) > 1) && beforeIsBoundary(s[:p-len(pre)]) {
			return c, p - len(pre), true
		}
		return code, start, true
	}
	if w := lastToken(s[:i]); isoCodes[w] && beforeIsBoundary(s[:i-len(w)]) {
		return w, i - len(w), true
	}
	return "", a, false
}

// currencyAfter reads a currency written after a number at the start of
// rest: a phrase or word ("swiss francs", " euros"), an ISO code in
// capitals ("USD", glued or not) or a sign ("10 €"). It returns the code
// and the bytes read.
func currencyAfter(rest string) (string, int) {
	t := trimLeftSpace(rest)
	skip := len(rest) - len(t)
	if skip > 1 && !onlySpace(rest[:skip]) {
		return "", 0
	}
	if r, n := utf8.DecodeRuneInString(t); currencySymbols[string(r)] != "" {
		if next, _ := utf8.DecodeRuneInString(t[n:]); !isWordRune(next) {
			return currencySymbols[string(r)], skip + n
		}
		return "", 0
	}
	ws := wordsN(t, 3)
	for k := len(ws); k >= 1; k-- {
		if ws[0].Start != 0 || !onlyPhraseGaps(t, ws[:k]) {
			continue
		}
		phrase := strings.ToLower(t[:ws[k-1].End])
		if k > 1 && currencyPhrases[phrase] != "" {
			return currencyPhrases[phrase], skip + ws[k-1].End
		}
		if k == 1 && currencyWords[phrase] != "" {
			return currencyWords[phrase], skip + ws[0].End
		}
		if k == 1 && isoCodes[ws[0].Text] {
			return ws[0].Text, skip + ws[0].End
		}
	}
	return "", 0
}

// onlyPhraseGaps reports whether the words ws of t are separated by single
// spaces or dots only ("u.s. dollars").
func onlyPhraseGaps(t string, ws []word) bool {
	for i := 1; i < len(ws); i++ {
		g := t[ws[i-1].End:ws[i].Start]
		if g != " " && g != ". " && g != "." {
			return false
		}
	}
	return true
}

// lastToken returns the run of letters and dots at the end of s: "US",
// "u.s.". Currency codes and prefixes are short: a run longer than
// maxToken bytes is none, and is read no further.
func lastToken(s string) string {
	const maxToken = 8
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		if i -= n; len(s)-i > maxToken {
			return ""
		}
	}
	return strings.TrimLeft(s[i:], ".")
}

// beforeIsBoundary reports whether s ends where a word may start: at the
// start of the text or after something that is no letter or digit.
func beforeIsBoundary(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return s == "" || !isWordRune(r)
}
