package httpapi

import (
	"time"

	"github.com/otpkit/otpkit/examples/inbox"
)

// Record is a stored code as the API answers it: the schema's TOTPCode, plus "status"
// ("parsed", or "raw_pending" when nothing was read from the content yet). Optional fields
// are null when absent, as the reference service writes them.
type Record struct {
	TotpIdentifier string  `json:"totp_identifier"`
	Content        string  `json:"content"`
	TotpCodeID     string  `json:"totp_code_id"`
	Code           string  `json:"code"`
	OrganizationID string  `json:"organization_id"`
	CreatedAt      string  `json:"created_at"`
	ModifiedAt     string  `json:"modified_at"`
	TaskID         *string `json:"task_id"`
	WorkflowID     *string `json:"workflow_id"`
	WorkflowRunID  *string `json:"workflow_run_id"`
	Source         *string `json:"source"`
	// ExpiredAt is when the code stops being handed out: the pushed expired_at, or the
	// expiry the message states, or the server's default.
	ExpiredAt string  `json:"expired_at"`
	Type      *string `json:"type"`
	OTPType   *string `json:"otp_type"`
	Status    string  `json:"status"`
}

// record converts a stored code.
func record(c inbox.Code) Record {
	return Record{
		TotpIdentifier: c.Identifier, Content: c.Content, TotpCodeID: c.ID, Code: c.Code,
		OrganizationID: c.OrganizationID, CreatedAt: stamp(c.CreatedAt), ModifiedAt: stamp(c.ModifiedAt),
		TaskID: null(c.TaskID), WorkflowID: null(c.WorkflowID), WorkflowRunID: null(c.WorkflowRunID),
		Source: null(c.Source), ExpiredAt: stamp(c.ExpiresAt), Type: null(string(c.Type)),
		OTPType: null(string(c.OTPType)), Status: c.Status(),
	}
}

// stamp writes a time as RFC 3339 in UTC, with fractions only when there are some.
func stamp(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func null(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
