package inbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/otpkit/otpkit/extract"
)

// DefaultTTL is how long a code is handed out when neither the push nor the message says.
const DefaultTTL = 10 * time.Minute

// ErrNoCode is returned by Add, when Inbox.RejectUnread is set, for content in which
// nothing was found.
var ErrNoCode = errors.New("inbox: no one-time code or sign-in link found in content")

// Inbox stores what messages carry and hands it out. Its fields may be set before first use.
type Inbox struct {
	Store Store
	// TTL is the default lifetime of a code; 0 means DefaultTTL.
	TTL time.Duration
	// RejectUnread makes Add refuse content in which nothing is found, instead of keeping it
	// as raw pending.
	RejectUnread bool
	// Now tells the time; nil means time.Now. Tests set it.
	Now func() time.Time
}

// New returns an inbox over s with the defaults.
func New(s Store) *Inbox { return &Inbox{Store: s} }

// Push is a message to store: the push API's TOTPCodeCreate. Empty strings are absent.
type Push struct {
	Identifier    string // required: who the message was sent to
	Content       string // required: the message
	TaskID        string
	WorkflowID    string
	WorkflowRunID string
	Source        string
	ExpiredAt     *time.Time   // when the code expires, if the sender knows
	Type          extract.Type // force the type to read
	// SenderDomain is the domain a mail came from, a hint for links; the push API has no
	// such field, the mail bridge fills it.
	SenderDomain string
}

// now is the inbox's clock, at the microsecond precision the stores keep.
func (in *Inbox) now() time.Time {
	now := time.Now
	if in.Now != nil {
		now = in.Now
	}
	return now().UTC().Truncate(time.Microsecond)
}

// Add reads p's content and stores it for org. The returned Code is what was stored; its
// Status is StatusRawPending when nothing was found.
func (in *Inbox) Add(ctx context.Context, org string, p Push) (Code, error) {
	now := in.now()
	r := read(p.Content, p.Type, p.Source, p.SenderDomain)
	if r.otpType == extract.Auto && in.RejectUnread {
		return Code{}, ErrNoCode
	}
	c := Code{
		ID: newID(now), OrganizationID: org, Identifier: NormalizeIdentifier(p.Identifier),
		TaskID: p.TaskID, WorkflowID: p.WorkflowID, WorkflowRunID: p.WorkflowRunID,
		Source: p.Source, Content: p.Content, Code: r.code, Type: p.Type, OTPType: r.otpType,
		CreatedAt: now, ModifiedAt: now,
	}
	switch {
	case p.ExpiredAt != nil:
		t := p.ExpiredAt.UTC().Truncate(time.Microsecond)
		c.ExpiredAt, c.ExpiresAt = &t, t
	case r.expiresIn > 0:
		c.ExpiresAt = now.Add(r.expiresIn)
	default:
		c.ExpiresAt = now.Add(in.ttl())
	}
	if err := in.Store.Add(ctx, c); err != nil {
		return Code{}, err
	}
	return c, nil
}

func (in *Inbox) ttl() time.Duration {
	if in.TTL > 0 {
		return in.TTL
	}
	return DefaultTTL
}

// Ask says which codes a claim wants.
type Ask struct {
	Identifier string       // codes sent to this identifier
	TaskID     string       // or codes pushed for this task
	After      time.Time    // only codes that arrived after this; zero for any
	Type       extract.Type // the type needed; Auto for whatever was read
	Limit      int          // at most this many, newest first; 0 means one
}

// Claim hands out org's waiting codes that a asks for, newest first, each once. A code read
// as another type than a.Type, or raw pending, is read again with a.Type forced — the type a
// task needs is known only when it asks — and handed out only if that finds one.
func (in *Inbox) Claim(ctx context.Context, org string, a Ask) ([]Code, error) {
	now := in.now()
	q := Query{OrganizationID: org, Identifier: NormalizeIdentifier(a.Identifier), TaskID: a.TaskID,
		After: a.After, Now: now, Limit: a.Limit}
	return in.Store.Claim(ctx, q, func(c *Code) bool {
		if c.OTPType != extract.Auto && (a.Type == extract.Auto || c.OTPType == a.Type) {
			return true
		}
		r := read(c.Content, a.Type, c.Source, "")
		if r.otpType == extract.Auto {
			return false
		}
		c.Code, c.OTPType, c.ModifiedAt = r.code, r.otpType, now
		return true
	})
}

// Purge deletes the codes that have expired.
func (in *Inbox) Purge(ctx context.Context) (int, error) { return in.Store.Purge(ctx, in.now()) }

// PurgeEvery purges expired codes every interval until ctx ends, logging failures to log.
func (in *Inbox) PurgeEvery(ctx context.Context, interval time.Duration, log *slog.Logger) {
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if n, err := in.Purge(ctx); err != nil && ctx.Err() == nil {
				log.Error("purge", "err", err)
			} else if n > 0 {
				log.Info("purge", "deleted", n)
			}
		}
	}
}

// NormalizeIdentifier makes the ways one recipient is written equal: it trims space,
// lower-cases an email address (mail systems treat the whole address as case-blind in
// practice), and strips the spaces, dashes, dots and parentheses of a phone number, so that
// "+1 (415) 555-0123" is "+14155550123", as an SMS provider writes it.
func NormalizeIdentifier(s string) string {
	s = strings.TrimSpace(s)
	if strings.Contains(s, "@") {
		return strings.ToLower(s)
	}
	if phone, ok := phoneNumber(s); ok {
		return phone
	}
	return s
}

// phoneNumber reads s as a phone number: an optional leading +, then at least six digits
// among spaces, dashes, dots and parentheses, and nothing else.
func phoneNumber(s string) (string, bool) {
	var b strings.Builder
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && i == 0:
			b.WriteRune(r)
		case strings.ContainsRune(" -.()", r):
		default:
			return "", false
		}
	}
	digits := len(strings.TrimPrefix(b.String(), "+"))
	return b.String(), digits >= 6
}

// newID makes a code ID that sorts by creation time: the microseconds, then randomness.
func newID(now time.Time) string {
	var b [5]byte
	rand.Read(b[:]) // never fails: since Go 1.24 crypto/rand crashes the program instead
	return fmt.Sprintf("totp_%014x%s", now.UnixMicro(), hex.EncodeToString(b[:]))
}
