package analyze

import (
	"strings"
	"testing"
)

// ruFixture is an invented Russian news text for the fact finders.
const ruFixture = "Президент Республики Казахстан Нурсултан Назарбаев 16 декабря 1991 года подписал закон. " +
	"По данным ООН, около 200 человек пришли на встречу в Астане. " +
	"Министр иностранных дел заявил: «Мы будем развивать отношения со всеми странами региона». " +
	"В 2008 году Казахстан вступил в ОБСЕ."

func TestFactsRussian(t *testing.T) {
	us := units1(ruFixture)
	f := extractFacts(us)
	var dates []string
	for _, e := range f.Timeline {
		dates = append(dates, e.Date)
	}
	if got := strings.Join(dates, ","); got != "1991-12-16,2008" {
		t.Errorf("timeline %s", got)
	}
	if len(f.Figures) != 1 || f.Figures[0].Value != 200 || f.Figures[0].Qualifier != "около" {
		t.Errorf("figures %+v", f.Figures)
	}
	orgs := map[string]string{}
	for _, o := range f.Organizations {
		orgs[o.Acronym] = o.Expansion
	}
	if orgs["ООН"] != "United Nations" || orgs["ОБСЕ"] == "" {
		t.Errorf("organisations %+v", f.Organizations)
	}
	places := map[string]bool{}
	for _, p := range f.Places {
		places[p.Name] = true
	}
	if !places["Kazakhstan"] {
		t.Errorf("places %+v", f.Places)
	}
	if len(f.Quotations) != 1 || !strings.HasPrefix(f.Quotations[0].Text, "Мы будем") {
		t.Errorf("quotations %+v", f.Quotations)
	}
}
