package analyze

import "testing"

// TestEventText checks that a timeline event is a readable clause about
// what happened, never a fragment of function words, and that citation
// and reference dates are no events.
func TestEventText(t *testing.T) {
	tests := []struct {
		name, text string
		date, end  string // "" date: no event
		event      string
	}{
		{"lead-in of function words", "During and after 1945, the city grew quickly.", "1945", "", "The city grew quickly"},
		{"prior to", "He resided in Meridian prior to 1971.", "1971", "", "He resided in Meridian"},
		{"parenthetical date", "The Second World War (1939–1945) changed the city for ever.", "1939", "1945", "The Second World War changed the city for ever"},
		{"parenthetical remark", "On 25 June 1950 the Korean People's Army (KPA) invaded the South.", "1950-06-25", "", "The Korean People's Army invaded the South"},
		{"list of years", "He played in 1947 and 1948 for the Wolverines.", "1947", "", "He played for the Wolverines"},
		{"access date", "Retrieved 12 March 2015.", "", "", ""},
		{"access date after a title", "\"Annual report\". The Times. Archived from the original on 3 May 2016.", "", "", ""},
		{"year range", "The agreement was in force from 1997 to 2019 across the region.", "1997", "2019", "The agreement was in force across the region"},
		{"ru year", "В 1991 году Казахстан провозгласил независимость.", "1991", "", "Казахстан провозгласил независимость"},
		{"ru full date", "12 марта 2015 года стороны подписали соглашение.", "2015-03-12", "", "Стороны подписали соглашение"},
		{"ru range", "С 1997 по 2019 год столицей была Астана.", "1997", "2019", "Столицей была Астана"},
		{"ru access date", "Проверено 12 марта 2015.", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := findDates([]unit{{ID: "p1", Text: tt.text, Sents: Sentences(tt.text, langOf(tt.text))}})
			if tt.date == "" {
				if len(evs) != 0 {
					t.Fatalf("got %+v, want no event", evs)
				}
				return
			}
			if len(evs) == 0 {
				t.Fatalf("no event, want %s", tt.date)
			}
			e := evs[0]
			if e.Date != tt.date || e.End != tt.end || e.Event != tt.event {
				t.Errorf("got %s/%s %q, want %s/%s %q", e.Date, e.End, e.Event, tt.date, tt.end, tt.event)
			}
		})
	}
}

// TestReferenceDates checks that blocks of a reference list give no events.
func TestReferenceDates(t *testing.T) {
	for _, text := range []string{
		"Smith, J. (12 March 2005). The history of the steppe. Oxford: OUP. ISBN 978-0-19-000000-1.",
		"Ivanova, Anna (4 May 2011). \"Notes on the region\". Regional Review. Retrieved 12 March 2015.",
		"[12] Brown, K. Report on the talks, 3 June 2001, pp. 4–9.",
	} {
		if evs := findDates(units1(text)); len(evs) != 0 {
			t.Errorf("%q: got %+v, want no event", text, evs)
		}
	}
	// A list of references in the body, one unit: every entry is skipped,
	// the sentence before it is not.
	list := "The treaty was signed on 16 December 1991. Sources:\n" +
		"Smith, J. (12 March 2005). The history of the steppe. Oxford: OUP.\n" +
		"Ivanova, A. (4 May 2011). Notes on the region. Regional Review, 3 June 2011."
	if evs := findDates(units1(list)); len(evs) != 1 || evs[0].Date != "1991-12-16" {
		t.Errorf("references in a body block: got %+v, want only 1991-12-16", evs)
	}
	// An inline citation with pages is body text.
	body := "Astana became the capital in 1997. From 1997 to 2019 the city grew fast (Smith 2005, pp. 4–9)."
	if evs := findDates(units1(body)); len(evs) != 2 {
		t.Errorf("body with an inline citation: got %+v, want 1997 and 1997–2019", evs)
	}
	us := units1("The treaty was signed on 16 December 1991.")
	us[0].Role = roleMatter
	if evs := findDates(us); len(evs) != 0 {
		t.Errorf("a block under References: got %+v", evs)
	}
}
