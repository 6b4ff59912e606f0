package magiclink

import (
	"regexp"
	"strings"
	"sync"
)

// oneTimeCue matches what sign-in and verification messages say of their link and notices
// do not: that it expires, is valid for a while, works once, or is a sign-in link.
var oneTimeCue = sync.OnceValue(func() *regexp.Regexp {
	// Matched against lower-cased text: case-insensitive matching folds every rune of the
	// input at every state and costs several times more.
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

// OneTimeCue reports whether text says that a link expires, is valid for a while, works once,
// or is a sign-in link: what Link.OneTime records for a message.
func OneTimeCue(text string) bool {
	return oneTimeCue().MatchString(strings.ToLower(text))
}
