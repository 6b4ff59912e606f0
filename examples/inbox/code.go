package inbox

import (
	"time"

	"github.com/otpkit/otpkit/extract"
)

// The states of a stored code, as the push API reports them in "status".
const (
	// StatusParsed: a code or link was read from the content.
	StatusParsed = "parsed"
	// StatusRawPending: nothing was read yet; the content waits for a claim that forces a type.
	StatusRawPending = "raw_pending"
)

// Code is one stored message and what was read from it: a TOTPCode record of the push API.
// Optional text fields are empty when absent.
type Code struct {
	ID             string // "totp_…", sortable by arrival
	OrganizationID string
	Identifier     string // totp_identifier: the address or number the message was sent to
	TaskID         string
	WorkflowID     string
	WorkflowRunID  string
	Source         string // "email", "sms", "app", or what the client said
	Content        string // the message as received

	Code    string       // the code to type, or the link to open; "" while raw pending
	Type    extract.Type // the type the push forced, if any
	OTPType extract.Type // the type that was read; Auto ("") while raw pending

	ExpiredAt   *time.Time // the expiry the push gave, if any
	ExpiresAt   time.Time  // when the code stops being handed out: ExpiredAt, the message's own, or the default
	CreatedAt   time.Time
	ModifiedAt  time.Time
	HandedOutAt *time.Time // when a claim took it; nil while it waits
}

// Status is StatusParsed or StatusRawPending.
func (c *Code) Status() string {
	if c.OTPType == extract.Auto {
		return StatusRawPending
	}
	return StatusParsed
}
