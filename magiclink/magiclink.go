// Package magiclink tells sign-in and verification links from the other links of a message.
//
// [Classify] scores one link from its URL (host, path and query words, token-like values),
// its anchor text, whether it is styled as a button, and the words around it, and returns
// the evidence with the score. [FindInText] finds the links written in plain text. Only http
// and https links are ever considered, and a link is always kept exactly as it was written:
// one changed byte breaks a one-time link.
//
// The package does not fetch anything: a click-tracking link whose target cannot be read
// offline is scored on its anchor text and surroundings alone.
package magiclink

import (
	_ "embed"
	"net/url"
	"path"
	"strings"
	"sync"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// Link is a link as found in a message.
type Link struct {
	URL string // the href or the URL as written, character references decoded
	// Text is the anchor text. For a URL written in plain text, it is the words that lead to
	// it ("Tap to sign in:"), which play the same part.
	Text    string
	Context string // the words around the link: its line and the line before
	Button  bool   // styled as a button
}

// Signal is one piece of evidence for or against a link.
type Signal struct {
	Rule   string `json:"rule"`             // what was seen, e.g. "anchor-sign-in"
	Weight int    `json:"weight"`           // how much it moved the score
	Detail string `json:"detail,omitempty"` // the words or value that were seen
}

// Verdict is a link's score and the evidence behind it.
type Verdict struct {
	Score   int
	Signals []Signal
}

// Threshold is the score from which a link is taken for a sign-in or verification link.
const Threshold = 40

// Weights of the evidence. Anchor text is the strongest: it is what the person reads.
const (
	wAnchorSignIn  = 40
	wAnchorVerify  = 35
	wAnchorReset   = 15
	wAnchorNotLink = -50
	wURLSignIn     = 30
	wURLVerify     = 25
	wURLReset      = 10
	wURLNotLink    = -40
	wContext       = 25 // the words around a link whose text only points at it
	wContextWeak   = 10 // the words around a link whose text says nothing known
	wButton        = 15
	wToken         = 15
	wImage         = -60
	wHomePage      = -20
	wNotHTTP       = -1000
)

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

// urlWords matches the words of URLs: the URL-only words of urlwords.txt, and the link words
// of every language's table, since paths are often written in the site's language
// (/connexion, /anmelden, /confirmar).
var urlWords = sync.OnceValue(func() *lexicon.Matcher {
	phrases, err := lexicon.Parse("urlwords.txt", urlWordsText)
	if err != nil {
		panic(err) // embedded data, checked by the tests
	}
	for _, p := range lexicon.DefaultPhrases() {
		if p.Class &= lexicon.SignIn | lexicon.Verify | lexicon.Reset | lexicon.NotLink; p.Class != 0 {
			phrases = append(phrases, p)
		}
	}
	return lexicon.Compile(phrases)
})

// Classify scores l as a sign-in or verification link. A link that is not http or https
// scores far below [Threshold].
func Classify(l Link) Verdict {
	var v Verdict
	if !IsHTTP(l.URL) {
		v.add("not-http", wNotHTTP, l.URL)
		return v
	}
	u, err := url.Parse(l.URL)
	if err != nil {
		v.add("unparsable", wNotHTTP, err.Error())
		return v
	}
	// A redirector that carries its target in the link is judged by the target; the link
	// itself is what the person opens, and stays as written.
	target := u
	if t := embeddedTarget(u); t != nil {
		target = t
		v.add("redirect-target", 0, t.Host+t.EscapedPath())
	}
	words := urlText(target)
	v.words("url", words, lexicon.Outermost(urlWords().FindAll(words)), wURLSignIn, wURLVerify, wURLReset, wURLNotLink)
	if ext := strings.ToLower(path.Ext(target.Path)); isImage(ext) {
		v.add("image", wImage, ext)
	}
	if strings.Trim(target.Path, "/") == "" && target.RawQuery == "" {
		v.add("home-page", wHomePage, target.Host)
	}
	if tok := tokenLike(target); tok != "" {
		v.add("token", wToken, tok)
	} else if tok := tokenLike(u); tok != "" {
		v.add("token", wToken, tok)
	}
	var anchor int
	pointer := true // the link's text says nothing of its own: empty, the URL, "click here"
	if text := strings.TrimSpace(l.Text); text != "" && text != l.URL {
		matches := lexicon.Default().Keywords(text)
		anchor = v.words("anchor", text, matches, wAnchorSignIn, wAnchorVerify, wAnchorReset, wAnchorNotLink)
		pointer = anchor == 0 && onlyPointer(text, matches)
	}
	// The surrounding words only matter when the label says nothing of its own: "Track your
	// order" under "sign in to see it" is no sign-in; "Continue" under "Finish signing in" is.
	var context int
	if l.Context != "" && anchor == 0 {
		w := wContextWeak
		if pointer {
			w = wContext
		}
		context = v.words("context", l.Context, lexicon.Default().Keywords(l.Context), w, w, 0, 0)
	}
	// A button matters when its label, or the words around a label that only points, say
	// what it does.
	if l.Button && (anchor > 0 || pointer && context > 0) {
		v.add("button", wButton, "")
	}
	return v
}

func (v *Verdict) add(rule string, weight int, detail string) {
	v.Score += weight
	v.Signals = append(v.Signals, Signal{Rule: rule, Weight: weight, Detail: detail})
}

// words adds the weight of the strongest positive class of link words matched in text, and
// of each negative one, once: repeating evidence adds nothing. It returns the weight added.
func (v *Verdict) words(where, text string, matches []lexicon.Match, signIn, verify, reset, notLink int) int {
	before := v.Score
	classes := []struct {
		class  lexicon.Class
		name   string
		weight int
	}{
		{lexicon.SignIn, "sign-in", signIn},
		{lexicon.Verify, "verify", verify},
		{lexicon.Reset, "reset", reset},
		{lexicon.NotLink, "not-link", notLink},
	}
	var seen lexicon.Class
	best := 0
	var bestSignal Signal
	for _, match := range matches {
		for _, c := range classes {
			if match.Class&c.class == 0 || seen&c.class != 0 || c.weight == 0 {
				continue
			}
			seen |= c.class
			s := Signal{Rule: where + "-" + c.name, Weight: c.weight, Detail: text[match.Start:match.End]}
			if c.weight < 0 {
				v.add(s.Rule, s.Weight, s.Detail)
			} else if c.weight > best {
				best, bestSignal = c.weight, s
			}
		}
	}
	if best > 0 {
		v.add(bestSignal.Rule, bestSignal.Weight, bestSignal.Detail)
	}
	return v.Score - before
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

// embeddedTarget returns the URL a click-tracking redirector carries, when it is written in
// the link itself: as a query value (?url=https%3A…) or as an escaped path segment
// (/CL0/https:%2F%2F…/1/…). Nothing is fetched.
func embeddedTarget(u *url.URL) *url.URL {
	// In the order written (url.Values is a map): the first target wins, every time.
	for _, kv := range strings.Split(u.RawQuery, "&") {
		_, raw, _ := strings.Cut(kv, "=")
		if v, err := url.QueryUnescape(raw); err == nil && IsHTTP(v) {
			if t, err := url.Parse(v); err == nil && t.Host != "" {
				return t
			}
		}
	}
	for _, seg := range strings.Split(u.EscapedPath(), "/") {
		lower := strings.ToLower(seg)
		if !strings.HasPrefix(lower, "http%3a%2f%2f") && !strings.HasPrefix(lower, "https%3a%2f%2f") &&
			!strings.HasPrefix(lower, "http:%2f%2f") && !strings.HasPrefix(lower, "https:%2f%2f") {
			continue
		}
		if raw, err := url.PathUnescape(seg); err == nil {
			if t, err := url.Parse(raw); err == nil && t.Host != "" {
				return t
			}
		}
	}
	return nil
}

// urlText renders the host, path and query keys of u as words for the URL matcher. Query
// values are left out: they hold tokens and redirect targets, not words about the link.
func urlText(u *url.URL) string {
	var b strings.Builder
	b.WriteString(u.Hostname())
	b.WriteByte(' ')
	b.WriteString(u.Path) // unescaped: "%2Fconnexion" reads "connexion"
	for _, kv := range strings.Split(u.RawQuery, "&") {
		key, _, _ := strings.Cut(kv, "=")
		b.WriteByte(' ')
		b.WriteString(key)
	}
	return strings.Map(func(r rune) rune {
		if r < 0x80 && !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return ' '
		}
		return r
	}, b.String())
}

func isImage(ext string) bool {
	switch ext {
	case ".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".ico":
		return true
	}
	return false
}

// tokenLike returns a query value or path segment of u that looks like a secret: long, and
// mixing letters and digits, as one-time links carry.
func tokenLike(u *url.URL) string {
	for _, kv := range strings.Split(u.RawQuery, "&") {
		key, val, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		// Long values anywhere; shorter ones under the names one-time links use.
		if isToken(val, 16) || isToken(val, 8) && tokenKeys[strings.ToLower(key)] {
			return val
		}
	}
	for _, seg := range strings.Split(u.EscapedPath(), "/") {
		if isToken(seg, 16) {
			return seg
		}
	}
	// A short link (one path segment) whose segment is a random-looking key.
	if segs := strings.Split(strings.Trim(u.EscapedPath(), "/"), "/"); len(segs) <= 2 && u.RawQuery == "" {
		if last := segs[len(segs)-1]; isToken(last, 6) {
			return last
		}
	}
	return ""
}

// tokenKeys are query names that carry a one-time secret.
var tokenKeys = map[string]bool{
	"t": true, "tk": true, "token": true, "code": true, "key": true, "k": true, "s": true,
	"sig": true, "signature": true, "auth": true, "login": true, "magic": true, "otp": true,
	"ticket": true, "nonce": true, "hash": true, "h": true, "c": true, "id": true,
}

func isToken(s string, min int) bool {
	if len(s) < min {
		return false
	}
	var letters, digits int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			letters++
		case '0' <= c && c <= '9':
			digits++
		case c == '-' || c == '_' || c == '.' || c == '~' || c == '%':
		default:
			return false
		}
	}
	return letters > 0 && digits > 0
}
