package parse

import (
	"strings"
	"testing"
)

// TestPerLineText: a text written one paragraph per line, with no blank
// lines, keeps each line (dialogue above all) a paragraph of its own and
// finds the headings among them.
func TestPerLineText(t *testing.T) {
	long := func(s string) string { return s + strings.Repeat(" и так далее", 10) + "." }
	in := "ЧАСТЬ ПЕРВАЯ\nI\n" + long("Так говорила в июле известная Анна Павловна") + "\n— Прежде всего скажите, как ваше здоровье?\n— Как можно быть здоровой?\n" +
		long("Князь Василий говорил всегда лениво") + "\nII\n" + long("Гостиная начала понемногу наполняться") + "\n— Вы весь вечер у меня?\n"
	doc, _ := parseTextString(t, in)
	got := paras(doc)
	if len(got) != 6 || got[1] != "— Прежде всего скажите, как ваше здоровье?" || got[2] != "— Как можно быть здоровой?" || got[5] != "— Вы весь вечер у меня?" {
		t.Errorf("paragraphs = %q", got)
	}
	if o := strings.Join(outline(doc), "|"); o != "1:ЧАСТЬ ПЕРВАЯ|2:I|2:II" {
		t.Errorf("outline = %q", o)
	}
	// A hard-wrapped text with a few long lines (URLs) is not per line.
	wrapped := "T\n\nThe report is at\n" + strings.Repeat("x", 120) + "\nand it says that the\nyear was good.\n"
	doc, _ = parseTextString(t, wrapped)
	if got := paras(doc); len(got) != 1 {
		t.Errorf("wrapped text split: %q", got)
	}
}
