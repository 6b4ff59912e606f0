package inbox

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"time"

	_ "modernc.org/sqlite" // the pure Go driver: no cgo, nothing to install
)

// SQLiteStore keeps codes in one SQLite file, created on first use. It is the server's
// default: codes survive a restart with no database to set up.
type SQLiteStore struct{ db *sql.DB }

// sqliteSchema is idempotent, so every start may run it.
const sqliteSchema = `
CREATE TABLE IF NOT EXISTS totp_codes (
	totp_code_id    TEXT PRIMARY KEY,
	organization_id TEXT NOT NULL,
	totp_identifier TEXT NOT NULL,
	task_id         TEXT NOT NULL DEFAULT '',
	workflow_id     TEXT NOT NULL DEFAULT '',
	workflow_run_id TEXT NOT NULL DEFAULT '',
	source          TEXT NOT NULL DEFAULT '',
	content         TEXT NOT NULL,
	code            TEXT NOT NULL,
	type            TEXT NOT NULL DEFAULT '',
	otp_type        TEXT NOT NULL DEFAULT '',
	expired_at      INTEGER,          -- Unix microseconds, as pushed
	expires_at      INTEGER NOT NULL, -- Unix microseconds
	created_at      INTEGER NOT NULL,
	modified_at     INTEGER NOT NULL,
	handed_out_at   INTEGER
);
CREATE INDEX IF NOT EXISTS totp_codes_waiting ON totp_codes (organization_id, totp_identifier, created_at)
	WHERE handed_out_at IS NULL;
CREATE INDEX IF NOT EXISTS totp_codes_task ON totp_codes (organization_id, task_id)
	WHERE handed_out_at IS NULL;
CREATE INDEX IF NOT EXISTS totp_codes_expiry ON totp_codes (expires_at);
`

// sqliteTimes stores times as Unix microseconds, the precision PostgreSQL keeps too.
var sqliteTimes = timeColumns[int64]{
	to:   func(t time.Time) int64 { return t.UnixMicro() },
	from: func(v int64) time.Time { return time.UnixMicro(v).UTC() },
}

// OpenSQLite opens (creating if needed) the SQLite database in file path.
func OpenSQLite(ctx context.Context, path string) (*SQLiteStore, error) {
	// Immediate transactions take the write lock up front, so two processes that claim at
	// once queue on busy_timeout instead of failing on a lock upgrade. synchronous(FULL)
	// makes a commit survive a power cut too: a mail is acknowledged only after it.
	dsn := "file:" + (&url.URL{Path: path}).EscapedPath() +
		"?_pragma=busy_timeout(5000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("inbox: open sqlite %s: %w", path, err)
	}
	// One connection serializes this process's writers without lock errors; reads are
	// tiny, so nothing waits long.
	db.SetMaxOpenConns(1)
	if _, err := db.ExecContext(ctx, sqliteSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("inbox: create sqlite schema in %s: %w", path, err)
	}
	return &SQLiteStore{db: db}, nil
}

// Add stores c.
func (s *SQLiteStore) Add(ctx context.Context, c Code) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO totp_codes (`+codeColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, codeValues(c, sqliteTimes)...)
	if err != nil {
		return fmt.Errorf("inbox: sqlite add: %w", err)
	}
	return nil
}

// Claim hands out codes inside one immediate transaction, which holds SQLite's write lock.
func (s *SQLiteStore) Claim(ctx context.Context, q Query, accept func(*Code) bool) ([]Code, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("inbox: sqlite claim: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT `+codeColumns+` FROM totp_codes
		WHERE organization_id = ? AND handed_out_at IS NULL
		AND (? = '' OR totp_identifier = ?) AND (? = '' OR task_id = ?)
		AND created_at > ? AND expires_at > ?
		ORDER BY created_at DESC, totp_code_id DESC LIMIT ?`,
		q.OrganizationID, q.Identifier, q.Identifier, q.TaskID, q.TaskID,
		sqliteTimes.to(q.After), sqliteTimes.to(q.Now), scanLimit)
	if err != nil {
		return nil, fmt.Errorf("inbox: sqlite claim: %w", err)
	}
	var cands []Code
	for rows.Next() {
		c, err := scanCode(rows, sqliteTimes)
		if err != nil {
			rows.Close()
			return nil, fmt.Errorf("inbox: sqlite claim: %w", err)
		}
		cands = append(cands, c)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("inbox: sqlite claim: %w", err)
	}
	out := takeAccepted(cands, q, accept)
	for _, c := range out {
		_, err := tx.ExecContext(ctx, `UPDATE totp_codes SET code = ?, otp_type = ?, modified_at = ?,
			handed_out_at = ? WHERE totp_code_id = ?`, c.Code, string(c.OTPType),
			sqliteTimes.to(c.ModifiedAt), sqliteTimes.to(q.Now), c.ID)
		if err != nil {
			return nil, fmt.Errorf("inbox: sqlite claim: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("inbox: sqlite claim: %w", err)
	}
	return out, nil
}

// takeAccepted runs accept over the candidates, newest first, and returns up to q's limit of
// the accepted ones, marked as handed out at q.Now.
func takeAccepted(cands []Code, q Query, accept func(*Code) bool) []Code {
	var out []Code
	for i := range cands {
		if len(out) == q.limit() {
			break
		}
		c := cands[i]
		if !accept(&c) {
			continue
		}
		now := q.Now
		c.HandedOutAt = &now
		out = append(out, c)
	}
	return out
}

// Purge deletes expired codes.
func (s *SQLiteStore) Purge(ctx context.Context, now time.Time) (int, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM totp_codes WHERE expires_at <= ?`, sqliteTimes.to(now))
	if err != nil {
		return 0, fmt.Errorf("inbox: sqlite purge: %w", err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// Ping checks the database file can be read.
func (s *SQLiteStore) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// Close closes the database.
func (s *SQLiteStore) Close() error { return s.db.Close() }
