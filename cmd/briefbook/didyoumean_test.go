package main

import (
	"errors"
	"flag"
	"io"
	"testing"
)

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"title", "title", 0}, {"titel", "title", 1}, {"formt", "format", 1},
		{"no-cvoer", "no-cover", 1}, {"quite", "quiet", 1}, {"", "abc", 3}, {"kitten", "sitting", 3},
		{"авторы", "автор", 1},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestFlagMessage(t *testing.T) {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.String("o", "", "")
	fs.String("M", "", "")
	fs.String("format", "", "")
	fs.String("title", "", "")
	fs.String("date", "", "")
	fs.Bool("no-cover", false, "")
	fs.Bool("quiet", false, "")
	fs.Int("n", 0, "")
	for _, tc := range []struct{ arg, want string }{
		{"--titel", "unknown flag --titel (did you mean --title?)"},
		{"-titel=X", "unknown flag --titel (did you mean --title?)"},
		{"--Title", "unknown flag --Title (did you mean --title?)"},
		{"--no-cvoer", "unknown flag --no-cvoer (did you mean --no-cover?)"},
		{"--formats", "unknown flag --formats (did you mean --format?)"},
		{"--data", "unknown flag --data (did you mean --date?)"},
		{"-m", "unknown flag -m (did you mean -M?)"},
		{"-q", "unknown flag -q"},
		{"--zzzzzz", "unknown flag --zzzzzz"},
		{"--verbose", "unknown flag --verbose"},
	} {
		err := fs.Parse([]string{tc.arg})
		if err == nil || errors.Is(err, flag.ErrHelp) {
			t.Fatalf("%s: err = %v", tc.arg, err)
		}
		if got := flagMessage(fs, err); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.arg, got, tc.want)
		}
	}
	if got := flagMessage(fs, errors.New(`invalid value "x" for flag -n: parse error`)); got != `invalid value "x" for flag -n: parse error` {
		t.Errorf("other errors are changed: %q", got)
	}
}
