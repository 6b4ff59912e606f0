package htmltext

import (
	"strconv"
	"strings"
)

// Document is the visible text of an HTML document, with its links and emphasized spans.
type Document struct {
	// Text is the visible text: one line per block, "\n" between lines,
	// table cells on one row separated by "\t" (never at the start of a
	// line), runs of spaces collapsed to one, no empty lines, no leading or
	// trailing spaces on a line. It is always valid UTF-8.
	Text string

	// Preview is the hidden preview text (a "preheader") that the inbox
	// shows beside the subject and the opened message does not: hidden
	// elements before any visible text, and elements whose class names a
	// preheader or preview text. It is normalized like Text, on one line,
	// and cut after about maxPreview bytes. It is not part of Text.
	Preview string

	// Links are the visible <a href> elements, in document order. Links
	// inside dropped or hidden content are left out, like their text.
	Links []Link

	// Emphasis are the emphasized spans of Text, sorted by Start (and, for
	// equal starts, outer spans first).
	Emphasis []Span
}

// Link is an <a href> element of a Document.
type Link struct {
	// Href is the href attribute with character references decoded and
	// surrounding ASCII whitespace trimmed, otherwise byte for byte as
	// written (it is not resolved, cleaned or validated).
	Href string

	// SafeRedirect is the data-saferedirecturl attribute Gmail's web client
	// writes beside the href (Google's redirector around the same link), as
	// decoded; "" when there is none.
	SafeRedirect string

	// Text is the visible anchor text, normalized like Document.Text. The
	// alt text of an <img> inside the link counts. It is always
	// Document.Text[Start:End].
	Text string

	// Button reports whether the link is styled as a button: a class or id
	// containing "btn" or "button", role="button", an inline background, or
	// padding together with a border, a border-radius or display:inline-block;
	// or a table cell around it, holding nothing else, with a background
	// color and a border-radius or padding (a "bulletproof" email button).
	Button bool

	// Start and End are the byte offsets of Text in Document.Text.
	// Start == End when the link has no visible text.
	Start, End int
}

// Span is an emphasized range of Document.Text.
type Span struct {
	// Start and End are byte offsets in Document.Text. The range is never
	// empty and never starts or ends with whitespace.
	Start, End int

	// Style is the effective style of the range: what the element that
	// produced the span declares, plus the emphasis it inherits from its
	// emphasized ancestors (less what it resets, such as font-weight:normal).
	Style Style
}

// Style is a set of emphasis kinds, as bits.
type Style uint8

// The emphasis kinds a Span can have.
const (
	// Bold is <b>, <strong>, or font-weight bold, bolder or 600 to 900.
	Bold Style = 1 << iota
	// Heading is <h1> to <h6>.
	Heading
	// Large is a font size of at least 20px, 15pt, 1.25em, 1.25rem or
	// 125%, the keywords x-large, xx-large and xxx-large, <big>, and
	// <font size> of 5 or more.
	Large
	// Spaced is a letter-spacing greater than zero, the way codes are
	// usually set.
	Spaced
	// Monospace is <code>, <kbd>, <samp>, <tt>, <pre>, or a font-family
	// naming a monospace font (monospace, Courier, Consolas, Menlo,
	// Monaco, or any "… Mono").
	Monospace
)

var styleNames = [...]string{"bold", "heading", "large", "spaced", "monospace"}

// String returns the names of the kinds in s joined by "|", such as
// "bold|large", or "none" for the empty set.
func (s Style) String() string {
	if s == 0 {
		return "none"
	}
	var sb strings.Builder
	for i, name := range styleNames {
		if s&(1<<i) == 0 {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteByte('|')
		}
		sb.WriteString(name)
	}
	if rest := s &^ (1<<len(styleNames) - 1); rest != 0 {
		if sb.Len() > 0 {
			sb.WriteByte('|')
		}
		sb.WriteString("0x")
		sb.WriteString(strconv.FormatUint(uint64(rest), 16))
	}
	return sb.String()
}
