package main

import (
	"flag"
	"strings"
)

// flagMessage words a flag error of fs: an undefined flag reads "unknown
// flag --titel", followed by " (did you mean --title?)" when its name is a
// small edit away from one of fs's flags (at most one edit for a name of
// up to four letters, two for longer ones); other errors are the flag
// package's. Of the nearest flags the first in alphabetical order wins,
// so the hint does not depend on chance.
func flagMessage(fs *flag.FlagSet, err error) string {
	const prefix = "flag provided but not defined: -"
	msg := err.Error()
	if !strings.HasPrefix(msg, prefix) {
		return msg
	}
	name := msg[len(prefix):]
	return "unknown flag " + dashes(name) + flagHint(fs, name)
}

// dashes writes a flag name as help shows it: -o, --title.
func dashes(name string) string {
	if len([]rune(name)) == 1 {
		return "-" + name
	}
	return "--" + name
}

// flagHint returns " (did you mean --title?)" for the name of an undefined
// flag, or "" when no flag is near enough.
func flagHint(fs *flag.FlagSet, name string) string {
	limit := 2
	if len([]rune(name)) <= 4 {
		limit = 1
	}
	best, bestD := "", limit+1
	fs.VisitAll(func(f *flag.Flag) {
		if len(f.Name) == 1 {
			// A one-letter flag is hinted only for the same letter in the
			// other case (-m for -M): any letter is one edit from any other.
			if strings.EqualFold(name, f.Name) && bestD > 0 {
				best, bestD = f.Name, 0
			}
			return
		}
		if d := editDistance(strings.ToLower(name), f.Name); d < bestD {
			best, bestD = f.Name, d
		}
	})
	if best == "" {
		return ""
	}
	return " (did you mean " + dashes(best) + "?)"
}

// editDistance is the Damerau–Levenshtein distance of a and b (optimal
// string alignment: insertions, deletions, substitutions and swaps of two
// neighbours each cost 1), counted in runes.
func editDistance(a, b string) int {
	s, t := []rune(a), []rune(b)
	if len(s) > 64 || len(t) > 64 {
		return max(len(s), len(t)) // nobody types such flags; stay cheap
	}
	prev2 := make([]int, len(t)+1)
	prev := make([]int, len(t)+1)
	cur := make([]int, len(t)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(s); i++ {
		cur[0] = i
		for j := 1; j <= len(t); j++ {
			cost := 1
			if s[i-1] == t[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && s[i-1] == t[j-2] && s[i-2] == t[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(t)]
}
