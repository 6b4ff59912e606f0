package extract

import (
	"regexp"
	"strings"
)

// The WebOTP standard (and Android's SMS Retriever before it) binds a code to a site with the
// message's last line: "@example.com #482913", or "@top.example #482913 @iframe.example" when
// the code is for a frame embedded in another site. A browser only offers the code to that
// site, so the line is the strongest evidence a message can carry.

// originLine matches the origin-bound last line: a host, the code, and an optional frame host.
var originLine = regexp.MustCompile(`^@([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?) #([A-Za-z0-9]{4,12})(?: @([A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?))?$`)

// origin is a message's origin-bound line.
type origin struct {
	host       string // the site the code is for
	start, end int    // where the code stands in the text
}

// findOrigin returns the origin-bound line of text, if its last non-empty line is one.
func findOrigin(text string) (origin, bool) {
	t := strings.TrimRight(text, " \n\t")
	ls := strings.LastIndexByte(t, '\n') + 1
	if len(t)-ls > 600 {
		return origin{}, false // longer than any host and code
	}
	sub := originLine.FindStringSubmatchIndex(t[ls:])
	if sub == nil || !strings.Contains(t[ls+sub[2]:ls+sub[3]], ".") {
		return origin{}, false
	}
	host := t[ls+sub[2] : ls+sub[3]]
	if sub[6] >= 0 {
		host = t[ls+sub[6] : ls+sub[7]] // the code is for the embedded site
	}
	return origin{host: strings.ToLower(host), start: ls + sub[4], end: ls + sub[5]}, true
}

// bound reports whether c is the code of the message's origin-bound line.
func (o origin) bound(c *code) bool { return o.host != "" && c.start == o.start && c.end == o.end }
