package extract

import (
	"errors"
	"strings"
	"testing"
)

// TestLinksAsWritten: a link is the exact bytes of the input, or no link (issue 9, defect 2).
func TestLinksAsWritten(t *testing.T) {
	const tok = "Zk3q9LmP2vXw8RtY"
	tests := []struct {
		name, content string
		want          string // the link, or "" for none
	}{
		{"plain", "Tap to sign in to Acme: https://acme.com/auth/magic?token=" + tok, "https://acme.com/auth/magic?token=" + tok},
		{"Arabic-Indic digits stay", "Tap to sign in to Acme: https://acme.com/auth/magic?token=" + tok + "&n=٤٨٢٩", "https://acme.com/auth/magic?token=" + tok + "&n=٤٨٢٩"},
		{"soft hyphen in the token", "Tap to sign in to Acme: https://acme.com/auth/magic?token=Zk3q9\u00adLmP2vXw8RtY", ""},
		{"zero-width space in the token", "Tap to sign in to Acme: https://acme.com/auth/magic?token=Zk3q9\u200bLmP2vXw8RtY", ""},
		{"word joiner in the host", "Tap to sign in to Acme: https://acme\u2060.com.evil.example/auth/magic?token=" + tok, ""},
		{"right-to-left override", "Tap to sign in to Acme: https://acme.com/auth/magic?token=\u202e" + tok, ""},
		{"a byte that is not UTF-8", "Tap to sign in to Acme: https://acme.com/auth/magic?token=Zk3q9\xffLmP2vXw8RtY", ""},
		{"full-width look-alike", "Tap to sign in to Acme: ｈｔｔｐｓ：／／acme.com/auth/magic?token=" + tok, ""},
		{"after a no-break space", "Tap to sign in to Acme:\u00a0https://acme.com/auth/magic?token=" + tok, "https://acme.com/auth/magic?token=" + tok},
	}
	for _, tt := range tests {
		for _, format := range []Format{FormatText, FormatHTML} {
			content := tt.content
			if format == FormatHTML {
				content = "<p>" + content + "</p>"
			}
			res, err := Extract(content, Options{Format: format, Type: MagicLink})
			if res.Link != "" && !strings.Contains(content, res.Link) {
				t.Errorf("%s (%s): link %q is not in the input", tt.name, format, res.Link)
			}
			if tt.want == "" && err == nil {
				t.Errorf("%s (%s): got link %q, want none", tt.name, format, res.Link)
			}
			if tt.want != "" && (err != nil || res.Link != tt.want) {
				t.Errorf("%s (%s): got %q, %v; want %q", tt.name, format, res.Link, err, tt.want)
			}
		}
	}
	// The refused URL says why.
	res, _ := Extract("Sign in: https://acme\u2060.com.evil.example/auth/magic?token="+tok, Options{})
	if !hasReason(res, "invisible-in-url") {
		t.Errorf("invisible characters not flagged: %+v", res.Candidates)
	}
}

func hasReason(res Result, rule string) bool {
	for _, c := range res.Candidates {
		for _, r := range c.Reasons {
			if r.Rule == rule {
				return true
			}
		}
	}
	return false
}

// TestTiedLinks: two different sign-in links with nothing to choose between them are no
// answer (issue 9, defect 9); the same destination twice is one answer.
func TestTiedLinks(t *testing.T) {
	button := func(href string) string {
		return `<a href="` + href + `" style="background:#222;padding:12px 20px;border-radius:4px;color:#fff">Sign in</a>`
	}
	a := "https://bramble.so/auth/magic?token=Br8Lq2Zr7xT4pW1vN9cY3bH6"
	b := "https://bramble.so/auth/magic?token=Br3Zk9Lm2xT7vR1wQ8pY6cH4"
	_, err := Extract("<p>Design Guild</p>"+button(a)+"<p>Ops Crew</p>"+button(b), Options{})
	if !errors.Is(err, ErrAmbiguous) {
		t.Errorf("two tied sign-in links: err = %v, want ErrAmbiguous", err)
	}
	// A tracker around a and a itself lead to the same place.
	wrapped := "https://www.google.com/url?q=" + strings.ReplaceAll(a, "?token=", "%3Ftoken%3D")
	res, err := Extract("<p>Sign in to Bramble</p>"+button(wrapped)+"<p>Or open "+a+"</p>", Options{})
	if err != nil || res.Type != MagicLink {
		t.Errorf("tracker and its target: %v, %+v; want one answer", err, res)
	}
	// One button repeated through an opaque tracker: new tracking URLs, one destination.
	t1 := "https://links.mail.bramble.so/ls/click?upn=u001.Zk8Lq2Rm7xT4pW9vN1cY3bH6sJ0f"
	t2 := "https://links.mail.bramble.so/ls/click?upn=u001.Ab3Zk9Lm2xT7vR1wQ8pY6cH4dE5f"
	res, err = Extract("<p>Sign in to Bramble</p>"+button(t1)+"<p>The link expires soon.</p>"+button(t2), Options{})
	if err != nil || res.Link != t1 {
		t.Errorf("repeated tracked button: %v, %q; want the first", err, res.Link)
	}
}

func TestSenderDomain(t *testing.T) {
	msg := `<p>Sign in to Acme</p><a href="https://login.acme.co.uk/auth/magic?token=Zk3q9LmP2vXw8RtY" class="btn">Sign in</a>`
	for sender, want := range map[string]bool{"acme.co.uk": true, "mail.acme.co.uk": true, "acme.com": false} {
		res, err := Extract(msg, Options{SenderDomain: sender})
		if err != nil || res.Sender == nil || res.Sender.LinkDomainMatch == nil || *res.Sender.LinkDomainMatch != want {
			t.Errorf("sender %s: %+v, %v; want link_domain_match %v", sender, res.Sender, err, want)
		}
	}
	// An unwrapped target on the sender's domain matches too.
	wrapped := `<p>Sign in to Acme</p><a href="https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fapp.acme.com%2Fauth%2Fmagic%3Ftoken%3DZk3q9LmP2vXw8RtY&amp;reserved=0" class="btn">Sign in</a>`
	res, err := Extract(wrapped, Options{SenderDomain: "acme.com"})
	if err != nil || res.Target != "https://app.acme.com/auth/magic?token=Zk3q9LmP2vXw8RtY" || !*res.Sender.LinkDomainMatch {
		t.Errorf("wrapped: %+v, %v", res, err)
	}
	if !strings.HasPrefix(res.Link, "https://eur02.safelinks") {
		t.Errorf("Link = %q, want the href as sent", res.Link)
	}
	if res, _ := Extract(msg, Options{}); res.Sender != nil {
		t.Errorf("no sender domain: Sender = %+v, want nil", res.Sender)
	}
}

func TestForcedMagicLink(t *testing.T) {
	msg := "Your Sundial sign-in code is 482913.\n\nOr sign in with one click: https://app.sundial.work/auth/magic?token=Sd8Lq2Zr7xT4pW1vN9cY3bH6\n"
	if res, err := Extract(msg, Options{}); err != nil || res.Code != "482913" {
		t.Errorf("auto: %+v, %v; want the code", res, err)
	}
	if res, err := Extract(msg, Options{Type: MagicLink}); err != nil || res.Link == "" {
		t.Errorf("forced link: %+v, %v; want the link", res, err)
	}
	// No link with a credential: nothing, even forced.
	login := "Your Sundial sign-in code is 482913.\n\nOr sign in on the website: https://app.sundial.work/login\n"
	if res, err := Extract(login, Options{Type: MagicLink}); !errors.Is(err, ErrNotFound) {
		t.Errorf("forced link, login page only: %+v, %v; want ErrNotFound", res, err)
	}
}

// TestSentenceAnchor: a plain-text link's words are its sentence, before and after it.
func TestSentenceAnchor(t *testing.T) {
	for _, msg := range []string{
		"Tap https://qvr.io/l/Zx81Ka0Q to sign in to Quaver.",
		"https://knd.li/Zx81Pq2W is your Kindred sign-in link.",
		"Use this link to sign in:\n\nhttps://ldg.co/l/Lg8Lq2Zr",
	} {
		if res, err := Extract(msg, Options{}); err != nil || res.Type != MagicLink {
			t.Errorf("%q: %v; want the link", msg, err)
		}
	}
	for _, msg := range []string{
		"Your login was successful. Rate us: https://rate.kelp.com/s/Kb4Zq8Lm2xT7vR1w",
		"Sign in to see your statement. Your order has shipped, track it here: https://t.tindle.com/p/Ab3dE9Qz7K",
	} {
		if res, err := Extract(msg, Options{}); err == nil {
			t.Errorf("%q: got %+v; want nothing", msg, res)
		}
	}
}
