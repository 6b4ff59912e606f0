// Package pgtest starts a throwaway PostgreSQL cluster for tests, from the initdb and pg_ctl
// of an installed PostgreSQL (Debian's postgresql package puts them under
// /usr/lib/postgresql/*/bin). Tests skip, saying so, when the binaries are absent.
//
//	c := pgtest.Start(t)
//	url := c.NewDatabase(t) // postgres://postgres@127.0.0.1:port/postgres?sslmode=disable&search_path=t1
package pgtest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Cluster is a running PostgreSQL server owned by one test binary.
type Cluster struct {
	port int
	n    atomic.Int64
}

// bin finds a PostgreSQL program on PATH or in Debian's versioned directories, newest first.
func bin(name string) (string, bool) {
	if p, err := exec.LookPath(name); err == nil {
		return p, true
	}
	found, _ := filepath.Glob("/usr/lib/postgresql/*/bin/" + name)
	sort.Slice(found, func(i, j int) bool { return version(found[i]) > version(found[j]) })
	if len(found) == 0 {
		return "", false
	}
	return found[0], true
}

// version reads the major version out of /usr/lib/postgresql/VERSION/bin/….
func version(path string) int {
	v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(path))))
	return v
}

// Start starts a cluster in a new temporary directory, listening on a free loopback port,
// and stops and removes it when tb's test ends. PostgreSQL refuses to run as root, so as
// root it runs as the postgres user (or nobody).
func Start(tb testing.TB) *Cluster {
	tb.Helper()
	initdb, ok1 := bin("initdb")
	pgctl, ok2 := bin("pg_ctl")
	if !ok1 || !ok2 {
		tb.Skip("PostgreSQL test skipped: initdb and pg_ctl not found on PATH or in /usr/lib/postgresql/*/bin (apt-get install postgresql)")
	}
	uid, gid, err := runAs()
	if err != nil {
		tb.Fatal(err)
	}
	dir, err := os.MkdirTemp("", "otpkit-pg-")
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { os.RemoveAll(dir) })
	if uid >= 0 {
		if err := os.Chown(dir, uid, gid); err != nil {
			tb.Fatal(err)
		}
	}
	data := filepath.Join(dir, "data")
	run := func(name string, args ...string) {
		tb.Helper()
		cmd := exec.Command(name, args...)
		cmd.Dir = dir
		setCredential(cmd, uid, gid)
		if out, err := cmd.CombinedOutput(); err != nil {
			tb.Fatalf("%s %v: %v\n%s", filepath.Base(name), args, err, out)
		}
	}
	run(initdb, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync")
	port, err := freePort()
	if err != nil {
		tb.Fatal(err)
	}
	// Durability is pointless for a throwaway cluster; without fsync it starts and creates
	// databases in a fraction of the time.
	opts := fmt.Sprintf("-p %d -k %s -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off", port, dir)
	run(pgctl, "-D", data, "-o", opts, "-l", filepath.Join(dir, "log"), "-w", "-t", "60", "start")
	tb.Cleanup(func() { run(pgctl, "-D", data, "-m", "immediate", "-w", "stop") })
	return &Cluster{port: port}
}

// URL is the address of database db.
func (c *Cluster) URL(db string) string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/%s?sslmode=disable", c.port, db)
}

// NewDatabase returns the URL of a new, empty namespace: a schema of its own in the
// cluster's database, named first on the connection's search_path. Creating a schema is
// instant where creating a database copies a template.
func (c *Cluster) NewDatabase(tb testing.TB) string {
	tb.Helper()
	name := fmt.Sprintf("t%d", c.n.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, c.URL("postgres"))
	if err != nil {
		tb.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, "CREATE SCHEMA "+name); err != nil {
		tb.Fatal(err)
	}
	return c.URL("postgres") + "&search_path=" + name
}

// runAs picks the user the cluster runs as: -1 for the current one, unless that is root.
func runAs() (uid, gid int, err error) {
	if os.Geteuid() != 0 {
		return -1, -1, nil
	}
	for _, name := range []string{"postgres", "nobody"} {
		u, err := user.Lookup(name)
		if err != nil {
			continue
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		return uid, gid, nil
	}
	return 0, 0, fmt.Errorf("pgtest: running as root and no postgres or nobody user to run PostgreSQL as")
}

// freePort asks the kernel for a loopback port that is free now.
func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
