package extract

import (
	"net/url"
	"strings"

	"github.com/otpkit/otpkit/magiclink"
)

// linkCandidates scores every http(s) link of m once per distinct URL, keeping the best
// reading of a URL written both as a button and as text. It also returns where each URL
// leads, as far as can be told offline (see destination).
func linkCandidates(m *message) ([]Candidate, map[string]string) {
	var best bestByValue
	if len(m.links) == 0 {
		return nil, nil
	}
	dest := map[string]string{}
	for _, l := range m.links {
		v := magiclink.Classify(l.Link)
		c := Candidate{Type: MagicLink, Value: l.URL, Score: v.Score, Kind: v.Kind, Target: v.Target,
			Context: context(m.text, l.start, l.end)}
		for _, s := range v.Signals {
			c.Reasons = append(c.Reasons, Reason(s))
		}
		if _, seen := dest[l.URL]; !seen {
			dest[l.URL] = destination(l.Link, v)
		}
		best.keep(c)
	}
	return best.list, dest
}

// destination names where a link leads: its unwrapped target, or, for an opaque tracker,
// the tracker's host and the link's words (a message that repeats its "Sign in" button
// through a tracker gets a new tracking URL each time, to the same place), or the link.
func destination(l magiclink.Link, v magiclink.Verdict) string {
	switch {
	case v.Target != "":
		return v.Target
	case v.Opaque:
		host := l.URL
		if u, err := url.Parse(l.URL); err == nil {
			host = u.Host
		}
		return "opaque " + host + " " + strings.Join(strings.Fields(strings.ToLower(l.Text+" "+l.Before+" "+l.After)), " ")
	}
	return l.URL
}

// signInLinks returns the links that may be answered, best first: sign-in links scoring at
// least the threshold, or, when the caller forced a link answer, any sign-in link that is not
// held against (a positive score).
func signInLinks(links []Candidate, forced bool) []Candidate {
	var out []Candidate
	for _, c := range links {
		if c.Kind != magiclink.KindSignIn {
			continue
		}
		if c.Score >= magiclink.Threshold || forced && c.Score > 0 {
			out = append(out, c)
		}
	}
	return out
}

// tiedLinks reports whether the two best sign-in links score the same and lead to different
// places: no reason to prefer one.
func tiedLinks(links []Candidate, dest map[string]string) bool {
	return len(links) >= 2 && links[0].Score == links[1].Score && dest[links[0].Value] != dest[links[1].Value]
}

// linkDomainMatch reports whether the link's registrable domain, or its unwrapped target's,
// is the sender's.
func linkDomainMatch(c Candidate, sender string) bool {
	want := magiclink.RegistrableDomain(sender)
	for _, raw := range []string{c.Value, c.Target} {
		if raw == "" {
			continue
		}
		if u, err := url.Parse(raw); err == nil && magiclink.RegistrableDomain(u.Hostname()) == want {
			return true
		}
	}
	return false
}
