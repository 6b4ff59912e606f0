package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/otpkit/otpkit/extract/lexicon"
	"github.com/otpkit/otpkit/htmltext"
)

// CodeThreshold is the score from which a candidate code is an answer.
const CodeThreshold = 40

// ambiguityMargin: a code must beat any other code by this much to be the answer.
const ambiguityMargin = 15

// near and far, in characters, for keywords before and after a code.
const (
	nearRunes  = 24
	lineRunes  = 64
	afterRunes = 40
	labelBytes = 12 // what else may stand on a code's line for it to count as alone
	labelTail  = 40 // what may follow a code word on the line above for it to label the code
	labelHead  = 48 // what may precede a code word on the line below, in runes
)

// signInWords are the classes of words that speak of signing in or proving who one is.
const signInWords = lexicon.Auth | lexicon.SignIn | lexicon.Verify

// scoreCodes weighs every candidate code of m.
func scoreCodes(m *message, codes []*code) {
	msgClasses := m.classes // of every keyword, also those past the codes' reach
	for _, c := range codes {
		scoreShape(m.text, c)
		if m.origin.bound(c) {
			c.add(ruleOrigin, "@"+m.origin.host)
		} else {
			scoreNumberKind(m.text, c)
		}
		named := scoreKeywords(m, c)
		if !named && !ruleNamedInPreview.off(c.off) && slices.Contains(m.previewNamed, c.value) {
			c.add(ruleNamedInPreview, "")
			named = true
		}
		if c.shape == words && !named {
			c.add(ruleUnnamedWords, m.text[c.start:c.end])
		}
		scoreYear(m, c)
		switch {
		case msgClasses&signInWords != 0:
			c.add(ruleMessageAuth, "")
		case msgClasses&lexicon.Code == 0 && !named:
			// Layout alone (a big bold number) is no evidence: order numbers look the same.
			c.add(ruleNoCodeWords, "")
		}
		scoreEmphasis(m, c)
		scorePurposeNear(m, c)
	}
}

// percentage returns the first percentage written in s ("10%", "15 %"), or "".
func percentage(s string) string {
	for i := strings.IndexByte(s, '%'); i >= 0; {
		j := i
		if j > 0 && s[j-1] == ' ' {
			j--
		}
		k := j
		for k > 0 && '0' <= s[k-1] && s[k-1] <= '9' {
			k--
		}
		// Not a URL's escape: "%2F" follows with hex digits.
		escaped := i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2])
		if k < j && !escaped {
			return s[k : i+1]
		}
		n := strings.IndexByte(s[i+1:], '%')
		if n < 0 {
			break
		}
		i += 1 + n
	}
	return ""
}

func isHex(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F' }

// scorePurposeNear marks a code whose own lines speak of another purpose: the meeting ID
// above a passcode, the courier beside a delivery PIN, the locker a pickup code opens. It
// reads the two lines above the code (three when the code stands alone under its label),
// its line before it, and its sentence after it.
func scorePurposeNear(m *message, c *code) {
	ls, le := lineAt(m.text, c.start)
	above := 2
	if strings.TrimSpace(m.text[ls:c.start]) == "" && strings.TrimSpace(m.text[c.end:le]) == "" {
		above = 3 // alone on its line: the line above is its label, read past it
	}
	for n := 0; n < above; n++ {
		ps, _ := prevLine(m.text, ls)
		if ps < 0 {
			break
		}
		ls = ps
	}
	if k, ok := keywordAfter(m, ls, c.start, lexicon.Other); ok {
		c.add(rulePurposeNear, m.text[k.Start:k.End])
		return
	}
	// A percentage is a discount, a rate or a share, in any language: "with the code below
	// you get 10% off", "10% extra korting", "Rabatt von 15 %".
	if p := percentage(m.text[ls:c.start]); p != "" {
		c.add(rulePurposeNear, p)
		return
	}
	// After it, in its sentence: "… 5263 for the courier". Not past a warning or the words of
	// signing in: "… 830527, do not tell it to anyone, not even the rider" (languages written
	// without full stops run these into one sentence).
	if k, ok := keywordAfter(m, c.end, le, lexicon.Other); ok && !endsSentence(m.text[c.end:k.Start]+" ") {
		if a, ok := keywordAfter(m, c.end, k.Start, lexicon.Auth); ok && a.End <= k.Start {
			return
		}
		c.add(rulePurposeNear, m.text[k.Start:k.End])
	}
}

func scoreShape(text string, c *code) {
	switch {
	case c.shape == words:
		c.note("word-code", "its dashes are typed")
	case c.shape == alnum:
		c.note("letter-code", c.value)
	case len(c.value) == 6:
		c.add(ruleSixDigits, "")
	default:
		c.add(ruleDigits, strconv.Itoa(len(c.value)))
	}
	switch c.shape {
	case prefixed:
		c.note("service-prefix", text[c.start:c.end])
	case grouped:
		c.note("grouped", "")
	}
}

// scoreNumberKind looks at the characters around a number for what marks other numbers.
func scoreNumberKind(text string, c *code) {
	before, after := text[:c.start], text[c.end:]
	prev, _ := utf8.DecodeLastRuneInString(before)
	next, _ := utf8.DecodeRuneInString(after)

	if c.shape == words {
		return
	}
	if c.shape == alnum {
		if masked(c.value) {
			c.add(ruleMasked, c.value)
		}
		if unitShaped(c.value) {
			c.add(ruleUnitShaped, c.value)
		}
		if w := readableRun(text[c.start:c.end]); w != "" {
			c.add(ruleWordLike, w)
		}
		return
	}
	cl := c.cluster
	if c.shape != grouped && len(cl.atoms) > 1 {
		switch {
		case strings.Contains(cl.seps, ":"):
			c.add(ruleTime, clusterText(text, cl))
		case isDate(text, cl):
			c.add(ruleDate, clusterText(text, cl))
		case isAmount(cl):
			c.add(ruleDecimal, clusterText(text, cl))
		default:
			c.add(ruleNextToNumbers, clusterText(text, cl))
		}
	}
	// "*482913*" is bold in a chat message, not a masked number.
	if maskedBefore(before) && !(prev == next && strings.ContainsRune(markup, prev)) {
		c.add(ruleMasked, string(prev)+c.value)
	}
}

// scoreYear marks a four-digit number that reads as a year, unless a word names it a code
// right beside it ("Your verification code is 2024", "2024 is your code").
func scoreYear(m *message, c *code) {
	if c.shape != digits || len(c.value) != 4 || !isYear(c.value) || len(c.cluster.atoms) > 1 {
		return
	}
	if !namedBeside(m, c) {
		c.add(ruleYear, c.value)
	}
}

// namedBeside reports whether a code word, or a copula after one, stands right before the
// code, or a code word a few words after it.
func namedBeside(m *message, c *code) bool {
	if wordRightBefore(m, c.start, max(0, c.start-4), lexicon.Code|lexicon.Is) {
		return true
	}
	k, ok := keywordAfter(m, c.end, min(len(m.text), c.end+16), lexicon.Code)
	return ok && !hasNumber(m.text[c.end:k.Start])
}

// scoreKeywords weighs the words around a code: keywords that name it or other numbers, on
// its line and, when it stands alone, on the lines around. Of the words naming a code, only
// the strongest reading counts. It reports whether any word named the code.
func scoreKeywords(m *message, c *code) (named bool) {
	text := m.text
	ls, le := lineAt(text, c.start)
	best, bestWord := rule(0), "" // the strongest reading of a word naming the code
	consider := func(r rule, word string) {
		if r.off(c.off) {
			return
		}
		named = true
		if bestWord == "" || rules[r].Weight > rules[best].Weight {
			best, bestWord = r, word
		}
	}

	// The words before it on its line: the nearest naming a code, and the nearest marking
	// other numbers ("order number 4021587", "EUR 1999") when that one stands nearer.
	kCode, hasCode := keywordBefore(m, c.start, ls, lexicon.Code|lexicon.Password)
	if hasCode && kCode.Class&lexicon.Code == 0 && !wordRightBefore(m, c.start, kCode.Start, lexicon.Password|lexicon.Is) {
		// "Your password: 038192", "PASSWORD IS 038192" name a code; "your password for
		// account 55102" does not.
		kCode, hasCode = keywordBefore(m, c.start, ls, lexicon.Code)
	}
	from := ls
	if hasCode {
		from = kCode.End
	}
	notCode := false
	if k, ok := keywordBefore(m, c.start, from, lexicon.NotCode|lexicon.Currency); ok {
		gap := text[k.End:c.start]
		switch {
		case k.Class&lexicon.Currency != 0 && tight(gap):
			c.add(ruleAmount, text[k.Start:k.End])
		case k.Class&lexicon.NotCode != 0 && utf8.RuneCountInString(gap) <= nearRunes && !hasNumber(gap) &&
			!(hasCode && wordRightBefore(m, c.start, k.End, lexicon.Is)) && !(hasCode && labelsWhole(m, kCode, k, c.start)):
			// A copula after the other number's word hands the code word before it its
			// value: "kod za potvrdu broja telefona je 8174" (the code for confirming the
			// phone number is 8174).
			notCode = true
			c.add(ruleNotCodeWord, text[k.Start:k.End])
		}
	}
	if hasCode {
		gap := text[kCode.End:c.start]
		r, near := keywordReason(gap)
		switch {
		case notCode:
			// "your code for the card ending in 4417": the nearer words claim the number.
			near = false
		case qualified(m, kCode.End, c.start):
			// "Codice ABI 05428", "Code APE 6201": an acronym says which other code it is.
			near = false
		case (!near || r == ruleKeywordLine) && bridged(m, c.start, ls) && !endsSentence(gap):
			// "Tu clave dinámica para la compra … es 739204", "Ihr Code für das Online-Banking
			// lautet 6619": the copula hands the code the keyword, past the other numbers and
			// words of the sentence.
			r, near = ruleKeywordIs, true
		}
		if near {
			consider(r, text[kCode.Start:kCode.End])
		}
	}
	// A word naming another number right after it, when nothing before names a code: "5521
	// ile biten kartınız" (your card ending in 5521), where the words follow the number.
	claimedAfter := false
	if !hasCode && !notCode {
		if k, ok := keywordAfter(m, c.end, le, lexicon.NotCode); ok && strings.TrimSpace(text[c.end:k.Start]) == "" &&
			k.Start-c.end <= 2 {
			claimedAfter = true
			c.add(ruleNotCodeWord, text[k.Start:k.End])
		}
	}
	// A word naming a code after it: "483920 is your code". Not past another number, the end
	// of a sentence or a colon: "Kd.-Nr. 40918273: Ihr Code …" labels what follows.
	if k, ok := keywordAfter(m, c.end, le, lexicon.Code|lexicon.Password); ok && !claimedAfter {
		gap := text[c.end:k.Start]
		if !hasNumber(gap) && utf8.RuneCountInString(gap) <= afterRunes && !endsSentence(gap+" ") && !strings.Contains(gap, ":") &&
			(k.Class&lexicon.Code != 0 || onlyWords(gap)) {
			consider(ruleKeywordAfter, text[k.Start:k.End]) // "use 381920 as your password"
		}
	}
	// Asked to type it: "Enter 4821", "use 7741".
	if k, ok := keywordBefore(m, c.start, ls, lexicon.Action); ok && utf8.RuneCountInString(text[k.End:c.start]) <= 16 &&
		!hasNumber(text[k.End:c.start]) {
		c.add(ruleAskedToType, text[k.Start:k.End])
	}
	// Right after it: a currency ("1999 EUR").
	if k, ok := keywordAfter(m, c.end, le, lexicon.Currency); ok && tight(text[c.end:k.Start]) {
		c.add(ruleAmount, text[k.Start:k.End])
	}
	// Alone on its line: the lines around may label it.
	rest := len(strings.TrimSpace(text[ls:c.start])) + len(strings.TrimSpace(text[c.end:le]))
	if rest <= labelBytes {
		c.add(ruleAlone, "")
		if l, ok := labelAround(m, ls, le); ok {
			consider(l.rule, l.word)
		}
	}
	if bestWord != "" {
		c.add(best, bestWord)
	}
	// Sign-in words close by, in the same sentence, when no word names it well: "use 7741 to
	// verify your phone".
	if bestWord == "" {
		scoreSignInWords(m, c, ls, le)
	}
	return named
}

// scoreSignInWords rewards sign-in words standing close to a code, in its clause.
func scoreSignInWords(m *message, c *code, ls, le int) {
	text := m.text
	const window = 4 * afterRunes // bytes: enough for afterRunes characters in any script
	lo, hi := max(ls, c.start-window), min(le, c.end+window)
	for _, k := range m.keywords[searchKeywords(m.keywords, lo):] {
		if k.Start >= hi {
			break
		}
		if k.Class&signInWords == 0 {
			continue
		}
		var between string
		switch {
		case k.End <= c.start:
			between = text[k.End:c.start]
		case k.Start >= c.end:
			between = text[c.end:k.Start]
			if strings.HasPrefix(strings.TrimLeft(between, " "), ":") {
				continue // "Servizio 4916: … per confermare": a number before a colon labels what follows
			}
		default:
			continue
		}
		if hasNumber(between) || endsSentence(between) || endsClause(between) || utf8.RuneCountInString(between) > afterRunes {
			continue
		}
		c.add(ruleSignInWords, text[k.Start:k.End])
		return
	}
}

// bridged reports whether the code at start is handed over by a copula ("is", "es",
// "lautet", "是"), a colon or a dash right before it: "… for the card ending in 3380:
// 907516", "… на картку *7712 — 394718".
func bridged(m *message, start, from int) bool {
	before := m.text[from:start]
	t := strings.TrimRight(before, " ")
	if strings.HasSuffix(t, ":") {
		return true
	}
	// A dash set apart by a space: "*7712 — 394718", "… 3380 - 907516", not the "AB-" of
	// "AB-123456" (normalize turned en dashes into hyphens).
	if len(t) < len(before) && (strings.HasSuffix(t, "—") || strings.HasSuffix(t, " -")) {
		return true
	}
	return wordRightBefore(m, start, from, lexicon.Is)
}

// wordRightBefore reports whether a keyword of classes ends right before start, with nothing
// but spaces, a colon or an opening bracket or quote between: "code: 2024", "lautet 6619",
// "je [8174]".
func wordRightBefore(m *message, start, from int, classes lexicon.Class) bool {
	k, ok := keywordBefore(m, start, from, classes)
	return ok && strings.Trim(m.text[k.End:start], " :"+opening) == ""
}

// labelsWhole reports whether the code word kCode heads a label that ends in a colon right
// before the code at start, with the other number's word k inside it written as a name:
// "Ověřovací kód pro aplikaci Jízdenky: 71930", "Your verification code for Booking Pro:
// 71930". A capitalized word inside the label names the service the code is for, not the
// number; a common noun there still says what the number is ("Kod PIN do odbioru
// przesyłki: 7306", the PIN for collecting the parcel).
func labelsWhole(m *message, kCode, k lexicon.Match, start int) bool {
	if r, _ := utf8.DecodeRuneInString(m.text[k.Start:]); !unicode.IsUpper(r) {
		return false
	}
	head := m.text[kCode.End:start]
	colon := strings.LastIndexByte(head, ':')
	return colon >= 0 && strings.TrimSpace(head[colon+1:]) == "" && kCode.End+colon > k.End &&
		!hasNumber(head) && !endsSentence(head[:colon]) && !strings.Contains(head[:colon], ":")
}

// qualified reports whether the words between a code word and a number are just an
// upper-case acronym, which says which other code it is: "Codice ABI 05428", "Code APE:
// 6201". A code word or a copula itself ("code OTP 482913", "CODE IS 482913") does not count.
func qualified(m *message, from, to int) bool {
	if to-from > 2*nearRunes {
		return false // an acronym stands right after the code word: no need to split a long gap
	}
	gap := m.text[from:to]
	as := atoms(gap)
	if len(as) != 1 || strings.Trim(gap, " :-") != gap[as[0].start:as[0].end] {
		return false
	}
	a := as[0]
	if a.digits > 0 || a.lower || a.letters < 2 || a.letters > 6 {
		return false
	}
	k, ok := keywordAfter(m, from+a.start, from+a.end, lexicon.Code|lexicon.Is)
	return !ok || k.Start != from+a.start
}

// tight reports whether gap, between a number and a word, is nothing or a space or a dash:
// "10 minutes", "1999€", "10-minute". "493028. Den …" is not a duration.
func tight(gap string) bool {
	return strings.Trim(gap, " -") == "" && len(gap) <= 2
}

// label is a word naming a code on a line around it, with the weight of that reading.
type label struct {
	rule rule
	word string
}

// labelAround finds a code keyword on the two lines above, or the line below, a line.
func labelAround(m *message, ls, le int) (label, bool) {
	s := ls
	for n := 0; n < 2; n++ {
		ps, pe := prevLine(m.text, s)
		if ps < 0 {
			break
		}
		// A label ends its line, or nearly: "Your verification code:", "Use this code to
		// sign in:". Further from the end it still speaks of the code below, less surely:
		// "Use the code below to open the app. It is valid for 5 minutes."
		if k, ok := keywordBefore(m, pe, ps, lexicon.Code); ok && !hasNumber(m.text[k.End:pe]) {
			if pe-k.End <= labelTail {
				return label{ruleKeywordAbove, m.text[k.Start:k.End]}, true
			}
			return label{ruleKeywordAboveFar, m.text[k.Start:k.End]}, true
		}
		if strings.TrimSpace(m.text[ps:pe]) != "" {
			break // only the nearest non-empty line labels
		}
		s = ps
	}
	// The line below, past one blank line: "640271\n\nis your sign-in code".
	for n, e := 0, le; n < 2 && e < len(m.text); n++ {
		ns, ne := lineAt(m.text, e+1)
		// A label below opens its line: "is your sign-in code", "Tas ir tavs Rīgas Velo
		// verifikācijas kods".
		if k, ok := keywordAfter(m, ns, ne, lexicon.Code); ok && opensLine(m.text[ns:k.Start]) {
			return label{ruleKeywordBelow, m.text[k.Start:k.End]}, true
		}
		if strings.TrimSpace(m.text[ns:ne]) != "" {
			break
		}
		e = ne
	}
	return label{}, false
}

// keywordBefore returns the last keyword of one of classes ending at or before end and
// starting at or after from.
func keywordBefore(m *message, end, from int, classes lexicon.Class) (lexicon.Match, bool) {
	ks := m.keywords
	i := searchKeywords(ks, end)
	for i--; i >= 0; i-- {
		k := ks[i]
		if k.Start < from {
			break
		}
		if k.End <= end && k.Class&classes != 0 {
			return k, true
		}
	}
	return lexicon.Match{}, false
}

// keywordAfter returns the first keyword of one of classes starting at or after start and
// ending at or before to.
func keywordAfter(m *message, start, to int, classes lexicon.Class) (lexicon.Match, bool) {
	ks := m.keywords
	for i := searchKeywords(ks, start); i < len(ks) && ks[i].Start < to; i++ {
		if ks[i].Start >= start && ks[i].End <= to && ks[i].Class&classes != 0 {
			return ks[i], true
		}
	}
	return lexicon.Match{}, false
}

// searchKeywords returns the index of the first keyword starting at or after off.
func searchKeywords(ks []lexicon.Match, off int) int {
	lo, hi := 0, len(ks)
	for lo < hi {
		mid := (lo + hi) / 2
		if ks[mid].Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// scoreEmphasis rewards a code set apart the way emails display codes. A code written one
// group (or one digit) per box is set apart when each of its groups is.
func scoreEmphasis(m *message, c *code) {
	level, style := emphasisOf(m, c.start, c.end)
	if c.shape == grouped && level == notEmphasized {
		for _, a := range c.cluster.atoms {
			la, st := emphasisOf(m, a.start, a.end)
			if la != setApart {
				return
			}
			style |= st
		}
		level = setApart
	}
	if level == setApart {
		c.add(ruleSetApart, style.String())
	}
}

// How emphasized a stretch of text is.
const (
	notEmphasized = iota
	emphasized    // inside a longer emphasized span
	setApart      // an emphasized span holding little else
)

// emphasisOf returns how emphasized text[start:end] is, and the style of the span that makes
// it so.
func emphasisOf(m *message, start, end int) (int, htmltext.Style) {
	best := notEmphasized
	var style htmltext.Style
	// Spans are sorted by start; those holding the text start at or before it, and nest only
	// so deep.
	i := sort.Search(len(m.emphasis), func(i int) bool { return m.emphasis[i].Start > start })
	for n := 0; i > 0 && n < 16; n++ {
		i--
		sp := m.emphasis[i]
		if sp.End < end {
			continue
		}
		level := emphasized
		if sp.End-sp.Start <= end-start+6 {
			level = setApart
		}
		if level > best {
			best, style = level, sp.Style
		}
	}
	return best, style
}

// keywordReason grades a code keyword standing gap before a code: right by it, or on its
// line; it is not near when far — past another number, past the end of a sentence, or at
// the far end of the line — and then names nothing.
func keywordReason(gap string) (r rule, near bool) {
	dist := utf8.RuneCountInString(gap)
	switch {
	case hasNumber(gap) || dist > lineRunes || endsSentence(gap):
		return 0, false
	case dist <= nearRunes:
		return ruleKeywordBefore, true
	}
	return ruleKeywordLine, true
}

// endsSentence reports whether s holds the end of a sentence: a keyword in the sentence
// before speaks of something else ("Do not share this code. B001"). A point after a single
// letter is an initial ("M. Schulz"), not an end.
func endsSentence(s string) bool {
	for _, end := range []string{"。", "।", "؟", "۔"} {
		if strings.Contains(s, end) {
			return true
		}
	}
	// "!" and "?" end a sentence before a space or, in scripts written without spaces (where
	// normalize folded "！" to "!"), before any letter of theirs.
	for i := strings.IndexAny(s, "!?"); i >= 0; {
		if i+1 < len(s) && (s[i+1] == ' ' || s[i+1] >= utf8.RuneSelf) {
			return true
		}
		next := strings.IndexAny(s[i+1:], "!?")
		if next < 0 {
			break
		}
		i += 1 + next
	}
	for i := strings.Index(s, ". "); i >= 0; {
		word := s[:i]
		if k := strings.LastIndexFunc(word, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
			word = word[k+1:]
		}
		// "dn. 12.03.2025", "f. d. Online-Banking": what follows an abbreviation does not
		// start a sentence.
		after, _ := utf8.DecodeRuneInString(s[i+2:])
		if utf8.RuneCountInString(word) != 1 && !unicode.IsLower(after) && !unicode.IsDigit(after) {
			return true
		}
		next := strings.Index(s[i+2:], ". ")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return false
}

// hasNumber reports whether s holds a number that could claim a keyword before a code does:
// a run of three or more digits that is not a year ("your code to file your 2024 return is
// 381560").
func hasNumber(s string) bool {
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		if n := j - i; n >= 3 && !(n == 4 && isYear(s[i:j])) {
			return true
		}
		i = j
	}
	return false
}

// isYear reports a four-digit number that messages use as a year: recent past and near
// future. A code like 2093 is not taken for one.
func isYear(s string) bool {
	y, err := strconv.Atoi(s)
	return err == nil && len(s) == 4 && y >= 1970 && y <= 2039
}

func clusterText(text string, cl cluster) string {
	return text[cl.atoms[0].start:cl.atoms[len(cl.atoms)-1].end]
}

// isDate reports whether a cluster reads as a calendar date: 2026-11-22, 22.11.2026,
// 11/22/26, with a four-digit year or day and month in range.
func isDate(text string, cl cluster) bool {
	if len(cl.atoms) < 2 || len(cl.atoms) > 3 || strings.Trim(cl.seps, "-./") != "" {
		return false
	}
	var nums []int
	year := false
	for _, a := range cl.atoms {
		n, _ := strconv.Atoi(text[a.start:a.end])
		nums = append(nums, n)
		if a.digits == 4 {
			if n < 1900 || n > 2099 {
				return false
			}
			year = true
		} else if a.digits > 2 {
			return false
		}
	}
	if len(nums) == 2 {
		return !year && nums[0] >= 1 && nums[0] <= 31 && nums[1] >= 1 && nums[1] <= 31
	}
	return year || nums[0] <= 31 && nums[1] <= 31
}

// isAmount reports a number written with decimals or thousands groups: 1,280.00, 2.350.000,
// 45,90. Each part after a comma or point has two or three digits; "583920,5" (a code, a
// comma, the next sentence) does not read as one.
func isAmount(cl cluster) bool {
	if !strings.ContainsAny(cl.seps, ".,") {
		return false
	}
	for i, sep := range []byte(cl.seps) {
		if sep != '.' && sep != ',' {
			continue
		}
		if d := cl.atoms[i+1].digits; d != 2 && d != 3 || cl.atoms[i+1].letters > 0 {
			return false
		}
	}
	return true
}

// maskedBefore reports whether text ends with the hidden digits of a card or account
// number, right before its visible ones: "*7712", "XX1234", "**** 8841", "•••• 4242".
func maskedBefore(text string) bool {
	t := strings.TrimSuffix(text, " ")
	if sep := strings.TrimSuffix(t, "-"); len(sep) < len(t) {
		t = sep // "•••-•••-0187": a dash groups the hidden digits from the shown ones
		text = sep + " "
	}
	r, _ := utf8.DecodeLastRuneInString(t)
	switch r {
	case '*', '•', '·', '∙', '●', 'X', 'x':
		return len(t) == len(text) || strings.HasSuffix(t, string(r)+string(r))
	}
	return false
}

// masked reports a card or account number written with its first digits hidden: XX1234.
func masked(s string) bool {
	i := 0
	for i < len(s) && (s[i] == 'X' || s[i] == 'x') {
		i++
	}
	return i >= 2 && i < len(s) && strings.Trim(s[i:], "0123456789") == ""
}

// unitShaped reports a letter-and-digit token that is one run of digits and one run of at
// most two letters: a time (30AM), a size (10GB), a tag (B001). Codes mix more.
func unitShaped(s string) bool {
	runs, letters := 1, 0
	for i := 0; i < len(s); i++ {
		if isLetter(s[i]) {
			letters++
		}
		if i > 0 && isLetter(s[i]) != isLetter(s[i-1]) {
			runs++
		}
	}
	return runs == 2 && letters <= 2
}

func isLetter(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

// readableRun returns the first run of four letters or more in s that reads as a word:
// promotion codes and product names spell words (WINTER, PRIMAVERA), random codes rarely do
// (XKQWT). A run reads as a word when it is long, when a third of its letters or more are
// vowels, or when it is the whole of the code but a number of two or three digits after it
// and has a vowel.
func readableRun(s string) string {
	// A word and a small number, and nothing else, is how promotions name their codes:
	// SAVE20, BLACK40, ZIMA30.
	if n := len(strings.TrimRight(s, "0123456789")); n >= 4 && len(s)-n >= 2 && len(s)-n <= 3 && longestLetters(s[:n]) == n &&
		strings.ContainsAny(s[:n], "AEIOUYaeiouy") {
		return s[:n]
	}
	for i := 0; i < len(s); {
		if !isLetter(s[i]) {
			i++
			continue
		}
		j, vowels := i, 0
		for ; j < len(s) && isLetter(s[j]); j++ {
			if strings.IndexByte("AEIOUYaeiouy", s[j]) >= 0 {
				vowels++
			}
		}
		if n := j - i; n >= 6 || n >= 4 && 3*vowels >= n {
			return s[i:j]
		}
		i = j
	}
	return ""
}

// endsClause reports whether s holds a clause break: sign-in words across it speak of
// something else ("… expires soon, text HELP to 60777").
func endsClause(s string) bool {
	return strings.Contains(s, ", ") || strings.Contains(s, "; ") || strings.ContainsAny(s, "，；")
}

// opensLine reports whether head, the words before a code word on the line below a code,
// keeps the code word in the line's opening words: short, in the first sentence, past no
// other number.
func opensLine(head string) bool {
	return !hasNumber(head) && !endsSentence(head) && utf8.RuneCountInString(head) <= labelHead
}

// onlyWords reports whether gap holds words and spaces only, no punctuation: "038192 as your
// password", not "(ID: kb-3391027)のパスワード".
func onlyWords(gap string) bool {
	for _, r := range gap {
		if !unicode.IsLetter(r) && !unicode.IsMark(r) && r != ' ' {
			return false
		}
	}
	return utf8.RuneCountInString(gap) <= nearRunes
}

// opening are the brackets, quotes and chat markup that may open a code: "je [8174]",
// "lautet „4821“", "is *482913*".
const opening = `[(«„"'“‘*_`

// longestLetters returns the length of the longest run of ASCII letters in s.
func longestLetters(s string) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if isLetter(s[i]) {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}
