package epub

import "strings"

// labels are the words the book itself prints, in one language.
type labels struct {
	Contents, Landmarks, Cover, TitlePage, Text, Notes, Continued string
	Briefing, Summary, KeyPoints, KeyFacts, Figures, Timeline     string
	People, Organizations, Places, Quotations                     string
	Date, Event, Name, Role, Acronym, FullName, Mentions          string
	Quote, Speaker, Paragraph, Source, Words, Minutes, Author     string
	CoverAlt, A11ySummary, Pages, Table, Figure                   string
}

var labelsByLang = map[string]labels{
	"en": {
		Contents: "Contents", Landmarks: "Landmarks", Cover: "Cover", TitlePage: "Title page",
		Text: "Text", Notes: "Notes", Continued: "continued",
		Briefing: "BRIEFING", Summary: "Summary", KeyPoints: "Key points", KeyFacts: "Key facts",
		Figures: "Figures", Timeline: "Timeline", People: "People", Organizations: "Organisations",
		Places: "Places", Quotations: "Quotations", Date: "Date", Event: "Event", Name: "Name",
		Role: "Role", Acronym: "Acronym", FullName: "Full name", Mentions: "Mentioned in",
		Quote: "Quotation", Speaker: "Speaker", Paragraph: "Paragraph", Source: "Source",
		Words: "words", Minutes: "min read", Author: "Author",
		CoverAlt: "Cover: ", Pages: "Pages", Table: "Table", Figure: "Figure",
	},
	"ru": {
		Contents: "Содержание", Landmarks: "Ориентиры", Cover: "Обложка", TitlePage: "Титульная страница",
		Text: "Текст", Notes: "Примечания", Continued: "продолжение",
		Briefing: "БРИФИНГ", Summary: "Краткое содержание", KeyPoints: "Главное", KeyFacts: "Ключевые факты",
		Figures: "Цифры", Timeline: "Хронология", People: "Персоны", Organizations: "Организации",
		Places: "Места", Quotations: "Цитаты", Date: "Дата", Event: "Событие", Name: "Имя",
		Role: "Роль", Acronym: "Сокращение", FullName: "Полное название", Mentions: "Упоминания",
		Quote: "Цитата", Speaker: "Автор", Paragraph: "Абзац", Source: "Источник",
		Words: "слов", Minutes: "мин чтения", Author: "Автор",
		CoverAlt: "Обложка: ", Pages: "Страницы", Table: "Таблица", Figure: "Рисунок",
	},
	"kk": {
		Contents: "Мазмұны", Landmarks: "Бағдарлар", Cover: "Мұқаба", TitlePage: "Титул беті",
		Text: "Мәтін", Notes: "Ескертпелер", Continued: "жалғасы",
		Briefing: "БРИФИНГ", Summary: "Түйіндеме", KeyPoints: "Негізгі тұжырымдар", KeyFacts: "Негізгі деректер",
		Figures: "Сандар", Timeline: "Хронология", People: "Тұлғалар", Organizations: "Ұйымдар",
		Places: "Жерлер", Quotations: "Дәйексөздер", Date: "Күні", Event: "Оқиға", Name: "Аты",
		Role: "Рөлі", Acronym: "Қысқартылуы", FullName: "Толық атауы", Mentions: "Айтылған жері",
		Quote: "Дәйексөз", Speaker: "Айтқан", Paragraph: "Азатжол", Source: "Дереккөз",
		Words: "сөз", Minutes: "мин оқу", Author: "Автор",
		CoverAlt: "Мұқаба: ", Pages: "Беттер", Table: "Кесте", Figure: "Сурет",
	},
}

// bookLang returns the BCP 47 tag of the book ("en" when the document
// does not say) and the labels for its primary language (English labels
// for languages briefbook does not know).
func bookLang(tag string) (string, labels) {
	tag = strings.TrimSpace(tag)
	if tag == "" || !validLangTag(tag) {
		tag = "en"
	}
	primary := strings.ToLower(tag)
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	l, ok := labelsByLang[primary]
	if !ok {
		l = labelsByLang["en"]
	}
	return tag, l
}

// validLangTag is a loose BCP 47 check: ASCII letters and digits in
// subtags of 1–8 separated by hyphens, the first all letters.
func validLangTag(tag string) bool {
	for i, sub := range strings.Split(tag, "-") {
		if len(sub) < 1 || len(sub) > 8 {
			return false
		}
		for _, c := range sub {
			letter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
			if !letter && (i == 0 || c < '0' || c > '9') {
				return false
			}
		}
	}
	return true
}
