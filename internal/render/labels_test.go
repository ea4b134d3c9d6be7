package render

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefbook/briefbook/assets"
)

// TestLabelTablesComplete reads the embedded tables: each must parse with
// every key set, and en, ru and kk must be there.
func TestLabelTablesComplete(t *testing.T) {
	all, err := readLabels(assets.FS, labelDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru", "kk"} {
		if all[lang] == nil {
			t.Errorf("no label table for %s", lang)
		}
	}
}

// TestLabelTableErrors checks that a broken table is refused with its
// file and key.
func TestLabelTableErrors(t *testing.T) {
	en, err := assets.FS.ReadFile("labels/en.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, old, new, want string
	}{
		{"empty key", `"summary": "Summary"`, `"summary": ""`, `xx.json: key "summary" missing or empty`},
		{"missing key", `"summary": "Summary",`, ``, `key "summary" missing`},
		{"unknown key", `"summary": "Summary"`, `"summery": "Summary"`, `unknown field "summery"`},
		{"plural rule", `"plural": "one-other"`, `"plural": "dual"`, `plural rule "dual" unknown`},
		{"plural form", `"words": {"one": "word", "other": "words"}`, `"words": {"one": "word"}`, `form "other" missing`},
		{"month", `"December"]`, `""]`, `key "months": entry 12`},
		{"group", `"group_from": 4`, `"group_from": 2`, `group_from`},
	}
	for _, tt := range tests {
		broken := strings.Replace(string(en), tt.old, tt.new, 1)
		if broken == string(en) {
			t.Fatalf("%s: %q not in en.json", tt.name, tt.old)
		}
		fsys := fstest.MapFS{"l/en.json": {Data: en}, "l/xx.json": {Data: []byte(broken)}}
		_, err := readLabels(fsys, "l")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one with %q", tt.name, err, tt.want)
		}
	}
	if _, err := readLabels(fstest.MapFS{"l/ru.json": {Data: en}}, "l"); err == nil {
		t.Error("a table without en.json was accepted")
	}
}

func TestLabelsFor(t *testing.T) {
	tests := []struct{ tag, want string }{
		{"ru", "ru"}, {"ru-RU", "ru"}, {"KK", "kk"}, {"kk_KZ", "kk"}, {"en-GB", "en"},
		{"", "en"}, {"de", "en"}, {"x", "en"},
	}
	for _, tt := range tests {
		if got := LabelsFor(tt.tag).Lang; got != tt.want {
			t.Errorf("LabelsFor(%q) = %s, want %s", tt.tag, got, tt.want)
		}
	}
}

func TestLangTag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ru", "ru"}, {" kk-KZ ", "kk-KZ"}, {"", "en"}, {"en_US", "en"}, {"1en", "en"}, {"toolongsubtag", "en"}, {"sr-Latn-RS", "sr-Latn-RS"},
	}
	for _, tt := range tests {
		if got := LangTag(tt.in); got != tt.want {
			t.Errorf("LangTag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWords checks the plural forms of "word": English one/other,
// Russian one/few/many (11–14 take many), Kazakh one form after any
// numeral.
func TestWords(t *testing.T) {
	tests := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 words"}, {"en", 1, "1 word"}, {"en", 2, "2 words"}, {"en", 42063, "42,063 words"},
		{"ru", 1, "1 слово"}, {"ru", 2, "2 слова"}, {"ru", 4, "4 слова"}, {"ru", 5, "5 слов"},
		{"ru", 11, "11 слов"}, {"ru", 12, "12 слов"}, {"ru", 14, "14 слов"}, {"ru", 21, "21 слово"},
		{"ru", 22, "22 слова"}, {"ru", 111, "111 слов"}, {"ru", 101, "101 слово"}, {"ru", 0, "0 слов"},
		{"ru", 42063, "42\u202F063 слова"}, {"ru", 1600, "1600 слов"},
		{"kk", 1, "1 сөз"}, {"kk", 5, "5 сөз"}, {"kk", 42063, "42\u202F063 сөз"},
	}
	for _, tt := range tests {
		if got := LabelsFor(tt.lang).Words(tt.n); got != tt.want {
			t.Errorf("%s Words(%d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestFormatNumber(t *testing.T) {
	tests := []struct {
		lang string
		v    float64
		want string
	}{
		{"en", 1600, "1,600"}, {"en", 140, "140"}, {"en", 2.5, "2.5"}, {"en", 1234567, "1.2\u202Fm"},
		{"en", 3e9, "3\u202Fbn"}, {"en", -12345, "-12,345"}, {"en", 999999, "999,999"},
		{"ru", 1600, "1600"}, {"ru", 42063, "42\u202F063"}, {"ru", 2.5, "2,5"}, {"ru", 1234567, "1,2\u202Fмлн"},
		{"ru", 3e9, "3\u202Fмлрд"}, {"kk", 1234567, "1,2\u202Fмлн"}, {"kk", 123456, "123\u202F456"},
	}
	for _, tt := range tests {
		if got := LabelsFor(tt.lang).FormatNumber(tt.v); got != tt.want {
			t.Errorf("%s FormatNumber(%v) = %q, want %q", tt.lang, tt.v, got, tt.want)
		}
	}
}

func TestFormatDate(t *testing.T) {
	tests := []struct{ lang, in, want string }{
		{"en", "2026-12-03", "3 December 2026"}, {"en", "2026-12", "December 2026"}, {"en", "2026", "2026"},
		{"ru", "2026-12-03", "3 декабря 2026 г."}, {"ru", "2026-05", "май 2026 г."}, {"ru", "2026", "2026 г."},
		{"kk", "2026-12-03", "2026 жылғы 3 желтоқсан"}, {"kk", "2022-09", "2022 жылғы қыркүйек"}, {"kk", "2026", "2026 жыл"},
		{"en", "2024-5-1", "1 May 2024"}, {"en", " 2024-05-01 ", "1 May 2024"},
		// Anything else is printed as given.
		{"en", "2024-13-01", "2024-13-01"}, {"en", "2024-05-32", "2024-05-32"}, {"ru", "spring 2024", "spring 2024"},
		{"en", "2024-05-01-02", "2024-05-01-02"}, {"en", "2024--01", "2024--01"}, {"en", "", ""}, {"en", "20x4", "20x4"},
	}
	for _, tt := range tests {
		if got := LabelsFor(tt.lang).FormatDate(tt.in); got != tt.want {
			t.Errorf("%s FormatDate(%q) = %q, want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestLabelTemplates(t *testing.T) {
	en, ru, kk := LabelsFor("en"), LabelsFor("ru"), LabelsFor("kk")
	tests := []struct{ got, want string }{
		{en.PageOf(2, 4), "Page 2 of 4"}, {ru.PageOf(2, 4), "Страница 2 из 4"}, {kk.PageOf(2, 4), "2-бет, барлығы 4"}, {kk.PageOf(2, 0), "2-бет"},
		{en.PageOf(2, 0), "Page 2"}, {ru.PageOf(3, 0), "Страница 3"},
		{en.PageRef("7"), "p.\u00A07"}, {ru.PageRef("7"), "с.\u00A07"}, {kk.PageRef("7"), "7-бет"},
		{en.ReadingTime(3), "3 min read"}, {ru.ReadingTime(3), "3 мин чтения"}, {kk.ReadingTime(3), "оқу уақыты 3 мин"},
		{en.Quote("x"), "“x”"}, {ru.Quote("x"), "«x»"}, {kk.Quote("x"), "«x»"},
		{en.TableCaption(3), "Table 3."}, {kk.TableCaption(3), "3-кесте."}, {ru.FigureCaption(2), "Рисунок 2."},
		{en.Capped("People", Shown{25, 1312}), "People (25 of 1,312)"}, {en.Capped("People", Shown{3, 3}), "People"},
		{ru.Capped("Места", Shown{25, 40}), "Места (25 из 40)"}, {kk.Capped("Жерлер", Shown{25, 40}), "Жерлер (40 ішінен 25)"},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%d: got %q, want %q", i, tt.got, tt.want)
		}
	}
}
