package extract

import "testing"

// TestExpiresIn: the validity a message states, in seconds, in several languages; nothing
// when it states none.
func TestExpiresIn(t *testing.T) {
	for content, want := range map[string]int{
		"Your code is 482913. Valid for 10 minutes.":      600,
		"您的验证码是482913，有效期5分钟。":                            300,
		"Ihr Code lautet 4821. Er ist 15 Minuten gültig.": 900,
		"Код: 4821. Действует 3 минуты.":                  180,
		"Kod: 4821 (ważny 2 godz.)":                       7200,
		"Code 482913, expires in 24 hours":                86400,
		"認証コード：482913（有効期限：30秒）":                          30,
		"Your code is 482913.":                            0,
		"Your code is 482913. Sent 2026-12-04 at 10:00.":  0,
	} {
		res, err := Extract(content, Options{Source: SMS})
		if err != nil {
			t.Errorf("%q: %v", content, err)
			continue
		}
		if res.ExpiresIn != want {
			t.Errorf("%q: expires_in %d, want %d", content, res.ExpiresIn, want)
		}
	}
}

// TestExpiresInLinkOnly: a sign-in link's message that holds no code still says how long
// its link works.
func TestExpiresInLinkOnly(t *testing.T) {
	const msg = "Tap to sign in to Acme: https://acme.com/auth/magic?token=Zk8wQ2xR7pT4vN1s\nThis link expires in 15 minutes."
	res, err := Extract(msg, Options{})
	if err != nil || res.Type != MagicLink {
		t.Fatalf("Extract = %+v, %v; want a sign-in link", res, err)
	}
	if res.ExpiresIn != 900 {
		t.Errorf("expires_in %d, want 900", res.ExpiresIn)
	}
}

// TestConfidence: 0.5 at the threshold, higher above, every candidate has one, and an answer
// whose runner-up stands close is less sure than one that stands alone.
func TestConfidence(t *testing.T) {
	if c := confidence(CodeThreshold, CodeThreshold); c != 0.5 {
		t.Errorf("confidence at the threshold = %v, want 0.5", c)
	}
	if confidence(CodeThreshold+20, CodeThreshold) <= confidence(CodeThreshold+5, CodeThreshold) {
		t.Error("confidence does not rise with the score")
	}
	res, _ := Extract("Your verification code is 482913.", Options{})
	if res.Confidence <= 0.5 || res.Confidence > 1 {
		t.Errorf("a clear answer has confidence %v", res.Confidence)
	}
	best := Candidate{Score: 60, Confidence: confidence(60, CodeThreshold)}
	near := Candidate{Score: 40}
	far := Candidate{Score: 10}
	if a, b := answerConfidence(best, &near), answerConfidence(best, &far); a >= b {
		t.Errorf("a runner-up 20 points behind leaves %v, one 50 behind %v: want less", a, b)
	}
	if a := answerConfidence(best, nil); a != best.Confidence {
		t.Errorf("an answer alone has %v, want its own %v", a, best.Confidence)
	}
}
