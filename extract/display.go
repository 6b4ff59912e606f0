package extract

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/otpkit/otpkit/htmltext"
)

// What a person sees of a code can differ from the bytes: a digit run cut by a character
// that is no separator, or digits shown in another order by a bidirectional override.
// These rules keep the answer to what can be read and typed as it stands.

// maxCut is how many characters can cut a run of digits in two: "48|2913", "48�2913",
// "48ж2913". Longer runs between numbers are words.
const maxCut = 2

// cutRun reports whether the cluster of numbers cl is part of a longer run of digits cut by
// characters that separate no codes: a bad byte (read as U+FFFD), a stray symbol, a mark,
// a control or a letter glued to the digits on both sides. Neither its head nor its tail
// is a code then.
func cutRun(text string, cl cluster) bool {
	first, last := cl.atoms[0], cl.atoms[len(cl.atoms)-1]
	return cutBefore(text, first.start) || cutAfter(text, last.end)
}

// cutBefore and cutAfter report whether the candidate starting (ending) at i is cut from
// digits before (after) it by characters that separate no codes: "48|2913", "5|K7PX2Q".
func cutBefore(text string, i int) bool {
	for n := 0; n <= maxCut && i > 0; n++ {
		r, size := utf8.DecodeLastRuneInString(text[:i])
		if isDigit(r) {
			return n > 0
		}
		if !glue(r) {
			return false
		}
		i -= size
	}
	return false
}

func cutAfter(text string, i int) bool {
	for n := 0; n <= maxCut && i < len(text); n++ {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isDigit(r) {
			return n > 0
		}
		if !glue(r) {
			return false
		}
		i += size
	}
	return false
}

func isDigit(r rune) bool { return '0' <= r && r <= '9' }

// glue reports whether r, standing between two digits, joins them into one written token
// rather than separating two numbers: anything but spaces and punctuation. Letters of the
// scripts written without spaces between words (Chinese, Japanese, Thai, …) separate:
// "5分钟 123456" is a duration and a code.
func glue(r rune) bool {
	switch {
	case r == '\uFFFD', htmltext.BidiControl(r):
		return true
	case unicode.IsSpace(r), unicode.IsPunct(r):
		return false
	case unicode.IsLetter(r):
		return r < utf8.RuneSelf || !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana,
			unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
	}
	return true // marks, symbols, controls, unassigned
}

// dropsAfterDigit reports whether normalize drops r after a digit: a combining mark or
// variation selector on a digit (4́, the keycap 4️⃣) shows the digit all the same.
func dropsAfterDigit(r rune) bool {
	return unicode.In(r, unicode.Mn, unicode.Me)
}

// bidiRanges returns where text is shown under a bidirectional embedding, override or
// isolate: from the character that opens one to the one that closes the last one open,
// or to the end of the line (a paragraph ends them all). Sorted, not overlapping.
func bidiRanges(text string) [][2]int {
	var out [][2]int
	depth, start := 0, 0
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\n' && depth > 0 {
			out = append(out, [2]int{start, i})
			depth = 0
		}
		if c != 0xe2 { // every bidi control is E2 80 AA–AE or E2 81 A6–A9
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '\u202a', '\u202b', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068':
			if depth == 0 {
				start = i
			}
			depth++
		case '\u202c', '\u2069':
			if depth > 0 {
				depth--
				if depth == 0 {
					out = append(out, [2]int{start, i + size})
				}
			}
		}
		i += size
	}
	if depth > 0 {
		out = append(out, [2]int{start, len(text)})
	}
	return out
}

// scoreDisplay marks a code that a bidirectional control stands around or inside.
func scoreDisplay(m *message, c *code) {
	rs := m.bidi
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] > c.start })
	if i < len(rs) && rs[i][0] < c.end {
		c.add(ruleBidi, "shown in another order than written")
	}
}
