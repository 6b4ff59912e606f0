package inbox

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// PostgresStore keeps codes in PostgreSQL, for several inbox replicas behind one address.
// Hand-out-once is the database's: a claim locks the rows it reads with FOR UPDATE SKIP
// LOCKED, so a replica claiming at the same moment passes over them.
type PostgresStore struct{ pool *pgxpool.Pool }

// postgresSchema is idempotent; OpenPostgres runs it under an advisory lock, because two
// replicas creating the same table at once can otherwise collide in the catalog.
const postgresSchema = `
CREATE TABLE IF NOT EXISTS totp_codes (
	totp_code_id    text PRIMARY KEY,
	organization_id text NOT NULL,
	totp_identifier text NOT NULL,
	task_id         text NOT NULL DEFAULT '',
	workflow_id     text NOT NULL DEFAULT '',
	workflow_run_id text NOT NULL DEFAULT '',
	source          text NOT NULL DEFAULT '',
	content         text NOT NULL,
	code            text NOT NULL,
	type            text NOT NULL DEFAULT '',
	otp_type        text NOT NULL DEFAULT '',
	expired_at      timestamptz,
	expires_at      timestamptz NOT NULL,
	created_at      timestamptz NOT NULL,
	modified_at     timestamptz NOT NULL,
	handed_out_at   timestamptz
);
CREATE INDEX IF NOT EXISTS totp_codes_waiting ON totp_codes (organization_id, totp_identifier, created_at)
	WHERE handed_out_at IS NULL;
CREATE INDEX IF NOT EXISTS totp_codes_task ON totp_codes (organization_id, task_id)
	WHERE handed_out_at IS NULL;
CREATE INDEX IF NOT EXISTS totp_codes_expiry ON totp_codes (expires_at);
`

// schemaLockID is an arbitrary advisory-lock key that names otpkit's schema set-up.
const schemaLockID = 0x6f74706b6974 // "otpkit"

var postgresTimes = timeColumns[time.Time]{
	to:   func(t time.Time) time.Time { return t },
	from: func(t time.Time) time.Time { return t.UTC() },
}

// OpenPostgres connects to the database at url (postgres://user:pass@host/db?…) and creates
// the table if it is missing.
func OpenPostgres(ctx context.Context, url string) (*PostgresStore, error) {
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		return nil, fmt.Errorf("inbox: open postgres: %w", err)
	}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, int64(schemaLockID)); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, postgresSchema)
		return err
	})
	if err != nil {
		pool.Close()
		return nil, fmt.Errorf("inbox: create postgres schema: %w", err)
	}
	return &PostgresStore{pool: pool}, nil
}

// Add stores c.
func (s *PostgresStore) Add(ctx context.Context, c Code) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO totp_codes (`+codeColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
		codeValues(c, postgresTimes)...)
	if err != nil {
		return fmt.Errorf("inbox: postgres add: %w", err)
	}
	return nil
}

// Claim locks the waiting rows it reads, skipping rows another claim holds, and marks the
// accepted ones handed out in the same transaction.
func (s *PostgresStore) Claim(ctx context.Context, q Query, accept func(*Code) bool) ([]Code, error) {
	var out []Code
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		// Lock only as many rows as are still wanted, so that a claim for one code leaves
		// the others to claims running beside it; rows accept refuses stay locked (and
		// skipped by the next batch) until the transaction ends.
		seen := []string{} // not nil: ANY(NULL) matches nothing, and NOT of it neither
		for len(out) < q.limit() && len(seen) < scanLimit {
			rows, err := tx.Query(ctx, `SELECT `+codeColumns+` FROM totp_codes
				WHERE organization_id = $1 AND handed_out_at IS NULL
				AND ($2 = '' OR totp_identifier = $2) AND ($3 = '' OR task_id = $3)
				AND created_at > $4 AND expires_at > $5 AND NOT (totp_code_id = ANY($7))
				ORDER BY created_at DESC, totp_code_id DESC LIMIT $6
				FOR UPDATE SKIP LOCKED`,
				q.OrganizationID, q.Identifier, q.TaskID, q.After, q.Now, q.limit()-len(out), seen)
			if err != nil {
				return err
			}
			var cands []Code
			for rows.Next() {
				c, err := scanCode(rows, postgresTimes)
				if err != nil {
					rows.Close()
					return err
				}
				cands = append(cands, c)
				seen = append(seen, c.ID)
			}
			if rows.Close(); rows.Err() != nil {
				return rows.Err()
			}
			if len(cands) == 0 {
				break
			}
			out = append(out, takeAccepted(cands, Query{Now: q.Now, Limit: q.limit() - len(out)}, accept)...)
		}
		for _, c := range out {
			tag, err := tx.Exec(ctx, `UPDATE totp_codes SET code = $1, otp_type = $2, modified_at = $3,
				handed_out_at = $4 WHERE totp_code_id = $5 AND handed_out_at IS NULL`,
				c.Code, string(c.OTPType), c.ModifiedAt, q.Now, c.ID)
			if err != nil {
				return err
			}
			if tag.RowsAffected() != 1 { // cannot happen while the row is locked; never hand out twice
				return fmt.Errorf("code %s was taken meanwhile", c.ID)
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("inbox: postgres claim: %w", err)
	}
	return out, nil
}

// Purge deletes expired codes.
func (s *PostgresStore) Purge(ctx context.Context, now time.Time) (int, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM totp_codes WHERE expires_at <= $1`, now)
	if err != nil {
		return 0, fmt.Errorf("inbox: postgres purge: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// Ping checks the server answers.
func (s *PostgresStore) Ping(ctx context.Context) error { return s.pool.Ping(ctx) }

// Close closes the connection pool.
func (s *PostgresStore) Close() error { s.pool.Close(); return nil }
