// Package magiclink tells sign-in and verification links from the other links of a message.
//
// [Classify] weighs one link by the rules of [Rules]: the credential it carries (a sign-in
// link always carries one), its anchor text and button styling or, for a URL written in plain
// text, its sentence, the words of its URL's path and query, and the shape of known sign-in
// frameworks' links (shapes.txt). It gives every link a kind (sign-in, password reset,
// unsubscribe, …) and flags phishing signals. [Unwrap] reads the target of click-tracking
// and link-protection wrappers offline; [FindInText] finds the links written in plain text.
// Only http and https links are ever considered, and a link is always kept exactly as it was
// written: one changed byte breaks a one-time link.
//
// The package does not fetch anything: a click-tracking link whose target cannot be read
// offline is scored on its anchor text and surroundings alone.
package magiclink

import (
	"cmp"
	_ "embed"
	"net/url"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// Link is a link as found in a message.
type Link struct {
	URL string // the href or the URL as written, character references decoded
	// Text is the anchor text of an HTML link.
	Text    string
	Context string // the words around an HTML link: its line and the line before
	Button  bool   // styled as a button

	// Plain is set for a URL written in plain text. Its sentence is its anchor: Before holds
	// the words from the sentence's start to the URL (or the sentence above, for a URL alone
	// on its line), After the words from the URL to the sentence's end.
	Plain         bool
	Before, After string

	// SafeRedirect is the data-saferedirecturl Gmail writes beside an href when a message is
	// saved from its web client: Google's wrapper around the same link.
	SafeRedirect string
	// Invisible is set when invisible or bidi characters stand inside the URL as written: the
	// link a person reads is not the one they would open.
	Invisible bool
	// OneTime is set when the message says a link of it expires or works once ("This link
	// expires in 15 minutes"): what sign-in messages say and security notices do not. An
	// opaque click tracker, whose own token proves nothing, needs it (see OneTimeCue).
	OneTime bool
}

// Signal is one piece of evidence for or against a link.
type Signal struct {
	Rule   string `json:"rule"`             // what was seen, e.g. "anchor-sign-in"
	Weight int    `json:"weight"`           // how much it moved the score
	Detail string `json:"detail,omitempty"` // the words or value that were seen
}

// Verdict is a link's score, its kind and the evidence behind them.
type Verdict struct {
	Score   int
	Signals []Signal
	// Kind is what the link is for (KindSignIn, KindPasswordReset, …). Only a KindSignIn link
	// scoring at least Threshold is a sign-in link.
	Kind string
	// Target is the address a click tracker wraps, when it could be read offline; "" otherwise.
	Target string
	// Credential is the secret the link (or its target) carries, "" when none was seen.
	Credential string
	// Opaque is set when the link is a click tracker whose target only its server knows.
	Opaque bool

	off func(rule string) bool // reports the rules switched off while classifying; nil: none
}

// SignIn reports whether the verdict makes the link a sign-in or verification link.
func (v Verdict) SignIn() bool { return v.Kind == KindSignIn && v.Score >= Threshold }

// Threshold is the score from which a sign-in kind of link is taken for a sign-in or
// verification link.
const Threshold = 40

// IsHTTP reports whether raw is an absolute http or https URL.
func IsHTTP(raw string) bool {
	scheme, rest, ok := strings.Cut(raw, "://")
	if !ok || rest == "" {
		return false
	}
	scheme = strings.ToLower(scheme)
	return scheme == "http" || scheme == "https"
}

//go:embed urlwords.txt
var urlWordsText string

// urlClasses are the classes of the language tables' words that urlWords reports.
const urlClasses = lexicon.SignIn | lexicon.Verify | lexicon.Reset | lexicon.NotLink

// urlOnlyWords matches the URL-only words of urlwords.txt.
var urlOnlyWords = sync.OnceValue(func() *lexicon.Matcher {
	phrases, err := lexicon.Parse("urlwords.txt", urlWordsText)
	if err != nil {
		panic(err) // embedded data, checked by the tests
	}
	return lexicon.Compile(phrases)
})

// urlWords returns the words of a URL's text, ordered as lexicon.Matcher.FindAll orders
// them: the URL-only words of urlwords.txt, and the link words of every language's table,
// since paths are often written in the site's language (/connexion, /anmelden, /confirmar).
// The tables' words come from lexicon.Default, which a process loads ready-made, rather than
// from a matcher of their own that it would compile on its first link (≈10–20 ms).
func urlWords(text string) []lexicon.Match {
	ms := urlOnlyWords().FindAll(text)
	for _, m := range lexicon.Default().FindAll(text) {
		if m.Class &= urlClasses; m.Class != 0 {
			ms = append(ms, m)
		}
	}
	slices.SortStableFunc(ms, func(a, b lexicon.Match) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	return ms
}

// signInLabels are subdomain labels that name a sign-in service.
// "account." is not one: account pages (orders, settings) live there too.
var signInLabels = map[string]bool{
	"login": true, "signin": true, "sign-in": true, "auth": true, "id": true, "sso": true,
	"identity": true,
}

// Classify scores l as a sign-in or verification link and says what kind of link it is. A
// link that is not http or https scores far below [Threshold].
func Classify(l Link) Verdict { return ClassifyWithout(l, nil) }

// ClassifyWithout is [Classify] with the rules of [Rules] for which off(rule.Name) is true
// switched off; a nil off switches none off. It shows what each rule decides: otpkit's tests
// switch every rule off in turn and require some fixture's answer to change.
func ClassifyWithout(l Link, off func(rule string) bool) Verdict {
	v := Verdict{Kind: KindOther, off: off}
	v.classify(l)
	v.off = nil // the verdict reports what was seen, not how it was asked
	return v
}

// classify weighs l into v.
func (v *Verdict) classify(l Link) {
	if !IsHTTP(l.URL) {
		v.add("not-http", l.URL)
		return
	}
	u, err := url.Parse(l.URL)
	if err != nil {
		v.add("unparsable", err.Error())
		return
	}
	if l.Invisible {
		v.add("invisible-in-url", "")
	}
	// A wrapper that carries its target in the link is judged by the target; the link
	// itself is what the person opens, and stays as written.
	target := u
	t, ok := unwrapFrom(l.URL, u)
	if !ok && l.SafeRedirect != "" {
		// Gmail's wrapper around the href itself tells nothing new.
		if t, ok = Unwrap(l.SafeRedirect); ok && sameURL(t, l.URL) {
			ok = false
		}
	}
	if ok {
		if tu, err := url.Parse(t); err == nil && v.on("redirect-target") {
			target, v.Target = tu, t
			v.add("redirect-target", tu.Host+tu.EscapedPath())
		}
	}
	opaque := target == u && opaqueTracker(u) && v.on("opaque-tracker")

	// Phishing signals.
	if u.User != nil || target.User != nil {
		v.add("userinfo-host", u.User.String()+"@"+u.Host)
	}
	for _, h := range []string{u.Hostname(), target.Hostname()} {
		if label, bad := mixedScript(h); bad {
			v.add("mixed-script-host", label)
			break
		}
	}
	if !l.Plain && !opaque {
		if shown := shownURLHost(l.Text); shown != "" {
			d := RegistrableDomain(shown)
			if d != RegistrableDomain(u.Hostname()) && d != RegistrableDomain(target.Hostname()) {
				v.add("text-shows-other-url", shown)
			}
		}
	}

	// The URL's words: path and query, and sign-in subdomain labels. An opaque tracker's
	// are the mail service's labels for its own click counting ("_e=login"), not the words
	// of where it leads.
	var words string
	if !opaque {
		words = urlText(target)
		for _, label := range subdomainLabels(target.Hostname()) {
			if signInLabels[label] {
				words = label + " " + words
				break
			}
		}
	}
	urlSeen := v.words("url", words, lexicon.Outermost(urlWords(words)))
	shapeName := matchShape(target)
	if shapeName != "" {
		v.add("shape", shapeName)
	}

	// The words a person reads: an HTML link's text, or a plain-text link's sentence.
	var anchorSeen, sentenceSeen, contextSeen lexicon.Class
	pointer := true // the link's text says nothing of its own: empty, the URL, "click here"
	var anchor int
	if l.Plain {
		sentenceSeen = v.sentence(l.Before, l.After)
		pointer = false
	} else if text := strings.TrimSpace(l.Text); text != "" && text != l.URL {
		matches := linkMatches(text)
		before := v.Score
		anchorSeen = v.words("anchor", text, matches)
		anchor = v.Score - before
		pointer = anchor == 0 && onlyPointer(text, matches)
	}
	// The surrounding words only matter when the label says nothing of its own: "Track your
	// order" under "sign in to see it" is no sign-in; "Continue" under "Finish signing in" is.
	var context int
	if !l.Plain && l.Context != "" && anchor == 0 && pointer {
		before := v.Score
		contextSeen = v.contextWords("context", l.Context)
		context = v.Score - before
	}
	// A button matters when its label, or the words around a label that only points, say
	// what it does.
	if l.Button && (anchor > 0 || pointer && context > 0) {
		v.add("button", "")
	}

	home := strings.Trim(target.Path, "/") == "" && target.RawQuery == "" && target.Fragment == ""

	// The credential rule.
	cred, where := credential(target, 0)
	if cred == "" && target != u {
		cred, where = credential(u, 0)
	}
	switch {
	case opaque:
		v.Opaque = true
		v.add("opaque-tracker", u.Host)
		// A notice's tracked button logs in or reviews; one that verifies an address
		// ("Verificar e-mail") is a sign-up's, which often never says when it expires.
		if !l.OneTime && !verifiesAddress(anchorSeen|sentenceSeen, readText(l)) {
			v.add("opaque-not-one-time", "")
		}
	case cred != "":
		v.Credential = cred
		v.add("credential", where+": "+clipDetail(cred))
	default:
		v.add("no-credential", "")
	}

	v.Kind = v.kind(l, u, target, kindEvidence{
		anchor: anchorSeen, sentence: sentenceSeen, context: contextSeen, url: urlSeen,
		words: kindURLText(target), home: home, shape: shapeName != "",
		// Without a credential a link is never a sign-in link (unless the rule is off, in tests).
		credential: cred != "" || opaque || !v.on("no-credential"),
	})
}

// readText is what a person reads of l: an HTML link's text, a plain-text link's sentence.
func readText(l Link) string {
	if l.Plain {
		return l.Before + " " + l.After
	}
	return l.Text
}

// addressWords name an email address, in the languages of the link words.
var addressWords = []string{"mail", "correo", "address", "adres", "endereço", "indirizzo",
	"courriel", "почт", "メール", "邮箱", "邮件", "이메일", "البريد", "דוא"}

// verifiesAddress reports whether the words a person reads of a link verify an email
// address: verification words, and a word naming the address ("Confirm my email",
// "Verificar e-mail").
func verifiesAddress(seen lexicon.Class, text string) bool {
	if seen&lexicon.Verify == 0 {
		return false
	}
	lower := strings.ToLower(text)
	for _, w := range addressWords {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}

// objectSegments are path segments naming what a confirmation link is about when it is not
// an address or an account.
var objectSegments = map[string]bool{
	"appointment": true, "appointments": true, "order": true, "orders": true, "booking": true,
	"bookings": true, "reservation": true, "reservations": true, "rsvp": true, "event": true,
	"events": true, "payment": true, "payments": true, "invoice": true, "invoices": true,
	"delivery": true, "shipment": true, "shipments": true, "subscription": true, "subscribe": true,
	"termin": true, "bestellung": true, "buchung": true, "commande": true, "pedido": true,
	"reserva": true, "cita": true, "ordine": true, "prenotazione": true,
}

// otherPurpose reports whether a link confirms something else than an address or an
// account: its words say so ("Confirm your appointment"), or its path names the object
// (/appointments/confirm) while its words name no address or account.
func otherPurpose(text string, u *url.URL) (string, bool) {
	if w, ok := hasKindWords("other-purpose", text); ok {
		return w, true
	}
	lower := strings.ToLower(text)
	for _, w := range []string{"mail", "account", "address", "konto", "compte", "cuenta", "conta", "sign", "log"} {
		if strings.Contains(lower, w) {
			return "", false
		}
	}
	for seg := range split(strings.ToLower(u.Path), "/") {
		if objectSegments[seg] {
			return seg, true
		}
	}
	return "", false
}

// adminSegments are path segments of an administrator's pages.
var adminSegments = map[string]bool{
	"admin": true, "admins": true, "administrator": true, "administration": true, "adm": true,
}

// adminApproval reports a link by which an administrator grants something to another
// person: approval words in its text or URL, under an administrator's path
// (/admin/device-requests/…/approve). An approval of the reader's own pending sign-in
// ("Yes, it's me", /devices/approve) is under no such path.
func adminApproval(text, urlWords string, u *url.URL) (string, bool) {
	admin := ""
	for _, seg := range strings.Split(strings.ToLower(u.Path), "/") {
		if adminSegments[seg] {
			admin = seg
			break
		}
	}
	if admin == "" {
		return "", false
	}
	if w, ok := hasKindWords("approval", text, urlWords); ok {
		return admin + ": " + w, true
	}
	return "", false
}

// sameURL reports whether a and b are the same URL but for percent-escapes.
func sameURL(a, b string) bool {
	ua, err1 := url.QueryUnescape(a)
	ub, err2 := url.QueryUnescape(b)
	return a == b || err1 == nil && err2 == nil && ua == ub
}

// kindEvidence is what Classify saw, for deciding the kind.
type kindEvidence struct {
	anchor, sentence, context, url lexicon.Class
	words                          string // the URL's words
	home, credential, shape        bool
}

// kind decides what the link is for, adding the kind's rule when the kind is not sign-in.
func (v *Verdict) kind(l Link, u, target *url.URL, e kindEvidence) string {
	const action = lexicon.SignIn | lexicon.Verify
	text := l.Text
	if l.Plain {
		text = l.Before + " " + l.After
	}
	readable := e.anchor | e.sentence
	try := func(rule, kind, detail string, ok bool) bool {
		if ok && v.on(rule) {
			v.add(rule, detail)
			return true
		}
		return false
	}
	if ext := strings.ToLower(path.Ext(target.Path)); try("kind-tracking", KindTracking, ext, isImage(ext)) {
		return KindTracking
	}
	if try("kind-app-store", KindAppStore, target.Host, appStore(target)) {
		return KindAppStore
	}
	if w, ok := hasKindWords("unsubscribe", text, e.words); try("kind-unsubscribe", KindUnsubscribe, w, ok) {
		return KindUnsubscribe
	}
	if w, ok := hasKindWords("account-change", text, e.words); try("kind-account-change", KindAccountChange, w, ok) {
		return KindAccountChange
	}
	// Trusting or removing a device, or an administrator approving another person's device
	// or sign-in, changes an account and signs no one in; the reader's own pending sign-in
	// on a new device, its button saying so ("Sign in and trust this device"), is a sign-in.
	// (A sentence's sign-in words may speak of later sign-ins: "next time you log in, add it
	// to your trusted devices".)
	if w, ok := hasKindWords("device-change", text, e.words); try("kind-account-change", KindAccountChange, w, ok && e.anchor&lexicon.SignIn == 0) {
		return KindAccountChange
	}
	if w, ok := adminApproval(text, e.words, target); try("kind-account-change", KindAccountChange, w, ok && readable&lexicon.SignIn == 0) {
		return KindAccountChange
	}
	// "Confirm" said of an order, an appointment or a booking verifies no address.
	if w, ok := otherPurpose(text, target); try("kind-other-purpose", KindOther, w, ok) {
		return KindOther
	}
	// A reset link: its own words say reset, or nothing it says is sign-in while its URL
	// or sentence says reset.
	reset := e.anchor&lexicon.Reset != 0 && e.anchor&action == 0 ||
		readable&action == 0 && (e.url|e.sentence|e.context)&lexicon.Reset != 0
	if try("kind-password-reset", KindPasswordReset, "", reset) {
		return KindPasswordReset
	}
	if d := RegistrableDomain(target.Hostname()); socialHosts[d] && readable&action == 0 {
		if try("kind-social", KindSocial, d, true) {
			return KindSocial
		}
	}
	if readable&action == 0 && !e.shape {
		if w, ok := hasKindWords("help-legal", text, e.words); try("kind-help-legal", KindHelpLegal, w, ok) {
			return KindHelpLegal
		}
	}
	if e.home {
		return KindHomePage
	}
	if e.credential && (readable|e.context|e.url)&action != 0 {
		return KindSignIn
	}
	return KindOther
}

func clipDetail(s string) string {
	if len(s) > 48 {
		return s[:48] + "…"
	}
	return s
}

func (v *Verdict) add(rule string, detail string) {
	w, ok := v.weight(rule)
	if !ok {
		return
	}
	v.Score += w
	if v.Signals == nil {
		v.Signals = make([]Signal, 0, 8) // what most links collect, in one allocation
	}
	v.Signals = append(v.Signals, Signal{Rule: rule, Weight: w, Detail: detail})
}

// linkClasses are the classes of link words, with the suffix of their rules.
var linkClasses = []struct {
	class lexicon.Class
	name  string
}{
	{lexicon.SignIn, "sign-in"},
	{lexicon.Verify, "verify"},
	{lexicon.Reset, "reset"},
	{lexicon.NotLink, "not-link"},
}

// words adds the weight of the strongest positive class of link words matched in text, and
// of each negative one, once: repeating evidence adds nothing. It returns the classes seen.
func (v *Verdict) words(where, text string, matches []lexicon.Match) lexicon.Class {
	matches = ownWords(matches)
	var seen lexicon.Class
	best := 0
	var bestSignal string
	var bestDetail string
	for _, match := range matches {
		for _, c := range linkClasses {
			if match.Class&c.class == 0 || seen&c.class != 0 {
				continue
			}
			seen |= c.class // a class without a rule (reset) is only read by the kinds
			rule := where + "-" + c.name
			if _, listed := ruleIndex[rule]; !listed {
				continue
			}
			w, ok := v.weight(rule)
			if !ok || w == 0 {
				continue
			}
			detail := text[match.Start:match.End]
			if w < 0 {
				v.add(rule, detail)
			} else if w > best {
				best, bestSignal, bestDetail = w, rule, detail
			}
		}
	}
	if best > 0 {
		v.add(bestSignal, bestDetail)
	}
	return seen
}

// ownWords drops the matches that do not say what the link does. Words of a link that
// never signs in, beside sign-in words, name where one signs in ("Sign in to the Help
// Center"); sign-in words inside such words name what is shown ("Review login activity").
func ownWords(matches []lexicon.Match) []lexicon.Match {
	const action = lexicon.SignIn | lexicon.Verify
	var neg, pos []lexicon.Match
	for _, m := range matches {
		if m.Class&lexicon.NotLink != 0 {
			neg = append(neg, m)
		}
		if m.Class&action != 0 {
			pos = append(pos, m)
		}
	}
	if len(neg) == 0 || len(pos) == 0 {
		return matches
	}
	overlaps := func(m lexicon.Match, in []lexicon.Match) bool {
		for _, o := range in {
			if m.Start < o.End && o.Start < m.End && (m.Start != o.Start || m.End != o.End) {
				return true
			}
		}
		return false
	}
	var out []lexicon.Match
	free := false // an action word stands on its own
	for _, m := range pos {
		if !overlaps(m, neg) {
			free = true
		}
	}
	for _, m := range matches {
		switch {
		case m.Class&lexicon.NotLink != 0 && free:
			m.Class &^= lexicon.NotLink
		case m.Class&action != 0 && overlaps(m, neg):
			m.Class &^= action
		}
		if m.Class != 0 {
			out = append(out, m)
		}
	}
	return out
}

// contextWords adds the rule once when the words around a link sign in or verify.
func (v *Verdict) contextWords(rule, text string) lexicon.Class {
	var seen lexicon.Class
	for _, m := range linkMatches(text) {
		if c := m.Class & (lexicon.SignIn | lexicon.Verify); c != 0 {
			if seen == 0 {
				v.add(rule, text[m.Start:m.End])
			}
			seen |= c
		}
	}
	return seen
}

// nearWords is how many words from a plain-text link its sentence's words weigh in full.
const nearWords = 6

// sentence weighs a plain-text link's sentence: the strongest positive class of link words,
// in full when within nearWords words of the URL and half beyond; words of links that never
// sign in only when near.
func (v *Verdict) sentence(before, after string) lexicon.Class {
	type hit struct {
		class  lexicon.Class
		detail string
		near   bool
	}
	var hits []hit
	for _, m := range linkMatches(before) {
		hits = append(hits, hit{m.Class, before[m.Start:m.End], len(strings.Fields(before[m.End:])) <= nearWords})
	}
	for _, m := range linkMatches(after) {
		hits = append(hits, hit{m.Class, after[m.Start:m.End], len(strings.Fields(after[:m.Start])) <= nearWords})
	}
	var seen lexicon.Class
	best, bestRule, bestDetail := 0, "", ""
	for _, h := range hits {
		for _, c := range linkClasses {
			if h.class&c.class == 0 {
				continue
			}
			rule := "sentence-" + c.name
			if _, listed := ruleIndex[rule]; !listed {
				seen |= c.class // read by the kinds only
				continue
			}
			w, ok := v.weight(rule)
			if !ok {
				continue
			}
			if w < 0 {
				if h.near && seen&c.class == 0 {
					seen |= c.class
					v.add(rule, h.detail)
				}
				continue
			}
			seen |= c.class
			if !h.near {
				w /= 2
			}
			if w > best {
				best, bestRule, bestDetail = w, rule, h.detail
			}
		}
	}
	if best > 0 {
		full, _ := v.weight(bestRule)
		v.Score += best
		if best < full {
			bestDetail += " (far)"
		}
		v.Signals = append(v.Signals, Signal{Rule: bestRule, Weight: best, Detail: bestDetail})
	}
	return seen
}

// onlyPointer reports whether text, with its lexicon matches, is nothing but words that
// point at a link.
func onlyPointer(text string, matches []lexicon.Match) bool {
	n := 0
	for _, m := range matches {
		if m.Class&lexicon.Here == 0 {
			return false
		}
		n += len(strings.TrimSpace(text[m.Start:m.End]))
	}
	return n > 0 && n >= len(strings.Join(strings.Fields(text), ""))-2
}

// urlText renders the path, the query keys and the word-like query values of u as words for
// the URL matcher. The host is left out: a registrable domain names a business (a ".blog",
// "press" or "help" in it says nothing of the link), and sign-in subdomain labels are a rule
// of their own. Values that are tokens, addresses or redirect targets are left out too.
// Camel case and separators split words: "signIn", "sign_in" and "sign-in" read "sign in".
func urlText(u *url.URL) string {
	var b strings.Builder
	b.WriteString(u.Path) // unescaped: "%2Fconnexion" reads "connexion"
	for kv := range split(u.RawQuery, "&") {
		key, raw, _ := strings.Cut(kv, "=")
		b.WriteByte(' ')
		b.WriteString(key)
		k := strings.ToLower(key)
		if redirectKeys[k] || notCredentialKeys[k] || strings.HasPrefix(k, "utm_") {
			continue
		}
		if val, err := url.QueryUnescape(raw); err == nil && wordLike(val) {
			b.WriteByte(' ')
			b.WriteString(val)
		}
	}
	return splitWords(b.String())
}

// kindURLText renders u's path segments and query keys for the kind words, one apart from
// the next, so that no phrase spans two of them (/session/new/email is no "new email").
func kindURLText(u *url.URL) string {
	var parts []string
	for seg := range split(u.Path, "/") {
		if seg != "" {
			parts = append(parts, splitWords(seg))
		}
	}
	for kv := range split(u.RawQuery, "&") {
		if key, _, _ := strings.Cut(kv, "="); key != "" {
			parts = append(parts, splitWords(key))
		}
	}
	return strings.Join(parts, " | ")
}

// wordLike reports whether a query value is a word or two ("signIn", "magic_links"), not a
// token or an address.
func wordLike(s string) bool {
	if s == "" || len(s) > 32 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// splitWords turns separators into spaces and splits camel case ("magicLogin" reads
// "magic Login"); other scripts are left as they are.
func splitWords(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	prev := byte(' ')
	for _, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			if 'a' <= prev && prev <= 'z' {
				b.WriteByte(' ')
			}
			b.WriteRune(r)
			prev = byte(r)
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			b.WriteRune(r)
			prev = byte(r)
		case r < 0x80:
			b.WriteByte(' ')
			prev = ' '
		default:
			b.WriteRune(r)
			prev = 'x'
		}
	}
	return b.String()
}

func isImage(ext string) bool {
	switch ext {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico":
		return true
	}
	return false
}
