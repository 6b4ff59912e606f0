package magiclink

import "testing"

func TestOneTimeCue(t *testing.T) {
	for text, want := range map[string]bool{
		"This link expires in 15 minutes.":                       true,
		"Click the button below to sign in to Acme.":             true,
		"You requested a magic link for Acme.":                   true,
		"Der Link ist 15 Minuten gültig.":                        true,
		"该链接 24 小时内有效，且仅可使用一次。":                                  true,
		"El enlace vence en 24 horas.":                           true,
		"Your password was changed. If this wasn't you, log in.": false,
		"We noticed a new sign-in to your account.":              false,
	} {
		if got := OneTimeCue(text); got != want {
			t.Errorf("OneTimeCue(%q) = %v, want %v", text, got, want)
		}
	}
}
