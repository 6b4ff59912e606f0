package magiclink

import (
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestShapes(t *testing.T) {
	if len(shapes()) < 10 {
		t.Fatalf("%d shapes, want the frameworks of issue 6", len(shapes()))
	}
	examples := map[string]string{
		"firebase":       "https://x.firebaseapp.com/__/auth/action?apiKey=A&mode=signIn&oobCode=Zk3q9LmP2vXw8RtY",
		"auth0":          "https://t.eu.auth0.com/passwordless/verify_redirect?verification_code=583017&connection=email",
		"stytch":         "https://app.example/authenticate?stytch_token_type=magic_links&token=Zk3q9LmP2vXw8RtY",
		"clerk":          "https://clerk.example.dev/v1/verify?token=Zk3q9LmP2vXw8RtY",
		"workos":         "https://auth.workos.com/passwordless/Zk3q9LmP2vXw8RtY/confirm",
		"magic":          "https://auth.magic.link/confirm?tlt=Zk3q9LmP2vXw8RtY",
		"better-auth":    "https://app.example/api/auth/magic-link/verify?token=Zk3q9LmP2vXw8RtY",
		"laravel-signed": "https://app.example/login/1?expires=1767225600&signature=3f9a0c77e1b2",
		"django-sesame":  "https://app.example/?sesame=AAAAARpXcGVOZXZlck1pbmQ4",
		"medium":         "https://medium.com/m/callback/email?token=8e21c05d4f9a&operation=login",
		"slack":          "https://team.slack.com/z-app-5120493718-6677134302861-9d4b1e7a03c2",
		"descope":        "https://app.example/login?descope-login-flow=sign-up-or-in%7C%23%7C2qLm_5.end&t=4e9ce8c6d19136e8",
		"microsoft":      "https://t.b2clogin.com/t.onmicrosoft.com/B2C_1A_signin/oauth2/v2.0/authorize?client_id=x&id_token_hint=eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImEifQ.c2ln",
	}
	for _, s := range shapes() {
		ex, ok := examples[s.name]
		if !ok {
			t.Errorf("shape %s: no example in this test", s.name)
			continue
		}
		u, _ := url.Parse(ex)
		if got := matchShape(u); got != s.name {
			t.Errorf("matchShape(%s) = %q, want %s", ex, got, s.name)
		}
		// Every shape has a fixture, named for it.
		wants, _ := filepath.Glob("../testdata/magiclink/*-shape-" + s.name + ".want")
		if len(wants) == 0 {
			t.Errorf("shape %s: no fixture testdata/magiclink/*-shape-%s.want", s.name, s.name)
		}
	}
	for _, ex := range []string{"https://x.firebaseapp.com/__/auth/action?mode=resetPassword&oobCode=Zk3q9", "https://evil.example/passwordless/x/confirm"} {
		u, _ := url.Parse(ex)
		if got := matchShape(u); got != "" {
			t.Errorf("matchShape(%s) = %q, want none", ex, got)
		}
	}
	if _, err := parseShapes("bad line"); err == nil {
		t.Error("parseShapes accepted a line without host and path")
	}
}

func TestRules(t *testing.T) {
	seen := map[string]bool{}
	src, err := os.ReadFile("magiclink.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Rules() {
		if seen[r.Name] {
			t.Errorf("rule %s listed twice", r.Name)
		}
		seen[r.Name] = true
		if r.Reads == "" {
			t.Errorf("rule %s: say what it reads", r.Name)
		}
		// Every rule is used: by name, or as a prefix-built name (anchor-, url-, sentence-).
		name := r.Name
		for _, p := range []string{"anchor-", "url-", "sentence-"} {
			if strings.HasPrefix(name, p) {
				name = strings.TrimSuffix(p, "-")
			}
		}
		if !strings.Contains(string(src), `"`+name) {
			t.Errorf("rule %s is not used by Classify", r.Name)
		}
	}
	r := Rules()
	r[0].Weight = 1000
	if Rules()[0].Weight == 1000 {
		t.Error("Rules() shares the table")
	}
}

func TestClassifyWithout(t *testing.T) {
	l := Link{URL: "https://app.example.com/auth/magic?token=8fK2xQ9LmZ3vT1pR", Text: "Sign in", Button: true}
	on := Classify(l)
	off := ClassifyWithout(l, func(rule string) bool { return rule == "button" })
	if hasSignal(off, "button") || off.Score != on.Score-15 {
		t.Errorf("button off: %+v, on: %+v", off, on)
	}
	// The set is the call's own: nothing stays off after it.
	if again := Classify(l); again.Score != on.Score {
		t.Errorf("button back on: %d, want %d", again.Score, on.Score)
	}
	// Another package's rule of the same name is not this one.
	if other := ClassifyWithout(l, func(rule string) bool { return rule == "no-such-rule" }); other.Score != on.Score {
		t.Errorf("extract/button off changed magiclink's score: %d, want %d", other.Score, on.Score)
	}
}
