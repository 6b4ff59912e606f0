package magiclink

import "slices"

// Rule is one piece of evidence Classify weighs: its name (as it appears in a Signal), its
// weight, and what it reads.
type Rule struct {
	Name   string
	Weight int
	Reads  string
}

// rules is every rule of Classify, in one table: the weights live here and nowhere else.
var rules = []Rule{
	// What the person reads: the link's own words.
	{"anchor-sign-in", 40, "the link's text has sign-in words (\"Sign in to Acme\")"},
	{"anchor-verify", 35, "the link's text has verification words (\"Confirm my email\")"},
	{"anchor-not-link", -50, "the link's text names something that never signs in (\"Unsubscribe\", \"Help\")"},
	// A plain-text link's sentence is its anchor: words before and after it, up to the
	// sentence or paragraph end, or the sentence above for a link alone on its line.
	{"sentence-sign-in", 40, "a plain-text link's sentence has sign-in words; half beyond 6 words away"},
	{"sentence-verify", 35, "a plain-text link's sentence has verification words; half beyond 6 words away"},
	{"sentence-not-link", -50, "a plain-text link's sentence names something that never signs in, within 6 words"},
	// The block around an HTML link whose text says nothing of its own.
	{"context", 25, "sign-in or verification words around a link whose text only points (\"click here\")"},
	{"button", 15, "the link is styled as a button and its words say what it does"},
	// The URL: path and query words only, never the registrable domain.
	{"url-sign-in", 30, "sign-in words in the URL's path, query keys and word values, or a sign-in subdomain label (login., auth., id.)"},
	{"url-verify", 25, "verification words in the URL's path or query keys"},
	{"url-not-link", -40, "words of links that never sign in, in the URL's path or query keys"},
	{"shape", 20, "the URL has the shape of a known sign-in framework's link (shapes.txt)"},
	// The credential rule: a sign-in link carries a secret; a link without one is at most a
	// login page and is never the answer.
	{"credential", 15, "a token-like value in a query value, a path segment or the fragment"},
	{"no-credential", -100, "no token-like value anywhere in the link or its unwrapped target: never a sign-in link"},
	{"opaque-tracker", 0, "a click tracker whose target only its server knows: its words must carry the evidence"},
	{"opaque-not-one-time", -30, "an opaque tracker in a message that never says a link expires or works once, whose words verify no email address: a notice's Log in button, not a sign-in link"},
	{"redirect-target", 0, "a click tracker's target, read offline; the link stays as sent"},
	// Kinds: a link that is for something else than signing in is never the answer. The
	// kinds of weight 0 only name what the not-link words already weigh.
	{"kind-password-reset", -60, "password-reset words (in the text, sentence or URL) decide the link's purpose"},
	{"kind-account-change", -60, "account-change words (email change, new address, trusted devices) or an administrator's approval decide the link's purpose"},
	{"kind-other-purpose", -60, "the link confirms something else than an address or an account: an order, an appointment, a booking"},
	{"kind-unsubscribe", 0, "unsubscribe or preference words in the text or URL"},
	{"kind-help-legal", 0, "help, documentation or legal words in the link's text or URL path"},
	{"kind-social", 0, "a social network's host, with no sign-in words in the link's text"},
	{"kind-app-store", 0, "an app store's host"},
	{"kind-tracking", -60, "the URL names an image (a banner, a pixel): never a sign-in"},
	// Phishing signals: what a careful person would distrust.
	{"userinfo-host", -100, "the URL carries a user name before its host (https://bank.com@evil.example/)"},
	{"mixed-script-host", -100, "the host mixes scripts or confusable characters (Cyrillic а in an ASCII name)"},
	{"text-shows-other-url", -60, "the link's text shows a URL on another site than the href's"},
	{"invisible-in-url", -1000, "invisible or bidi characters, or a broken byte, inside the URL as written: not the link a person reads"},
	{"not-http", -1000, "not an absolute http or https URL"},
	{"unparsable", -1000, "the URL does not parse"},
}

// ruleIndex finds a rule by name.
var ruleIndex = func() map[string]int {
	m := make(map[string]int, len(rules))
	for i, r := range rules {
		m[r.Name] = i
	}
	return m
}()

// Rules returns a copy of Classify's rules, in the order they are listed.
func Rules() []Rule { return slices.Clone(rules) }

// weight returns the weight of the rule named name, and whether it is on. A rule is only
// ever off in otpkit's tests (see ClassifyWithout).
func (v *Verdict) weight(name string) (int, bool) {
	i, ok := ruleIndex[name]
	if !ok {
		panic("magiclink: unknown rule " + name) // a programming error, caught by the tests
	}
	if v.off != nil && v.off(name) {
		return 0, false
	}
	return rules[i].Weight, true
}

// on reports whether the rule named name is on.
func (v *Verdict) on(name string) bool {
	_, ok := v.weight(name)
	return ok
}
