package magiclink_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/otpkit/otpkit/extract"
	"github.com/otpkit/otpkit/magiclink"
	"github.com/otpkit/otpkit/magiclink/internal/ruleswitch"
)

// message is a fixture of ../testdata as this test needs it: the content and the options it
// is read with (the expectation itself is extract's tests' to check).
type message struct {
	name, content string
	opts          extract.Options
}

// linkMessages returns the fixtures whose answer is or may be a link.
func linkMessages(t *testing.T) []message {
	wants, _ := filepath.Glob("../testdata/*/*.want")
	var out []message
	for _, w := range wants {
		base := strings.TrimSuffix(w, ".want")
		var content []byte
		for _, ext := range []string{".txt", ".html", ".eml"} {
			if b, err := os.ReadFile(base + ext); err == nil {
				content = b
			}
		}
		want, err := os.ReadFile(w)
		if err != nil || content == nil {
			t.Fatalf("%s: unreadable fixture", w)
		}
		m := message{name: base, content: string(content)}
		for _, line := range strings.Split(string(want), "\n") {
			key, val, _ := strings.Cut(line, ":")
			val = strings.TrimSpace(val)
			switch strings.TrimSpace(key) {
			case "type":
				m.opts.Type, _ = extract.ParseType(val)
			case "source":
				m.opts.Source, _ = extract.ParseSource(val)
			case "format":
				m.opts.Format, _ = extract.ParseFormat(val)
			}
		}
		out = append(out, m)
	}
	if len(out) == 0 {
		t.Fatal("no fixtures")
	}
	return out
}

func answer(m message) string {
	res, err := extract.Extract(m.content, m.opts)
	if errors.Is(err, extract.ErrNotFound) || err != nil {
		return "none"
	}
	return string(res.Type) + " " + res.Code + res.Link
}

// TestLinkRulesEachMatter switches each of magiclink's rules off in turn: every rule must
// change the answer for at least one fixture, or it is weight without evidence. The rules
// that never decide an answer are listed in noFixture, with why.
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
	ms := linkMessages(t)
	base := make([]string, len(ms))
	for i, m := range ms {
		base[i] = answer(m)
	}
	for _, r := range magiclink.Rules() {
		restore := ruleswitch.Disable("magiclink/" + r.Name)
		changed := ""
		for i, m := range ms {
			if got := answer(m); got != base[i] {
				changed = filepath.Base(m.name) + ": " + base[i] + " → " + got
				break
			}
		}
		restore()
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
