package parse

import (
	"strings"
	"testing"
)

// TestMemoHeader: To/From/Date/Subject lines at the top fill the metadata;
// the lines not read (To, CC) stay as paragraphs of their own.
func TestMemoHeader(t *testing.T) {
	tests := []struct {
		name, in, title, author, date string
		body                          []string
	}{
		{"memo", "To: All staff\nFrom: J. Smith\nDate: 2024-03-14\nSubject: Budget\n\nThe budget is set.",
			"Budget", "J. Smith", "2024-03-14", []string{"To: All staff", "The budget is set."}},
		{"after a MEMORANDUM line", "MEMORANDUM\n\nTO: Board\nFROM: Chair\nRE: Meeting\nCC: Staff\n\nText.",
			"Meeting", "Chair", "", []string{"TO: Board", "CC: Staff", "Text."}},
		{"russian", "Кому: Отделам\nОт: Директор\nТема: План работ\n\nТекст.", "План работ", "Директор", "", []string{"Кому: Отделам", "Текст."}},
		{"bad date stays", "From: A\nDate: soon\nSubject: S\n\nText.", "S", "A", "", []string{"Date: soon", "Text."}},
		{"one key is not a memo", "Subject: a note\n\nText.", "Subject: a note", "", "", []string{"Text."}},
		{"other lines make it text", "To: you\nFrom: me\nsome words here\n\nText.", "To: you", "", "", []string{"From: me some words here", "Text."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseTextString(t, tt.in)
			m := doc.Meta
			if m.Title != tt.title || m.Author != tt.author || m.Date != tt.date {
				t.Errorf("meta title=%q author=%q date=%q, want %q %q %q", m.Title, m.Author, m.Date, tt.title, tt.author, tt.date)
			}
			if got := paras(doc); strings.Join(got, "|") != strings.Join(tt.body, "|") {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
		})
	}
}

// TestTextFrontMatter: YAML front matter at the top of a .txt file is read
// as in Markdown; a leading rule or YAML without known keys stays text.
func TestTextFrontMatter(t *testing.T) {
	tests := []struct {
		name, in, title, author string
		body                    []string
		warnings                int
	}{
		{"yaml", "---\ntitle: Notes\nauthor: [A, B]\n---\n\nBody text.", "Notes", "A, B", []string{"Body text."}, 0},
		{"rule then text", "---\n\nSome words.\n\n---\n\nMore words.", "", "", []string{"", "Some words.", "", "More words."}, 0},
		// Read as before: a rule, then a heading underlined with dashes.
		{"unknown keys", "---\nfoo: bar\n---\n\nBody.", "", "", []string{"", "Body."}, 0},
		{"broken yaml", "---\ntitle: [unclosed\n---\n\nBody.", "", "", []string{"", "Body."}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, ws := parseTextString(t, tt.in)
			if doc.Meta.Title != tt.title || doc.Meta.Author != tt.author {
				t.Errorf("meta title=%q author=%q", doc.Meta.Title, doc.Meta.Author)
			}
			if got := paras(doc); strings.Join(got, "|") != strings.Join(tt.body, "|") {
				t.Errorf("body = %q, want %q", got, tt.body)
			}
			if strings.Contains(tt.in, "foo") && !strings.Contains(strings.Join(outline(doc), "|"), "foo: bar") {
				t.Errorf("outline = %q: the YAML-like line is lost", outline(doc))
			}
			if len(ws.List) != tt.warnings {
				t.Errorf("warnings = %v", ws.List)
			}
		})
	}
}
