package extract

import (
	"errors"
	"fmt"
	"math/bits"
	"strings"

	"github.com/otpkit/otpkit/extract/internal/rawmail"
	"github.com/otpkit/otpkit/magiclink"
)

// ErrMailLimit: a whole email whose MIME structure is over the bounds Extract keeps (nesting,
// part count, decoded size): a MIME bomb. It matches ErrTooLarge too.
var ErrMailLimit = fmt.Errorf("%w: email over the MIME limits", ErrTooLarge)

// knownFields are header fields that mark a whole email. Two of them at the start of the
// content, in a block of header lines, are needed to read it as one.
var knownFields = [...]string{
	"From", "To", "Cc", "Subject", "Date", "Received", "MIME-Version", "Content-Type",
	"Content-Transfer-Encoding", "Message-ID", "Return-Path", "DKIM-Signature", "Delivered-To",
	"Reply-To", "Sender", "Authentication-Results", "List-Unsubscribe", "ARC-Seal", "X-Mailer",
	"In-Reply-To", "References",
}

// looksLikeEmail reports whether content starts with an RFC 5322 header block: only header
// fields (and their folded lines) up to a blank line or the end, at least two of them fields
// every email has. "Code: 482913" or an HTML page is not a header block.
func looksLikeEmail(content string) bool {
	s := strings.TrimLeft(content, "\r\n") // blank lines some pipes write before the header
	if strings.HasPrefix(s, "From ") {     // an mbox separator line
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			s = s[i+1:]
		}
	}
	var known uint32 // a bit per known field seen
	for n := 0; s != "" && n < 1000; n++ {
		line := s
		if i := strings.IndexByte(s, '\n'); i >= 0 {
			line, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		line = strings.TrimSuffix(line, "\r")
		switch {
		case line == "":
			return bits.OnesCount32(known) >= 2
		case line[0] == ' ' || line[0] == '\t':
			if n == 0 {
				return false
			}
			continue
		}
		name, _, ok := strings.Cut(line, ":")
		if !ok || name == "" || strings.ContainsAny(name, " \t") || !isASCIIPrintable(name) {
			return false
		}
		for i, f := range knownFields {
			if strings.EqualFold(name, f) {
				known |= 1 << i
				break
			}
		}
	}
	return s == "" && bits.OnesCount32(known) >= 2 // a header block without a body
}

func isASCIIPrintable(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] > '~' {
			return false
		}
	}
	return true
}

// email is a whole email read for the rules: its message, and who sent it.
type email struct {
	*message
	sender *Sender
	// alt is the plain-text alternative of an HTML message, with its subject, for when the
	// HTML part gives no answer; "" when there is none.
	alt, subject string
	maxLinks     int // Options.MaxCandidates, for reading the alternative
}

// alternative reads the plain-text alternative.
func (e *email) alternative() *message {
	return withSubject(read(e.alt, FormatText, e.maxLinks), e.subject)
}

// extractEmail is Extract for a whole email.
func extractEmail(content string, opts Options) (Result, error) {
	res := Result{Format: FormatEmail}
	mail, err := readEmail(content, opts)
	if err != nil {
		return res, err
	}
	res.Sender = mail.sender
	if opts.SenderDomain == "" && mail.sender != nil {
		opts.SenderDomain = mail.sender.Domain
	}
	res, err = decide(mail.message, opts, res)
	if !errors.Is(err, ErrNotFound) || mail.alt == "" {
		return res, err
	}
	// The HTML part gives no answer (a code drawn as an image, a layout that parts it from
	// its words): the plain-text part is the same message written for clients without HTML,
	// a second witness. Read only then, so that nothing is counted twice.
	alt, altErr := decide(mail.alternative(), opts, Result{Format: FormatEmail, Sender: mail.sender})
	if altErr != nil {
		return res, err
	}
	return alt, nil
}

// emailText is Text for a whole email: the text of its message, and of its plain-text
// alternative when it has one.
func emailText(content string, opts Options) (string, error) {
	mail, err := readEmail(content, opts)
	if err != nil {
		return "", err
	}
	if mail.alt != "" {
		return mail.text + "\n\n" + mail.alternative().text, nil
	}
	return mail.text, nil
}

// readEmail reads a whole email: the subject, then the HTML body (or the plain-text one
// when there is no HTML), or, for a forward, the original message's. The plain-text
// alternative of an HTML body is kept aside, unread. opts.MaxBytes bounds the decoding as it
// bounds the content.
func readEmail(content string, opts Options) (*email, error) {
	mail, err := rawmail.Parse(content, rawmail.DefaultLimits(opts.MaxBytes))
	switch {
	case errors.Is(err, rawmail.ErrLimit):
		return nil, fmt.Errorf("%w: %v", ErrMailLimit, err)
	case err != nil:
		// No header block after all: read it as the text it is.
		return &email{message: read(strings.ToValidUTF8(content, "\uFFFD"), FormatText, opts.MaxCandidates)}, nil
	}
	subject := mail.Subject
	if f := mail.Forward; f != nil && f.Subject != "" {
		subject = f.Subject // attached whole: the original's, not "Fw: …"
	}
	subject = strings.ToValidUTF8(subject, "\uFFFD")
	var m *message
	alt := ""
	if html := strings.ToValidUTF8(mail.HTML, "\uFFFD"); strings.TrimSpace(html) != "" {
		m = read(html, FormatHTML, opts.MaxCandidates)
		if strings.TrimSpace(mail.Text) != "" {
			alt = strings.ToValidUTF8(mail.Text, "\uFFFD")
		}
	} else {
		// No HTML part; a text one may still be HTML that its sender did not label.
		text := strings.ToValidUTF8(mail.Text, "\uFFFD")
		m = read(text, detect(text, Options{}), opts.MaxCandidates)
	}
	m = withSubject(m, subject)

	s := &Sender{Domain: mail.FromDomain, SPF: mail.Auth.SPF, DKIM: mail.Auth.DKIM, DMARC: mail.Auth.DMARC}
	if f := mail.Forward; f != nil {
		// The code is the original sender's; so is the domain. The verdicts are those the
		// original's own header recorded, if it came whole; the forwarder's say nothing of it.
		s = &Sender{Domain: f.FromDomain, SPF: f.Auth.SPF, DKIM: f.Auth.DKIM, DMARC: f.Auth.DMARC}
	}
	s.Domain = strings.ToValidUTF8(s.Domain, "")
	if *s == (Sender{}) {
		s = nil
	}
	return &email{message: m, sender: s, alt: alt, subject: subject, maxLinks: opts.MaxCandidates}, nil
}

// withSubject puts the subject before m's text, as its first line and a blank one, so that
// the rules read it as they read the body: a code standing only in the subject is found, and
// one written in both is seen twice.
func withSubject(m *message, subject string) *message {
	subject = strings.Join(strings.Fields(subject), " ")
	subject, _ = normalize(subject)
	if subject == "" {
		return m
	}
	head := subject + "\n\n"
	d := len(head)
	out := *m // whatever else the message holds stays
	out.text, out.emphasis, out.urls = head+m.text, nil, nil
	out.subjectEnd = len(subject)
	for _, sp := range m.emphasis {
		sp.Start, sp.End = sp.Start+d, sp.End+d
		out.emphasis = append(out.emphasis, sp)
	}
	var links []link
	for _, f := range magiclink.FindInText(subject) {
		out.urls = append(out.urls, [2]int{f.Start, f.End})
		before, after := sentence(subject, f.Start, f.End)
		links = append(links, link{Link: magiclink.Link{URL: f.URL, Plain: true, Before: before, After: after, Invisible: f.Invisible}, start: f.Start, end: f.End})
	}
	for _, u := range m.urls {
		out.urls = append(out.urls, [2]int{u[0] + d, u[1] + d})
	}
	for _, l := range m.links {
		l.start, l.end = l.start+d, l.end+d
		links = append(links, l)
	}
	out.links = links
	out.bidi = bidiRanges(out.text)
	if out.origin.host != "" {
		out.origin.start, out.origin.end = out.origin.start+d, out.origin.end+d
	}
	return &out
}
