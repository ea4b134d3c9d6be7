package analyze

import (
	"os"
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

const seedPath = "../../source/main-vectors-of-kazakhstan-foreign-policy.txt"

// plainDoc builds a document the way the plain-text reader does, closely
// enough for analysis: the first line is the title when titled is true, and
// the rest is split at blank lines into one untitled section of paragraphs.
// It is local so these tests do not depend on package parse.
func plainDoc(name, text string, titled bool) *document.Document {
	d := &document.Document{Meta: document.Meta{Source: name, Language: "en"}}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	line := 1
	if titled {
		first, rest, _ := strings.Cut(text, "\n")
		d.Meta.Title = strings.TrimSpace(first)
		text = rest
		line = 2
	}
	sec := &document.Section{Level: 1, Pos: source.Pos{File: name, Line: line}}
	for _, para := range strings.Split(text, "\n\n") {
		n := strings.Count(para, "\n")
		t := strings.TrimSpace(para)
		if t != "" {
			lead := len(para) - len(strings.TrimLeft(para, "\n"))
			sec.Blocks = append(sec.Blocks, &document.Paragraph{
				Pos:     source.Pos{File: name, Line: line + lead},
				Inlines: []document.Inline{document.Text(strings.Join(strings.Fields(t), " "))},
			})
		}
		line += n + 2
	}
	d.Sections = []*document.Section{sec}
	d.Number()
	return d
}

// seedDoc reads the first real source, or skips the test.
func seedDoc(t testing.TB) *document.Document {
	t.Helper()
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed source not available: %v", err)
	}
	return plainDoc("seed.txt", string(b), true)
}
