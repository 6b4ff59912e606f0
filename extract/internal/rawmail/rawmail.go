// Package rawmail reads a whole RFC 5322 message the way a mail client shows it: the decoded
// subject, the sender's domain, the HTML and plain-text bodies in UTF-8, the original of a
// forwarded message, and the receiving server's Authentication-Results verdicts.
//
// It decodes with the standard library (net/mail, mime, mime/multipart,
// mime/quotedprintable, encoding/base64) and golang.org/x/net/html/charset; it holds no MIME
// or charset tables of its own. It verifies nothing over the network. Work and memory are
// bounded by Limits: a message over them is refused with a *LimitError, and malformed mail
// is read as far as it can be.
package rawmail

import (
	"errors"
	"fmt"
)

// Message is what a reader of a whole email needs.
type Message struct {
	Subject    string // RFC 2047 decoded
	FromDomain string // the From: address's domain, lower case; "" when it has none
	HTML       string // the HTML body in UTF-8, "" when there is none
	Text       string // the plain-text body in UTF-8, "" when there is none
	Auth       Verdicts
	// Forward is set when the message forwards another one: HTML and Text then hold the
	// original message (from the forwarding marker on), not the forwarder's note.
	Forward *Forward
}

// Forward describes the original of a forwarded message.
type Forward struct {
	Kind       string // "inline" (a forwarding marker in the body) or "attached" (message/rfc822)
	FromDomain string // the original sender's domain, when it can be read
	Subject    string // the original subject, when it can be read
	// Auth are the verdicts the original's own header recorded, when it was attached whole.
	Auth Verdicts
}

// Verdicts are the SPF, DKIM and DMARC results a receiving server wrote in
// Authentication-Results ("pass", "fail", "softfail", "none", …), "" when not reported.
type Verdicts struct {
	SPF, DKIM, DMARC string
}

// Limits bound the work spent on one message.
type Limits struct {
	MaxDecoded int // total bytes of decoded text bodies
	MaxDepth   int // nesting of multiparts and attached messages
	MaxParts   int // MIME parts in all
}

// DefaultLimits returns the limits for a message of at most maxInput bytes: decoded text may
// grow to twice the input (a charset decoder writes up to three bytes for one), nesting and
// part counts far above what mail clients write.
func DefaultLimits(maxInput int) Limits {
	return Limits{MaxDecoded: 2 * maxInput, MaxDepth: 16, MaxParts: 500}
}

// ErrNotMail: the content does not start with a header block.
var ErrNotMail = errors.New("rawmail: no header block")

// ErrLimit is matched (errors.Is) by every *LimitError.
var ErrLimit = errors.New("rawmail: message over a limit")

// LimitError reports a message refused because reading it would exceed one of the Limits.
type LimitError struct {
	What  string // "decoded size", "depth" or "parts"
	Limit int
}

// Error names the limit.
func (e *LimitError) Error() string {
	return fmt.Sprintf("rawmail: message over the %s limit of %d", e.What, e.Limit)
}

// Is makes errors.Is(err, ErrLimit) true.
func (e *LimitError) Is(target error) bool { return target == ErrLimit }
