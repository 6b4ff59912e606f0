package magiclink

import (
	_ "embed"
	"net/url"
	"strings"
	"sync"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// The kinds of link. Only KindSignIn (which includes sign-up email verification) is ever
// answered; the others say why a link was refused.
const (
	KindSignIn        = "sign_in"
	KindPasswordReset = "password_reset"
	KindAccountChange = "account_change" // email change, account deletion, phone change, devices
	KindUnsubscribe   = "unsubscribe"    // unsubscribe and preference pages
	KindTracking      = "tracking"       // open-tracking pixels and images
	KindHelpLegal     = "help_legal"     // help, documentation, privacy, terms
	KindSocial        = "social"
	KindAppStore      = "app_store"
	KindHomePage      = "home_page"
	KindOther         = "other"
)

//go:embed kindwords.txt
var kindWordsText string

// kindWords are the matchers of kindwords.txt, one per kind.
var kindWords = sync.OnceValue(func() map[string]*lexicon.Matcher {
	out := map[string]*lexicon.Matcher{}
	sections := strings.Split("\n"+kindWordsText, "\n{")
	for _, sec := range sections[1:] {
		head, body, _ := strings.Cut(sec, "\n")
		name := strings.TrimSuffix(strings.TrimSpace(head), "}")
		phrases, err := lexicon.Parse("kindwords.txt", "[other]\n"+body)
		if err != nil {
			panic(err) // embedded data, checked by the tests
		}
		out[name] = lexicon.Compile(phrases)
	}
	return out
})

// hasKindWords reports whether any of texts has words of the kind named.
func hasKindWords(kind string, texts ...string) (string, bool) {
	m := kindWords()[kind]
	for _, t := range texts {
		if t == "" {
			continue
		}
		if ms := m.FindAll(t); len(ms) > 0 {
			return t[ms[0].Start:ms[0].End], true
		}
	}
	return "", false
}

// socialHosts are the registrable domains of social networks.
var socialHosts = map[string]bool{
	"facebook.com": true, "fb.com": true, "instagram.com": true, "twitter.com": true,
	"x.com": true, "linkedin.com": true, "youtube.com": true, "youtu.be": true,
	"tiktok.com": true, "pinterest.com": true, "threads.net": true, "reddit.com": true,
	"snapchat.com": true, "vk.com": true, "weibo.com": true, "discord.gg": true,
	"t.me": true, "wa.me": true, "line.me": true, "mastodon.social": true,
}

// appStore reports whether u is an app store's page.
func appStore(u *url.URL) bool {
	host := strings.ToLower(u.Hostname())
	switch host {
	case "apps.apple.com", "itunes.apple.com", "play.google.com", "appgallery.huawei.com",
		"apps.microsoft.com", "galaxystore.samsung.com", "appgallery.cloud.huawei.com":
		return true
	}
	return false
}
