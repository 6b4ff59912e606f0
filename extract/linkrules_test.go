package extract

import (
	"testing"

	"github.com/otpkit/otpkit/extract/internal/ruleoff"
	"github.com/otpkit/otpkit/magiclink"
)

// TestLinkRulesEachMatter switches each of magiclink's rules off in turn, through the same
// per-call option as TestEveryRuleDecides: every rule must change the answer for at least one
// fixture, or it is weight without evidence. The rules that never decide an answer are listed
// in noFixture, with why.
func TestLinkRulesEachMatter(t *testing.T) {
	if testing.Short() || underRace {
		t.Skip("runs every fixture once per rule: not with -short or -race")
	}
	noFixture := map[string]string{
		"not-http":   "hrefs that are not http(s) never become candidates (read drops them)",
		"unparsable": "a URL found in text or an http href that url.Parse rejects is rare; covered by TestClassify",
		// Labels: the not-link words already weigh these links down; the kind says why.
		"opaque-tracker":   "a label: a tracker's own token counts as its credential either way",
		"kind-unsubscribe": "a label (weight 0), covered by TestKinds",
		"kind-help-legal":  "a label (weight 0), covered by TestKinds",
		"kind-social":      "a label (weight 0), covered by TestKinds",
		"kind-app-store":   "a label (weight 0), covered by TestKinds",
	}
	fs := loadFixtures(t)
	base := make([]string, len(fs))
	for i, f := range fs {
		base[i] = answer(Extract(f.content, f.opts))
	}
	for _, r := range magiclink.Rules() {
		changed := ""
		for i, f := range fs {
			opts := f.opts
			opts.off = ruleoff.Of("magiclink/" + r.Name)
			if got := answer(Extract(f.content, opts)); got != base[i] {
				changed = f.name + ": " + base[i] + " → " + got
				break
			}
		}
		switch why, ok := noFixture[r.Name]; {
		case changed != "":
			t.Logf("%s off: %s", r.Name, changed)
		case ok:
			t.Logf("%s: no fixture depends on it (%s)", r.Name, why)
		default:
			t.Errorf("rule %s (%d): switched off, no fixture's answer changes", r.Name, r.Weight)
		}
	}
}
