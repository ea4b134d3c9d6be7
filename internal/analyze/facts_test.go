package analyze

import (
	"strings"
	"testing"

	"github.com/briefbook/briefbook/internal/document"
)

// units1 makes one block of text for the fact finders.
func units1(text string) []unit {
	return []unit{{ID: "p1", Text: text, Sents: Sentences(text, "en")}}
}

// withTags returns the blocks and the tagger's names in them.
func withTags(us []unit) ([]unit, nameTags) { return us, tagNames(us) }

func TestFigures(t *testing.T) {
	tests := []struct {
		text      string
		value     float64
		high      float64
		qualifier string
		unit      string
	}{
		{"Over 1600 international and intergovernmental contracts and agreements have been signed.", 1600, 0, "over", "international and intergovernmental contracts and agreements"},
		{"It has relations with 140 countries and formed a framework.", 140, 0, "", "countries"},
		{"It is a member of nearly 70 international political and economic organizations.", 70, 0, "nearly", "international political and economic organizations"},
		{"There are about 80 diplomatic and consular stations worldwide.", 80, 0, "about", "diplomatic and consular stations"},
		{"Sales decreased by 28% last year.", 28, 0, "", "%"},
		{"Prices rose 4.5 per cent.", 4.5, 0, "", "%"},
		{"The plan costs 2.5bn euros.", 2.5e9, 0, "", "EUR"},
		{"They paid $2 million in fines.", 2e6, 0, "", "USD"},
		{"Tickets cost between 120 euros and 280 euros.", 120, 280, "between", "EUR"},
		{"She waited at least 48 hours.", 48, 0, "at least", "hours"},
		{"It employs 10-15 workers.", 10, 15, "", "workers"},
		{"More than 4,000 police were deployed.", 4000, 0, "more than", "police"},
		{"Около 200 человек пришли.", 200, 0, "около", "человек"},
		{"Tickets cost between 400 euros (£340) and 900 euros.", 400, 900, "between", "EUR"},
		{"The ferry drifted for about 2 hours and 25 minutes without power.", 145, 0, "about", "minutes"},
		{"She had governed for 14 years.", 14, 0, "", "years"},
		{"The smoke was thicker where 31 of the climbers are sheltering.", 31, 0, "", "climbers"},
		{"Then 40 other climbers escaped.", 40, 0, "", "other climbers"},
		{"The storm left at least four sailors dead.", 4, 0, "at least", "sailors"},
		{"Police arrested two dozen protesters.", 24, 0, "", "protesters"},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			fs := findFigures(units1(tt.text))
			if len(fs) != 1 {
				t.Fatalf("got %d figures %+v, want 1", len(fs), fs)
			}
			f := fs[0]
			if f.Value != tt.value || f.High != tt.high || f.Qualifier != tt.qualifier || f.Unit != tt.unit || f.Paragraph != "p1" {
				t.Errorf("got %+v\nwant value %v high %v qualifier %q unit %q", f, tt.value, tt.high, tt.qualifier, tt.unit)
			}
			if f.HasRange != (tt.high != 0) {
				t.Errorf("HasRange = %v", f.HasRange)
			}
		})
	}
}

func TestNotFigures(t *testing.T) {
	for _, text := range []string{
		"By 2008 Kazakhstan had joined.",
		"It began on December 16th 1991.",
		"The meeting was on May 28, 2008.",
		"The 5th Anniversary Conference met.",
		"Crown Prince Tarek, 39, spoke.",
		"The 81-year-old retired.",
		"He flew a Boeing 737 as Flight 412 of No. 9 Squadron.",
		"They met at 10:30 in the morning.",
		"During the last 20 years it changed.",
		"It happened two years ago and 5 years ago.",
		"In the 1990s things were different.",
		"The B-757 and KLM642 landed.",
		"There are two reasons for this and one of them matters.",
		"It happened three years ago.",
		"The two countries signed.",
	} {
		if fs := findFigures(units1(text)); len(fs) != 0 {
			t.Errorf("%q: got figures %+v, want none", text, fs)
		}
	}
}

func TestDates(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Kazakhstan gained its independence on December 16th 1991.", []string{"1991-12-16"}},
		{"The conference on May 28, 2008 confirmed it.", []string{"2008-05-28"}},
		{"It was signed on 16 December 1991.", []string{"1991-12-16"}},
		{"Recorded 2008-05-28 in the log.", []string{"2008-05-28"}},
		{"By 2008 Kazakhstan had 140 partners.", []string{"2008"}},
		{"It has grown since 2005.", []string{"2005"}},
		{"In March 2011, Queen Ottilie abdicated.", []string{"2011-03"}},
		{"Formed on 14 February 1952, disbanded on 9 June.", []string{"1952-02-14", "1952-06-09"}},
		{"Казахстан обрёл независимость 16 декабря 1991 года.", []string{"1991-12-16"}},
		{"В 2008 году он приехал.", []string{"2008"}},
		{"They met on Monday and last year.", nil},
		{"He served for 12 years over 1600 agreements.", nil},
		{"In the 1990s it was quiet.", nil},
		{"We may go in March.", nil},
		{"A patrol boat went down on the night of 11/12 October 1944.", []string{"1944-10-11"}},
		{"Between October 1951 and April 1952 the flotilla sailed.", []string{"1951-10"}},
		{"The war of 1991–1995 ended.", []string{"1991"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			evs := findDates(units1(tt.text))
			var got []string
			for _, e := range evs {
				got = append(got, e.Date)
				if e.Paragraph != "p1" || e.Event == "" && len(strings.Fields(tt.text)) > 4 {
					t.Errorf("event %+v lacks paragraph or description", e)
				}
			}
			if strings.Join(got, ",") != strings.Join(tt.want, ",") {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

func TestEventClause(t *testing.T) {
	s := "The formulation of conceptual basis was started shortly after Kazakhstan gained its independence on December 16th 1991."
	a := strings.Index(s, "December")
	got := eventClause(s, a, a+len("December 16th 1991"))
	if got != "Kazakhstan gained its independence" {
		t.Errorf("eventClause = %q", got)
	}
	long := "In 2008 " + strings.Repeat("word ", 30)
	if n := len(strings.Fields(eventClause(long, 3, 7))); n > maxEventWords {
		t.Errorf("event has %d words, want at most %d", n, maxEventWords)
	}
}

func TestPeople(t *testing.T) {
	tests := []struct {
		text       string
		name, role string
	}{
		{"Kazakhstan's Deputy Foreign Minister Mr. Nurlan Ermekbayev has confirmed it.", "Nurlan Ermekbayev", "Deputy Foreign Minister"},
		{"The first President of the independent Kazakhstan Nursultan Nazarbayev has determined the strategy.", "Nursultan Nazarbayev", "first President of Kazakhstan"},
		{"Sir Winston Churchill once said that.", "Winston Churchill", "Sir"},
		{"Queen Ottilie handed on the throne.", "Ottilie", "Queen"},
		{"\"It is fine,\" Martin Abernethy said.", "Martin Abernethy", ""},
		{"It was under the command of Flight Lieutenant R.T. Okafor.", "R.T. Okafor", "Flight Lieutenant"},
		{"King Rodrigo Esteban I of Portugal stepped down.", "Rodrigo Esteban I", "King"},
		{"\"It was fine,\" explained naval correspondent and historian Helena Marchetti.", "Helena Marchetti", "naval correspondent and historian"},
		{"On Friday, Lucien Dufort, vice president of the Alpine Transit Board, agreed.", "Lucien Dufort", "vice president of the Alpine Transit Board"},
		{"In 1997, the Mongolian Minister, Batbayar Tsend, pushed the law.", "Batbayar Tsend", "Minister"},
		{"It was a restructuring of the Harlow Range Complex, the second site.", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ps, _ := findPeople(withTags(units1(tt.text)))
			if tt.name == "" {
				if len(ps) != 0 {
					t.Errorf("got %+v, want nobody", ps)
				}
				return
			}
			if len(ps) != 1 || ps[0].Name != tt.name || ps[0].Role != tt.role {
				t.Errorf("got %+v, want %q (%q)", ps, tt.name, tt.role)
			}
		})
	}
	// Mentions of one person merge; "Republic" is nobody.
	us := []unit{
		{ID: "p1", Text: "Prime Minister John Smith arrived. Republic has become a member."},
		{ID: "p2", Text: "Later Mr Smith left."},
	}
	for i := range us {
		us[i].Sents = Sentences(us[i].Text, "en")
	}
	ps, ms := findPeople(us, tagNames(us))
	if len(ps) != 1 || ps[0].Name != "John Smith" || ps[0].Role != "Prime Minister" || len(ps[0].Paragraphs) != 2 || len(ms) != 2 {
		t.Errorf("merge: got %+v (%d mentions)", ps, len(ms))
	}
}

func TestOrganizations(t *testing.T) {
	text := "Kazakhstan works with OSCE, ECO, OIC, SCO, ASEAN and others. The Proliferation Security Initiative (PSI) met. " +
		"The Ministry of Foreign Affairs spoke. The Republic and World War II are not bodies; neither is the US."
	os := findOrganizations(withTags(units1(text)))
	got := map[string]document.Organization{}
	for _, o := range os {
		got[o.Name] = o
	}
	for _, want := range []struct{ name, acronym string }{
		{"Organization for Security and Co-operation in Europe", "OSCE"},
		{"Economic Cooperation Organization", "ECO"},
		{"Organisation of Islamic Cooperation", "OIC"},
		{"Shanghai Cooperation Organisation", "SCO"},
		{"Association of Southeast Asian Nations", "ASEAN"},
		{"Proliferation Security Initiative", "PSI"},
		{"Ministry of Foreign Affairs", ""},
	} {
		o, ok := got[want.name]
		if !ok || o.Acronym != want.acronym {
			t.Errorf("missing %q (%s): got %+v", want.name, want.acronym, os)
		}
	}
	if len(os) != 7 {
		t.Errorf("got %d organisations, want 7: %+v", len(os), os)
	}
}

func TestPlaces(t *testing.T) {
	text := "Kazakhstan develops relations with United States, Russia, China, Central Asian countries and many other European and Asian countries. Казахстан и Россия."
	ps := findPlaces(withTags(units1(text)))
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	want := "Kazakhstan,United States,Russia,China,Central Asia,Europe,Asia"
	if strings.Join(names, ",") != want {
		t.Errorf("got %v, want %s", names, want)
	}
	if len(findPlaces(withTags(units1("china cups and a turkey dinner")))) != 0 {
		t.Error("lower-case common words matched as places")
	}
}

func TestQuotations(t *testing.T) {
	text := "Sir Winston Churchill once said that «generals always prepare for the last war». Kazakhstan has built a \"security belt\" around its borders."
	us := units1(text)
	ps, ms := findPeople(us, tagNames(us))
	qs := findQuotations(us, ps, ms, nil)
	if len(qs) != 1 || qs[0].Text != "generals always prepare for the last war" || qs[0].Speaker != "Winston Churchill" {
		t.Errorf("got %+v", qs)
	}
	text = "“We will rebuild the town within a year,” the mayor John Doe told reporters."
	us = units1(text)
	ps, ms = findPeople(us, tagNames(us))
	qs = findQuotations(us, ps, ms, nil)
	if len(qs) != 1 || qs[0].Speaker != "John Doe" {
		t.Errorf("got %+v", qs)
	}
}

func TestPeopleMerge(t *testing.T) {
	text := "Sheikh Tariq bin Salem Al Hadhri, the Emir of Kuwait, abdicated. Sheikh Tariq sent a message. " +
		"King Konrad III of Denmark retired. King Konrad was 83."
	ps, _ := findPeople(withTags(units1(text)))
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "Tariq bin Salem Al Hadhri,Konrad III" {
		t.Errorf("got %s", got)
	}
}

func TestOrganizationShapes(t *testing.T) {
	text := "No. 12 Squadron joined No. 48 Wing RCAF and later No. 48 Wing again. Four DHC Otter planes flew. " +
		"Reuters and Kyodo reported it, according to the Courier. The Italian Embassy paid."
	got := map[string]string{}
	for _, o := range findOrganizations(withTags(units1(text))) {
		got[o.Name] = o.Acronym
	}
	for _, want := range []string{"No. 12 Squadron", "No. 48 Wing RCAF", "Royal Canadian Air Force", "Reuters", "Kyodo", "Courier", "Italian Embassy"} {
		if _, ok := got[want]; !ok {
			t.Errorf("missing %q in %v", want, got)
		}
	}
	for _, bad := range []string{"DHC", "No. 48 Wing"} {
		if _, ok := got[bad]; ok {
			t.Errorf("unexpected %q in %v", bad, got)
		}
	}
}

func TestPlacesShipsAndTitle(t *testing.T) {
	ps := findPlaces(withTags(units1("After the loss of HMCS Toronto it moved to Northern Ireland and New Zealand.")))
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, ","); got != "Northern Ireland,New Zealand" {
		t.Errorf("got %s", got)
	}
	ps = addTitlePlaces(ps, "Radio helps farming in Asia")
	if ps[len(ps)-1].Name != "Asia" || ps[len(ps)-1].Paragraphs == nil {
		t.Errorf("title place: %+v", ps)
	}
}

func TestQuotationLabels(t *testing.T) {
	text := "The Mongolian Minister, Batbayar Tsend, wanted its reputation as \"a harbour of free trade\" back."
	us := units1(text)
	ps, ms := findPeople(us, tagNames(us))
	if qs := findQuotations(us, ps, ms, nil); len(qs) != 0 {
		t.Errorf("label taken as a quotation: %+v", qs)
	}
}
