package extract

import (
	"net/url"
	"strings"

	"github.com/otpkit/otpkit/extract/internal/ruleoff"
	"github.com/otpkit/otpkit/magiclink"
)

// linkCandidates scores every http(s) link of m once per distinct URL, keeping the best
// reading of a URL written both as a button and as text. It also returns what tells where
// each URL leads (see destinations). The rules in off are switched off (only in tests).
func linkCandidates(m *message, off ruleoff.Set) ([]Candidate, destinations) {
	var best bestByValue
	if len(m.links) == 0 {
		return nil, destinations{}
	}
	var linkOff func(string) bool // nil unless a test switches rules off
	if !off.Empty() {
		linkOff = func(rule string) bool { return off.Has("magiclink", rule) }
	}
	verdicts := make([]magiclink.Verdict, len(m.links))
	for i, l := range m.links {
		v := magiclink.ClassifyWithout(l.Link, linkOff)
		verdicts[i] = v
		c := Candidate{Type: MagicLink, Value: l.URL, Score: v.Score, Kind: v.Kind, Target: v.Target,
			Context: context(m.text, l.start, l.end)}
		if len(v.Signals) > 0 {
			c.Reasons = make([]Reason, len(v.Signals))
			for k, s := range v.Signals {
				c.Reasons[k] = Reason(s)
			}
		}
		best.keep(c)
	}
	return best.list, destinations{m.links, verdicts}
}

// destinations holds the links of a message and their verdicts, to tell where a URL leads
// when two links tie: only then is it worked out.
type destinations struct {
	links    []link
	verdicts []magiclink.Verdict
}

// of returns where url leads, from the first link written with it (see destination).
func (d destinations) of(url string) string {
	for i, l := range d.links {
		if l.URL == url {
			return destination(l.Link, d.verdicts[i])
		}
	}
	return url
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
func tiedLinks(links []Candidate, dest destinations) bool {
	return len(links) >= 2 && links[0].Score == links[1].Score && dest.of(links[0].Value) != dest.of(links[1].Value)
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
