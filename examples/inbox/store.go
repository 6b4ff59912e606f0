package inbox

import (
	"context"
	"errors"
	"time"
)

// Store keeps codes. Implementations: [NewMemoryStore], [OpenSQLite], [OpenPostgres]; all of
// them pass the suite in package storetest.
type Store interface {
	// Add stores a new code. Its ID is new.
	Add(ctx context.Context, c Code) error
	// Claim hands out waiting codes that match q, newest first, each one once: a code that
	// one Claim returns, no other Claim returns, even in another process sharing the store.
	// accept sees each candidate and says whether to take it; it may change Code, OTPType
	// and ModifiedAt, and the store keeps those changes with the hand-out.
	Claim(ctx context.Context, q Query, accept func(*Code) bool) ([]Code, error)
	// Purge deletes the codes that expired at or before now and says how many.
	Purge(ctx context.Context, now time.Time) (int, error)
	// Ping reports whether the store can be reached.
	Ping(ctx context.Context) error
	// Close releases the store.
	Close() error
}

// Query selects the codes a claim may take.
type Query struct {
	OrganizationID string
	Identifier     string    // codes sent to this identifier; "" for any
	TaskID         string    // codes pushed for this task; "" for any
	After          time.Time // only codes created after this; zero for any
	Now            time.Time // codes that expire at or before Now are not handed out
	Limit          int       // at most this many codes; 0 means one
}

// scanLimit bounds the rows one claim looks at, so that a flood of unreadable content under
// one identifier cannot make a claim slow.
const scanLimit = 200

// limit is the number of codes a query takes.
func (q Query) limit() int {
	if q.Limit <= 0 {
		return 1
	}
	return q.Limit
}

// ErrClosed is returned by a store used after Close.
var ErrClosed = errors.New("inbox: store closed")
