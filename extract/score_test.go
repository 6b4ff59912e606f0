package extract

import (
	"strings"
	"testing"
)

// TestEvidence checks each rule of scoreCodes on a message where it decides: the candidate
// carries the rule among its reasons, and ends above or below the threshold as a person
// reading the message would expect.
func TestEvidence(t *testing.T) {
	tests := []struct {
		rule    string // the reason that must be given
		content string
		value   string // the candidate it is given to
		answer  bool   // whether that candidate is an answer
	}{
		// For a code.
		{"keyword-before", "Your verification code: 4821", "4821", true},
		{"keyword-after", "4821 is your Acme login code", "4821", true},
		{"keyword-above", "Your one-time passcode\n\n4821\n\nThanks, Acme", "4821", true},
		{"keyword-below", "4821\nis your security code", "4821", true},
		{"keyword-is", "Su clave dinámica para la compra de $45.990 con tarjeta terminada en 4417 es 739204", "739204", true},
		{"keyword-is", "Code to approve a purchase of 1,249.90 at ZIVO with the card ending 3380: 907516", "907516", true},
		{"keyword-below", "Tidewell\n\n640271\n\nis your sign-in code.", "640271", true},
		{"keyword-is", "Koden din for å logge inn på Fjordkassa er 493028. Den utløper om 10 minutter.", "493028", true}, // "Den" is no duration
		{"keyword-is", "Код для підтвердження переказу 1 500,00 грн на картку *7712 — 394718.", "394718", true},
		{"masked-number", "Transfer to ES** **** **** 8841. Code: 846302.", "8841", false},
		{"asked-to-type", "Enter 482913 to verify your phone", "482913", true},
		{"sign-in-words", "Use 7741 to verify your phone number on Tandem", "7741", true},
		{"set-apart", `<p>Your verification code:</p><p>Hello!</p><div style="font-size:32px;letter-spacing:8px">582104</div>`, "582104", true},
		{"service-prefix", "G-483920 is your verification code", "483920", true},
		{"six-digits", "code 482913", "482913", true},
		// Against one.
		{"date", "Your code 4821 was sent on 2026-11-22.", "2026", false},
		{"time", "Code 4821. Sent 1405:30.", "1405", false},
		{"year", "Acme code for 2026 members", "2026", false},
		{"keyword-before", "Your verification code is 2024", "2024", true}, // a code word right beside it beats the year
		{"amount", "Your code 4821 for a payment of $1999", "1999", false},
		{"amount", "Your code 4821 for a payment of 1999 EUR", "1999", false},
		{"decimal-number", "Your code 4821 for a payment of 1299.00", "1299", false},
		{"not-code-word", "Verification code sent for order number 4021587", "4021587", false},
		{"not-code-word", "Your code for the card ending in 4417 is 739204", "4417", false},
		{"masked-number", "Your OTP 558120 for card XX1234", "XX1234", false},
		{"masked-number", "Your OTP 558120 for card ****1234", "1234", false},
		{"word-like", "Use promo code SAVE20 today", "SAVE20", false},
		{"no-code-words", `<h1 style="font-size:32px"><b>BO-104829</b></h1><p>Thanks for shopping with us!</p>`, "104829", false},
		{"sign-in-words", "Enter 805136 on orbitly.com to finish signing in. Expires in 2 minutes.", "805136", true},
		{"unit-shaped", "Your code: 10GB plan renewed at 10:30AM", "30AM", false},
		{"amount", "Sikeres utalás: 125 000 forint, kód nélkül", "125000", false},
	}
	for _, tt := range tests {
		res, _ := Extract(tt.content, Options{})
		var found *Candidate
		for i := range res.Candidates {
			if res.Candidates[i].Value == tt.value {
				found = &res.Candidates[i]
			}
		}
		if found == nil {
			t.Errorf("%s: %q: no candidate %q among %v", tt.rule, tt.content, tt.value, values(res.Candidates))
			continue
		}
		if !hasRule(found.Reasons, tt.rule) {
			t.Errorf("%s: %q: candidate %q has reasons %+v, want %s", tt.rule, tt.content, tt.value, found.Reasons, tt.rule)
		}
		if got := res.Type == TOTP && res.Code == tt.value; got != tt.answer {
			t.Errorf("%s: %q: answer is %q (score %d), want %q answered = %v", tt.rule, tt.content, res.Code, found.Score, tt.value, tt.answer)
		}
	}
}

func TestNumbersInURLsAndAddresses(t *testing.T) {
	res, err := Extract("Your code is in the app. https://acme.example/v/483920 or write to u483920@acme.example", Options{})
	if err == nil && res.Type == TOTP {
		t.Errorf("took %q from a URL or an address", res.Code)
	}
	for _, c := range res.Candidates {
		if c.Type == TOTP {
			t.Errorf("candidate %q comes from a URL or an address", c.Value)
		}
	}
}

func hasRule(rs []Reason, rule string) bool {
	for _, r := range rs {
		if r.Rule == rule {
			return true
		}
	}
	return false
}

func values(cs []Candidate) string {
	var v []string
	for _, c := range cs {
		v = append(v, c.Value)
	}
	return strings.Join(v, ", ")
}
