package parse

import (
	"reflect"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

func TestParseMetaOverride(t *testing.T) {
	tests := []struct {
		in      string
		want    MetaOverride
		wantErr string // part of the error; "" for none
	}{
		{"title=Annual report", MetaOverride{"title", "Annual report"}, ""},
		{"Title=  Two   spaces\tand a tab ", MetaOverride{"title", "Two spaces and a tab"}, ""},
		{"subtitle:A note", MetaOverride{"subtitle", "A note"}, ""},
		{"title=Ratio a=b", MetaOverride{"title", "Ratio a=b"}, ""},
		{"author=J. Smith, A. Jones", MetaOverride{"author", "J. Smith, A. Jones"}, ""},
		{"marking=OFFICIAL\x1b[31m", MetaOverride{"marking", "OFFICIAL[31m"}, ""},
		{"marking=", MetaOverride{"marking", ""}, ""},
		{"date=2024-03-05", MetaOverride{"date", "2024-03-05"}, ""},
		{"date=5 March 2024", MetaOverride{"date", "2024-03-05"}, ""},
		{"date=2024", MetaOverride{"date", "2024"}, ""},
		{"date=yesterday", MetaOverride{}, `date "yesterday" not understood`},
		{"date=2024-13-01", MetaOverride{}, "not understood"},
		{"lang=ru-RU", MetaOverride{"language", "ru"}, ""},
		{"language=KK", MetaOverride{"language", "kk"}, ""},
		{"language=Russian language", MetaOverride{}, "not a language tag"},
		{"keywords=a, b ,c", MetaOverride{"keywords", "a, b ,c"}, ""},
		{"colour=red", MetaOverride{}, `unknown metadata key "colour" (known: title, subtitle, author, date, language, marking, keywords)`},
		{"title", MetaOverride{}, "want key=value"},
	}
	for _, tc := range tests {
		got, err := ParseMetaOverride(tc.in)
		switch {
		case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
			t.Errorf("%q: err = %v, want one with %q", tc.in, err, tc.wantErr)
		case tc.wantErr == "" && err != nil:
			t.Errorf("%q: %v", tc.in, err)
		case tc.wantErr == "" && got != tc.want:
			t.Errorf("%q = %+v, want %+v", tc.in, got, tc.want)
		case err != nil && strings.Contains(err.Error(), "\n"):
			t.Errorf("%q: error of several lines: %q", tc.in, err)
		}
	}
}

func TestApplyMeta(t *testing.T) {
	m := document.Meta{Title: "From the file", Author: "Someone", Marking: "SECRET", Keywords: []string{"old"}, Source: "a.txt", Words: 9}
	ApplyMeta(&m, []MetaOverride{
		{"title", "First"}, {"title", "Second"}, {"marking", ""}, {"keywords", "x, y,,z "},
		{"date", "2024-01"}, {"language", "kk"}, {"subtitle", "Sub"},
	})
	want := document.Meta{Title: "Second", Subtitle: "Sub", Author: "Someone", Date: "2024-01", Language: "kk",
		Keywords: []string{"x", "y", "z"}, Source: "a.txt", Words: 9}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("got %+v\nwant %+v", m, want)
	}
}

func TestSniffReader(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Title\n\nA plain paragraph.\n", "txt"},
		{"# Title\n\nText with a [link](https://example.org).\n", "md"},
		{"---\ntitle: X\n---\nText.\n", "md"},
		{"", "txt"},
	} {
		if got := SniffReader([]byte(tc.in)); got != tc.want {
			t.Errorf("SniffReader(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
