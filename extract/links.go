package extract

import (
	"github.com/otpkit/otpkit/magiclink"
)

// linkCandidates scores every http(s) link of m once per distinct URL, keeping the best
// reading of a URL written both as a button and as text.
func linkCandidates(m *message) []Candidate {
	var best bestByValue
	for _, l := range m.links {
		v := magiclink.Classify(l.Link)
		c := Candidate{Type: MagicLink, Value: l.URL, Score: v.Score, Context: context(m.text, l.start, l.end)}
		for _, s := range v.Signals {
			c.Reasons = append(c.Reasons, Reason(s))
		}
		best.keep(c)
	}
	return best.list
}
