package inbox_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/examples/inbox/internal/pgtest"
	"github.com/otpkit/otpkit/examples/inbox/storetest"
)

func TestMemoryStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (inbox.Store, inbox.Store) {
		s := inbox.NewMemoryStore()
		t.Cleanup(func() { s.Close() })
		return s, s
	})
}

// TestSQLiteStore opens the file twice, as two processes sharing it would.
func TestSQLiteStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) (inbox.Store, inbox.Store) {
		path := filepath.Join(t.TempDir(), "codes.db")
		return open(t, path), open(t, path)
	})
}

// TestPostgresStore opens two connection pools on one database: two inbox replicas.
func TestPostgresStore(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	c := pgtest.Start(t)
	storetest.Run(t, func(t *testing.T) (inbox.Store, inbox.Store) {
		url := c.NewDatabase(t)
		return open(t, url), open(t, url)
	})
}

func open(t *testing.T, db string) inbox.Store {
	t.Helper()
	s, err := inbox.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}
