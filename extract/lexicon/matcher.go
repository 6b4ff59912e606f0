package lexicon

import (
	"cmp"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Match is one phrase found in a text.
type Match struct {
	Start, End int     // byte offsets in the searched text
	Class      Class   // every class the phrase belongs to
	Langs      LangSet // the languages whose tables hold it; empty for words all share
}

// Matcher finds the phrases of a set of tables in a text, all at once, in one pass over the
// text (an Aho–Corasick automaton over case-folded UTF-8 bytes). A Matcher is immutable and
// safe for concurrent use.
type Matcher struct {
	langs langIndex  // the languages' names
	sets  []LangSet  // the distinct sets of languages phrases have
	root  [256]int32 // the root's transitions, dense because every walk returns there
	// The tables, laid out as tables.go says: phrase records, the phrases' texts, state
	// records (one more than there are states, for the last one's end of children), and the
	// byte that enters each state.
	phrases, texts, states, labels []byte
}

// Compile builds a matcher. Phrases are folded; those with the same text and wildcards are
// merged, their classes joined; empty ones and those longer than MaxPhrase are left out.
func Compile(phrases []Phrase) *Matcher {
	m := &Matcher{}
	sorted, ls := merge(phrases, &m.langs)
	m.packPhrases(sorted, ls)
	m.buildTrie(sorted)
	m.link()
	return m
}

// buildTrie lays the trie of the phrases, which merge sorted by text, out breadth first. A
// state stands for the run of phrases that share its path: its children split that run by
// the next byte, and those whose text ends at the state come first in it. Every state is
// made once and every byte of every phrase looked at once, with no maps and no sorting.
func (m *Matcher) buildTrie(phrases []Phrase) {
	n := 1 // the states: the root and, per phrase, the bytes it does not share with the one before
	for i := range phrases {
		t := phrases[i].Text
		if i > 0 {
			n += len(t) - commonPrefix(phrases[i-1].Text, t)
		} else {
			n += len(t)
		}
	}
	type run struct{ lo, hi, depth int32 } // the phrases a state stands for
	runs := make([]run, 1, n)
	runs[0] = run{0, int32(len(phrases)), 0}
	m.states = make([]byte, (n+1)*stateSize)
	m.labels = make([]byte, 1, n)
	for s := int32(0); s < int32(len(runs)); s++ {
		r := runs[s]
		i := r.lo
		if i < r.hi && int32(len(phrases[i].Text)) == r.depth {
			// The first of the phrases with this text: merge sorted them together.
			put32(m.states, s*stateSize+12, i+1)
			for i < r.hi && int32(len(phrases[i].Text)) == r.depth {
				i++
			}
		}
		put32(m.states, s*stateSize, int32(len(runs)))
		for i < r.hi {
			b := phrases[i].Text[r.depth]
			j := i + 1
			for j < r.hi && phrases[j].Text[r.depth] == b {
				j++
			}
			runs = append(runs, run{i, j, r.depth + 1})
			m.labels = append(m.labels, b)
			i = j
		}
	}
	put32(m.states, int32(n)*stateSize, int32(n)) // the end of the last state's children
	lo, hi := m.children(0)
	for c := lo; c < hi; c++ {
		m.root[m.labels[c]] = c // the others stay 0: stay at the root
	}
}

// link sets the failure links, in breadth-first order: a state's link is known before its
// children's.
func (m *Matcher) link() {
	for s := int32(0); s < int32(len(m.labels)); s++ {
		lo, hi := m.children(s)
		for c := lo; c < hi; c++ {
			f := int32(0)
			if s != 0 {
				f = m.step(m.fail(s), m.labels[c])
			}
			put32(m.states, c*stateSize+4, f)
			if m.out(f) >= 0 {
				put32(m.states, c*stateSize+8, f)
			} else {
				put32(m.states, c*stateSize+8, m.dict(f))
			}
		}
	}
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// step follows the goto function from s on b, falling back along failure links.
func (m *Matcher) step(s int32, b byte) int32 {
	for s != 0 {
		r := m.state(s)
		lo, hi := field(r, 0), u32(m.states, (s+1)*stateSize)
		for c, l := range m.labels[lo:hi] {
			if l >= b {
				if l == b {
					return lo + int32(c)
				}
				break
			}
		}
		s = field(r, 4)
	}
	return m.root[b]
}

// Len reports how many distinct phrases the matcher knows.
func (m *Matcher) Len() int { return int(m.phraseCount()) }

// MaxPhrase bounds a phrase's length in bytes, once folded, so that FindAll can remember
// where each of the last bytes it fed the automaton started in the text. Compile leaves
// longer phrases out; Parse rejects them.
const MaxPhrase = 255

// FindAll returns every occurrence of a phrase in text, case-insensitively, overlapping ones
// included, ordered by start and, at one start, longest first; a phrase that several
// classes share is reported once per class. A phrase in a script written with spaces must
// stand as whole words unless its wildcards say otherwise. [Matcher.Keywords] reads the
// result as a person reads the text.
func (m *Matcher) FindAll(text string) []Match {
	var (
		found []Match
		s     int32
		buf   [utf8.UTFMax]byte
		// origin[n%256] is where, in text, the rune of the n-th byte fed started: lower-casing
		// may change a rune's length (İ is two bytes, i one).
		origin [MaxPhrase + 1]int
		fed    int
	)
	for i := 0; i < len(text); {
		b, size := foldRune(text[i:], buf[:])
		for _, c := range b {
			origin[fed%len(origin)] = i
			fed++
			s = m.step(s, c)
			for o := s; o > 0; {
				r := m.state(o)
				o = field(r, 8) // the next state on the chain with an output
				p := field(r, 12) - 1
				if p < 0 {
					continue
				}
				start := origin[(fed-m.phrase(p).textLen())%len(origin)]
				end := pastDropped(text, i+size)
				for q := p; ; q++ { // the phrases with p's text follow it
					r := m.phrase(q)
					if bounded(text, start, end, r.bound()) {
						if found == nil {
							found = make([]Match, 0, 16) // enough for most messages: one allocation
						}
						found = append(found, Match{start, end, r.class(), m.sets[r.set()]})
					}
					if r.flags()&flagSameNext == 0 {
						break
					}
				}
			}
		}
		i += size
	}
	slices.SortStableFunc(found, func(a, b Match) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return cmp.Compare(b.End, a.End)
	})
	return found
}

// foldRune writes the folded form of the rune at the start of s into buf and returns it with
// the rune's length in s. Folding lower-cases, strips accents ("código" and "codigo", and
// upper-case Greek that drops its accents, all match), and drops combining marks that
// writers may or may not type (Latin accents written apart, Arabic and Hebrew vowel signs):
// buf may come back empty.
func foldRune(s string, buf []byte) ([]byte, int) {
	if c := s[0]; c < utf8.RuneSelf {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[0] = c
		return buf[:1], 1
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return buf[:copy(buf, s[:n])], n
	}
	r = unicode.ToLower(r)
	switch {
	case 0x00C0 <= r && r < 0x0500:
		if f := foldLatin[r-0x00C0]; f != 0 {
			r = rune(f)
		}
	case 0x1E00 <= r && r < 0x2000:
		if f := foldExtended[r-0x1E00]; f != 0 {
			r = rune(f)
		}
	}
	switch {
	case optionalMark(r):
		return buf[:0], n
	case r == 'ς':
		r = 'σ' // final sigma: upper case cannot tell it apart
	case r == 'ı':
		r = 'i' // Turkish dotless i: upper-case I lowers to i, so both must meet
	case r == 'ی' || r == 'ى':
		r = 'ي' // Persian and Arabic yeh, typed on either keyboard
	case r == 'ک':
		r = 'ك' // Persian and Arabic kaf
	case r == '’' || r == 'ʼ' || r == '‘' || r == 'ʻ':
		r = '\'' // apostrophes, and the Uzbek oʻ/gʻ mark
	case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
		return buf[:0], n // zero-width spaces and joiners: there or not, the same word''
	}
	return buf[:utf8.EncodeRune(buf, r)], n
}

// optionalMark reports combining marks that writers may leave out.
func optionalMark(r rune) bool {
	return 0x0300 <= r && r <= 0x036F || // combining diacritical marks
		0x064B <= r && r <= 0x065F || r == 0x0670 || // Arabic harakat
		0x0591 <= r && r <= 0x05C7 && r != 0x05BE && r != 0x05C0 && r != 0x05C3 && r != 0x05C6 // Hebrew points
}

// Fold returns s in lower case, as FindAll compares it.
func Fold(s string) string {
	// Most phrases come folded already, and many words need no change: return those as they
	// are, without a copy.
	var buf [utf8.UTFMax]byte
	same := 0 // s[:same] folds to itself
	for same < len(s) {
		if c := s[same]; c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				break
			}
			same++
			continue
		}
		b, n := foldRune(s[same:], buf[:])
		if string(b) != s[same:same+n] {
			break
		}
		same += n
	}
	if same == len(s) {
		return s
	}
	out := make([]byte, same, len(s))
	copy(out, s)
	for i := same; i < len(s); {
		b, n := foldRune(s[i:], buf[:])
		out = append(out, b...)
		i += n
	}
	return string(out)
}

// bound says what a phrase's edges require of the runes beside them.
type bound struct{ left, right edgeKind }

// edge is the kind of rune a phrase starts or ends with.
type edgeKind uint8

const (
	free   edgeKind = iota // no requirement: a wildcard, punctuation, or an unspaced script
	letter                 // the neighbour must not continue the word
	digit                  // the neighbour must not continue the number or word
)

func edgeOf(r rune) edgeKind {
	switch {
	case unspaced(r):
		return free
	case unicode.IsLetter(r) || unicode.IsMark(r):
		return letter
	case unicode.IsDigit(r):
		return digit
	}
	return free
}

// pastDropped returns where the runes from i on that folding drops end: the combining marks
// that close a phrase's last letter ("ìfìdímúlẹ̀" ends in a grave accent written apart) belong
// to the match, not to the word after it.
func pastDropped(text string, i int) int {
	var buf [utf8.UTFMax]byte
	for i < len(text) {
		b, size := foldRune(text[i:], buf[:])
		if len(b) != 0 {
			break
		}
		i += size
	}
	return i
}

// bounded reports whether a match at text[start:end] stands as whole words, as far as its
// phrase's bound (from its wildcards and script) requires.
func bounded(text string, start, end int, b bound) bool {
	if b.left != free && start > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:start])
		first, _ := utf8.DecodeRuneInString(text[start:])
		// Camel case starts a word: "smsTAN", "NetCode".
		camel := 'a' <= r && r <= 'z' && 'A' <= first && first <= 'Z'
		if !camel && joins(b.left, first, r) {
			return false
		}
	}
	if b.right != free && end < len(text) {
		r, _ := utf8.DecodeRuneInString(text[end:])
		last, _ := utf8.DecodeLastRuneInString(text[:end])
		if joins(b.right, last, r) {
			return false
		}
	}
	return true
}

// joins reports whether neighbour, beside an edge rune of the given kind, continues the
// word. A change of script ends a word: "您的OTP是", "OTPは", "PIN码" hold the word OTP or PIN.
func joins(e edgeKind, edge, neighbour rune) bool {
	if neighbour < utf8.RuneSelf {
		c := byte(neighbour)
		isLetter := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
		return isLetter && (e == digit || isLatin(edge) || !anyScript(edge)) || e == digit && '0' <= c && c <= '9'
	}
	if unicode.IsMark(neighbour) {
		return true
	}
	if unicode.IsLetter(neighbour) {
		return e == digit || sameScript(edge, neighbour)
	}
	return e == digit && unicode.IsDigit(neighbour)
}

// scripts are those whose words stand apart from a neighbouring word of another script.
var scripts = []*unicode.RangeTable{
	unicode.Latin, unicode.Cyrillic, unicode.Greek, unicode.Arabic, unicode.Hebrew,
	unicode.Armenian, unicode.Georgian, unicode.Devanagari, unicode.Bengali, unicode.Tamil,
	unicode.Telugu, unicode.Sinhala, unicode.Ethiopic, unicode.Han, unicode.Hiragana,
	unicode.Katakana, unicode.Hangul, unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar,
}

// sameScript reports whether a and b are written in the same script, as far as the scripts
// above tell; runes of other scripts count as the same.
func sameScript(a, b rune) bool {
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		return true
	}
	for _, s := range scripts {
		if unicode.Is(s, a) {
			return unicode.Is(s, b) || !anyScript(b)
		}
	}
	return true
}

func anyScript(r rune) bool {
	for _, s := range scripts {
		if unicode.Is(s, r) {
			return true
		}
	}
	return false
}

func isLatin(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= utf8.RuneSelf && unicode.Is(unicode.Latin, r)
}

// unspaced reports whether r belongs to a script written without spaces between words (or,
// for Hangul, with particles glued to them), where a phrase may stand inside a longer run.
func unspaced(r rune) bool {
	// The prolonged sound mark ends many katakana words (ロッカー, ユーザー) but belongs to no
	// script of its own.
	return r == 'ー' || r == 'ｰ' || unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul,
		unicode.Thai, unicode.Lao, unicode.Khmer, unicode.Myanmar)
}
