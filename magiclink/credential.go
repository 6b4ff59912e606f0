package magiclink

import (
	"encoding/base64"
	"encoding/json"
	"math"
	"net/url"
	"strings"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// A sign-in link carries a credential: a secret the server made for this one sign-in. It may
// stand in a query value, a path segment or the fragment. A link without one is at most a
// login page, which the person can find without the message.

// tokenKeys are query names that carry a one-time secret: a shorter value counts under them.
var tokenKeys = map[string]bool{
	"t": true, "tk": true, "tok": true, "token": true, "access_token": true, "id_token": true,
	"code": true, "key": true, "k": true, "s": true, "sig": true, "signature": true,
	"auth": true, "login": true, "magic": true, "otp": true, "ticket": true, "hash": true,
	"h": true, "c": true, "oobcode": true, "verification_code": true, "sesame": true,
	"tlt": true, "secret": true, "jwt": true, "lt": true, "jeton": true, "link": true,
	"magic_token": true, "login_token": true, "auth_token": true, "verify_token": true,
	"confirmation_token": true, "invite": true, "invitation": true, "kid": true, "req": true,
	"ct": true, "mt": true, "at": true, "vc": true, "nonce_token": true,
}

// tokenSegments are path segments after which a shorter random segment is a secret:
// /l/…, /link/…, /magic/….
var tokenSegments = map[string]bool{
	"l": true, "m": true, "t": true, "s": true, "k": true, "e": true, "v": true, "z": true,
	"link": true, "links": true, "ml": true, "token": true, "tokens": true, "key": true,
	"magic": true, "session": true, "go": true, "callback": true, "cb": true,
}

// notCredentialKeys are query names whose values are never a credential however random they
// look: addresses and hints, locales, where to go next, tracking and campaign ids, OAuth
// request parameters and public keys.
var notCredentialKeys = map[string]bool{
	"email": true, "e": true, "mail": true, "address": true, "login_hint": true, "hint": true,
	"username": true, "user": true, "lang": true, "locale": true, "hl": true, "lng": true,
	"language": true, "ref": true, "referrer": true, "src": true, "source": true,
	"medium": true, "campaign": true, "from": true, "via": true, "cid": true, "mc_cid": true, "mc_eid": true,
	"_hsenc": true, "_hsmi": true, "fbclid": true, "gclid": true, "msclkid": true,
	"trk": true, "tracking": true, "trackingid": true, "tracking_id": true, "mkt_tok": true,
	"_ke": true, "sc_cid": true, "vero_id": true, "vero_conv": true, "ecid": true,
	"redirect": true, "redirect_uri": true, "redirect_url": true, "redirect_to": true,
	"next": true, "return": true, "return_to": true, "returnto": true, "returnurl": true, "return_url": true,
	"continue": true, "continueurl": true, "callbackurl": true, "callback": true,
	"state": true, "nonce": true, "client_id": true, "response_type": true, "scope": true, "prompt": true,
	"ts": true, "timestamp": true, "exp": true, "expires": true, "page": true,
	"apikey": true, "api_key": true, "ak": true, "v": true, "version": true,
	"order": true, "order_id": true, "orderid": true, "shipment": true, "tracking_number": true,
	"tn": true, "sku": true, "product": true, "utm": true, "country": true, "region": true,
	"_kx": true, "__s": true, "ck_subscriber_id": true, "oly_enc_id": true, "oly_anon_id": true,
	"s_cid": true, "icid": true, "cmpid": true, "elqtrackid": true, "elq": true, "elqaid": true,
	"elqat": true, "sfmc_id": true, "sfmc_sub": true, "dm_i": true, "wickedid": true,
	"yclid": true, "dclid": true, "igshid": true, "_branch_match_id": true, "bsft_eid": true,
	"bsft_clkid": true, "bsft_uid": true, "bsft_mid": true, "pk_campaign": true,
	"mtm_campaign": true, "cm_mmc": true, "ncid": true, "ocid": true, "spm": true,
	"aff": true, "affiliate": true, "partner": true,
	// Who the link is for, not a secret: account, user and customer ids.
	"acct": true, "account": true, "account_id": true, "accountid": true, "uid": true,
	"userid": true, "user_id": true, "customer": true, "customer_id": true, "member": true,
	"member_id": true,
}

// credential returns the credential u carries and where ("query token", "path",
// "fragment", …), or "", "" when it carries none. depth bounds the URLs written inside
// parameters that are read in turn.
func credential(u *url.URL, depth int) (value, where string) {
	// A path that says it signs in or verifies (/giris/dogrula, /auth/verify) names what its
	// query carries a secret, under whatever key, as a key like "token" does.
	signInPath := pathSaysSignIn(u)
	for kv := range split(u.RawQuery, "&") {
		key, raw, ok := strings.Cut(kv, "=")
		if !ok || raw == "" {
			continue
		}
		if v, where := credentialValue(key, raw, depth, signInPath); v != "" {
			return v, where
		}
	}
	segs := strings.Split(u.EscapedPath(), "/")
	named := false // a sign-in word came earlier in the path: /auth/sms/a9F3kL2x
	for i, seg := range segs {
		s, err := url.PathUnescape(seg)
		if err != nil {
			continue
		}
		if isToken(s, false) || named && len(s) >= 8 && randomish(s) && isToken(s, true) {
			return seg, "path"
		}
		// Two short random segments in a row (/confirm/5c1d9e/7a0f3b2e94) make one secret.
		if i+1 < len(segs) && len(s) >= 6 && len(segs[i+1]) >= 6 && len(s)+len(segs[i+1]) >= 14 &&
			randomish(s) && randomish(segs[i+1]) {
			return seg + "/" + segs[i+1], "path"
		}
		if tokenSegments[strings.ToLower(s)] {
			named = true
		} else if !named && s != "" && wordLike(s) {
			for _, m := range lexicon.Outermost(urlWords(splitWords(s))) {
				named = named || m.Class&(lexicon.SignIn|lexicon.Verify) != 0
			}
		}
	}
	// A short link: one key after the host (or after a one- or two-letter prefix, /l/pEtUEj).
	if trimmed := strings.Trim(u.EscapedPath(), "/"); trimmed != "" {
		parts := strings.Split(trimmed, "/")
		last := parts[len(parts)-1]
		if len(parts) == 1 && u.RawQuery == "" || len(parts) == 2 && len(parts[0]) <= 2 {
			if len(last) >= 6 && randomish(last) {
				return last, "short link"
			}
		}
	}
	if frag := u.EscapedFragment(); frag != "" {
		// "#token=…&…" reads as a query; "#<secret>" or "#/<route>/<secret>" as a value.
		if strings.Contains(frag, "=") {
			for kv := range split(strings.TrimPrefix(frag, "/"), "&") {
				key, raw, ok := strings.Cut(kv, "=")
				if ok && raw != "" {
					if v, _ := credentialValue(key, raw, depth, false); v != "" {
						return v, "fragment"
					}
				}
			}
		} else {
			for part := range split(frag, "/") {
				if s, err := url.PathUnescape(part); err == nil && isToken(s, false) {
					return part, "fragment"
				}
			}
		}
	}
	return "", ""
}

// namedKey reports whether a query key names a secret: one of tokenKeys, or a name holding
// one of their words (confirmation_token, activationKey, otp_code).
func namedKey(k string) bool {
	if tokenKeys[k] {
		return true
	}
	if otherPurposeKey(k) {
		return false
	}
	for _, w := range []string{"token", "code", "key", "sig", "hash", "secret", "otp", "nonce", "ticket", "magic"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// pathSaysSignIn reports whether a segment of u's path is a sign-in or verification word.
func pathSaysSignIn(u *url.URL) bool {
	for seg := range split(u.Path, "/") {
		if seg == "" || !wordLike(seg) {
			continue
		}
		for _, m := range lexicon.Outermost(urlWords(splitWords(seg))) {
			if m.Class&(lexicon.SignIn|lexicon.Verify) != 0 {
				return true
			}
		}
	}
	return false
}

// otherPurposeKey reports a query key whose value serves something else than signing in: a
// promo code, a postcode or a gift-card code is no sign-in secret.
func otherPurposeKey(k string) bool {
	for _, w := range []string{"promo", "coupon", "discount", "voucher", "zip", "postal", "gift", "referral", "keyword"} {
		if strings.Contains(k, w) {
			return true
		}
	}
	return false
}

// credentialValue tells whether one query value, under key, is a credential; signInPath
// says the link's path signs in or verifies.
func credentialValue(key, raw string, depth int, signInPath bool) (value, where string) {
	k := strings.ToLower(key)
	if notCredentialKeys[k] || strings.HasPrefix(k, "utm_") {
		return "", ""
	}
	v, err := url.QueryUnescape(raw)
	if err != nil {
		return "", ""
	}
	// A path is where to land (?return_url=%2Faccount%2Forders%2F2291047), never a secret,
	// unless the key names one.
	if strings.HasPrefix(v, "/") && !namedKey(k) {
		return "", ""
	}
	if IsHTTP(v) { // ?magicLink=https%3A%2F%2F…token%3D…: the link inside is read
		if depth < 3 {
			if inner, err := url.Parse(v); err == nil && inner.Host != "" {
				if val, _ := credential(inner, depth+1); val != "" {
					return val, "link inside " + key
				}
			}
		}
		return "", ""
	}
	if isToken(v, namedKey(k) || signInPath && !otherPurposeKey(k) && randomish(v)) {
		return raw, "query " + key
	}
	return "", ""
}

// isToken reports whether s looks like a secret: a JWT, base64url JSON, a UUID, or a long
// random-looking string of URL-safe characters. Under a key that names a secret, shorter
// values count, and a numeric code of 6 digits or more does too.
func isToken(s string, named bool) bool {
	if len(s) < 6 || len(s) > 4096 || strings.Contains(s, "@") {
		return false
	}
	if isJWT(s) || isBase64JSON(s) || isUUID(s) {
		return true
	}
	var letters, digits, upper, lower int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z':
			letters++
			lower++
		case 'A' <= c && c <= 'Z':
			letters++
			upper++
		case '0' <= c && c <= '9':
			digits++
		case c == '-' || c == '_' || c == '.' || c == '~' || c == '+' || c == '/' || c == '=' || c == ':':
		default:
			return false
		}
	}
	if letters == 0 {
		return named && digits >= 6 && digits == len(s)
	}
	if isSlug(s) {
		return false
	}
	min, bits := 16, 48.0
	if named {
		min, bits = 8, 22
	}
	if len(s) < min || entropyBits(s) < bits {
		return false
	}
	// Letters and digits mixed, or a long mixed-case string (base64 without a digit).
	return digits > 0 || upper > 0 && lower > 0 && len(s) >= 20
}

// randomish reports whether a short segment looks random rather than like a word: letters
// and digits mixed.
func randomish(s string) bool {
	var letters, digits int
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			letters++
		case '0' <= c && c <= '9':
			digits++
		case c == '-' || c == '_':
		default:
			return false
		}
	}
	if letters == 0 || isSlug(s) {
		return false
	}
	var upper, lower bool
	for i := 0; i < len(s); i++ {
		upper = upper || 'A' <= s[i] && s[i] <= 'Z'
		lower = lower || 'a' <= s[i] && s[i] <= 'z'
	}
	return digits > 0 || upper && lower && len(s) >= 6 && caseChanges(s) >= 2
}

// caseChanges counts the changes between upper and lower case letters in s: "pEtUEj" has
// four, "Orders" one.
func caseChanges(s string) int {
	n, prev := 0, byte(0)
	for i := 0; i < len(s); i++ {
		var c byte
		switch {
		case 'a' <= s[i] && s[i] <= 'z':
			c = 'a'
		case 'A' <= s[i] && s[i] <= 'Z':
			c = 'A'
		default:
			continue
		}
		if prev != 0 && c != prev {
			n++
		}
		prev = c
	}
	return n
}

// isSlug reports whether s is words joined by dashes or underscores ("reset-your-password",
// "spring_sale_2024"): a page name, not a secret.
func isSlug(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == '_' || r == '.' })
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if !isWordOrNumber(p) {
			return false
		}
	}
	return true
}

func isWordOrNumber(p string) bool {
	allDigits, allLower := true, true
	for i := 0; i < len(p); i++ {
		c := p[i]
		allDigits = allDigits && '0' <= c && c <= '9'
		allLower = allLower && 'a' <= c && c <= 'z'
	}
	return allDigits && len(p) <= 8 || allLower && len(p) <= 14 && hasVowel(p)
}

func hasVowel(p string) bool { return strings.ContainsAny(p, "aeiouy") }

// entropyBits estimates the information in s from its character frequencies.
func entropyBits(s string) float64 {
	var counts [256]int
	for i := 0; i < len(s); i++ {
		counts[s[i]]++
	}
	h := 0.0
	n := float64(len(s))
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log2(p)
		}
	}
	return h * n
}

func isJWT(s string) bool {
	// Three parts joined by dots, read in place: this runs on every value of every link.
	if !strings.HasPrefix(s, "eyJ") || strings.Count(s, ".") != 2 {
		return false
	}
	first := strings.IndexByte(s, '.')
	second := strings.IndexByte(s[first+1:], '.')
	return first >= 10 && second >= 4
}

// isBase64JSON reports whether s is a JSON object in base64 or base64url: such values carry
// signed session data (a token, an expiry, a user).
func isBase64JSON(s string) bool {
	if !strings.HasPrefix(s, "eyJ") || len(s) < 16 {
		return false
	}
	trimmed := strings.TrimRight(s, "=")
	for _, enc := range []*base64.Encoding{base64.RawURLEncoding, base64.RawStdEncoding} {
		if b, err := enc.DecodeString(trimmed); err == nil && json.Valid(b) {
			return true
		}
	}
	return false
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
				return false
			}
		}
	}
	return true
}
