// Command companies writes internal/analyze/data/companies.tsv, the listed
// companies briefbook knows by name, from the Nasdaq and NYSE listings that
// the Frictionless Data project republishes (github:datasets/nasdaq-listings,
// github:datasets/nyse-other-listings, both ODC PDDL; see
// internal/analyze/data/companies.SOURCE.md):
//
//	git -C NASDAQ show HEAD:data/nasdaq-listed.csv > /tmp/nasdaq.csv
//	git -C NYSE show HEAD:data/nyse-listed.csv > /tmp/nyse.csv
//	git -C NYSE show HEAD:data/other-listed.csv > /tmp/other.csv
//	go run ./scripts/companies /tmp/nasdaq.csv /tmp/nyse.csv /tmp/other.csv > internal/analyze/data/companies.tsv
//
// Each line is a company's short name (legal form and share class cut:
// "Agilent Technologies") and its legal name ("Agilent Technologies, Inc.").
// Funds, trusts, blank-cheque companies, warrants, rights, units, notes and
// preferred shares are left out: they are securities, not bodies a text
// names. A short name of one word is kept only when it is no English word
// (internal/analyze/data/pos_en.tsv), no place and no given name
// (internal/gazetteer): "Microsoft" stays, "Target", "Apple" and "Ford" go,
// since a text means the word or the place or the person as often as the
// company. Entries are sorted, so the same listings give the same file.
package main

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/briefbook/briefbook/internal/gazetteer"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: go run ./scripts/companies LISTING.csv... > companies.tsv")
		os.Exit(2)
	}
	dict, err := englishWords("/usr/share/dict/words")
	if err != nil {
		fail(err)
	}
	byShort := map[string]string{}
	for _, file := range os.Args[1:] {
		names, err := securityNames(file)
		if err != nil {
			fail(err)
		}
		for _, sec := range names {
			legal, short, ok := companyName(sec)
			if !ok || !keepShort(short, dict) {
				continue
			}
			if old, seen := byShort[short]; !seen || legal < old {
				byShort[short] = legal
			}
		}
	}
	shorts := make([]string, 0, len(byShort))
	for s := range byShort {
		shorts = append(shorts, s)
	}
	sort.Strings(shorts)
	w := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(w, "# Listed companies: short name, legal name. Built by scripts/companies from the Nasdaq and NYSE")
	fmt.Fprintln(w, "# listings of github:datasets/nasdaq-listings and github:datasets/nyse-other-listings (ODC PDDL); see companies.SOURCE.md.")
	for _, s := range shorts {
		fmt.Fprintf(w, "%s\t%s\n", s, byShort[s])
	}
	if err := w.Flush(); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "companies:", err)
	os.Exit(1)
}

// securityNames reads the security names of a listing: the "Security Name"
// column of nasdaq-listed.csv, "Security Name" of other-listed.csv, skipping
// exchange-traded funds and test issues where the file says so.
func securityNames(file string) ([]string, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	col := map[string]int{}
	for i, h := range head {
		col[strings.TrimSpace(h)] = i
	}
	name, ok := col["Security Name"]
	if !ok {
		name, ok = col["Company Name"]
	}
	if !ok {
		return nil, fmt.Errorf("%s: no Security Name or Company Name column", file)
	}
	var out []string
	for line := 2; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, line, err)
		}
		if flag(rec, col, "ETF") || flag(rec, col, "Test Issue") || name >= len(rec) {
			continue
		}
		out = append(out, strings.TrimSpace(rec[name]))
	}
}

func flag(rec []string, col map[string]int, key string) bool {
	i, ok := col[key]
	return ok && i < len(rec) && strings.TrimSpace(rec[i]) == "Y"
}

// notACompany matches security names that are funds, trusts, blank-cheque
// companies or securities other than a company's shares.
var notACompany = regexp.MustCompile(`(?i)\b(?:ETF|ETN|Fund|Funds|Trust|Acquisition|Warrants?|Rights?|Units?|Notes?|Debentures?|Preferred|Depositary Shares? Each|Portfolio|Index|Bond|Income|Municipal|Capital Corp|BDC|SPAC|Exp\b|Due \d)`)

// shareClass starts the part of a security name that describes the share,
// not the company.
var shareClass = regexp.MustCompile(`(?i)\s*(?:-\s+|\b)(?:Class [A-Z]\b|Common Stock|Common Shares|Ordinary Shares|American Depositary|Subordinate Voting|Series [A-Z0-9]+\b|New\s*$|Capital Stock|Shares of Beneficial|Limited Partnership Units|Common Units|Voting Shares|Registered Shares|\(The\)).*$`)

// legalForm is a legal form at the end of a company's name.
var legalForm = regexp.MustCompile(`(?i)(?:,?\s+(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|plc|PLC|N\.V|NV|S\.A|SA|AG|SE|S\.p\.A|SpA|L\.P|LP|LLC|L\.L\.C|Holdings?|Group|Holding Corp|ASA|A/S|AB|Oyj|Tbk|Berhad|Bhd|S\.A\.B\. de C\.V|de C\.V|& Co)\.?)+$`)

// companyName returns the legal and short names of the company a security
// name belongs to.
func companyName(sec string) (legal, short string, ok bool) {
	if sec == "" || notACompany.MatchString(sec) {
		return "", "", false
	}
	// "Boeing Company (The) Common Stock": the article goes.
	legal = strings.Join(strings.Fields(strings.ReplaceAll(sec, "(The)", "")), " ")
	for {
		cut := strings.TrimRight(strings.TrimSpace(shareClass.ReplaceAllString(legal, "")), " ,-")
		if cut == legal {
			break
		}
		legal = cut
	}
	short = strings.TrimSpace(legalForm.ReplaceAllString(legal, ""))
	short = strings.TrimRight(short, " ,")
	short = strings.TrimPrefix(short, "The ")
	if short == "" || !goodName(short) {
		return "", "", false
	}
	return legal, short, true
}

// goodName reports whether s reads as a company's name as texts write it:
// two to four words, each starting with a capital letter or a digit (or a
// joiner such as "&", "of", "and"), no lone letters beyond an initial, no
// parentheses or slashes.
func goodName(s string) bool {
	if strings.ContainsAny(s, "()/%$#;,\"") {
		return false
	}
	ws := strings.Fields(s)
	if len(ws) == 0 || len(ws) > 4 {
		return false
	}
	for _, w := range ws {
		switch w {
		case "&", "of", "and", "de", "the", "for":
			continue
		}
		r := []rune(w)[0]
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	first := []rune(ws[0])[0]
	return unicode.IsUpper(first)
}

// keepShort reports whether a short name may stand for the company in any
// text. One word must be written in mixed case, be long enough not to be an
// abbreviation, and have no other meaning a dictionary, the place list or the
// given-name list knows ("Microsoft" stays; "Target", "Apple", "Ford" go).
// Several words must not name a place ("Black Hills") or read as a person's
// name ("Raymond James"), and must not all be
// dictionary words unless the last one says what trade the company is in:
// "Southwest Airlines" stays, "Creative Media" and "Digital Brands" go, since
// a heading may write those words with capitals too.
func keepShort(short string, dict map[string]bool) bool {
	ws := strings.Fields(short)
	if len(ws) > 1 {
		if !wordChar(ws[len(ws)-1]) {
			return false
		}
		if hit, ok := gazetteer.Match(ws, 0); ok && hit.End >= len(ws) {
			return false
		}
		// A given name and one more word reads as a person ("Raymond
		// James", "Charles Schwab") unless the word names a trade.
		if commonGivenName(ws[0]) && len(ws) == 2 && !tradeWords[ws[1]] {
			return false
		}
		allDict := true
		for _, w := range ws {
			if !dict[strings.ToLower(w)] && wordChar(w) {
				allDict = false
			}
		}
		return !allDict || tradeWords[ws[len(ws)-1]]
	}
	w := ws[0]
	if len([]rune(w)) < 4 || strings.ToUpper(w) == w || strings.ContainsAny(w, ".-'&,") || tradeWords[w] {
		return false
	}
	if dict[strings.ToLower(w)] {
		return false
	}
	if commonGivenName(w) {
		return false
	}
	if _, ok := gazetteer.Match([]string{w}, 0); ok {
		return false
	}
	return true
}

// commonGivenName reports whether w is a given name common enough for a
// reader to take it as one: 5,000 bearers or more in the name lists
// ("Morgan", "Raymond"; not "Goldman", 104, or "Tesla", 2,690).
func commonGivenName(w string) bool {
	n, ok := gazetteer.GivenName(w)
	return ok && n.Count() >= 5000
}

// wordChar reports whether w holds a letter.
func wordChar(w string) bool { return strings.IndexFunc(w, unicode.IsLetter) >= 0 }

// tradeWords end company names made of common words.
var tradeWords = map[string]bool{
	"Airlines": true, "Airways": true, "Pharmaceuticals": true, "Therapeutics": true,
	"Biosciences": true, "Biotherapeutics": true, "Bancorp": true, "Bancshares": true,
	"Semiconductor": true, "Semiconductors": true, "Motors": true, "Petroleum": true,
	"Airlines Group": true, "Entertainment": true, "Communications": true,
	"Telecommunications": true, "Steel": true, "Mining": true, "Insurance": true,
	"Railroad": true, "Railway": true, "Foods": true, "Brewing": true, "Realty": true,
}

// englishWords reads the words of the part-of-speech lexicon (first column)
// and of a plain word list, lower-cased; a file that is absent is an error,
// so the output never depends silently on what the machine has.
func englishWords(files ...string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		for _, l := range strings.Split(string(data), "\n") {
			if l == "" || strings.HasPrefix(l, "# ") {
				continue
			}
			w, _, _ := strings.Cut(l, "\t")
			w = strings.TrimSuffix(w, "'s")
			// A word list's capitalised entries are names ("Microsoft"),
			// not the common words a company name may be mistaken for.
			if r := []rune(w); len(r) > 0 && unicode.IsUpper(r[0]) {
				continue
			}
			out[strings.ToLower(w)] = true
		}
	}
	return out, nil
}
