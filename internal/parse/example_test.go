package parse_test

import (
	"fmt"

	"github.com/briefbook/briefbook/internal/document"
	"github.com/briefbook/briefbook/internal/parse"
	"github.com/briefbook/briefbook/internal/source"
)

func ExampleParse() {
	f := &source.File{Name: "brief.txt", Data: []byte("Foreign policy\n\n1. Principles\n\nKazakhstan gained independence\nin 1991.\n")}
	var ws source.Warnings
	doc, err := parse.Parse(f, &ws)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("title:", doc.Meta.Title, "| language:", doc.Meta.Language)
	doc.WalkSections(func(s *document.Section) bool {
		fmt.Printf("%s %s (line %d)\n", s.Number, s.Title, s.Pos.Line)
		for _, b := range s.Numbered() {
			fmt.Printf("  ¶%d line %d: %s\n", document.RefOf(b).Number, b.Position().Line, document.BlockText(b))
		}
		return true
	})
	// Output:
	// title: Foreign policy | language: en
	// 1 Principles (line 3)
	//   ¶1 line 5: Kazakhstan gained independence in 1991.
}
