package ruleoff

import "testing"

func TestSet(t *testing.T) {
	var none Set
	if none.Has("extract", "digits") {
		t.Fatal("the zero Set switches a rule off")
	}
	s := Of("extract/digits", "magiclink/button")
	for _, tt := range []struct {
		pkg, name string
		want      bool
	}{
		{"extract", "digits", true},
		{"magiclink", "button", true},
		{"extract", "button", false},     // another package's rule of that name
		{"extract", "six-digits", false}, // a longer name
		{"extract", "digit", false},
		{"extrac", "t/digits", false}, // the same bytes, cut elsewhere
	} {
		if got := s.Has(tt.pkg, tt.name); got != tt.want {
			t.Errorf("Has(%q, %q) = %v, want %v", tt.pkg, tt.name, got, tt.want)
		}
	}
	names := []string{"extract/digits"}
	s = Of(names...)
	names[0] = "extract/other"
	if !s.Has("extract", "digits") {
		t.Error("Of shares the caller's slice")
	}
}
