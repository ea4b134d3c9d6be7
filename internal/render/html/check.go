package html

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Namespaces used by the fragments.
const (
	NSXHTML = "http://www.w3.org/1999/xhtml"
	NSEPUB  = "http://www.idpf.org/2007/ops"
)

// Check reports whether fragment is well-formed XHTML content: it must
// parse as XML inside an element that declares the XHTML and EPUB
// namespaces, with every element closed and only XML entities used. The
// error names the line and column inside the fragment.
func Check(fragment string) error {
	const open = `<div xmlns="` + NSXHTML + `" xmlns:epub="` + NSEPUB + `">`
	d := xml.NewDecoder(strings.NewReader(open + fragment + "</div>"))
	d.Strict = true
	d.Entity = nil
	depth := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if depth != 0 {
				return errors.New("xhtml: unclosed element at end of fragment")
			}
			return nil
		}
		if err != nil {
			line, col := d.InputPos()
			if line == 1 {
				col -= len(open)
			}
			return fmt.Errorf("xhtml: fragment line %d col %d: %v", line, col, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			if depth > 1 && t.Name.Space != NSXHTML {
				return fmt.Errorf("xhtml: element <%s> is not in the XHTML namespace", t.Name.Local)
			}
		case xml.EndElement:
			depth--
		}
	}
}
