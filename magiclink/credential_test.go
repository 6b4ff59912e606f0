package magiclink

import (
	"net/url"
	"testing"
)

func TestCredential(t *testing.T) {
	tests := []struct {
		link string
		want bool
	}{
		{"https://a.example/auth/magic?token=8fK2xQ9LmZ3vT1pR", true},
		{"https://a.example/login?t=Qz8m4R2vLp", true},                                        // short, under a token name
		{"https://a.example/verify?code=583017", true},                                        // a numeric code under a token name
		{"https://a.example/v?x=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlMTIz", true}, // JWT
		{"https://a.example/#eyJ0b2tlbiI6IlZtN0xxMlpyIn0", true},                              // base64url JSON
		{"https://a.example/sign_in/3f2b8c1e-9a4d-4e7b-b0c5-1d2e3f4a5b6c/739214", true},       // UUID
		{"https://a.example/account/signin/SFMyNTY.g2gDbQAAABBkYW5hQGNhcmR3ZWxs", true},       // path segment
		{"https://a.example/auth/sms/a9F3kL2x?u=48213", true},                                 // short segment after a sign-in word
		{"https://a.example/confirm/5c1d9e/7a0f3b2e94", true},                                 // two short random segments
		{"https://a.example/l/pEtUEj", true},                                                  // short link
		{"https://a.example/#/auth/token=8fK2xQ9LmZ3vT1pR", true},                             // fragment parameters
		{"https://go.example/open?magicLink=" + url.QueryEscape("https://app.example/auth?token=8fK2xQ9LmZ3vT1pR"), true},
		{"https://medium.com/m/callback/email?token=8e21c05d4f9a&operation=login", true},
		{"https://a.example/users/confirmation?confirmation_token=xYz12AbC", true}, // a name holding "token"
		{"https://a.example/auth?userId=6571af&secret=Qm9uam91cj", true},           // a userId and secret pair
		{"https://a.example/login/eyJ1IjoxMn0:1tQv7x:Zk3q9LmP2vXw8RtYcB0", true},   // a signed value with colons
		// Not credentials.
		{"https://a.example/login", false},
		{"https://a.example/login?login_hint=dana%40example.com", false},
		{"https://a.example/login?email=dana.whitfield%40example.net", false},
		{"https://a.example/signin?utm_source=security&utm_campaign=new_device_2026q4", false},
		{"https://a.example/?lang=en-US&locale=pt_BR", false},
		{"https://a.example/account/orders/58213377", false},
		{"https://a.example/help/how-to-reset-your-password-2024", false},
		{"https://a.example/2026/12/winter-sowing-guide", false},
		{"https://accounts.example.com/o/oauth2/auth?client_id=918273645-abcd1234efgh5678.apps.example.com&state=Sd8Lq2Zr7xT4&redirect_uri=https%3A%2F%2Fapp.example%2Fcb", false},
		{"https://a.example/login?mc_cid=8f3a9c2b1d&mc_eid=4e7b0c5d1a", false},
		{"https://shop.example/account/login?return_url=%2Faccount%2Forders%2F2291047", false},                 // where to land
		{"https://shop.example/account/login?back=%2Faccount%2Forders%2F2291047aB9x", false},                   // a path under any key
		{"https://id.example.com/oauth2/authorize?client_id=x&nonce=3f6a0d2c8b7e4f19a5c6&scope=openid", false}, // an OAuth request's nonce
		{"https://a.example/orders?ref=AB12CD34EF56GH78", false},
		{"https://a.example/Orders/Summary", false},
		{"https://shop.example/login?promocode=WINTER2026", false},
		{"https://shop.example/login?_kx=Zk3q9LmP2vXw8RtY.AbC123&utm_source=klaviyo", false},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.link)
		if err != nil {
			t.Fatal(err)
		}
		got, where := credential(u, 0)
		if (got != "") != tt.want {
			t.Errorf("credential(%s) = %q (%s), want a credential: %v", tt.link, got, where, tt.want)
		}
	}
}

func TestKinds(t *testing.T) {
	tests := []struct {
		name string
		link Link
		want string
	}{
		{"sign-in", Link{URL: "https://app.example.com/auth/magic?token=8fK2xQ9LmZ3vT1pR", Text: "Sign in", Button: true}, KindSignIn},
		{"sign-up verification", Link{URL: "https://app.example.com/signup/confirm?token=8fK2xQ9LmZ3vT1pR", Text: "Confirm email"}, KindSignIn},
		{"login page", Link{URL: "https://app.example.com/login", Text: "Log in", Button: true}, KindOther},
		{"reset", Link{URL: "https://app.example.com/password/reset?token=8fK2xQ9LmZ3vT1pR", Text: "Reset password"}, KindPasswordReset},
		{"reset by URL", Link{URL: "https://x.firebaseapp.com/__/auth/action?mode=resetPassword&oobCode=8fK2xQ9LmZ3vT1pR", Text: "https://x.firebaseapp.com/…"}, KindPasswordReset},
		{"email change", Link{URL: "https://app.example.com/settings/email/confirm?token=8fK2xQ9LmZ3vT1pR", Text: "Confirm new email"}, KindAccountChange},
		{"unsubscribe", Link{URL: "https://app.example.com/email/unsubscribe?token=8fK2xQ9LmZ3vT1pR", Text: "unsubscribe with one click"}, KindUnsubscribe},
		{"help", Link{URL: "https://docs.example.dev/getting-started/sign-in-with-sso", Text: "Documentation"}, KindHelpLegal},
		{"social", Link{URL: "https://www.instagram.com/acme", Text: "Follow us"}, KindSocial},
		{"social own login", Link{URL: "https://www.facebook.com/login/email_link/?token=8fK2xQ9LmZ3vT1pR", Text: "Log in as Dana"}, KindSignIn},
		{"app store", Link{URL: "https://apps.apple.com/app/acme/id123456789", Text: "Download on the App Store"}, KindAppStore},
		{"tracking pixel", Link{URL: "https://t.example.com/open/8fK2xQ9LmZ3vT1pR.gif"}, KindTracking},
		{"home page", Link{URL: "https://acme.example.com/", Text: "Acme"}, KindHomePage},
		{"own pending sign-in on a new device", Link{URL: "https://bank.example.com/devices/approve?request=ndr_41f0a9c2&token=Xk29vLq8Tz4RmW1p", Text: "Yes, it's me – continue signing in", Button: true}, KindSignIn},
		{"own new device confirmed", Link{URL: "https://x.example.com/device/confirm/6fd2c1a0-8b3e-4c57-9a41-e0d7b52f3c18", Text: "Confirm device"}, KindSignIn},
		{"admin approves another's device", Link{URL: "https://app.example.com/admin/device-requests/dvr_5Kq2Wm9T/approve?sig=7b1f0c3e9a24d86f", Text: "Approve device", Button: true}, KindAccountChange},
		{"sign in and trust the device", Link{URL: "https://bank.example.com/devices/trust?request=ndr_41f0a9c2&token=Xk29vLq8Tz4RmW1p", Text: "Sign in and trust this device", Button: true}, KindSignIn},
		{"trusted devices", Link{URL: "https://my.example.com/security/trusted-devices/add?d=td_8QwL3nZr5Xv2Kp9M", Plain: true, Before: "To skip the code next time you log in, add it to your trusted devices:"}, KindAccountChange},
		{"appointment", Link{URL: "https://book.example.com/appointments/confirm?token=8fK2xQ9LmZ3vT1pR", Text: "Confirm"}, KindOther},
		{"order", Link{URL: "https://shop.example.com/x/confirm?key=8fK2xQ9LmZ3vT1pR", Text: "Confirm your order"}, KindOther},
		{"verification link named", Link{URL: "https://pbl.to/v/7Hk2Qz9X", Plain: true, Before: "Your Pebble verification link:"}, KindSignIn},
		{"plain-text sentence", Link{URL: "https://qvr.io/l/Zx81Ka0Q", Plain: true, Before: "Tap", After: "to sign in to Quaver."}, KindSignIn},
		{"plain-text sentence far", Link{URL: "https://qvr.io/l/Zx81Ka0Q", Plain: true, Before: "Your order has shipped!", After: "Rate us."}, KindOther},
	}
	for _, tt := range tests {
		if v := Classify(tt.link); v.Kind != tt.want {
			t.Errorf("%s: Classify(%s).Kind = %s, want %s (%+v)", tt.name, tt.link.URL, v.Kind, tt.want, v.Signals)
		}
	}
}

func TestPhishingSignals(t *testing.T) {
	tests := []struct {
		name string
		link Link
		rule string
	}{
		{"userinfo", Link{URL: "https://login.bank.example@evil.example/auth?token=8fK2xQ9LmZ3vT1pR", Text: "Sign in"}, "userinfo-host"},
		{"punycode mixed script", Link{URL: "https://xn--pypoint-2fg.com/signin?token=8fK2xQ9LmZ3vT1pR", Text: "Sign in"}, "mixed-script-host"},
		{"raw mixed script", Link{URL: "https://pаypoint.com/signin?token=8fK2xQ9LmZ3vT1pR", Text: "Sign in"}, "mixed-script-host"},
		{"text shows another URL", Link{URL: "https://evil.example/signin?t=8fK2xQ9LmZ3vT1pR", Text: "https://www.bank.example/signin"}, "text-shows-other-url"},
		{"invisible", Link{URL: "https://bank\u2060.example.evil.example/l?t=8fK2xQ9LmZ3vT1pR", Plain: true, Before: "Sign in:", Invisible: true}, "invisible-in-url"},
	}
	for _, tt := range tests {
		v := Classify(tt.link)
		if !hasSignal(v, tt.rule) {
			t.Errorf("%s: Classify(%s) = %+v, want %s", tt.name, tt.link.URL, v.Signals, tt.rule)
		}
		if v.SignIn() {
			t.Errorf("%s: Classify(%s) answered a sign-in link (%d)", tt.name, tt.link.URL, v.Score)
		}
	}
	// A tracker's href and the target shown as text are the same site: no signal.
	v := Classify(Link{URL: "https://www.google.com/url?q=https%3A%2F%2Fwww.bank.example%2Fsignin%3Ft%3D8fK2xQ9LmZ3vT1pR", Text: "https://www.bank.example/signin"})
	if hasSignal(v, "text-shows-other-url") {
		t.Errorf("unwrapped target shown as text flagged: %+v", v.Signals)
	}
	if got, _ := punycode("pypoint-2fg"); got != "pаypoint" {
		t.Errorf("punycode(pypoint-2fg) = %q", got)
	}
	if got, _ := punycode("mnchen-3ya"); got != "münchen" {
		t.Errorf("punycode(mnchen-3ya) = %q", got)
	}
	// One script, even not Latin, is no signal: münchen, москва.
	for _, h := range []string{"xn--mnchen-3ya.de", "xn--80adxhks.xn--p1ai", "login.acme.com"} {
		if label, bad := mixedScript(h); bad {
			t.Errorf("mixedScript(%s) flagged %q", h, label)
		}
	}
}

func TestURLWordsSplit(t *testing.T) {
	for in, want := range map[string]string{
		"/auth/signIn":        " auth sign In",
		"magic_login-link":    "magic login link",
		"/connexion/lien?x=1": " connexion lien x 1",
		"verifyEmail":         "verify Email",
	} {
		if got := splitWords(in); got != want {
			t.Errorf("splitWords(%q) = %q, want %q", in, got, want)
		}
	}
	// Words of the registrable domain are never read: a .blog or press. host says nothing.
	v := Classify(Link{URL: "https://press.login-help.blog/", Text: "Acme"})
	for _, s := range v.Signals {
		if s.Rule == "url-sign-in" || s.Rule == "url-not-link" {
			t.Errorf("host words read: %+v", v.Signals)
		}
	}
	if v := Classify(Link{URL: "https://login.acme.example/x?token=8fK2xQ9LmZ3vT1pR"}); !hasSignal(v, "url-sign-in") {
		t.Errorf("login. subdomain not read: %+v", v.Signals)
	}
}
