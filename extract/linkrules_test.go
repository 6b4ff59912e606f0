package extract

import (
	"errors"
	"strings"
	"testing"

	"github.com/otpkit/otpkit/internal/ruleswitch"
	"github.com/otpkit/otpkit/magiclink"
)

// passes reports whether f's expectation holds.
func (f fixture) passes() bool {
	res, err := Extract(f.content, f.opts)
	switch {
	case f.code != "":
		return err == nil && res.Type == TOTP && res.Code == f.code
	case f.link != "":
		return err == nil && res.Type == MagicLink && res.Link == f.link
	}
	return errors.Is(err, ErrNotFound)
}

// TestLinkRulesEachMatter switches each of magiclink's rules off in turn: every rule must
// change the answer of at least one fixture, or it is weight without evidence. The rules that
// never decide an answer on the fixtures are listed in noFixture, with why.
func TestLinkRulesEachMatter(t *testing.T) {
	if testing.Short() || !linkRulesUnderRace {
		t.Skip("runs the link fixtures once per rule: not with -short or -race")
	}
	noFixture := map[string]string{
		"not-http":   "hrefs that are not http(s) never become candidates (read drops them)",
		"unparsable": "a URL found in text or an http href that url.Parse rejects is rare; covered by TestClassify",
		// Labels: the not-link words already weigh these links down; the kind says why.
		"opaque-tracker":   "a label: a tracker's own token counts as its credential either way",
		"kind-unsubscribe": "a label (weight 0), covered by magiclink's TestKinds",
		"kind-help-legal":  "a label (weight 0), covered by magiclink's TestKinds",
		"kind-social":      "a label (weight 0), covered by magiclink's TestKinds",
		"kind-app-store":   "a label (weight 0), covered by magiclink's TestKinds",
	}
	var fs []fixture
	for _, f := range loadFixtures(t) {
		if strings.HasPrefix(f.name, "magiclink/") || strings.HasPrefix(f.name, "negative/") || f.link != "" {
			if f.passes() {
				fs = append(fs, f)
			}
		}
	}
	for _, r := range magiclink.Rules() {
		restore := ruleswitch.Disable("magiclink/" + r.Name)
		var failed []string
		for _, f := range fs {
			if !f.passes() {
				failed = append(failed, f.name)
			}
		}
		restore()
		if len(failed) == 0 {
			if why, ok := noFixture[r.Name]; ok {
				t.Logf("%s: no fixture depends on it (%s)", r.Name, why)
				continue
			}
			t.Errorf("rule %s (%d): no fixture fails without it", r.Name, r.Weight)
			continue
		}
		if len(failed) > 3 {
			failed = append(failed[:3], "…")
		}
		t.Logf("%s off: %s", r.Name, strings.Join(failed, ", "))
	}
}

// TestLinkAccuracy reports, apart from codes, how the fixtures' links fare: the sign-in
// links found, and the messages without one that got a link anyway (`go test -v` shows it).
func TestLinkAccuracy(t *testing.T) {
	var links, linksRight, without, wrongLinks int
	for _, f := range loadFixtures(t) {
		res, err := Extract(f.content, f.opts)
		if f.link != "" {
			links++
			if err == nil && res.Link == f.link {
				linksRight++
			}
			continue
		}
		without++
		if err == nil && res.Type == MagicLink {
			wrongLinks++
			t.Errorf("%s: link %q answered, want none", f.name, res.Link)
		}
	}
	t.Logf("sign-in links right: %d/%d; messages without one answered a link: %d/%d", linksRight, links, wrongLinks, without)
}
