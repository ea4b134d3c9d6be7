package fonts

import (
	"testing"

	"github.com/briefbook/briefbook/assets"
)

func TestEveryFaceCoversKazakhAndRussian(t *testing.T) {
	const letters = "ӘҒҚҢӨҰҮҺІәғқңөұүһі АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ абвгдеёжзийклмнопрстуфхцчшщъыьэюя «»—–…№ ¶·"
	for _, file := range assets.FontFiles {
		f, err := Load(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range letters {
			if r == ' ' {
				continue
			}
			if !f.Has(r) {
				t.Errorf("%s lacks %q (U+%04X)", file, r, r)
			}
		}
		if f.Has('😀') {
			t.Errorf("%s claims to have an emoji; the coverage check is broken", file)
		}
	}
}
