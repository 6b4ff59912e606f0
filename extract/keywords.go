package extract

import (
	"unicode/utf8"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// Keyword search runs over windows of the text, so that what the matcher holds while it
// works (every phrase of every table that ends at each byte, before overlaps are resolved)
// stays bounded however long the message, and only the resolved matches add up.
const (
	keywordWindow  = 64 << 10
	keywordOverlap = 4 * (lexicon.MaxPhrase + 1) // longer than any phrase as written
)

// findKeywords returns lexicon.Default().FindAll(text). Each window is searched with its
// neighbourhood on both sides, and keeps the matches that start inside it: a phrase's edges
// and the overlaps it competes with are seen as in one pass over the whole text. Only a
// chain of overlapping phrases longer than the neighbourhood ("code de vérification code de
// vérification …", each phrase overlapping the next) may be resolved otherwise at a seam;
// written text has none.
func findKeywords(text string) []lexicon.Match {
	lx := lexicon.Default()
	if len(text) <= keywordWindow+2*keywordOverlap {
		return lx.FindAll(text)
	}
	var out []lexicon.Match
	for a := 0; a < len(text); {
		b := runeStart(text, min(len(text), a+keywordWindow))
		lo := runeStart(text, max(0, a-keywordOverlap))
		hi := runeStart(text, min(len(text), b+keywordOverlap))
		for _, k := range lx.FindAll(text[lo:hi]) {
			k.Start += lo
			k.End += lo
			if k.Start < a || k.Start >= b {
				continue
			}
			if n := len(out); n > 0 && k.Start < out[n-1].End {
				continue // a longer match started in the window before
			}
			out = append(out, k)
		}
		a = b
	}
	return out
}

// runeStart moves i back to the start of the rune it falls in.
func runeStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
