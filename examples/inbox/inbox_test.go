package inbox

import "testing"

func TestNormalizeIdentifier(t *testing.T) {
	for in, want := range map[string]string{
		" Jane.Roe@Example.COM ": "jane.roe@example.com",
		"+1 (415) 555-0123":      "+14155550123",
		"+14155550123":           "+14155550123",
		"415.555.0123":           "4155550123",
		"user_123":               "user_123",
		"User_123":               "User_123", // not an address: kept as given
		"12-34":                  "12-34",    // too few digits for a phone number
		"555-0123 ext 4":         "555-0123 ext 4",
	} {
		if got := NormalizeIdentifier(in); got != want {
			t.Errorf("NormalizeIdentifier(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBareCode(t *testing.T) {
	for in, want := range map[string]string{
		"482913":      "482913",
		" G-48392 ":   "G-48392",
		"K7PX2Q":      "K7PX2Q",
		"hello":       "", // no digit
		"123":         "", // too short
		"-12345":      "", // a dash only between characters
		"12345678901": "",
		"1234 5678":   "", // two words: let otpkit read it
	} {
		got, ok := bareCode(in)
		if got != want || ok != (want != "") {
			t.Errorf("bareCode(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
