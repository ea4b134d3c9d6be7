package analyze

import "github.com/briefbook/briefbook/internal/document"

// extractFacts fills every fact table from the numbered blocks.
func extractFacts(us []unit) document.Facts {
	var f document.Facts
	f.Figures = findFigures(us)
	f.Timeline = findDates(us)
	people, mentions := findPeople(us)
	f.People = people
	f.Organizations = findOrganizations(us)
	f.Places = findPlaces(us)
	f.Quotations = findQuotations(us, people, mentions, f.Organizations)
	return f
}
