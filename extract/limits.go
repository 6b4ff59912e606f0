package extract

import "strings"

// The work Extract does is bounded by its input's size (Options.MaxBytes) and by how many
// candidates it weighs (Options.MaxCandidates): every step before weighing is one pass over
// the text, and weighing a candidate looks at a bounded window around it.

// linkScope returns the head of text in which plain-text links are looked for: all of it
// when it names at most n URL schemes ("://"), else up to the last character that ends a
// URL before the one past n, so that no link is cut. Validating a URL costs far more per
// byte than reading the text, so only as many as are weighed are validated.
func linkScope(text string, n int) string {
	at := 0
	for k := 0; k <= n; k++ {
		i := strings.Index(text[at:], "://")
		if i < 0 {
			return text
		}
		at += i + 3
	}
	cut := strings.LastIndexAny(text[:at-3], " \t\n<>\"`")
	return text[:max(0, cut)]
}
