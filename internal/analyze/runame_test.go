package analyze

import "testing"

func TestRuNominative(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Сергеем Лавровым", "Сергей Лавров"},
		{"Сергея Лаврова", "Сергей Лавров"},
		{"Сергею Лаврову", "Сергей Лавров"},
		{"Сергее Лаврове", "Сергей Лавров"},
		{"Марии Захаровой", "Мария Захарова"},
		{"Марию Захарову", "Мария Захарова"},
		{"Мария Захарова", "Мария Захарова"},
		{"Анны Павловны Шерер", "Анна Павловна Шерер"},
		{"Ильи Андреевича Ростова", "Илья Андреевич Ростов"},
		{"Фёдора Достоевского", "Фёдор Достоевский"},
		{"Юрия Лужкова", "Юрий Лужков"},
		{"Бориса Громова", "Борис Громов"},
		{"Игоря Сечина", "Игорь Сечин"},
		// Without a given name only the endings that say it alone.
		{"Лавровым", "Лавров"},
		{"Достоевского", "Достоевский"},
		{"Лаврова", "Лаврова"},
		// Foreign names and Latin script are left as written.
		{"Барак Обама", "Барак Обама"},
		{"Angela Merkel", "Angela Merkel"},
		{"Касым-Жомарт Токаев", "Касым-Жомарт Токаев"},
	}
	for _, tt := range tests {
		if got := ruNominative(tt.in); got != tt.want {
			t.Errorf("ruNominative(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRuNameKey(t *testing.T) {
	for _, group := range [][]string{
		{"Лавров", "Лаврова", "Лавровым", "Лаврову", "Лаврове"},
		{"Обама", "Обамы", "Обаме", "Обамой"},
		{"Токаев", "Токаева", "Токаевым"},
	} {
		want := ruNameKey(group[0])
		for _, w := range group[1:] {
			if got := ruNameKey(w); got != want {
				t.Errorf("ruNameKey(%q) = %q, want %q (as %q)", w, got, want, group[0])
			}
		}
	}
}
