package magiclink

import (
	"iter"
	"strings"
)

// split yields the parts of s between the separators sep, as strings.Split returns them,
// without allocating their slice: every link's query and path are read this way, several
// times over.
func split(s, sep string) iter.Seq[string] {
	return func(yield func(string) bool) {
		for {
			i := strings.Index(s, sep)
			if i < 0 {
				yield(s)
				return
			}
			if !yield(s[:i]) {
				return
			}
			s = s[i+len(sep):]
		}
	}
}
