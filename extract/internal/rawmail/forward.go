package rawmail

import "strings"

// window is how far after a forwarding mark its quoted header block is looked for: far
// enough for Thunderbird's HTML header table.
const window = 1500

// cutForward finds a forwarded original in m's bodies. When there is one, the bodies keep
// only the original, from the mark on, and m.Forward names its sender.
func cutForward(m *Message) {
	t := textForward(m.Text)
	h := htmlForward(m.HTML)
	if t < 0 && h < 0 {
		return
	}
	f := &Forward{Kind: "inline"}
	if t >= 0 {
		m.Text = m.Text[t:]
		f.FromDomain = domainOf(quotedFrom(m.Text, "\n"))
		if h < 0 {
			// The HTML part does not show where the original starts: the forwarder's note
			// and signature would be read with it. The text part says it all.
			m.HTML = ""
		}
	}
	if h >= 0 {
		m.HTML = m.HTML[h:]
		if f.FromDomain == "" {
			f.FromDomain = domainOf(quotedFrom(m.HTML, "<br"))
		}
		if t < 0 {
			m.Text = ""
		}
	}
	m.Forward = f
}

// anchors are literal strings the marks that are not a label's colon hold. The marks'
// expressions are only run from the first anchor or label on: a message that holds none
// costs a few fast scans.
var anchors = []string{"---", "_____", "divRplyFwdMsg"}

// skipToAnchor returns the offset in s from which the marks are looked for (a little before
// the first anchor, for an HTML tag that opens before it), or -1 when s holds no anchor.
func skipToAnchor(s string, back int) int {
	first := firstLabel(s)
	for _, a := range anchors {
		if i := strings.Index(s, a); i >= 0 && (first < 0 || i < first) {
			first = i
		}
	}
	if first < 0 {
		return -1
	}
	first = max(0, first-back)
	if i := strings.LastIndexByte(s[:first], '\n'); i >= 0 {
		return i + 1 // a line's start, for the (?m)^ of the text marks
	}
	return 0
}

// textForward returns where a forwarded original starts in a text body, or -1.
func textForward(s string) int {
	from := skipToAnchor(s, 0)
	if from < 0 {
		return -1
	}
	if i := textForwardFrom(s[from:]); i >= 0 {
		return from + i
	}
	return -1
}

func textForwardFrom(s string) int {
	for _, loc := range textMarker.FindAllStringIndex(s, 8) {
		if headerBlock(s[loc[1]:]) && quotesAddress(s[loc[1]:]) {
			return loc[0]
		}
	}
	if loc := outlookTxt.FindStringIndex(s); loc != nil && quotesAddress(s[loc[0]:]) {
		return loc[0]
	}
	return -1
}

// quotesAddress reports whether an address stands near the start of s: a forward quotes its
// original's sender, a separator line in a template ("____", "--- Tips ---") has none.
func quotesAddress(s string) bool {
	return strings.IndexByte(prefix(s, window), '@') >= 0
}

// headerBlock reports whether s starts with a quoted header block: its first two lines that
// are not blank (within four) are both "Label: value".
func headerBlock(s string) bool {
	found := 0
	for n := 0; s != "" && n < 4 && found < 2; n++ {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if strings.Trim(line, " \t\r>") == "" {
			continue
		}
		if !headerLike.MatchString(line) {
			return false
		}
		found++
	}
	return found == 2
}

// htmlForward returns where a forwarded original starts in an HTML body, or -1.
func htmlForward(s string) int {
	from := skipToAnchor(s, 300)
	if from < 0 {
		return -1
	}
	for _, loc := range htmlMarker.FindAllStringIndex(s[from:], 8) {
		loc[0], loc[1] = loc[0]+from, loc[1]+from
		if c := strings.LastIndex(s[:loc[0]], "<!--"); c >= 0 && !strings.Contains(s[c:loc[0]], "-->") {
			continue // "<!-- ------ header ------ -->" in a template
		}
		if s[loc[0]] == '<' && !strings.Contains(s[loc[0]:loc[1]], "divRplyFwdMsg") &&
			!htmlSent.MatchString(prefix(s[loc[1]:], 600)) {
			continue // a bold "De:" in a template's table is no forward without Outlook's Sent line
		}
		if quotesAddress(s[loc[1]:]) || strings.Contains(s[loc[0]:loc[1]], "divRplyFwdMsg") {
			return loc[0]
		}
	}
	return -1
}

// quotedFrom returns the sender's address in the header block a forward quotes at the start
// of s: the address after "From:" on its line (lines end at eol), or else the first address
// of the block.
func quotedFrom(s, eol string) string {
	s = prefix(s, window)
	if loc := fromLabel.FindStringIndex(s); loc != nil {
		line := s[loc[1]:]
		if i := strings.Index(line, eol); i >= 0 {
			line = line[:i]
		}
		if a := firstAddress(line); a != "" {
			return a
		}
	}
	return firstAddress(s)
}
