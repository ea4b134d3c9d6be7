package analyze

import "testing"

func TestIsTimeUnit(t *testing.T) {
	tests := []struct {
		word string
		want bool
	}{
		{"years", true},
		{"Minutes", true},
		{"minutes", true},
		{"decade", true},
		{"лет", true},
		{"МИНУТ", true},
		{"жыл", true},
		{"", false},
		{"year-old", false},
		{"years of talks", false},
		{"countries", false},
		{"yearbooks", false},
	}
	for _, tt := range tests {
		if got := isTimeUnit(tt.word); got != tt.want {
			t.Errorf("isTimeUnit(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}
