package inbox

import (
	"context"
	"sort"
	"sync"
	"time"
)

// MemoryStore keeps codes in memory, for tests and for a server run with -db :memory:.
// Nothing survives the process.
type MemoryStore struct {
	mu     sync.Mutex
	codes  map[string]*Code
	closed bool
}

// NewMemoryStore returns an empty store.
func NewMemoryStore() *MemoryStore { return &MemoryStore{codes: map[string]*Code{}} }

// Add stores c.
func (m *MemoryStore) Add(_ context.Context, c Code) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	m.codes[c.ID] = &c
	return nil
}

// Claim hands out matching codes under one lock, which makes each hand-out once.
func (m *MemoryStore) Claim(_ context.Context, q Query, accept func(*Code) bool) ([]Code, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return nil, ErrClosed
	}
	var cands []*Code
	for _, c := range m.codes {
		if matches(c, q) {
			cands = append(cands, c)
		}
	}
	sort.Slice(cands, func(i, j int) bool { return newer(cands[i], cands[j]) })
	if len(cands) > scanLimit {
		cands = cands[:scanLimit]
	}
	var out []Code
	for _, c := range cands {
		if len(out) == q.limit() {
			break
		}
		cp := *c
		if !accept(&cp) {
			continue
		}
		now := q.Now
		cp.HandedOutAt = &now
		*c = cp
		out = append(out, cp)
	}
	return out, nil
}

// matches reports whether c may be claimed by q.
func matches(c *Code, q Query) bool {
	return c.HandedOutAt == nil && c.OrganizationID == q.OrganizationID &&
		(q.Identifier == "" || c.Identifier == q.Identifier) &&
		(q.TaskID == "" || c.TaskID == q.TaskID) &&
		c.CreatedAt.After(q.After) && c.ExpiresAt.After(q.Now)
}

// newer orders codes newest first, as the SQL stores do.
func newer(a, b *Code) bool {
	if !a.CreatedAt.Equal(b.CreatedAt) {
		return a.CreatedAt.After(b.CreatedAt)
	}
	return a.ID > b.ID
}

// Purge deletes expired codes.
func (m *MemoryStore) Purge(_ context.Context, now time.Time) (int, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return 0, ErrClosed
	}
	n := 0
	for id, c := range m.codes {
		if !c.ExpiresAt.After(now) {
			delete(m.codes, id)
			n++
		}
	}
	return n, nil
}

// Ping fails only after Close.
func (m *MemoryStore) Ping(context.Context) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return ErrClosed
	}
	return nil
}

// Close empties the store.
func (m *MemoryStore) Close() error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.closed, m.codes = true, nil
	return nil
}
