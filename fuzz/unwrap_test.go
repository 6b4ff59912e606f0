package fuzz

import (
	"net/url"
	"testing"

	"github.com/otpkit/otpkit/magiclink"
)

// FuzzUnwrap: Unwrap never panics, only ever returns an http(s) URL that parses with a host,
// and Classify adds up its signals and reports the same target.
func FuzzUnwrap(f *testing.F) {
	for _, s := range []string{
		"https://abc.r.us-east-1.awstrack.me/L0/https:%2F%2Fapp.example%2Fauth%3Ft%3DZk3q9LmP2vXw8RtY/1/01/AbC=384",
		"https://eur02.safelinks.protection.outlook.com/?url=https%3A%2F%2Fapp.example%2Fx&data=1&reserved=0",
		"https://www.google.com/url?q=https://app.example/x&sa=D",
		"https://urldefense.proofpoint.com/v2/url?u=https-3A__app.example_x-3Ft-3D1&d=x",
		"https://urldefense.com/v3/__https://app.example/a*b**Ac__;Pz8_Pw!!x$",
		"https://linkprotect.cudasvc.com/url?a=https%3a%2f%2fapp.example%2fx&c=E",
		"https://mandrillapp.com/track/click/1/x?p=eyJwIjoie1widXJsXCI6XCJodHRwczovL2EuZXhhbXBsZS94XCJ9In0",
		"https://l.facebook.com/l.php?u=https%3A%2F%2Fapp.example%2Fx&h=AT0",
		"https://xn--pypoint-2fg.com/signin?token=Pp8Lq2Zr7xT4pW1vN9cY3bH6",
		"https://user:pass@evil.example/#eyJ0b2tlbiI6IngifQ",
	} {
		f.Add(s, "Sign in")
	}
	f.Fuzz(func(t *testing.T, link, text string) {
		target, ok := magiclink.Unwrap(link)
		if ok {
			u, err := url.Parse(target)
			if !magiclink.IsHTTP(target) || err != nil || u.Host == "" {
				t.Fatalf("Unwrap(%q) = %q: not an http(s) URL with a host", link, target)
			}
		} else if target != "" {
			t.Fatalf("Unwrap(%q) = %q, false", link, target)
		}
		v := magiclink.Classify(magiclink.Link{URL: link, Text: text})
		sum := 0
		for _, s := range v.Signals {
			sum += s.Weight
		}
		if sum != v.Score {
			t.Fatalf("signals add up to %d, score is %d", sum, v.Score)
		}
		if v.Target != "" && v.Target != target {
			t.Fatalf("Classify target %q, Unwrap %q", v.Target, target)
		}
		if !magiclink.IsHTTP(link) && v.SignIn() {
			t.Fatalf("non-http %q is a sign-in link", link)
		}
	})
}
