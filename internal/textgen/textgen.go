// Package textgen makes reproducible random text for tests: inputs of a
// given size that compress poorly, so that the cost of drawing, measuring or
// storing text cannot hide behind repetition.
package textgen

import (
	"math/rand/v2"
	"strings"
)

// Lower is the alphabet of lower-case English words.
const Lower = "abcdefghijklmnopqrstuvwxyz"

// Words returns about n bytes of words of 2–9 letters drawn from alphabet,
// separated by single spaces; the same seed gives the same text.
func Words(n int, seed uint64, alphabet string) string {
	r := rand.New(rand.NewPCG(seed, 1))
	letters := []rune(alphabet)
	var b strings.Builder
	for b.Len() < n {
		for k := 2 + r.IntN(8); k > 0; k-- {
			b.WriteRune(letters[r.IntN(len(letters))])
		}
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}
