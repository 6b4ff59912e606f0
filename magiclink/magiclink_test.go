package magiclink

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/otpkit/otpkit/extract/lexicon"
)

func TestClassify(t *testing.T) {
	tests := []struct {
		name string
		link Link
		want bool // a sign-in or verification link
	}{
		{"magic link path and token", Link{URL: "https://app.example.com/auth/magic?token=3f9a0c77e1b24d6a9f&email=a%40b.c"}, true},
		{"sign-in button behind a tracker", Link{URL: "https://click.mailer.example.net/ls/click?upn=u001.Zk3Jx9QpL2aT7", Text: "Sign in to Acme", Button: true, OneTime: true}, true},
		{"Log in button of a notice behind a tracker", Link{URL: "https://click.mailer.example.net/ls/click?upn=u001.Zk3Jx9QpL2aT7", Text: "Log in", Button: true}, false},
		{"verify email button behind a tracker", Link{URL: "https://x.us21.list-manage.com/track/click?u=3f8a91c2d7e04b56&id=b41d7e9a02", Text: "Verificar e-mail", Button: true}, true},
		{"verify-it's-you button of a notice behind a tracker", Link{URL: "https://u1.ct.sendgrid.net/ls/click?upn=u001.Hq7bV2kXw9ZpR4nT", Text: "Verify it's you", Button: true}, false},
		{"verify email anchor", Link{URL: "https://example.org/e/9b1c2d3e4f5a6b7c8d9e", Text: "Verify email address"}, true},
		{"German anchor", Link{URL: "https://example.de/x/abc", Text: "Jetzt anmelden", Button: true}, false}, // a login page: no credential
		{"German anchor with a token", Link{URL: "https://example.de/x/Qm9uam91cjEyMzQ1Njc4OQ", Text: "Jetzt anmelden", Button: true}, true},
		{"plain-text lead", Link{URL: "https://ex.am/m/Ab3dE9", Text: "Tap to sign in to Fernway:"}, true},
		{"click here after sign-in words", Link{URL: "https://example.com/r/0a1b2c", Text: "click here", Context: "To finish signing in, click here"}, true},
		{"unsubscribe", Link{URL: "https://example.com/unsubscribe?u=12345abcdef67890xyz", Text: "Unsubscribe"}, false},
		{"privacy", Link{URL: "https://example.com/privacy", Text: "Privacy Policy"}, false},
		{"social icon", Link{URL: "https://www.facebook.com/acme", Text: "Facebook"}, false},
		{"logo image", Link{URL: "https://cdn.example.com/img/logo.png"}, false},
		{"home page", Link{URL: "https://example.com/", Text: "Acme"}, false},
		{"track order button", Link{URL: "https://click.example.com/ls/click?upn=u001.abcdef1234567890", Text: "Track your order", Button: true, Context: "Sign in to see your order. Track your order"}, false},
		{"mailto", Link{URL: "mailto:help@example.com", Text: "Sign in"}, false},
		{"javascript", Link{URL: "javascript:alert(1)", Text: "Log in"}, false},
		{"help with sign-in words", Link{URL: "https://help.example.com/articles/sign-in-problems", Text: "Help Center"}, false},
		{"redirect carrying a sign-in target", Link{URL: "https://e.mail.example/CL0/https:%2F%2Fapp.example%2Fconnexion%2Fapprouver%3Fjeton%3DAQEAAAABAAhL5tV0sGkXn2cY/1/0102abc", Text: "Oui, c'est moi", Button: true}, true},
		{"redirect carrying an unsubscribe target", Link{URL: "https://r.mail.example/c?u=https%3A%2F%2Fapp.example%2Funsubscribe%3Fid%3D1a2b3c4d5e6f7a8b9c", Text: "click here"}, false},
		{"short token under a token name", Link{URL: "https://mijn.example.nl/login?t=Qz8m4R2vLp", Text: "Klik op de link om in te loggen:"}, true},
		{"continue under sign-in words", Link{URL: "https://ct.example.net/ls/click?upn=u001.AeuE2B4XwtABJcdgRzG7", Text: "Weiter", Button: true, Context: "Dein Anmeldelink ist da. Weiter", OneTime: true}, true},
		{"login history guide", Link{URL: "https://bank.example.jp/guide/security/login_history.html", Text: "ログイン履歴の確認方法"}, false},
		{"French path words", Link{URL: "https://compte.example.fr/connexion/lien?jeton=Qm9uam91cjEyMzQ1Njc4"}, true},
	}
	for _, tt := range tests {
		v := Classify(tt.link)
		if got := v.SignIn(); got != tt.want {
			t.Errorf("%s: Classify(%+v) = %d %+v, want sign-in link = %v", tt.name, tt.link, v.Score, v.Signals, tt.want)
		}
		sum := 0
		for _, s := range v.Signals {
			sum += s.Weight
		}
		if sum != v.Score {
			t.Errorf("%s: signals add up to %d, score is %d", tt.name, sum, v.Score)
		}
	}
}

func TestURLWords(t *testing.T) {
	// urlwords.txt's words, and every language's link words, in their classes only.
	for text, want := range map[string]lexicon.Class{
		"magic link": lexicon.SignIn, "connexion": lexicon.SignIn, "anmelden": lexicon.SignIn,
		"confirmar": lexicon.Verify, "unsubscribe": lexicon.NotLink, "482913": 0,
	} {
		var got lexicon.Class
		for _, m := range lexicon.Outermost(urlWords(text)) {
			got |= m.Class
		}
		if got&want != want || got&^urlClasses != 0 || want == 0 && got != 0 {
			t.Errorf("urlWords(%q) classes %v, want %v", text, got, want)
		}
	}
	u := "https://r.example/c?u=https%3A%2F%2Fapp.example%2Fauth%2Fmagic%3Ft%3D1"
	v := Classify(Link{URL: u})
	if !hasSignal(v, "redirect-target") || !hasSignal(v, "url-sign-in") {
		t.Errorf("Classify(%s) = %+v, want the target's words read", u, v.Signals)
	}
}

func hasSignal(v Verdict, rule string) bool {
	for _, s := range v.Signals {
		if s.Rule == rule {
			return true
		}
	}
	return false
}

func TestFindInText(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Sign in: https://ex.am/m/Ab3dE9. Expires soon", []string{"https://ex.am/m/Ab3dE9"}},
		{"Open <https://example.com/login?t=1&u=2> now", []string{"https://example.com/login?t=1&u=2"}},
		{"(see https://example.com/a_(b)) and HTTP://EXAMPLE.COM/X", []string{"https://example.com/a_(b)", "HTTP://EXAMPLE.COM/X"}},
		{"ftp://example.com/file and www.example.com and mailto:a@b.c", nil},
		{"://", nil},
		{"https://", nil},
		{"xhttps://example.com", []string{"https://example.com"}},
		{"ログイン：https://ex.am/m/Ab3dE9。期限は10分です", []string{"https://ex.am/m/Ab3dE9"}},
		{"「https://ex.am/m/Ab3dE9」を開いて", []string{"https://ex.am/m/Ab3dE9"}},
		{"token with an en dash https://ex.am/m?t=Ab3–dE9 stays", []string{"https://ex.am/m?t=Ab3–dE9"}},
		{"a word joiner https://bank⁠.example.evil.example/x y", []string{"https://bank⁠.example.evil.example/x"}},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range FindInText(tt.text) {
			if strings.Contains(f.URL, "\u2060") != f.Invisible {
				t.Errorf("FindInText(%q): %q Invisible = %v", tt.text, f.URL, f.Invisible)
			}
			if tt.text[f.Start:f.End] != f.URL {
				t.Errorf("FindInText(%q): offsets %d:%d do not cover %q", tt.text, f.Start, f.End, f.URL)
			}
			got = append(got, f.URL)
		}
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("FindInText(%q) mismatch (-want +got):\n%s", tt.text, diff)
		}
	}
}

func TestFindInTextLongWord(t *testing.T) {
	// A "URL" longer than any link is not returned cut short: a cut link is a wrong link.
	long := "https://example.com/" + strings.Repeat("a", 1<<20) + " then https://example.com/ok"
	found := FindInText(long)
	if len(found) != 1 || found[0].URL != "https://example.com/ok" {
		t.Fatalf("FindInText(long) = %+v, want only the short URL after it", found)
	}
}

func TestRedirectTargetsInOrder(t *testing.T) {
	// Two targets in the query: the first as written wins, on every run.
	u := "https://r.example/c?u=https%3A%2F%2Fapp.example%2Fauth%2Fmagic%3Ft%3D1&url=https%3A%2F%2Fapp.example%2Funsubscribe"
	first := Classify(Link{URL: u})
	for i := 0; i < 50; i++ {
		if v := Classify(Link{URL: u}); v.Score != first.Score {
			t.Fatalf("Classify(%s) scored %d, then %d", u, first.Score, v.Score)
		}
	}
	if !hasSignal(first, "url-sign-in") {
		t.Errorf("Classify(%s) = %+v, want the first target read", u, first.Signals)
	}
}
