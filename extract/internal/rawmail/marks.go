package rawmail

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markKind is how a mail client sets a forwarded message apart from the forwarder's note.
type markKind uint8

const (
	// intro: a line of its own, ending with a colon, above the quoted header block (Apple
	// Mail's "Begin forwarded message:").
	intro markKind = iota
	// title: words between runs of dashes (Gmail, Thunderbird, Yahoo). Any words between
	// five dashes or more are read as a title already; the list holds those written with
	// fewer dashes.
	title
	// block: the quoted header block itself, with no line above it (Outlook): the label of
	// its From line, and of the Sent line that follows it directly or one line further.
	block
)

// mark is one way a mail client, in one language, marks the start of a forwarded message.
type mark struct {
	kind        markKind
	label, sent string // sent: for a block, the Sent line's label
}

// marks are the forwarding marks of the mail clients people forward codes with, in the
// languages they are localized in, as the clients write them (Apple Mail's intro lines,
// Outlook's header labels, the titles written between fewer than five dashes). Every
// pattern that finds a forward is built from this list.
var marks = []mark{
	// Apple Mail (macOS, iOS)
	{intro, "Begin forwarded message", ""},
	{intro, "Anfang der weitergeleiteten Nachricht", ""},
	{intro, "Début du message réexpédié", ""},
	{intro, "Début du message transféré", ""},
	{intro, "Inicio del mensaje reenviado", ""},
	{intro, "Inizio messaggio inoltrato", ""},
	{intro, "Begin doorgestuurd bericht", ""},
	{intro, "Início da mensagem encaminhada", ""},
	{intro, "Início da mensagem reencaminhada", ""},
	{intro, "Początek przekazywanej wiadomości", ""},
	{intro, "Vidarebefordrat mejl", ""},
	{intro, "Start på videresendt besked", ""},
	{intro, "Videresendt melding", ""},
	{intro, "Välitetty viesti alkaa", ""},
	{intro, "Začátek přeposílané zprávy", ""},
	{intro, "Začiatok preposlanej správy", ""},
	{intro, "Továbbított levél kezdete", ""},
	{intro, "Începe mesajul redirecționat", ""},
	{intro, "Начало переадресованного сообщения", ""},
	{intro, "Початок листа, що пересилається", ""},
	{intro, "İleti başlangıcı", ""},
	{intro, "転送されたメッセージ", ""},

	// Thunderbird (pl) writes three dashes; the other clients' titles have five or more.
	{title, "Treść przekazanej wiadomości", ""},

	// Outlook (desktop, and Outlook on the web without its rule line), by language
	{block, "From", "Sent"},
	{block, "Von", "Gesendet"},
	{block, "De", "Envoyé"},
	{block, "De", "Enviado"},
	{block, "De", "Enviado el"},
	{block, "De", "Enviada"},
	{block, "Da", "Inviato"},
	{block, "Van", "Verzonden"},
	{block, "Od", "Wysłano"},
	{block, "Od", "Odesláno"},
	{block, "Od", "Odoslané"},
	{block, "Från", "Skickat"},
	{block, "Fra", "Sendt"},
	{block, "Lähettäjä", "Lähetetty"},
	{block, "Feladó", "Elküldve"},
	{block, "De la", "Trimis"},
	{block, "Kimden", "Gönderildi"},
	{block, "От", "Отправлено"},
	{block, "Від", "Надіслано"},
	{block, "差出人", "送信日時"},
	{block, "发件人", "发送时间"},
	{block, "寄件者", "寄件日期"},
	{block, "보낸 사람", "보낸 날짜"},
}

// labels returns the distinct labels of the marks of kind k (their sent labels when sent
// is set), quoted for a regular expression, longest first so that "Enviado el" is tried
// before "Enviado".
func labels(k markKind, sent bool) string {
	seen := map[string]bool{}
	var out []string
	for _, m := range marks {
		l := m.label
		if sent {
			l = m.sent
		}
		if m.kind != k || l == "" || seen[l] {
			continue
		}
		seen[l] = true
		out = append(out, regexp.QuoteMeta(l))
	}
	for i := 1; i < len(out); i++ { // insertion sort: a few dozen labels, once
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return strings.Join(out, "|")
}

// colon is the end of a label: a colon, full-width in CJK text, after optional spaces (French
// puts one, no-break or not, before it).
const colon = `(?:[ \t\x{a0}]|&nbsp;)*[:：]`

// The patterns built from marks. In text: a dashed title in any language (or one of the
// list's with fewer dashes), Outlook's underscore rule, "-----Original Message-----", an
// intro line; each must be followed by a quoted header block. Outlook's bare block is a From
// line and a Sent line. In HTML: the same titles and intros, and the block Outlook marks with
// divRplyFwdMsg or writes as <b>From:</b> … <b>Sent:</b>.
var (
	textMarker = regexp.MustCompile(`(?m)^[ \t>]*(?:-{5,}[ \t]*[^\s-][^\n]{0,60}?[ \t]*-{5,}|-{3,}[ \t]*(?:` + labels(title, false) + `)[ \t]*-{3,}|_{10,}|(?:` + labels(intro, false) + `)` + colon + `)[ \t]*\r?\n`)
	headerLike = regexp.MustCompile(`^[ \t>*]*\pL[\pL \t]{0,20}` + colon)
	outlookTxt = regexp.MustCompile(`(?m)^[ \t>*]*(?:` + labels(block, false) + `)` + colon + `[^\n]*\n(?:[^\n]*\n)?[ \t>*]*(?:` + labels(block, true) + `)` + colon)
	htmlMarker = regexp.MustCompile(`(?i)-{5,} ?[^<>\n-][^<>\n]{1,60}? ?-{5,}|-{3,} ?(?:` + labels(title, false) + `) ?-{3,}|(?:` + labels(intro, false) + `)` + colon + `|<div[^>]{0,80}\bid=["']?divRplyFwdMsg|<b[^>]{0,40}>(?:\s*<span[^>]{0,200}>)?\s*(?:` + labels(block, false) + `)` + colon + `\s*(?:</span>\s*)?</b>`)
	// htmlSent is the Sent label that follows Outlook's bold From label in HTML.
	htmlSent = regexp.MustCompile(`(?:` + labels(block, true) + `)` + colon)
	// fromLabel finds the From line of a quoted header block: the block labels, and those
	// of Gmail and Thunderbird that Outlook does not use.
	fromLabel = regexp.MustCompile(`(?:^|[^\pL\pN])(?:(?i:From)|` + labels(block, false) + `|Mittente|Nadawca|Gönderen|Отправитель)` + colon)
)

// anchorWords maps the last word of every mark's label (of every intro, title and block
// From and Sent label) to true: a colon after one of them is where a mark may be.
var anchorWords = func() map[string]bool {
	w := map[string]bool{}
	for _, m := range marks {
		for _, l := range []string{m.label, m.sent} {
			if f := strings.Fields(l); len(f) > 0 {
				w[strings.ToLower(f[len(f)-1])] = true
			}
		}
	}
	return w
}()

// firstLabel returns the offset of the first colon in s that ends a mark's label, or -1. It
// is one pass over the colons: the label's last word is looked up, not matched against every
// mark.
func firstLabel(s string) int {
	const wide = "\uff1a" // the full-width colon
	ascii, full := strings.IndexByte(s, ':'), strings.Index(s, wide)
	for ascii >= 0 || full >= 0 {
		at, size := ascii, 1
		if ascii < 0 || full >= 0 && full < ascii {
			at, size = full, len(wide)
		}
		if anchorWords[strings.ToLower(wordBefore(s[:at]))] {
			return at
		}
		if size == 1 {
			ascii = nextFrom(s, at+1, ":")
		} else {
			full = nextFrom(s, at+size, wide)
		}
	}
	return -1
}

// nextFrom returns the offset of sep in s from i on, or -1.
func nextFrom(s string, i int, sep string) int {
	if j := strings.Index(s[i:], sep); j >= 0 {
		return i + j
	}
	return -1
}

// wordBefore returns the run of letters (at most 40 bytes) that ends s, past trailing spaces
// and "&nbsp;".
func wordBefore(s string) string {
	for {
		t := strings.TrimSuffix(strings.TrimRight(s, " \t\u00a0"), "&nbsp;")
		if t == s {
			break
		}
		s = t
	}
	start := len(s)
	for start > 0 && len(s)-start < 40 {
		r, size := utf8.DecodeLastRuneInString(s[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= size
	}
	return s[start:]
}
