package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/otpkit/otpkit/htmltext"
)

// normalize folds what people see as the same character to one form, so that candidates and
// keywords are found however a sender wrote them: Unicode decimal digits (٤٨٢, ४८२, ๔๘๒, １２３)
// become ASCII digits, full-width ASCII forms become ASCII, Unicode spaces become a space,
// zero-width characters disappear, and so do combining marks on a digit (4́, the keycap
// 4️⃣). Bidirectional embeddings, overrides and isolates stay: they change what is shown.
// Line breaks become "\n" and runs of spaces one space.
//
// It returns the new text and, when anything changed, where each byte offset of s landed in
// it (len(s)+1 entries), so that offsets computed on s can follow.
func normalize(s string) (string, []int) {
	if isNormal(s) {
		return s, nil
	}
	var b strings.Builder
	b.Grow(len(s))
	moved := make([]int, len(s)+1)
	space := false // a space is pending: written before the next visible rune
	for i := 0; i < len(s); {
		if c := s[i]; c > ' ' && c < 0x7f {
			// Printable ASCII but the space, most of any text: no rule below changes it.
			if space {
				if last := lastByte(&b); last != 0 && last != '\n' && last != '\t' {
					b.WriteByte(' ')
				}
				space = false
			}
			moved[i] = b.Len()
			b.WriteByte(c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		for k := 0; k < n; k++ {
			moved[i+k] = b.Len()
		}
		i += n
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				continue // the "\n" of "\r\n" writes the line break
			}
			r = '\n'
		case htmltext.BidiControl(r):
			// Kept, though invisible: it changes the order of what it stands around.
		case htmltext.Invisible(r): // one list for text and HTML alike
			continue
		case !space && isDigit(rune(lastByte(&b))) && dropsAfterDigit(r):
			continue
		}
		r = fold(r)
		switch r {
		case ' ':
			space = true
			continue
		case '\n', '\t':
			space = false
			b.WriteRune(r)
			continue
		}
		if space {
			// Trailing and leading spaces on a line are dropped.
			if last := lastByte(&b); last != 0 && last != '\n' && last != '\t' {
				b.WriteByte(' ')
			}
			space = false
		}
		moved[i-n] = b.Len()
		b.WriteRune(r)
	}
	moved[len(s)] = b.Len()
	return b.String(), moved
}

// isNormal reports whether normalize would leave s as it is: printable ASCII, single spaces,
// "\n" and "\t" only.
func isNormal(s string) bool {
	prev := byte('\n')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf, c < ' ' && c != '\n' && c != '\t', c == 0x7f:
			return false
		case c == ' ' && (prev == ' ' || prev == '\n' || prev == '\t'):
			return false
		case (c == '\n' || c == '\t') && prev == ' ':
			return false
		}
		prev = c
	}
	return prev != ' '
}

func lastByte(b *strings.Builder) byte {
	s := b.String()
	if s == "" {
		return 0
	}
	return s[len(s)-1]
}

// fold maps a rune to the form candidates and keywords are matched in.
func fold(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if r < ' ' && r != '\n' && r != '\t' || r == 0x7f {
			return ' '
		}
		return r
	case r == '\u2028' || r == '\u2029':
		return '\n'
	case unicode.IsSpace(r): // no-break and ideographic spaces among them
		return ' '
	case r == '‐' || r == '‑' || r == '‒' || r == '–':
		return '-' // people and fonts join code groups with every kind of dash
	case unicode.Is(unicode.Nd, r): // full-width digits among them
		return '0' + digitValue(r)
	}
	// Full-width ASCII forms (letters, －, ：), but the comma and full stop: in Chinese and
	// Japanese text they end clauses, and folded they would read as the decimal point of the
	// number before.
	if 0xFF01 <= r && r <= 0xFF5E && r != '，' && r != '．' {
		return r - 0xFF01 + '!'
	}
	return r
}

// digitValue returns the value of a Unicode decimal digit. In the Nd table every run of
// digits starts at a zero and runs in tens, which TestDigitRuns checks.
func digitValue(r rune) rune {
	for _, rg := range unicode.Nd.R16 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return (r - rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if rune(rg.Lo) <= r && r <= rune(rg.Hi) {
			return (r - rune(rg.Lo)) % 10
		}
	}
	return 0
}
