// Package mailbridge brings email into an inbox: it reads a raw message, finds who it was
// for, and stores what it carries. It has two modes: an SMTP (or LMTP) listener that stores
// into the inbox directly ([NewServer]), and the pipe command cmd/mailpipe, which posts to a
// running inbox. Either way a store that is down is a temporary failure the sending server
// retries, so no mail is lost.
//
//	srv := mailbridge.NewServer(mailbridge.Config{Inbox: in, Org: "acme", Domains: []string{"inbox.acme.com"}})
//	srv.Addr = "127.0.0.1:2525"
//	srv.ListenAndServe()
package mailbridge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/emersion/go-smtp"
	"github.com/otpkit/otpkit/examples/inbox"
)

// Defaults of a Config's zero fields.
const (
	DefaultMaxMessageBytes = 16 << 20 // a mail with attachments is accepted; only its text is kept
	DefaultAttempts        = 4
	DefaultBackoff         = 250 * time.Millisecond
	// MaxContent bounds what is stored of one mail, the raw message or its decoded body:
	// codes stand near the top, and the push API refuses content over its limit.
	MaxContent = 512 << 10
)

// Config says what mail a bridge accepts and where it goes.
type Config struct {
	Inbox   *inbox.Inbox
	Org     string   // the organization the codes are stored for
	Domains []string // recipient domains accepted; none means any
	// Attempts and Backoff say how often and how patiently a failing store is retried
	// before the sending server is told to try later (451).
	Attempts int
	Backoff  time.Duration
	// MaxMessageBytes bounds one message; 0 means DefaultMaxMessageBytes.
	MaxMessageBytes int64
	Log             *slog.Logger // nil means slog.Default()
}

// NewServer returns an SMTP server for c, with timeouts and size limits set. Set its Addr
// (and LMTP, Network "unix" for an LMTP socket) and serve it.
func NewServer(c Config) *smtp.Server {
	if c.Attempts <= 0 {
		c.Attempts = DefaultAttempts
	}
	if c.Backoff <= 0 {
		c.Backoff = DefaultBackoff
	}
	if c.MaxMessageBytes <= 0 {
		c.MaxMessageBytes = DefaultMaxMessageBytes
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	s := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) { return &session{cfg: &c}, nil }))
	s.Domain = "otpkit-inbox"
	s.ReadTimeout = time.Minute
	s.WriteTimeout = time.Minute
	s.MaxMessageBytes = c.MaxMessageBytes
	s.MaxRecipients = 50
	s.ErrorLog = slogLogger{c.Log}
	return s
}

// session is one SMTP transaction at a time.
type session struct {
	cfg  *Config
	rcpt []string
}

func (s *session) Reset()                               { s.rcpt = nil }
func (s *session) Logout() error                        { return nil }
func (s *session) Mail(string, *smtp.MailOptions) error { return nil }

// Rcpt takes recipients in the configured domains and refuses others with 550 5.1.1.
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if !s.accepts(to) {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "No such mailbox here"}
	}
	s.rcpt = append(s.rcpt, to)
	return nil
}

// accepts reports whether the recipient's domain is one the bridge serves.
func (s *session) accepts(to string) bool {
	if len(s.cfg.Domains) == 0 {
		return true
	}
	_, domain, _ := strings.Cut(to, "@")
	for _, d := range s.cfg.Domains {
		if strings.EqualFold(domain, d) {
			return true
		}
	}
	return false
}

// Data stores the message for each recipient; if the store keeps failing, the answer is
// 451 and the sender keeps the message to try again.
func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	for _, to := range s.rcpt {
		if err := s.deliver(raw, to); err != nil {
			return err
		}
	}
	return nil
}

// LMTPData gives each recipient its own status, so that one failing store does not make
// the server retry recipients already stored.
func (s *session) LMTPData(r io.Reader, status smtp.StatusCollector) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	for _, to := range s.rcpt {
		status.SetStatus(to, s.deliver(raw, to))
	}
	return nil
}

// errTempFail is the answer for a store that stays down.
var errTempFail = &smtp.SMTPError{Code: 451, EnhancedCode: smtp.EnhancedCode{4, 3, 0}, Message: "Temporary storage failure, try again later"}

// deliver stores the message for one recipient.
func (s *session) deliver(raw []byte, rcpt string) error {
	p := Push(raw, rcpt)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var c inbox.Code
	err := Retry(ctx, s.cfg.Attempts, s.cfg.Backoff, func() error {
		var err error
		c, err = s.cfg.Inbox.Add(ctx, s.cfg.Org, p)
		if errors.Is(err, inbox.ErrNoCode) {
			return Permanent(err)
		}
		return err
	})
	switch {
	case errors.Is(err, inbox.ErrNoCode):
		s.cfg.Log.Info("mail", "record", "no code; not stored")
	case err != nil:
		s.cfg.Log.Error("mail", "err", err, "answer", 451)
		return errTempFail
	default:
		s.cfg.Log.Info("mail", "record", c.Status(), "otp_type", string(c.OTPType))
	}
	return nil
}

// Push turns a raw message delivered to envelope into what the inbox stores: the message,
// source "email", and the original recipient as identifier. The raw message itself is
// stored whenever it fits MaxContent and is valid UTF-8 (as quoted-printable and base64
// mail is): otpkit reads whole emails, so forwards, charsets, the subject and the sender's
// Authentication-Results verdicts come from its reader. A larger message, or one with 8-bit
// bytes that no store or JSON body keeps as they are, is stored as the body Parse decoded.
// A message whose headers cannot be read is stored whole.
func Push(raw []byte, envelope string) inbox.Push {
	msg, err := Parse(raw)
	p := inbox.Push{Source: "email", Identifier: msg.Recipient(envelope)}
	switch {
	case err != nil:
		p.Identifier, p.Content = address(envelope), string(raw)
	case storableRaw(raw):
		// otpkit finds the sender in the message, and for a forward the original's, which
		// a SenderDomain here would override.
		p.Content = string(raw)
	default:
		p.Content, p.SenderDomain = msg.Body, msg.SenderDomain
	}
	if strings.TrimSpace(p.Content) == "" {
		p.Content = string(bytes.TrimSpace(raw))
	}
	if len(p.Content) > MaxContent {
		p.Content = strings.ToValidUTF8(p.Content[:MaxContent], "") // a cut may split a character
	}
	if p.Identifier == "" {
		p.Identifier = "unknown"
	}
	return p
}

// storableRaw reports whether a raw message can be stored as it is: within MaxContent,
// valid UTF-8 and without NUL bytes, which text columns and JSON strings would alter.
func storableRaw(raw []byte) bool {
	return len(raw) <= MaxContent && utf8.Valid(raw) && bytes.IndexByte(raw, 0) < 0
}

// slogLogger passes go-smtp's connection errors to slog.
type slogLogger struct{ log *slog.Logger }

func (l slogLogger) Printf(format string, v ...any) {
	l.log.Warn("smtp", "err", fmt.Sprintf(format, v...))
}
func (l slogLogger) Println(v ...any) { l.log.Warn("smtp", "err", fmt.Sprint(v...)) }
