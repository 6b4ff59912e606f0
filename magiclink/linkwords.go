package magiclink

import (
	_ "embed"
	"sort"
	"sync"

	"github.com/otpkit/otpkit/extract/lexicon"
)

//go:embed linkwords.txt
var linkWordsText string

// moreLinkWords matches the link words of linkwords.txt: a small matcher beside the language
// tables', so that reading a link's words costs no second copy of them.
var moreLinkWords = sync.OnceValue(func() *lexicon.Matcher {
	phrases, err := lexicon.Parse("linkwords.txt", linkWordsText)
	if err != nil {
		panic(err) // embedded data, checked by the tests
	}
	return lexicon.Compile(phrases)
})

// linkMatches returns the keywords of text, from the language tables (as a reader takes them,
// see lexicon.Matcher.Keywords) and linkwords.txt, in order.
func linkMatches(text string) []lexicon.Match {
	ms := lexicon.Default().Keywords(text)
	more := lexicon.Outermost(moreLinkWords().FindAll(text))
	if len(more) == 0 {
		return ms
	}
	ms = append(ms, more...)
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return ms
}
