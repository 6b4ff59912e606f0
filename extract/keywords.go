package extract

import (
	"slices"
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

// keywordReach is how far past a code its reading looks for words: the rest of its line and
// the two lines below, each read in windows of maxLineSpan.
const keywordReach = 4 * maxLineSpan

// findKeywords fills m.keywords as far as the codes found reach, and m.classes with the
// classes of every keyword in the text. Past the last code, keywords only tell what the
// message speaks of: a crafted text of nothing but keywords keeps none of them.
func (m *message) findKeywords(found []*code) {
	if len(found) == 0 {
		// No code to read words around: the keywords would all lie past the reach. An
		// empty list, not nil, as keywordsIn gives (expiresIn reads nil as "not looked for").
		m.keywords, m.classes = []lexicon.Match{}, 0
		return
	}
	reach := 0
	for _, c := range found {
		reach = max(reach, c.end+keywordReach)
	}
	m.keywords, m.classes = keywordsIn(m.text, reach)
}

// keywordsIn returns lexicon.Default().Keywords(text) for the matches starting before
// reach, and the classes of all of them. Each window is searched with its
// neighbourhood on both sides, and keeps the matches that start inside it: a phrase's edges
// and the overlaps it competes with are seen as in one pass over the whole text. Only a
// chain of overlapping phrases longer than the neighbourhood ("code de vérification code de
// vérification …", each phrase overlapping the next) may be resolved otherwise at a seam;
// written text has none.
func keywordsIn(text string, reach int) ([]lexicon.Match, lexicon.Class) {
	lx := lexicon.Default()
	var classes lexicon.Class
	if len(text) <= keywordWindow+2*keywordOverlap {
		all := lx.Keywords(text)
		n := 0
		for _, k := range all {
			classes |= k.Class
			if k.Start < reach {
				n++
			}
		}
		return all[:n], classes
	}
	// The windows' matches are gathered apart and joined once: the whole list is the one
	// thing that grows with the text, and it is allocated at its size.
	var parts [][]lexicon.Match
	total := 0
	for a := 0; a < len(text); {
		b := runeStart(text, min(len(text), a+keywordWindow))
		lo := runeStart(text, max(0, a-keywordOverlap))
		hi := runeStart(text, min(len(text), b+keywordOverlap))
		found := lx.Keywords(text[lo:hi]) // each window's language is told from the window
		kept := found[:0]
		for _, k := range found {
			k.Start += lo
			k.End += lo
			if k.Start < a || k.Start >= b {
				continue // another window's
			}
			classes |= k.Class
			if k.Start < reach {
				kept = append(kept, k)
			}
		}
		if len(kept) > 0 {
			parts = append(parts, slices.Clone(kept)) // not the matcher's larger array
			total += len(kept)
		}
		a = b
	}
	out := make([]lexicon.Match, 0, total)
	for _, p := range parts {
		out = append(out, p...)
	}
	return out, classes
}

// runeStart moves i back to the start of the rune it falls in.
func runeStart(text string, i int) int {
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
