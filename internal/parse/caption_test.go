package parse

import (
	"testing"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/source"
)

func TestTableCaptions(t *testing.T) {
	table := "| a | b |\n|---|---|\n| 1 | 2 |\n"
	tests := []struct {
		name, src, caption string
		blocks             int
	}{
		{"before", "# T\n\nTable: Water quotas by year\n\n" + table, "Water quotas by year", 1},
		{"after", "# T\n\n" + table + "\n: Water quotas by year\n", "Water quotas by year", 1},
		{"none", "# T\n\nSome text.\n\n" + table, "", 2},
		{"markup is not a caption", "# T\n\nTable: *emphasis* here\n\n" + table, "", 2},
		{"prefix alone", "# T\n\nTable:\n\n" + table, "", 2},
		{"in a quote", "# T\n\n> Table: Quoted\n>\n> " + "| a | b |\n> |---|---|\n> | 1 | 2 |\n", "Quoted", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseMarkdown(&source.File{Name: "c.md", Data: []byte(tt.src)}, nil)
			if err != nil {
				t.Fatal(err)
			}
			blocks := doc.Sections[0].Blocks
			if q, ok := blocks[0].(*document.Quote); ok {
				blocks = q.Blocks
			}
			var tab *document.Table
			for _, b := range blocks {
				if x, ok := b.(*document.Table); ok {
					tab = x
				}
			}
			if tab == nil || tab.Caption != tt.caption || len(blocks) != tt.blocks {
				t.Errorf("caption %q, %d blocks; want %q, %d", tab.Caption, len(blocks), tt.caption, tt.blocks)
			}
		})
	}
}
