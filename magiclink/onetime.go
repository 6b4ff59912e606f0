package magiclink

import (
	"regexp"
	"strings"
	"sync"
)

// A one-time cue is what sign-in and verification messages say of their link and notices
// do not: that it expires, is valid for a while, works once, or is a sign-in link. Every cue
// starts with one of a few words, so OneTimeCue looks for those words in one pass over the
// text and reads the rest of a cue only where one starts; one regular expression run over the
// whole text cost half of an HTML email's time.

// cueStarts lists each word a cue starts with (lower-cased), whether it must start a word
// (an ASCII \b before it), and what must follow it, as an expression matched right after
// the word; "" when the word alone is the cue.
var cueStarts = []struct {
	word  string
	bound bool
	rest  string
}{
	{"expir", true, ""}, // expires, expiry, expira
	{"valid", true, ` (?:for|until|only)|[oa]\b`},
	{"only", true, ` be used once`},
	{"can", true, ` be used once`},
	{"one", true, `[- ]time\b`},
	{"single", true, `[- ]use\b`},
	{"magic", true, ` (?:link|url)\b`},
	{"sign", true, `[- ]?in (?:link|url)\b`},
	{"log", true, `[- ]?in (?:link|url)\b`}, // log in, log-in, login
	{"access", true, ` (?:link|url)\b`},
	{"verification", true, ` (?:link|url)\b`},
	{"confirmation", true, ` (?:link|url)\b`},
	{"activation", true, ` (?:link|url)\b`},
	{"you", true, ` (?:requested|asked for|asked to)\b`},
	{"link", true, `(?: below)? to (?:sign|log) ?in\b|.{0,40}\b(?:anmelden|anzumelden|einloggen|einzuloggen)|` +
		`.{0,40}\b(?:entrar|acessar)\b|.{0,40}\baccedere\b|.{0,40}\b(?:inloggen|aanmelden)\b`},
	{"button", true, `(?: below)? to (?:sign|log) ?in\b|.{0,40}\b(?:anmelden|anzumelden|einloggen|einzuloggen)`},
	{"schaltfläche", true, `.{0,40}\b(?:anmelden|anzumelden|einloggen|einzuloggen)`},
	{"lien", true, `.{0,40}\bconnect`},
	{"bouton", true, `.{0,40}\bconnect`},
	{"enlace", true, `.{0,40}\b(?:iniciar sesión|acceder|entrar)\b`},
	{"botón", true, `.{0,40}\b(?:iniciar sesión|acceder|entrar)\b`},
	{"botão", true, `.{0,40}\b(?:entrar|acessar)\b`},
	{"pulsante", true, `.{0,40}\baccedere\b`},
	{"knop", true, `.{0,40}\b(?:inloggen|aanmelden)\b`},
	{"gültig", false, ""},
	{"läuft ", false, `.{0,20}\bab\b`},
	{"einmal", true, ""},
	{"valable", true, ""},
	{"une seule fois", false, ""},
	{"usage unique", false, ""},
	{"caduca", true, ""},
	{"vence", true, `\b`}, // "el enlace vence en 24 horas"; not vencimiento, a bill's due date
	{"vencerá", true, ""},
	{"válid", true, ""},
	{"una sola vez", false, ""},
	{"un solo uso", false, ""},
	{"uma única vez", false, ""},
	{"uso único", false, ""},
	{"scade", true, ""},
	{"una sola volta", false, ""},
	{"verloopt", true, ""},
	{"geldig", true, ""},
	{"eenmalig", true, ""},
	{"wygaśnie", false, ""},
	{"ważn", true, ""},
	{"jednorazow", false, ""},
	{"giltig", true, ""},
	{"går ut", false, ""},
	{"gyldig", true, ""},
	{"udløber", false, ""},
	{"utløper", false, ""},
	{"voimassa", false, ""},
	{"vanhenee", false, ""},
	{"действител", false, ""},
	{"истека", false, ""},
	{"одноразов", false, ""},
	{"geçerli", false, ""},
	{"süresi", false, ""},
	{"有効", false, ""},
	{"有效", false, ""},
	{"一次", false, ""},
	{"一回限り", false, ""},
	{"유효", false, ""},
	{"만료", false, ""},
}

// maxCueRest bounds how far a cue reaches past its first word, in bytes: 40 characters of
// up to four bytes and a word. The rest of a cue is read in a window this long, so a cue can
// never end at the window's edge, where \b would see no next byte.
const maxCueRest = 256

// cueStart is a compiled entry of cueStarts.
type cueStart struct {
	word  string
	bound bool
	rest  *regexp.Regexp // the word and its rest, anchored; nil: the word alone is the cue
}

// cueTable lists the cue starts by their first byte: those that must start a word, read
// only where a word starts, and the others, read at every byte.
type cueTable struct {
	bound, free [256][]cueStart
	starts      [256]uint8 // freeStart and boundStart bits: which lists a byte has
}

const (
	freeStart = 1 << iota
	boundStart
)

var cues = sync.OnceValue(func() *cueTable {
	t := &cueTable{}
	for _, c := range cueStarts {
		s := cueStart{word: c.word, bound: c.bound}
		if c.rest != "" {
			// The word is matched again, so that a \b right after it sees its last byte.
			s.rest = regexp.MustCompile(`^` + regexp.QuoteMeta(c.word) + `(?:` + c.rest + `)`)
		}
		b := c.word[0]
		if c.bound {
			t.bound[b] = append(t.bound[b], s)
			t.starts[b] |= boundStart
		} else {
			t.free[b] = append(t.free[b], s)
			t.starts[b] |= freeStart
		}
	}
	return t
})

// maxCueChecks bounds how many cue starts OneTimeCue reads the rest of, one at a time,
// before it reads the whole text with one expression instead: a text made of "link link
// link…" costs no more than that expression.
const maxCueChecks = 512

// OneTimeCue reports whether text says that a link expires, is valid for a while, works once,
// or is a sign-in link: what Link.OneTime records for a message.
func OneTimeCue(text string) bool {
	lower := strings.ToLower(text)
	t := cues()
	checks := 0
	for i := 0; i < len(lower); i++ {
		c := lower[i]
		f := t.starts[c]
		if f == 0 {
			continue
		}
		var found, ok bool
		if f&freeStart != 0 {
			found, ok = t.at(t.free[c], lower, i, &checks)
		}
		if !ok && f&boundStart != 0 && (i == 0 || !isWordByte(lower[i-1])) {
			found, ok = t.at(t.bound[c], lower, i, &checks)
		}
		if ok {
			return found
		}
	}
	return false
}

// at reads the cue starts of starts at text[i]. It answers (true, true) when a cue stands
// there, and (the whole text's answer, true) once more than maxCueChecks cue starts were
// read further; (false, false) otherwise.
func (t *cueTable) at(starts []cueStart, text string, i int, checks *int) (found, ok bool) {
	for _, s := range starts {
		if !strings.HasPrefix(text[i:], s.word) {
			continue
		}
		if s.rest == nil {
			return true, true
		}
		if *checks++; *checks > maxCueChecks {
			return oneTimeCue().MatchString(text), true
		}
		if s.rest.MatchString(text[i:min(len(text), i+len(s.word)+maxCueRest)]) {
			return true, true
		}
	}
	return false, false
}

// isWordByte reports whether c is an ASCII word character, as \b reads them.
func isWordByte(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// oneTimeCue is the same cues as one expression: the reference the table is tested against,
// and the way a text full of cue starts that go nowhere is read.
var oneTimeCue = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(
		`\bexpir|\bvalid (?:for|until|only)|\b(?:only|can) be used once|\bone[- ]time\b|\bsingle[- ]use\b|` +
			`\b(?:magic|sign[- ]?in|log[- ]?in|login|access|verification|confirmation|activation) (?:link|url)\b|` +
			`\b(?:link|button)(?: below)? to (?:sign|log) ?in\b|\byou (?:requested|asked for|asked to)\b|` +
			`\b(?:link|button|schaltfläche).{0,40}\b(?:anmelden|anzumelden|einloggen|einzuloggen)|\b(?:lien|bouton).{0,40}\bconnect|` +
			`\b(?:enlace|botón).{0,40}\b(?:iniciar sesión|acceder|entrar)\b|\b(?:link|botão).{0,40}\b(?:entrar|acessar)\b|` +
			`\b(?:link|pulsante).{0,40}\baccedere\b|\b(?:link|knop).{0,40}\b(?:inloggen|aanmelden)\b|` +
			`gültig|läuft .{0,20}\bab\b|\beinmal|\bvalable|une seule fois|usage unique|` +
			`\bcaduca|\bexpira|\bvence\b|\bvencerá|\bválid|una sola vez|un solo uso|uma única vez|uso único|` +
			`\bscade|\bvalid[oa]\b|una sola volta|\bverloopt|\bgeldig|\beenmalig|` +
			`wygaśnie|\bważn|jednorazow|\bgiltig|går ut|\bgyldig|udløber|utløper|voimassa|vanhenee|` +
			`действител|истека|одноразов|geçerli|süresi|` +
			`有効|有效|一次|一回限り|유효|만료`)
})
