package extract

import (
	"net/url"

	"github.com/otpkit/otpkit/magiclink"
)

// linkCandidates scores every http(s) link of m once per distinct URL, keeping the best
// reading of a URL written both as a button and as text.
func linkCandidates(m *message) []Candidate {
	var best bestByValue
	for _, l := range m.links {
		v := magiclink.Classify(l.Link)
		c := Candidate{Type: MagicLink, Value: l.URL, Score: v.Score, Kind: v.Kind, Target: v.Target,
			Context: context(m.text, l.start, l.end)}
		for _, s := range v.Signals {
			c.Reasons = append(c.Reasons, Reason(s))
		}
		best.keep(c)
	}
	return best.list
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
func tiedLinks(links []Candidate) bool {
	if len(links) < 2 || links[0].Score != links[1].Score {
		return false
	}
	return destination(links[0]) != destination(links[1])
}

func destination(c Candidate) string {
	if c.Target != "" {
		return c.Target
	}
	return c.Value
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
