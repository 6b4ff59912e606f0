package extract

import "github.com/otpkit/otpkit/extract/internal/ruleoff"

// Rule is one rule of evidence for or against a candidate code: the name its reasons carry,
// how much it weighs, and what it reads. The rules of links are magiclink's.
type Rule struct {
	Name   string
	Weight int
	Reads  string
}

// rule identifies a rule of the table.
type rule uint8

const (
	ruleSixDigits rule = iota
	ruleDigits
	ruleKeywordBefore
	ruleKeywordLine
	ruleKeywordAfter
	ruleKeywordIs
	ruleKeywordAbove
	ruleKeywordAboveFar
	ruleKeywordBelow
	ruleAlone
	ruleAskedToType
	ruleSignInWords
	ruleMessageAuth
	ruleNoCodeWords
	ruleSetApart
	ruleNotCodeWord
	ruleAmount
	ruleDate
	ruleTime
	ruleYear
	ruleDecimal
	ruleMasked
	ruleWordLike
	ruleUnitShaped
	ruleNextToNumbers
	ruleOrigin
	rulePurposeNear
	ruleBidi
	ruleUnnamedWords
	ruleNamedInPreview
	ruleSubjectAgrees
	numRules
)

// rules is the table of evidence. A keyword right by a code is the strongest sign; the marks
// of other numbers (dates, amounts, phones) outweigh any keyword. The README's list of rules
// is generated from it (go test -run TestREADMERules -update).
var rules = [numRules]Rule{
	ruleSixDigits:       {"six-digits", 12, "a code of six digits, the most common length by far"},
	ruleDigits:          {"digits", 6, "a code of 4, 5, 7 or 8 digits"},
	ruleKeywordBefore:   {"keyword-before", 45, `a word naming a code a few words before it: "verification code: 483920"`},
	ruleKeywordLine:     {"keyword-line", 30, "a word naming a code on its line, further before it"},
	ruleKeywordAfter:    {"keyword-after", 40, `a word naming a code right after it: "483920 is your code"`},
	ruleKeywordIs:       {"keyword-is", 40, `a copula, colon or dash handing a code word to it past other words: "your code for the purchase of $45 is 739204"`},
	ruleKeywordAbove:    {"keyword-above", 40, "alone on its line, under a line ending with a word naming a code"},
	ruleKeywordAboveFar: {"keyword-above-far", 30, "alone on its line, under a line naming a code further from its end"},
	ruleKeywordBelow:    {"keyword-below", 25, `alone on its line, above a line opening with a word naming a code: "is your sign-in code"`},
	ruleAlone:           {"alone-on-line", 10, "alone on its line"},
	ruleAskedToType:     {"asked-to-type", 10, `asked to type it: "enter", "use" right before`},
	ruleSignInWords:     {"sign-in-words", 20, `sign-in words in its sentence, when no word names it well: "use 7741 to verify your phone"`},
	ruleMessageAuth:     {"message-auth", 5, "the message speaks of signing in somewhere"},
	ruleNoCodeWords:     {"no-code-words", -30, "the message never speaks of a code or of signing in: layout alone is no evidence"},
	ruleSetApart:        {"set-apart", 25, "bold, large, letter-spaced or monospace, on its own"},
	ruleNotCodeWord:     {"not-code-word", -50, `a word naming another number stands nearer: "order number 4021587", "card ending in 4417"`},
	ruleAmount:          {"amount", -70, `a currency right beside it: "$1999", "1999 EUR"`},
	ruleDate:            {"date", -70, "part of a date: 2026-11-22, 22.11.2026"},
	ruleTime:            {"time", -70, "part of a time: 14:05"},
	ruleYear:            {"year", -25, "four digits that read as a year (1970–2039), no code word beside"},
	ruleDecimal:         {"decimal-number", -60, "part of an amount written with decimals or thousands: 1,280.00"},
	ruleMasked:          {"masked-number", -70, "the visible end of a masked card or account number: XX1234, ****1234"},
	ruleWordLike:        {"word-like", -45, "four letters or more in a row that read as a word, as promotion codes spell: SAVE20, WINTER25"},
	ruleUnitShaped:      {"unit-shaped", -25, "one run of digits and at most two letters: 30AM, 10GB, B001"},
	ruleNextToNumbers:   {"next-to-numbers", -15, "joined to other digits that are not part of it"},
	rulePurposeNear:     {"purpose-near", -60, "its line or the two above speak of another purpose: a meeting ID, a courier, a locker, a coupon"},
	ruleBidi:            {"bidi-control", -200, "a bidirectional override or isolate stands around or inside it: it is shown in another order than typed"},
	ruleUnnamedWords:    {"unnamed-words", -40, "words joined by dashes that no word names a code: a job or file name, not a word code"},
	ruleNamedInPreview:  {"named-in-preview", 30, "no word in the opened message names it, but the email's hidden preview text does: \"Your Acme code is 482913\""},
	ruleOrigin:          {"origin-bound", 60, `the code of the WebOTP last line that binds it to a site: "@example.com #482913"`},
	ruleSubjectAgrees:   {"subject-agrees", 20, "an email's subject names it a code, and its body writes it too: the sender says which of the body's numbers is the code"},
}

// Rules returns the rules of evidence for codes, in the order of the table.
func Rules() []Rule { return append([]Rule(nil), rules[:]...) }

// off reports whether rule r is switched off in the set: only otpkit's tests switch rules
// off, to show what each decides.
func (r rule) off(s ruleoff.Set) bool { return s.Has("extract", rules[r].Name) }
