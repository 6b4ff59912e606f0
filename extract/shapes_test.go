package extract

import "testing"

// TestShapes checks short messages that each show one way real messages are written, with
// the answer a person reading them gives ("" for nothing). Longer, real-shaped messages are
// fixtures in ../testdata; these pin the mechanism each fix is about.
func TestShapes(t *testing.T) {
	tests := []struct {
		why, content, want string
	}{
		// A change of script ends a word: Latin acronyms glued to CJK and Hangul.
		{"acronym glued to Han", "您的OTP是482913", "482913"},
		{"acronym glued to kana", "OTPは482913です", "482913"},
		{"acronym glued to Han, full-width colon", "PIN码：4829", "4829"},
		{"acronym glued to Hangul", "인증번호 OTP는 482913입니다", "482913"},
		// Chat markup is emphasis, not masking or an identifier.
		{"WhatsApp bold", "Your verification code is *482913*", "482913"},
		{"Markdown bold", "Your verification code is **482913**", "482913"},
		{"WhatsApp italics", "Your verification code is _482913_.", "482913"},
		{"brackets", "Your verification code is [5830]", "5830"},
		{"quotes", "Your verification code is '739210'", "739210"},
		{"masked card stays masked", "Payment with card ****1234 approved", ""},
		// Camel case starts a word.
		{"camel-case TAN", "Die smsTAN für Ihre Überweisung von 250,00 EUR lautet 318 042.", "318042"},
		// A copula after another number's word hands the code word its value.
		{"copula past a phone-number word", "Jízdenky Plus: kód pro ověření telefonního čísla je 8174. Zadejte ho v aplikaci.", "8174"},
		{"card ending still claims its number", "Your code for the card ending in 4417 is 739204", "739204"},
		// A number before a colon labels what follows; sign-in words past it are not its own.
		{"service number before a colon", "Servizio 4916: il codice OTP per confermare la ricarica e' 663402. Valido 3 minuti.", "663402"},
		// The code alone on the first line, named by the opening words of the next.
		{"label below past a brand", "381045\nTas ir tavs Rīgas Velo verifikācijas kods.\nDerīgs 5 minūtes.", "381045"},
		// Letter codes: one case, dashed groups joined, word codes with their dashes.
		{"lower-case code", "qzt4wk is your Glimmer verification code. Enter it in the app.", "qzt4wk"},
		{"three dashed groups", "Her er innloggingskoden din:\n  N4T-8WQ-2KC\nSkriv inn koden på siden.", "N4T8WQ2KC"},
		{"letters around digits", "Ձեր ակտիվացման կոդը՝ ZR-4471-KM", "ZR4471KM"},
		{"capitals only, dashed", "Dein Bestätigungscode für Lumo: FRT-KQZ", "FRTKQZ"},
		{"ten in two groups", "Your recovery code: K7P2M-X9QRT", "K7P2MX9QRT"},
		{"word code", "Your one-time code:\nmaple-river-stone\nType it exactly as shown.", "maple-river-stone"},
		{"a random code with a run of consonants", "Your verification code: XKQWT7", "XKQWT7"},
		{"a promotion code spells a word", "Use code WINTER25 at checkout for 25% off", ""},
		{"a word and a number in lower case", "Your code covid19 update", ""},
		{"an acronym with a digit is a word", "Never share your code, PIN or CVV2 with anyone.", ""},
		// A full-width "！" ends a sentence: the code word before it is not the number's.
		{"anti-fraud notice", "【鼎信银行】温馨提示：任何人索要短信验证码的都是诈骗！如遇可疑情况请拨打95533。", ""},
		// The WebOTP last line binds the code to a site.
		{"origin-bound line", "Your Acme code is 482913. Don't share it.\n\n@acme.com #482913", "482913"},
		{"origin-bound line decides", "Use it to sign in. Ref 4471\n@acme.com #778812", "778812"},
		{"origin-bound line, code alone", "<#> Kode verifikasi Anda\n@m.tokoku.co.id #5519", "5519"},
		// The bare word password names a code right beside it, and nothing further.
		{"as your password", "Use 381920 as your password for Acme", "381920"},
		{"password, colon", "Your Acme password: 038192", "038192"},
		{"password in capitals", "YOUR ACME PASSWORD IS 038192 .", "038192"},
		{"password changed", "Your password was changed on 04.12.2026. Not you? Call 0800 123 456.", ""},
		{"password of an account", "Your password for account 55102 was changed.", ""},
		// The lines around a code may say it serves another purpose.
		{"meeting passcode under its meeting ID", "Join the meeting: Weekly sync\nMeeting ID: 938 1027 4561\nPasscode: 552913", ""},
		{"delivery PIN for the courier", "Your parcel arrives today. Give the courier your delivery PIN 7319 at the door.", ""},
		{"booking reference in the next sentence", "Your verification code is 554190. Do not share it. Booking code: KX7P2L.", "554190"},
		// A masked phone number is no code, and a word with a small number is a promotion.
		{"masked phone with dashes", "We'll text a code to +1 •••-•••-0187 when you sign in on a new device.", ""},
		{"promotion word and number", "Black Friday: -40% on all headphones with code BLACK40 until 07.12.", ""},
		// A word of one language does not decide another's message.
		{"Swahili bei in German", "Dein Bestätigungscode bei Acme lautet 482913.", "482913"},
		{"Slovak deň in Swedish", "Din kod är 482913 den gäller i 5 minuter.", "482913"},
		{"Polish to in English", "Your Acme code 5716 expires soon, text HELP to 60777", "5716"},
	}
	for _, tt := range tests {
		res, err := Extract(tt.content, Options{Source: SMS})
		got := res.Code + res.Link
		if err != nil {
			got = ""
		}
		if got != tt.want {
			t.Errorf("%s: %q → %q, want %q\n%s", tt.why, tt.content, got, tt.want, renderGolden(res, err))
		}
	}
}

// TestOrigin: the host of the WebOTP line is reported with the code it binds, the embedded
// site's when there is one; a "#code" without a host binds nothing.
func TestOrigin(t *testing.T) {
	for content, want := range map[string]string{
		"Your code is 482913\n@acme.com #482913":                      "acme.com",
		"482913 is your code\n@Shop.Example.com #482913 @pay.psp.com": "pay.psp.com",
		"Your code is 482913\n#482913":                                "",
		"Your code is 482913\n@acme.com #111111":                      "acme.com", // the bound code wins
	} {
		res, _ := Extract(content, Options{Source: SMS})
		if res.Origin != want {
			t.Errorf("%q: origin %q, want %q", content, res.Origin, want)
		}
	}
}
