package extract

import (
	"strings"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// Letter codes: a person types letters as they are written, in one case, so a code of
// letters is one case throughout. Groups joined by dashes are one code; the dashes only group
// it for the eye and are not typed (Q7F-4KD is typed Q7F4KD), except between the words of a
// word code, where they are part of what is typed (maple-river-stone).

// maxParts bounds how many dash-joined groups make one code: N4T-8WQ-2KC has three.
const maxParts = 4

// letterCode returns the code of letters, or letters and digits, starting at atom i, if it
// is one, and how many atoms it took:
//   - K7PX2Q, qzt4wk: one run mixing letters and digits, upper or lower case; a lower-case one
//     changes between letters and digits at least twice, so that ipv6 or covid19 are not;
//   - Q7F-4KD, 7dk2p-xq9mw, N4T-8WQ-2KC, ZR-4471-KM: up to four groups of two to six, one case,
//     twelve letters and digits at most;
//   - FRT-KQZ: groups of three letters or more in capitals, no digits;
//   - maple-river-stone: three to four words of three to ten letters in lower case, typed with
//     their dashes.
//
// A letter and number prefix such as G-483920 is a service prefix instead (see numberCodes).
func letterCode(text string, as []atom, i int) (c *code, used int) {
	var buf [maxParts]atom // no allocation for the atoms that make no code
	parts := append(buf[:0], as[i])
	for j := i + 1; j < len(as) && len(parts) < maxParts; j++ {
		prev, next := as[j-1], as[j]
		if next.start != prev.end+1 || text[prev.end] != '-' {
			break
		}
		parts = append(parts, next)
	}
	for ; len(parts) > 0; parts = parts[:len(parts)-1] {
		if c := partsCode(text, parts); c != nil {
			return c, len(parts)
		}
	}
	return nil, 0
}

// partsCode returns the code that parts, joined by dashes, make, or nil.
func partsCode(text string, parts []atom) *code {
	var digits, letters, n, shortest, longest int
	var lower, upper bool
	for k, p := range parts {
		digits += p.digits
		letters += p.letters
		n += p.len()
		lower, upper = lower || p.lower, upper || p.upper
		if k == 0 || p.len() < shortest {
			shortest = p.len()
		}
		longest = max(longest, p.len())
	}
	first, last := parts[0], parts[len(parts)-1]
	raw := text[first.start:last.end]
	// The code is allocated only once the parts make one: most words make none.
	alnumCode := func() *code {
		v := raw
		if len(parts) > 1 {
			v = strings.ReplaceAll(raw, "-", "")
		}
		return &code{value: v, start: first.start, end: last.end, shape: alnum}
	}
	grouped := len(parts) == 1 || shortest >= 2 && longest <= 6
	switch {
	case lower && upper, n < minCode:
		return nil
	case len(parts) >= 3 && lower && digits == 0 && shortest >= 3 && longest <= maxCodeWord:
		return &code{value: raw, start: first.start, end: last.end, shape: words} // maple-river-stone
	case n > maxAlnum || !grouped:
		return nil
	case len(parts) == 2 && first.digits == 0 && first.len() <= 3 && last.letters == 0:
		return nil // G-483920, FB-12345: a service prefix and a number
	case digits > 0 && letters > 0:
		if lower && len(parts) == 1 && runs(raw) < 3 {
			return nil // ipv6, covid19, h264: a word and a number
		}
		return alnumCode()
	case digits == 0 && upper && len(parts) >= 2 && shortest >= 3:
		return alnumCode() // FRT-KQZ
	}
	return nil
}

// maxCodeWord bounds a word of a word code.
const maxCodeWord = 10

// runs counts the runs of letters and of digits in s: qzt4wk has three.
func runs(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if i == 0 || isLetter(s[i]) != isLetter(s[i-1]) {
			n++
		}
	}
	return n
}

// withoutWords drops the letter codes that hold a known word: CVV2, SMS-TAN and PIN-CODE
// are words, not random codes.
func withoutWords(m *message, codes []*code) []*code {
	kept := codes[:0]
	for _, c := range codes {
		if (c.shape == alnum || c.shape == words) && namesInside(m, c.start, c.end) {
			continue
		}
		kept = append(kept, c)
	}
	return kept
}

// namesInside reports whether a word naming a code or another number overlaps
// text[start:end]. Units and currencies do not count: "2KC" is no amount inside N4T-8WQ-2KC.
func namesInside(m *message, start, end int) bool {
	const names = lexicon.Code | lexicon.NotCode | lexicon.Other | lexicon.Auth
	i := searchKeywords(m.keywords, start)
	for j := max(0, i-4); j < len(m.keywords) && m.keywords[j].Start < end; j++ {
		if k := m.keywords[j]; k.End > start && k.Class&names != 0 {
			return true
		}
	}
	return false
}
