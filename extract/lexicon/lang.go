package lexicon

import (
	"math/bits"
	"unicode/utf8"
)

// LangSet is a set of languages, by their index in a Matcher (see [Matcher.LangNames]).
type LangSet [2]uint64

// maxLangs is how many tables a Matcher tells apart.
const maxLangs = 128

func (s LangSet) with(i int) LangSet {
	if i >= 0 {
		s[i/64] |= 1 << (i % 64)
	}
	return s
}

// Has reports whether the language of index i is in s.
func (s LangSet) Has(i int) bool { return i >= 0 && i < maxLangs && s[i/64]&(1<<(i%64)) != 0 }

// Empty reports whether s holds no language.
func (s LangSet) Empty() bool { return s[0]|s[1] == 0 }

func (s LangSet) len() int { return bits.OnesCount64(s[0]) + bits.OnesCount64(s[1]) }

func (s LangSet) and(t LangSet) LangSet { return LangSet{s[0] & t[0], s[1] & t[1]} }

func (s LangSet) or(t LangSet) LangSet { return LangSet{s[0] | t[0], s[1] | t[1]} }

// langIndex numbers languages by name; the words all languages share have none.
type langIndex struct {
	names []string
	ids   map[string]int
}

func (x *langIndex) id(name string) int {
	if name == "" {
		return -1
	}
	if i, ok := x.ids[name]; ok {
		return i
	}
	if len(x.names) == maxLangs {
		panic("lexicon: more than 128 languages") // a data error, caught by the tests
	}
	if x.ids == nil {
		x.ids = map[string]int{}
	}
	x.ids[name] = len(x.names)
	x.names = append(x.names, name)
	return len(x.names) - 1
}

// LangNames returns the names of the languages in s, in the order of their index.
func (m *Matcher) LangNames(s LangSet) []string {
	var out []string
	for i, name := range m.langs.names {
		if s.Has(i) {
			out = append(out, name)
		}
	}
	return out
}

// minEvidence is how much evidence, in letters of phrases (shared phrases counting a share),
// it takes to tell a text's language at all: a short text of common words could be in any.
const minEvidence = 5

// foreignClasses are the classes a phrase keeps outside its languages when it is at least
// minForeign letters long.
const (
	foreignClasses = NotCode | Currency | Other
	minForeign     = 4
)

// minShare is how close to the best a language's evidence must come to be one of the text's
// languages: a bilingual message keeps both, a stray word of a third does not.
const minShare = 0.4

// Languages returns the languages the matches of text speak for: every language whose
// evidence comes within minShare of the strongest. A phrase is evidence for the languages
// whose tables hold it, shared among them: "code" says little about which of the many
// languages that use it a text is in, "Bestätigungscode" says German; a longer phrase says
// more than a short one. Each stretch of text counts once. ms must be ordered as FindAll
// orders them. The set is empty when the evidence is too thin to tell.
func (m *Matcher) Languages(text string, ms []Match) LangSet {
	score := make([]float64, len(m.langs.names))
	for i := 0; i < len(ms); {
		// The matches of one stretch of text stand together.
		j, ls := i, LangSet{}
		for ; j < len(ms) && ms[j].Start == ms[i].Start && ms[j].End == ms[i].End; j++ {
			ls = ls.or(ms[j].Langs)
		}
		if n := ls.len(); n > 0 {
			share := float64(utf8.RuneCountInString(text[ms[i].Start:ms[i].End])) / float64(n)
			for w, word := range ls {
				for ; word != 0; word &= word - 1 {
					if l := w*64 + bits.TrailingZeros64(word); l < len(score) {
						score[l] += share
					}
				}
			}
		}
		i = j
	}
	best := 0.0
	for _, s := range score {
		best = max(best, s)
	}
	var out LangSet
	if best < minEvidence {
		return out
	}
	for i, s := range score {
		if s >= minShare*best {
			out = out.with(i)
		}
	}
	return out
}

// Keywords returns the phrases of text as a reader takes them: in the languages the text is
// written in (see [Matcher.Languages]), each stretch of text once with the classes of its
// phrases joined, and no phrase that lies inside a longer one ("code" inside "promo code").
// Phrases that overlap without one holding the other are both kept: "to verify" and "verify
// your email". Keywords are ordered by start.
//
// The words of other languages are dropped, so that a short word of one language never
// decides another's message (Swahili "bei" in German, Polish "to" in English), with one
// exceptions: a name for a code (OTP, PIN, код, NetCode) reads as one in any language, and so
// does a word of minForeign letters or more that names another number (Uzbek "karta" meets
// "kart*"): answering a card number is worse than answering nothing. When the text's
// language cannot be told, every table counts.
func (m *Matcher) Keywords(text string) []Match {
	all := m.FindAll(text)
	langs := m.Languages(text, all)
	kept := all[:0]
	for _, k := range all {
		switch in := k.Langs.and(langs); {
		case k.Langs.Empty() || langs.Empty():
		case !in.Empty():
			k.Langs = in
		case k.Class&Code != 0:
			k.Class = Code
		case k.Class&foreignClasses != 0 && utf8.RuneCountInString(text[k.Start:k.End]) >= minForeign:
			k.Class &= foreignClasses
		default:
			continue
		}
		kept = append(kept, k)
	}
	return Outermost(kept)
}

// Outermost joins matches of the same stretch of text into one, with their classes and
// languages, and drops every match that lies inside a longer one. ms must be ordered as
// FindAll orders them; Outermost reuses its storage.
func Outermost(ms []Match) []Match {
	out := ms[:0]
	reach := -1 // the furthest end of a match kept so far
	for _, k := range ms {
		if n := len(out); n > 0 && out[n-1].Start == k.Start && out[n-1].End == k.End {
			out[n-1].Class |= k.Class
			out[n-1].Langs = out[n-1].Langs.or(k.Langs)
			continue
		}
		if k.End <= reach {
			continue // inside a longer phrase
		}
		out = append(out, k)
		reach = k.End
	}
	return out
}
