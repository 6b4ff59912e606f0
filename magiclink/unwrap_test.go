package magiclink

import (
	"encoding/base64"
	"net/url"
	"testing"
)

func TestUnwrap(t *testing.T) {
	const target = "https://app.example.com/auth/magic?token=Zk3q9LmP2vXw8RtY&next=%2Fhome"
	mandrillP := base64.RawURLEncoding.EncodeToString([]byte(
		`{"s":"abc","v":1,"p":"{\"u\":1,\"v\":1,\"url\":\"https:\\\/\\\/app.example.com\\\/auth\\\/magic?token=Zk3q9LmP2vXw8RtY&next=%2Fhome\",\"id\":\"x\"}"}`))
	tests := []struct {
		name, link, want string
	}{
		{"AWS SES", "https://abc123.r.us-east-1.awstrack.me/L0/" + url.PathEscape(target) + "/1/0100018f-000000/AbC=384", target},
		{"Safe Links", "https://eur02.safelinks.protection.outlook.com/?url=" + url.QueryEscape(target) + "&data=05%7C02&sdata=x%3D&reserved=0", target},
		{"Google", "https://www.google.com/url?q=" + url.QueryEscape(target) + "&sa=D&ust=1&usg=AOv", target},
		{"Proofpoint v2", "https://urldefense.proofpoint.com/v2/url?u=https-3A__app.example.com_auth_magic-3Ftoken-3DZk3q9LmP2vXw8RtY-26next-3D-252Fhome&d=DwMF&c=x&r=y&m=z&s=w&e=", target},
		{"Proofpoint v3", "https://urldefense.com/v3/__https://app.example.com/auth/magic?token=Zk3q9LmP2vXw8RtY&next=%2Fhome__;!!Ab!cd$", target},
		// "*" stands for the next character of the base64 part, "**A" for a run of two.
		{"Proofpoint v3 replaced characters", "https://urldefense.com/v3/__https://app.example.com/auth/magic*token=Zk3q9LmP2vXw8RtY**Anext=%2Fhome__;" +
			base64.RawURLEncoding.EncodeToString([]byte("?&X")) + "!!Ab!cd$", "https://app.example.com/auth/magic?token=Zk3q9LmP2vXw8RtY&Xnext=%2Fhome"},
		{"Barracuda", "https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fapp.example.com%2fauth%2fmagic%3ftoken%3dZk3q9LmP2vXw8RtY%26next%3d%252Fhome&c=E,1,x,,&typo=1", target},
		{"Mandrill", "https://mandrillapp.com/track/click/1/app.example.com?p=" + mandrillP, target},
		{"Facebook", "https://l.facebook.com/l.php?u=" + url.QueryEscape(target) + "&h=AT0abc", target},
		{"nested", "https://eur02.safelinks.protection.outlook.com/?url=" + url.QueryEscape("https://www.google.com/url?q="+url.QueryEscape(target)) + "&reserved=0", target},
		{"generic path segment", "https://e.mail.example/CL0/" + url.PathEscape(target) + "/1/0102", target},
		{"generic redirect key", "https://r.mail.example/c?u=" + url.QueryEscape(target), target},
		{"tracker under a landing key", "https://em.shop.example/c/r?redirect=" + url.QueryEscape("https://konto.shop.example/logowanie/link/3b7e9f21-44ac-4d02") + "&cid=k88&rid=0x5f", "https://konto.shop.example/logowanie/link/3b7e9f21-44ac-4d02"},
		// Not wrappers.
		{"login page naming where to land", "https://app.example.com/login?redirect=" + url.QueryEscape("https://app.example.com/orders"), ""},
		{"sign-in link naming where to land", "https://app.example.com/s/a?token=Zk3q9LmP2vXw8RtY&redirect=" + url.QueryEscape("https://app.example.com/home"), ""},
		{"sign-in link with its own redirect", "https://app.example.com/auth/magic/verify/confirm?token=Zk3q9LmP2vXw8RtY&redirect_to=" + url.QueryEscape("https://app.example.com/home"), ""},
		{"opaque tracker", "https://u123.ct.sendgrid.net/ls/click?upn=u001.abcDEF123", ""},
		{"not http", "mailto:a@b.c", ""},
		{"broken Proofpoint v3", "https://urldefense.com/v3/__https://a.example/x*y__;!!Ab!cd$", ""},
		{"broken Mandrill", "https://mandrillapp.com/track/click/1/x?p=%%%", ""},
	}
	for _, tt := range tests {
		got, ok := Unwrap(tt.link)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("%s: Unwrap(%s) = %q, %v; want %q", tt.name, tt.link, got, ok, tt.want)
		}
	}
}

func TestUnwrapDepth(t *testing.T) {
	// A wrapper in a wrapper, … deeper than any real chain, stops at maxUnwrap.
	link := "https://app.example.com/auth/magic?token=Zk3q9LmP2vXw8RtY"
	for i := 0; i < 10; i++ {
		link = "https://www.google.com/url?q=" + url.QueryEscape(link)
	}
	got, ok := Unwrap(link)
	if !ok || got == "https://app.example.com/auth/magic?token=Zk3q9LmP2vXw8RtY" {
		t.Errorf("Unwrap(10 wrappers) = %q, %v; want %d layers taken off, not all", got, ok, maxUnwrap)
	}
}
