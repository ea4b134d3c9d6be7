package analyze

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoBuilderCopies audits the module: no slice, array or map may hold a
// strings.Builder (or a struct of this module that holds one) by value.
// Growing or copying such a container copies non-zero builders, whose
// hidden self-pointer then dangles; when the first backing store was on the
// stack this corrupts the heap (see testdata/builder-copy/README.md).
func TestNoBuilderCopies(t *testing.T) {
	root := filepath.Join("..", "..")
	fset := token.NewFileSet()
	var files []*ast.File
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".") && p != root) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		files = append(files, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found only %d Go files under %s: wrong root?", len(files), root)
	}
	isBuilder := func(e ast.Expr) bool {
		s, ok := e.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		x, ok := s.X.(*ast.Ident)
		return ok && x.Name == "strings" && s.Sel.Name == "Builder"
	}
	// Struct types that hold a builder by value, by name.
	holders := map[string]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok {
				for _, fl := range st.Fields.List {
					if isBuilder(fl.Type) {
						holders[ts.Name.Name] = true
					}
				}
			}
			return true
		})
	}
	holds := func(e ast.Expr) bool {
		if id, ok := e.(*ast.Ident); ok {
			return holders[id.Name]
		}
		return isBuilder(e)
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			var elem ast.Expr
			switch x := n.(type) {
			case *ast.ArrayType:
				elem = x.Elt
			case *ast.MapType:
				elem = x.Value
			default:
				return true
			}
			if holds(elem) {
				t.Errorf("%s: a container of strings.Builder values; keep one builder, or pointers", fset.Position(n.Pos()))
			}
			return true
		})
	}
}
