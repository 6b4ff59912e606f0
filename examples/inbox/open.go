package inbox

import (
	"context"
	"strings"
)

// Open opens the store a -db flag names: ":memory:" for a [MemoryStore], a postgres:// or
// postgresql:// URL for a [PostgresStore], anything else a SQLite file path.
func Open(ctx context.Context, db string) (Store, error) {
	switch {
	case db == ":memory:":
		return NewMemoryStore(), nil
	case strings.HasPrefix(db, "postgres://"), strings.HasPrefix(db, "postgresql://"):
		return OpenPostgres(ctx, db)
	}
	return OpenSQLite(ctx, db)
}
