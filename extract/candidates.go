package extract

import (
	"sort"
	"strings"

	"github.com/otpkit/otpkit/extract/internal/ruleoff"
)

// shape is how a candidate code is written.
type shape uint8

const (
	digits   shape = iota // 483920
	grouped               // 482 913, 482-913, 4 8 2 9 1 3
	prefixed              // G-483920: a service prefix the person does not type
	alnum                 // K7PX2Q, Q7F-4KD, qzt4wk, FRT-KQZ
	words                 // maple-river-stone: words typed with their dashes
)

// code is a candidate code found in the text.
type code struct {
	value      string // as the person types it
	start, end int    // where it is written in the text, prefix and separators included
	shape      shape
	glued      bool    // read with a case ending glued after it: see gluedCode
	cluster    cluster // the run of numbers it belongs to
	score      int
	reasons    []Reason
	off        ruleoff.Set // rules switched off

	// Room inside the code, so that it takes one allocation: its reasons (most codes
	// collect a few) and the atom of a number standing alone.
	reasonBuf [6]Reason
	single    [1]atom
}

// add records the evidence of rule r, unless r is switched off.
func (c *code) add(r rule, detail string) {
	if r.off(c.off) {
		return
	}
	w := rules[r].Weight
	c.score += w
	c.grow()
	c.reasons = append(c.reasons, Reason{Rule: rules[r].Name, Weight: w, Detail: detail})
}

// note records something seen that weighs nothing but explains the code: the prefix that is
// not typed, the groups that are joined.
func (c *code) note(what, detail string) {
	c.grow()
	c.reasons = append(c.reasons, Reason{Rule: what, Detail: detail})
}

// grow starts a code's reasons in the room the code has for them.
func (c *code) grow() {
	if c.reasons == nil {
		c.reasons = c.reasonBuf[:0]
	}
}

// atom is a maximal run of ASCII letters and digits.
type atom struct {
	start, end      int
	digits, letters int
	lower, upper    bool // has a lower-case, an upper-case letter
}

func (a atom) numeric() bool { return a.letters == 0 }
func (a atom) len() int      { return a.end - a.start }

// cluster is a run of numeric atoms joined by single separators, such as 2026-11-22,
// 1,280.00, 0800 123 456 or 482 913: it tells what kind of number an atom is part of.
type cluster struct {
	atoms []atom
	seps  string // the separator after each atom but the last
}

const (
	minCode  = 4 // digits, or characters of a letter-and-digit code
	maxCode  = 8
	maxAlnum = 12 // letters and digits, dashes left out
)

// atoms splits text into runs of ASCII letters and digits.
func atoms(text string) []atom {
	var out []atom
	for a, ok := nextAtom(text, 0); ok; a, ok = nextAtom(text, a.end) {
		out = append(out, a)
	}
	return out
}

func isAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// maxCluster bounds a cluster: a run of more numbers than any date, amount or phone number
// has is read in pieces.
const maxCluster = 12

// clusterSeps are the characters that join numbers into one written number: groups of a
// code, a date, a time, an amount, a phone number.
const clusterSeps = " -./:,\t"

// findCodes returns every candidate code in text, in order, skipping numbers inside URLs and
// e-mail addresses; with a limit above 0, the first limit of them.
func findCodes(text string, urls [][2]int, limit int) []*code {
	var first [32]atom // a short message's atoms: no allocation
	as := &atomStream{text: text, buf: first[:0]}
	var out []*code
	var clusterAtoms [maxCluster]atom // a cluster's atoms, copied only when a code keeps them
	for i := 0; as.has(i) && (limit <= 0 || len(out) < limit); {
		as.release(i)
		a := as.at(i)
		if !a.numeric() {
			if c := gluedCode(text, a); c != nil {
				c.single[0] = a
				c.cluster = cluster{atoms: c.single[:]}
				out = keepCodes(out, text, urls, len(out), c)
				i++
				continue
			}
			if c, used := letterCode(text, as.from(i), 0); c != nil {
				if !cutBefore(text, c.start) && !cutAfter(text, c.end) {
					out = keepCodes(out, text, urls, len(out), c)
				}
				i += used
				continue
			}
			i++
			continue
		}
		// Gather the cluster of numbers this atom starts. Its atoms and separators are kept
		// apart, so that the atoms stay in clusterAtoms (see numberCodes).
		atoms, seps := append(clusterAtoms[:0], a), ""
		j := i + 1
		for ; as.has(j) && as.at(j).numeric() && len(atoms) < maxCluster; j++ {
			gap := text[as.at(j-1).end:as.at(j).start]
			if len(gap) != 1 || !strings.Contains(clusterSeps, gap) {
				break
			}
			// Table cells join only one digit per cell: "219384<tab>884120" are two numbers.
			if gap == "\t" && (as.at(j-1).digits > 1 || as.at(j).digits > 1) {
				break
			}
			atoms = append(atoms, as.at(j))
			seps += gap
		}
		if !cutRun(text, cluster{atoms: atoms, seps: seps}) {
			n := len(out)
			out = keepCodes(numberCodes(out, text, atoms, seps), text, urls, n)
		}
		i = j
	}
	if limit > 0 && len(out) > limit {
		out = out[:limit] // a cluster can give several
	}
	return out
}

// keepCodes appends cs to out and drops, from out[from:] on, what hides inside a URL or an
// address.
func keepCodes(out []*code, text string, urls [][2]int, from int, cs ...*code) []*code {
	out = append(out, cs...)
	kept := out[:from]
	for _, c := range out[from:] {
		if !insideURL(c, urls) && !inAddress(text, c.start, c.end) {
			kept = append(kept, c)
		}
	}
	return kept
}

// numberCodes appends to out the candidates a cluster of numbers offers: the whole cluster
// when it is a code written in groups, else each atom long enough to be a code. The codes
// keep a copy of the cluster's atoms: cl's may be reused.
func numberCodes(out []*code, text string, atoms []atom, seps string) []*code {
	// The atoms and separators come apart, so that the caller's atoms stay where they are:
	// only a copy reaches the codes.
	cl := cluster{atoms: atoms, seps: seps}
	var own []atom // cl's atoms, copied once for the codes that keep them
	if isGroupedCode(cl) {
		return append(out, groupedCode(text, kept(&own, cl.atoms, len(cl.atoms)), seps))
	}
	// "482 913 5 min": a code in groups, then, past a space, a small number of the next
	// words. Dashes join one written number ("583-321-09-87" is a tax number).
	for n := len(cl.atoms) - 1; n >= 2; n-- {
		head := cluster{atoms: cl.atoms[:n], seps: cl.seps[:n-1]}
		if cl.seps[n-1] == ' ' && isGroupedCode(head) && allShort(cl.atoms[n:]) {
			return append(out, groupedCode(text, kept(&own, cl.atoms, n), seps[:n-1]))
		}
	}
	for k, a := range cl.atoms {
		if a.digits < minCode || a.digits > maxCode {
			continue
		}
		c := &code{value: text[a.start:a.end], start: a.start, end: a.end, shape: digits}
		if len(cl.atoms) == 1 {
			// A number alone, the most common: its atom lives in the code.
			c.single[0] = a
			c.cluster = cluster{atoms: c.single[:]}
		} else {
			c.cluster = cluster{atoms: kept(&own, cl.atoms, len(cl.atoms)), seps: seps}
		}
		// A service prefix: "G-483920", "FB-12345".
		if k == 0 && a.start >= 2 && text[a.start-1] == '-' {
			if p := prefixStart(text, a.start-1); p >= 0 {
				c.start, c.shape = p, prefixed
			}
		}
		out = append(out, c)
	}
	return out
}

// kept returns the first n of atoms from *own, a copy of atoms made on the first call.
func kept(own *[]atom, atoms []atom, n int) []atom {
	if *own == nil {
		*own = append([]atom(nil), atoms...)
	}
	return (*own)[:n]
}

func groupedCode(text string, atoms []atom, seps string) *code {
	var v strings.Builder
	for _, a := range atoms {
		v.WriteString(text[a.start:a.end])
	}
	first, last := atoms[0], atoms[len(atoms)-1]
	return &code{value: v.String(), start: first.start, end: last.end, shape: grouped, cluster: cluster{atoms: atoms, seps: seps}}
}

// allShort reports whether every atom has at most two digits: the small numbers that may
// follow a code ("5 min"), not the rest of a phone number.
func allShort(as []atom) bool {
	for _, a := range as {
		if a.digits > 2 {
			return false
		}
	}
	return true
}

// isGroupedCode reports whether a cluster is one code written in equal groups: 482 913,
// 482-913, 12 34 56, 1234 5678, or one digit per cell.
func isGroupedCode(cl cluster) bool {
	n := len(cl.atoms)
	if n < 2 || strings.Trim(cl.seps, cl.seps[:1]) != "" || !strings.Contains(" -\t", cl.seps[:1]) {
		return false
	}
	size := cl.atoms[0].digits
	for _, a := range cl.atoms {
		if a.digits != size {
			return false
		}
	}
	total := size * n
	if size == 1 {
		return n >= minCode && n <= maxCode && cl.seps[0] != '-'
	}
	return size <= 4 && total >= minCode && total <= maxCode
}

// prefixStart returns where a service prefix of one to three upper-case letters ends at the
// dash at text[dash], or -1.
func prefixStart(text string, dash int) int {
	p := dash
	for p > 0 && dash-p < 3 && 'A' <= text[p-1] && text[p-1] <= 'Z' {
		p--
	}
	if p == dash || p > 0 && isAlnum(text[p-1]) {
		return -1
	}
	return p
}

// insideURL reports whether c overlaps a URL; urls are sorted and do not overlap.
func insideURL(c *code, urls [][2]int) bool {
	i := sort.Search(len(urls), func(i int) bool { return urls[i][1] > c.start })
	return i < len(urls) && urls[i][0] < c.end
}

const maxWord = 256

// inAddress reports whether text[start:end] is part of an e-mail address or of a word
// joined by characters no code is written with (paths, identifiers, query strings).
func inAddress(text string, start, end int) bool {
	// Words longer than a URL is allowed to be are read in a window.
	lo, hi := max(0, start-maxWord), min(len(text), end+maxWord)
	ws := lo + strings.LastIndexAny(text[lo:start], " \t\n") + 1
	we := strings.IndexAny(text[end:hi], " \t\n")
	if we < 0 {
		we = hi
	} else {
		we += end
	}
	// Chat markup and punctuation around the word are not part of it: "_482913_." is
	// WhatsApp's italics, not an identifier.
	word := strings.Trim(text[ws:we], markup+".,;:!?()[]{}'\"")
	return strings.ContainsAny(word, "@=_\\") || strings.Contains(word, "://") || dialString(word)
}

// dialString reports whether word is a USSD string to dial, "*712*50231*12.5#" or
// "*141*1#": its numbers are menu choices, accounts and amounts, never a code to type.
func dialString(word string) bool {
	if strings.HasSuffix(word, "#") && strings.Contains(word, "*") {
		return true
	}
	for i := 1; i+1 < len(word); i++ {
		if word[i] == '*' && isDigit(rune(word[i-1])) && isDigit(rune(word[i+1])) {
			return true
		}
	}
	return false
}

// markup are the characters chat apps and Markdown wrap emphasized words in: *bold*,
// _italic_, ~strike~, `monospace`.
const markup = "*_~`"
