package analyze

import "github.com/briefbook/briefbook/internal/document"

// extractFacts fills every fact table from the numbered blocks. The name
// tagger reads the blocks while figures and dates are found: the two are
// independent and pure, so the result is the same on one core or many.
func extractFacts(us []unit) document.Facts {
	var f document.Facts
	names := goValue(func() nameTags { return tagNames(us) })
	f.Figures = findFigures(us)
	f.Timeline = findDates(us)
	nt := names()
	people, mentions := findPeople(us, nt)
	f.People = addSpeakers(people, speakerPeople(us))
	f.Organizations = findOrganizations(us, nt)
	f.Places = findPlaces(us, nt)
	f.Quotations = findQuotations(us, people, mentions, f.Organizations)
	return f
}

// goValue runs fn in a goroutine and returns a function that waits for its
// value. A panic in fn is raised again in the goroutine that waits, so the
// caller's recover sees it as if fn had run there.
func goValue[T any](fn func() T) func() T {
	type result struct {
		v     T
		panic any
		ok    bool
	}
	ch := make(chan result, 1)
	go func() {
		r := result{}
		defer func() {
			if !r.ok {
				r.panic = recover()
			}
			ch <- r
		}()
		r.v = fn()
		r.ok = true
	}()
	return func() T {
		r := <-ch
		if !r.ok {
			panic(r.panic)
		}
		return r.v
	}
}
