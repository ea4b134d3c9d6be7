package analyze

import "github.com/briefbook/briefbook/internal/document"

// extractFacts fills every fact table from the numbered blocks.
func extractFacts(us []unit) document.Facts {
	var f document.Facts
	f.Figures = findFigures(us)
	f.Timeline = findDates(us)
	nt := tagNames(us)
	people, mentions := findPeople(us, nt)
	f.People = addSpeakers(people, speakerPeople(us))
	f.Organizations = findOrganizations(us, nt)
	f.Places = findPlaces(us, nt)
	f.Quotations = findQuotations(us, people, mentions, f.Organizations)
	return f
}
