package magiclink

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/publicsuffix"
)

// RegistrableDomain returns the part of host a person registers ("acme.co.uk" for
// "login.acme.co.uk"), lower case; host itself when the public suffix list does not say.
func RegistrableDomain(host string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if d, err := publicsuffix.EffectiveTLDPlusOne(host); err == nil {
		return d
	}
	return host
}

// subdomainLabels returns the labels of host in front of its registrable domain.
func subdomainLabels(host string) []string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	d := RegistrableDomain(host)
	if d == host || !strings.HasSuffix(host, "."+d) {
		return nil
	}
	return strings.Split(strings.TrimSuffix(host, "."+d), ".")
}

// confusables are letters of other scripts drawn like Latin ones.
const confusables = "аеорсухіјѕԁһӏԛԝοαν" + "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧАВЕКМНОРСТХ"

// mixedScript reports whether a label of host mixes Latin letters with letters of another
// script, or is written wholly in look-alike letters of another script: a host that reads as
// a familiar name and is not it. host may be punycode (xn--).
func mixedScript(host string) (string, bool) {
	for label := range split(strings.ToLower(host), ".") {
		if strings.HasPrefix(label, "xn--") {
			if dec, ok := punycode(label[4:]); ok {
				label = dec
			}
		}
		var latin, other, lookalike, letters int
		for _, r := range label {
			if !unicode.IsLetter(r) {
				continue
			}
			letters++
			switch {
			case r < 0x250:
				latin++
			default:
				other++
				if strings.ContainsRune(confusables, r) {
					lookalike++
				}
			}
		}
		if latin > 0 && other > 0 || letters > 0 && lookalike == letters {
			return label, true
		}
	}
	return "", false
}

// shownURLHost returns the host of a URL written in a link's visible text, or "".
func shownURLHost(text string) string {
	for _, f := range FindInText(text) {
		if u, err := url.Parse(f.URL); err == nil && u.Host != "" {
			return u.Hostname()
		}
	}
	for _, w := range strings.Fields(text) {
		if strings.HasPrefix(strings.ToLower(w), "www.") {
			host, _, _ := strings.Cut(w, "/")
			return strings.TrimRight(host, ".,;:!?)")
		}
	}
	return ""
}

// punycode decodes the part of an IDNA label after "xn--" (RFC 3492), or reports false.
func punycode(s string) (string, bool) {
	const (
		base, tmin, tmax, skew, damp = 36, 1, 26, 38, 700
		initialBias, initialN        = 72, 128
	)
	var out []rune
	if k := strings.LastIndexByte(s, '-'); k >= 0 {
		for _, r := range s[:k] {
			if r >= 0x80 {
				return "", false
			}
			out = append(out, r)
		}
		s = s[k+1:]
	}
	n, bias, i := rune(initialN), initialBias, 0
	adapt := func(delta, points int, first bool) int {
		if first {
			delta /= damp
		} else {
			delta /= 2
		}
		delta += delta / points
		k := 0
		for delta > ((base-tmin)*tmax)/2 {
			delta /= base - tmin
			k += base
		}
		return k + (base-tmin+1)*delta/(delta+skew)
	}
	for p := 0; p < len(s); {
		old, w := i, 1
		for k := base; ; k += base {
			if p >= len(s) || len(out) > 256 {
				return "", false
			}
			c := s[p]
			p++
			var digit int
			switch {
			case 'a' <= c && c <= 'z':
				digit = int(c - 'a')
			case 'A' <= c && c <= 'Z':
				digit = int(c - 'A')
			case '0' <= c && c <= '9':
				digit = int(c-'0') + 26
			default:
				return "", false
			}
			i += digit * w
			t := k - bias
			if t < tmin {
				t = tmin
			} else if t > tmax {
				t = tmax
			}
			if digit < t {
				break
			}
			w *= base - t
			if w > 1<<24 || i > 1<<24 {
				return "", false
			}
		}
		bias = adapt(i-old, len(out)+1, old == 0)
		n += rune(i / (len(out) + 1))
		i %= len(out) + 1
		if n > 0x10ffff {
			return "", false
		}
		out = append(out[:i], append([]rune{n}, out[i:]...)...)
		i++
	}
	return string(out), true
}
