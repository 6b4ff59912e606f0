package extract

import (
	"slices"
	"unicode"
	"unicode/utf8"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// Languages that build words by adding endings write a number's case ending after it, with
// an apostrophe or a hyphen by the book ("482913'tür", "530917-es") and often glued to it in
// a hurry ("482913tür", "530917ga", "530917on"). The digits are the code; the ending is
// grammar. Elsewhere letters glued to digits make units and identifiers ("2000mg", "3rd"),
// so a glued ending is read only in a message written in one of these languages.

// suffixingLangs are the tables of languages that glue case endings to numbers.
var suffixingLangs = []string{"az", "et", "fi", "hu", "kk", "ky", "tr", "uz"}

// maxSuffix is the longest ending read after a code, in runes.
const maxSuffix = 4

// gluedCode returns the code written as the digits of atom a followed by a lower-case ending
// ("482913tür"), or nil. The ending may go on past the atom in letters outside ASCII.
func gluedCode(text string, a atom) *code {
	if a.digits < minCode || a.digits > maxCode || a.upper {
		return nil
	}
	end := a.start + a.digits
	for i := a.start; i < end; i++ {
		if !('0' <= text[i] && text[i] <= '9') {
			return nil // letters before or between the digits: an identifier
		}
	}
	n := a.end - end
	for i := a.end; i < len(text) && n <= maxSuffix; {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLower(r) {
			break
		}
		n++
		i += size
	}
	if n > maxSuffix {
		return nil
	}
	return &code{value: text[a.start:end], start: a.start, end: end, shape: digits, glued: true}
}

// withoutGlued drops the codes read with a glued ending unless m is written in a language
// that glues endings to numbers.
func withoutGlued(m *message, codes []*code) []*code {
	if !slices.ContainsFunc(codes, func(c *code) bool { return c.glued }) {
		return codes
	}
	lx := lexicon.Default()
	langs := lx.LangNames(lx.Languages(m.text, lx.FindAll(m.text)))
	if slices.ContainsFunc(langs, func(l string) bool { return slices.Contains(suffixingLangs, l) }) {
		return codes
	}
	return slices.DeleteFunc(codes, func(c *code) bool { return c.glued })
}
