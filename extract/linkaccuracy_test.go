package extract

import "testing"

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
