package inbox

import (
	"time"

	"github.com/otpkit/otpkit/extract"
)

// The column list both SQL stores read and write, in this order.
const codeColumns = `totp_code_id, organization_id, totp_identifier, task_id, workflow_id,
	workflow_run_id, source, content, code, type, otp_type, expired_at, expires_at, created_at,
	modified_at, handed_out_at`

// rowScanner is what database/sql and pgx rows have in common.
type rowScanner interface{ Scan(dest ...any) error }

// timeColumns converts between a Code's times and a store's column values.
type timeColumns[T any] struct {
	to   func(time.Time) T
	from func(T) time.Time
}

// scanCode reads one row of codeColumns. Times come back in UTC.
func scanCode[T any](r rowScanner, tc timeColumns[T]) (Code, error) {
	var (
		c                        Code
		typ, otpType             string
		expiredAt, handedOut     *T
		expires, created, modify T
	)
	err := r.Scan(&c.ID, &c.OrganizationID, &c.Identifier, &c.TaskID, &c.WorkflowID,
		&c.WorkflowRunID, &c.Source, &c.Content, &c.Code, &typ, &otpType, &expiredAt, &expires,
		&created, &modify, &handedOut)
	if err != nil {
		return c, err
	}
	c.Type, c.OTPType = extract.Type(typ), extract.Type(otpType)
	c.ExpiresAt, c.CreatedAt, c.ModifiedAt = tc.from(expires), tc.from(created), tc.from(modify)
	if expiredAt != nil {
		t := tc.from(*expiredAt)
		c.ExpiredAt = &t
	}
	if handedOut != nil {
		t := tc.from(*handedOut)
		c.HandedOutAt = &t
	}
	return c, nil
}

// codeValues gives c's values in the order of codeColumns.
func codeValues[T any](c Code, tc timeColumns[T]) []any {
	opt := func(t *time.Time) *T {
		if t == nil {
			return nil
		}
		v := tc.to(*t)
		return &v
	}
	return []any{c.ID, c.OrganizationID, c.Identifier, c.TaskID, c.WorkflowID,
		c.WorkflowRunID, c.Source, c.Content, c.Code, string(c.Type), string(c.OTPType),
		opt(c.ExpiredAt), tc.to(c.ExpiresAt), tc.to(c.CreatedAt), tc.to(c.ModifiedAt),
		opt(c.HandedOutAt)}
}
