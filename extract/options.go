package extract

import (
	"fmt"

	"github.com/otpkit/otpkit/extract/internal/ruleoff"
)

// Type is the kind of answer, named as in the TOTP API's otp_type field.
type Type string

// The kinds of answer.
const (
	Auto      Type = ""           // in Options: either kind, whichever the message holds
	TOTP      Type = "totp"       // a one-time code to type
	MagicLink Type = "magic_link" // a sign-in or verification link to open
)

// Source says where a message came from. It is a hint: an SMS is never read as HTML; the
// other sources change nothing yet.
type Source string

// The sources the TOTP API names.
const (
	AnySource Source = ""
	SMS       Source = "sms"
	Email     Source = "email"
	App       Source = "app" // a push notification or an authenticator app's text
)

// Format is how a message is written.
type Format string

// The formats. FormatEmail is a whole RFC 5322 message, headers and MIME parts: FormatAuto
// detects it by its header block.
const (
	FormatAuto  Format = ""
	FormatText  Format = "text"
	FormatHTML  Format = "html"
	FormatEmail Format = "email"
)

// DefaultMaxBytes is the content size Extract accepts when Options.MaxBytes is zero: far
// above any real message body, low enough to bound time and memory.
const DefaultMaxBytes = 4 << 20

// DefaultMaxCandidates is how many candidate codes, and how many links, Extract weighs
// when Options.MaxCandidates is zero. Real messages hold a few dozen at most (the largest
// of the fixtures: 17 numbers, 21 links); the cap bounds the work a crafted message can
// ask for.
const DefaultMaxCandidates = 200

// MaxExplained is how many candidates Result.Candidates holds at most: the best ones.
const MaxExplained = 100

// Options says how to read a message. The zero value detects everything itself.
type Options struct {
	Type     Type   // force the kind of answer; Auto lets the message decide
	Source   Source // where the message came from, if known
	Format   Format // how it is written; FormatAuto detects a whole email, HTML or text
	MaxBytes int    // larger content is rejected with ErrTooLarge; 0 means DefaultMaxBytes

	// MaxCandidates caps the candidate codes weighed, and apart from them the links: the
	// first ones in the message count, what follows is not considered. 0 means
	// DefaultMaxCandidates.
	MaxCandidates int

	// SenderDomain is the domain the message came from ("acme.com"), when the caller knows
	// it; a whole email's From: fills it. Links are checked against it: see
	// Sender.LinkDomainMatch.
	SenderDomain string

	// off names the rules of evidence switched off, extract's and magiclink's: only the tests
	// set it, to show what each rule decides.
	off ruleoff.Set
}

// ParseType reads a type as the API writes it: "totp", "magic_link", or "" for Auto.
func ParseType(s string) (Type, error) {
	switch t := Type(s); t {
	case Auto, TOTP, MagicLink:
		return t, nil
	}
	return Auto, &OptionError{Option: "type", Value: s}
}

// ParseSource reads a source: "sms", "email", "app", or "".
func ParseSource(s string) (Source, error) {
	switch src := Source(s); src {
	case AnySource, SMS, Email, App:
		return src, nil
	}
	return AnySource, &OptionError{Option: "source", Value: s}
}

// ParseFormat reads a format: "auto" or "", "text", "html", "email".
func ParseFormat(s string) (Format, error) {
	if s == "auto" {
		return FormatAuto, nil
	}
	switch f := Format(s); f {
	case FormatAuto, FormatText, FormatHTML, FormatEmail:
		return f, nil
	}
	return FormatAuto, &OptionError{Option: "format", Value: s}
}

// check validates o and fills in defaults.
func (o Options) check() (Options, error) {
	var err error
	if o.Type, err = ParseType(string(o.Type)); err != nil {
		return o, err
	}
	if o.Source, err = ParseSource(string(o.Source)); err != nil {
		return o, err
	}
	if o.Format, err = ParseFormat(string(o.Format)); err != nil { // "auto" becomes FormatAuto
		return o, err
	}
	if o.MaxBytes < 0 {
		return o, &OptionError{Option: "MaxBytes", Value: fmt.Sprint(o.MaxBytes)}
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxCandidates < 0 {
		return o, &OptionError{Option: "MaxCandidates", Value: fmt.Sprint(o.MaxCandidates)}
	}
	if o.MaxCandidates == 0 {
		o.MaxCandidates = DefaultMaxCandidates
	}
	return o, nil
}
