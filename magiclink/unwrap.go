package magiclink

import (
	"encoding/base64"
	"encoding/json"
	"net/url"
	"strings"
)

// maxUnwrap bounds how many wrappers Unwrap takes off: a tracker inside a safe-links
// wrapper inside a gateway's is real; deeper is not.
const maxUnwrap = 4

// Unwrap returns the address a click-tracking or link-protection wrapper carries, when it can
// be read from the link itself, and whether there was one. Wrappers inside wrappers are taken
// off in turn. It knows AWS SES (awstrack.me), Outlook Safe Links, Google's url?q=,
// Proofpoint (v2 and v3), Barracuda, Mandrill, Facebook's l.php, and any tracker that writes
// its target as a query value or an escaped path segment. Nothing is fetched: an opaque
// tracker (whose target is only known to its server) returns "", false.
func Unwrap(raw string) (target string, ok bool) {
	return unwrapFrom(raw, nil)
}

// unwrapFrom is Unwrap, with raw already parsed as u when u is not nil: Classify has parsed
// it, and parsing is a good part of reading a link.
func unwrapFrom(raw string, u *url.URL) (target string, ok bool) {
	if !IsHTTP(raw) {
		return "", false
	}
	cur := raw
	for i := 0; i < maxUnwrap; i++ {
		if i > 0 || u == nil {
			var err error
			if u, err = url.Parse(cur); err != nil {
				break
			}
		}
		next := unwrapOnce(u)
		if next == "" || next == cur || !IsHTTP(next) {
			break
		}
		if t, err := url.Parse(next); err != nil || t.Host == "" {
			break
		}
		cur = next
	}
	if cur == raw {
		return "", false
	}
	return cur, true
}

// unwrapOnce returns the address one wrapper carries, or "".
func unwrapOnce(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	switch {
	case strings.HasSuffix(host, ".safelinks.protection.outlook.com"):
		return queryValue(u, "url")
	case host == "linkprotect.cudasvc.com":
		return queryValue(u, "a")
	case (host == "l.facebook.com" || host == "lm.facebook.com" || host == "l.instagram.com") && u.Path == "/l.php":
		return queryValue(u, "u")
	case (host == "www.google.com" || host == "google.com") && u.Path == "/url":
		if q := queryValue(u, "q"); q != "" {
			return q
		}
		return queryValue(u, "url")
	case host == "urldefense.proofpoint.com" && strings.HasPrefix(u.Path, "/v2/"):
		return proofpointV2(queryValue(u, "u"))
	case host == "urldefense.com" && strings.HasPrefix(u.EscapedPath(), "/v3/__"):
		return proofpointV3(u.String())
	case host == "mandrillapp.com" && strings.HasPrefix(u.Path, "/track/click/"):
		return mandrill(queryValue(u, "p"))
	}
	return embedded(u)
}

// queryValue returns the first value of key in u's query, unescaped.
func queryValue(u *url.URL, key string) string {
	for kv := range split(u.RawQuery, "&") {
		k, raw, _ := strings.Cut(kv, "=")
		if k != key {
			continue
		}
		if v, err := url.QueryUnescape(raw); err == nil {
			return v
		}
	}
	return ""
}

// redirectKeys are the query names trackers write their target under.
var redirectKeys = map[string]bool{
	"url": true, "u": true, "q": true, "target": true, "dest": true, "destination": true,
	"link": true, "l": true, "to": true, "href": true, "goto": true, "r": true, "redir": true,
}

// embedded returns a target written in a generic tracker: an escaped http URL as a path
// segment (/L0/https:%2F%2F…, /CL0/…), or under a redirect key of a short tracker path
// (/c?u=https%3A…). A sign-in link's own "redirect_to=https%3A…" is not a wrapper: its
// key is not a redirect key, and its path is the sign-in's.
func embedded(u *url.URL) string {
	for seg := range split(u.EscapedPath(), "/") {
		lower := strings.ToLower(seg)
		if !strings.HasPrefix(lower, "http%3a%2f%2f") && !strings.HasPrefix(lower, "https%3a%2f%2f") &&
			!strings.HasPrefix(lower, "http:%2f%2f") && !strings.HasPrefix(lower, "https:%2f%2f") {
			continue
		}
		if raw, err := url.PathUnescape(seg); err == nil {
			return raw
		}
	}
	if segs := strings.Split(strings.Trim(u.Path, "/"), "/"); len(segs) > 2 {
		return ""
	}
	// In the order written (url.Values is a map): the first target wins, every time.
	for kv := range split(u.RawQuery, "&") {
		key, raw, _ := strings.Cut(kv, "=")
		if !redirectKeys[strings.ToLower(key)] {
			continue
		}
		if v, err := url.QueryUnescape(raw); err == nil && IsHTTP(v) {
			return v
		}
	}
	// A landing key is a wrapper's only when the link is nothing but a wrapper: its path
	// says nothing of signing in and it carries no secret of its own.
	// (/c/r?redirect=https%3A…/logowanie/link/<uuid> is a tracker; /login?redirect=https%3A…
	// and /auth/verify?token=…&redirect=https%3A… are sign-in pages naming where to land.)
	for _, kv := range strings.Split(u.RawQuery, "&") {
		key, raw, _ := strings.Cut(kv, "=")
		if !landingKeys[strings.ToLower(key)] {
			continue
		}
		v, err := url.QueryUnescape(raw)
		if err != nil || !IsHTTP(v) {
			continue
		}
		if pathSaysSignIn(u) {
			return ""
		}
		if cred, _ := credential(u, 0); cred != "" {
			return ""
		}
		return v
	}
	return ""
}

// landingKeys are the query names under which a sign-in page names where to land after
// signing in, and a click tracker names its target: a target only when the link is
// nothing but a wrapper (see embedded).
var landingKeys = map[string]bool{
	"redirect": true, "redirect_url": true, "redirecturl": true,
}

// proofpointV2 decodes Proofpoint's v2 "u" value: "-" stands for "%" and "_" for "/".
func proofpointV2(u string) string {
	if u == "" {
		return ""
	}
	s := strings.NewReplacer("-", "%", "_", "/").Replace(u)
	v, err := url.PathUnescape(s)
	if err != nil {
		return ""
	}
	return v
}

// proofpointV3 decodes a v3 link, urldefense.com/v3/__<url>__;<base64>!!…: characters of
// <url> replaced by "*" are the base64 part's characters in order, and "**" plus one
// character stands for a run of them (A for 2, B for 3, … _ for 65).
func proofpointV3(link string) string {
	_, rest, ok := strings.Cut(link, "/v3/__")
	if !ok {
		return ""
	}
	body, tail, ok := strings.Cut(rest, "__;")
	if !ok {
		return ""
	}
	encoded, _, _ := strings.Cut(tail, "!")
	var dec []rune
	if encoded != "" {
		b, err := base64.RawURLEncoding.DecodeString(strings.TrimRight(encoded, "="))
		if err != nil {
			return ""
		}
		dec = []rune(string(b))
	}
	const runs = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	var b strings.Builder
	next := 0
	for i := 0; i < len(body); i++ {
		if body[i] != '*' {
			b.WriteByte(body[i])
			continue
		}
		n := 1
		if i+2 < len(body) && body[i+1] == '*' {
			k := strings.IndexByte(runs, body[i+2])
			if k < 0 {
				return ""
			}
			n = k + 2
			i += 2
		}
		if next+n > len(dec) {
			return ""
		}
		b.WriteString(string(dec[next : next+n]))
		next += n
	}
	return b.String()
}

// mandrill decodes Mandrill's p value: base64 of JSON whose "p" member is JSON again, with the
// target under "url".
func mandrill(p string) string {
	if p == "" {
		return ""
	}
	var outer struct {
		P string `json:"p"`
	}
	var b []byte
	var err error
	for _, enc := range []*base64.Encoding{base64.RawURLEncoding, base64.RawStdEncoding} {
		if b, err = enc.DecodeString(strings.TrimRight(p, "=")); err == nil {
			break
		}
	}
	if err != nil || json.Unmarshal(b, &outer) != nil {
		return ""
	}
	var inner struct {
		URL string `json:"url"`
	}
	if json.Unmarshal([]byte(outer.P), &inner) != nil {
		return ""
	}
	return inner.URL
}

// opaqueTracker reports whether u is a click tracker whose target only its server knows
// (SendGrid, Mailgun, Customer.io, Brevo, SparkPost, Mimecast, HubSpot and the like): the
// link's own token is the tracker's, so its text and sentence must carry the evidence.
// Opaque reports whether raw is a click-tracking wrapper whose target cannot be read
// offline (SendGrid, Mailgun, Customer.io…): such a link is judged by its words alone.
func Opaque(raw string) bool {
	u, err := url.Parse(raw)
	if err != nil {
		return false
	}
	_, unwrapped := Unwrap(raw)
	return !unwrapped && opaqueTracker(u)
}

func opaqueTracker(u *url.URL) bool {
	host := strings.ToLower(u.Hostname())
	p := strings.ToLower(u.Path)
	switch {
	case strings.Contains(host, "mimecast.com") && strings.HasPrefix(p, "/s/"),
		strings.HasPrefix(p, "/ls/click"), strings.HasPrefix(p, "/wf/click"),
		strings.HasPrefix(p, "/e/c/"), strings.HasPrefix(p, "/mk/cl/"), strings.HasPrefix(p, "/f/a/"),
		strings.HasPrefix(p, "/ctc/"), strings.HasPrefix(p, "/track/click"),
		strings.HasPrefix(p, "/c/") && (strings.HasPrefix(host, "email.") || strings.HasPrefix(host, "e.")),
		strings.HasPrefix(host, "click.") || strings.HasPrefix(host, "links.") || strings.HasPrefix(host, "ct."):
		return true
	}
	return false
}
