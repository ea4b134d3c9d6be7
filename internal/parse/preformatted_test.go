package parse

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// blockKinds returns "code" or "para" (etc.) for each block, in order.
func blockKinds(doc *document.Document) []string {
	var out []string
	doc.WalkSections(func(s *document.Section) bool {
		for _, b := range s.Blocks {
			switch b.(type) {
			case *document.CodeBlock:
				out = append(out, "code")
			case *document.Paragraph:
				out = append(out, "para")
			case *document.List:
				out = append(out, "list")
			default:
				out = append(out, "other")
			}
		}
		return true
	})
	return out
}

// rfcProse is indented body text as RFCs have it: the usual indentation
// of this text is 3 spaces.
const rfcProse = "   The protocol consists of an opening handshake followed by basic\n" +
	"   message framing, layered over TCP.  The goal of this technology is\n" +
	"   to provide a mechanism for applications that need two-way talk.\n\n"

// TestTextPreformatted: diagrams, grammars, aligned tables, code and
// contents lists are kept verbatim as code blocks; indented prose is prose.
func TestTextPreformatted(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
		code     string // the text of the first code block, if any
	}{
		{"diagram", "T\n\n" + rfcProse +
			"      0                   1\n      0 1 2 3 4 5 6 7 8 9 0 1\n     +-+-+-+-+-------+-+-----+\n     |F|R|R|R| opcode|M| len |\n     +-+-+-+-+-------+-+-----+\n\n" + rfcProse,
			[]string{"para", "code", "para"}, " 0                   1\n 0 1 2 3 4 5 6 7 8 9 0 1\n+-+-+-+-+-------+-+-----+\n|F|R|R|R| opcode|M| len |\n+-+-+-+-+-------+-+-----+"},
		{"ABNF deeper than the prose", "T\n\n" + rfcProse +
			"      extension-list = 1#extension\n      extension = extension-token *( \";\" extension-param )\n      extension-token = registered-token\n\n" + rfcProse,
			[]string{"para", "code", "para"}, "extension-list = 1#extension\nextension = extension-token *( \";\" extension-param )\nextension-token = registered-token"},
		{"HTTP example", "T\n\n" + rfcProse + "        GET /chat HTTP/1.1\n        Host: server.example.com\n        Upgrade: websocket\n\n" + rfcProse,
			[]string{"para", "code", "para"}, "GET /chat HTTP/1.1\nHost: server.example.com\nUpgrade: websocket"},
		{"aligned columns flush left", "T\n\nName        Code    Rate\nAlpha       A1      0.5\nBeta        B2      0.7\n\nText after.",
			[]string{"code", "para"}, "Name        Code    Rate\nAlpha       A1      0.5\nBeta        B2      0.7"},
		{"contents with dot leaders", "T\n\n   1.  Introduction . . . . . . . . . 4\n     1.1.  Background . . . . . . . . 4\n   2.  Conformance . . . . . . . . . . 9\n\nText.",
			[]string{"code", "para"}, "1.  Introduction . . . . . . . . . 4\n  1.1.  Background . . . . . . . . 4\n2.  Conformance . . . . . . . . . . 9"},
		{"list of illustrations, one entry a block", "T\n\nFrontispiece                           v\n\nTitle-page                             vii\n\nThe arrival of the Gardiners         294\n\nText.",
			[]string{"code", "para"}, "Frontispiece                           v\n\nTitle-page                             vii\n\nThe arrival of the Gardiners         294"},
		{"tab-indented code", "T\n\nProse line that is long enough to count as prose for the base.\n\n\tfor (i = 0; i < n; i++) {\n\t\tsum += a[i];\n\t}\n\nMore prose.",
			[]string{"para", "code", "para"}, "for (i = 0; i < n; i++) {\n        sum += a[i];\n}"},
		{"RFC prose indented 3 is prose", "T\n\n" + rfcProse + rfcProse, []string{"para", "para"}, ""},
		{"indented quotation in flush text", "T\n\nThe author wrote these words about the matter in the introduction:\n\n    It is a truth universally acknowledged, that a single man in\n    possession of a good fortune, must be in want of a wife, and the\n    neighbours consider him their rightful property.\n\nAnd so on.",
			[]string{"para", "para", "para"}, ""},
		{"short deeper sentence is prose", "T\n\n" + rfcProse + "               Latest version available at\n               <http://www.example.org/tr/>.\n\n" + rfcProse,
			[]string{"para", "para", "para"}, ""},
		{"short last line is prose", "T\n\nKazakhstan gained independence\nin 1991.", []string{"para"}, ""},
		{"ellipsis in prose", "T\n\n\"Calm yourself.... I assure you\nit is nothing,\" he said....", []string{"para"}, ""},
		{"two spaces after a full stop", "T\n\nIt ends.  Then it starts\nagain.  And ends.", []string{"para"}, ""},
		{"bullets with two spaces", "T\n\n" + rfcProse + "   o  The first item of a list.\n\n   o  The second item of it.\n\n" + rfcProse,
			[]string{"para", "para", "para", "para"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, _ := parseTextString(t, tt.in)
			got := blockKinds(doc)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("blocks = %v, want %v\n%q", got, tt.want, paras(doc))
			}
			if tt.code == "" {
				return
			}
			var code string
			doc.WalkSections(func(s *document.Section) bool {
				for _, b := range s.Blocks {
					if c, ok := b.(*document.CodeBlock); ok && code == "" {
						code = c.Text
					}
				}
				return true
			})
			if code != tt.code {
				t.Errorf("code =\n%s\nwant\n%s", code, tt.code)
			}
		})
	}
}
