// Package storetest is the test suite every inbox.Store passes. A store's own test calls
// Run with a function that opens two handles on one fresh, empty store: the same object
// twice for an in-memory store, two connections for a database, as two replicas would hold.
//
//	func TestSQLite(t *testing.T) {
//		storetest.Run(t, func(t *testing.T) (inbox.Store, inbox.Store) { … })
//	}
package storetest

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/extract"
)

// Opener opens two handles on one new, empty store, closed by the test's cleanup.
type Opener func(t *testing.T) (a, b inbox.Store)

// t0 is the suite's clock: a fixed instant, with microseconds, as the stores keep them.
var t0 = time.Date(2026, 3, 14, 9, 26, 53, 589793000, time.UTC)

// Run runs every test of the suite, each on a store of its own.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, inbox.Store, inbox.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"NewestFirstAndLimit", testNewestFirst},
		{"After", testAfter},
		{"Filters", testFilters},
		{"HandOutOnce", testHandOutOnce},
		{"ExpiryAndPurge", testExpiryAndPurge},
		{"AcceptDecides", testAcceptDecides},
		{"ConcurrentReplicas", testConcurrentReplicas},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := open(t)
			tt.fn(t, a, b)
		})
	}
}

// code makes a parsed code for org and identifier created at t0+at.
func code(id, org, ident string, at time.Duration) inbox.Code {
	created := t0.Add(at)
	return inbox.Code{
		ID: id, OrganizationID: org, Identifier: ident, Content: "Your code is 1234 (" + id + ")",
		Code: "1234", OTPType: extract.TOTP, CreatedAt: created, ModifiedAt: created,
		ExpiresAt: created.Add(10 * time.Minute),
	}
}

func add(t *testing.T, s inbox.Store, cs ...inbox.Code) {
	t.Helper()
	for _, c := range cs {
		if err := s.Add(context.Background(), c); err != nil {
			t.Fatalf("Add(%s): %v", c.ID, err)
		}
	}
}

func all(*inbox.Code) bool { return true }

// claim claims with q and returns the IDs handed out.
func claim(t *testing.T, s inbox.Store, q inbox.Query) []string {
	t.Helper()
	got, err := s.Claim(context.Background(), q, all)
	if err != nil {
		t.Fatalf("Claim(%+v): %v", q, err)
	}
	ids := []string{}
	for _, c := range got {
		ids = append(ids, c.ID)
	}
	return ids
}

func testRoundTrip(t *testing.T, s, _ inbox.Store) {
	exp := t0.Add(5 * time.Minute)
	want := inbox.Code{
		ID: "totp_a", OrganizationID: "org_1", Identifier: "jane@example.com", TaskID: "tsk_1",
		WorkflowID: "wpid_1", WorkflowRunID: "wr_1", Source: "email",
		Content: "Ton code Pinecrest : 482913", Code: "482913", Type: extract.TOTP,
		OTPType: extract.TOTP, ExpiredAt: &exp, ExpiresAt: exp, CreatedAt: t0, ModifiedAt: t0,
	}
	add(t, s, want)
	now := t0.Add(time.Second)
	got, err := s.Claim(context.Background(), inbox.Query{OrganizationID: "org_1", Identifier: "jane@example.com", Now: now}, all)
	if err != nil {
		t.Fatal(err)
	}
	want.HandedOutAt = &now
	if diff := cmp.Diff([]inbox.Code{want}, got); diff != "" {
		t.Errorf("claimed code differs from the stored one (-want +got):\n%s", diff)
	}
}

func testNewestFirst(t *testing.T, s, _ inbox.Store) {
	add(t, s, code("totp_1", "o", "x", 1), code("totp_3", "o", "x", 3*time.Second), code("totp_2", "o", "x", 2*time.Second))
	now := t0.Add(time.Minute)
	if got := claim(t, s, inbox.Query{OrganizationID: "o", Identifier: "x", Now: now}); !cmp.Equal(got, []string{"totp_3"}) {
		t.Errorf("Limit 0 claimed %v, want the newest only, [totp_3]", got)
	}
	if got := claim(t, s, inbox.Query{OrganizationID: "o", Identifier: "x", Now: now, Limit: 10}); !cmp.Equal(got, []string{"totp_2", "totp_1"}) {
		t.Errorf("Limit 10 claimed %v, want [totp_2 totp_1]", got)
	}
}

func testAfter(t *testing.T, s, _ inbox.Store) {
	add(t, s, code("totp_old", "o", "x", 0), code("totp_new", "o", "x", 2*time.Second))
	got := claim(t, s, inbox.Query{OrganizationID: "o", Identifier: "x", After: t0.Add(time.Second), Now: t0.Add(time.Minute), Limit: 10})
	if !cmp.Equal(got, []string{"totp_new"}) {
		t.Errorf("After t0+1s claimed %v, want [totp_new]", got)
	}
	// A code created exactly at After is not after it.
	got = claim(t, s, inbox.Query{OrganizationID: "o", Identifier: "x", After: t0, Now: t0.Add(time.Minute), Limit: 10})
	if len(got) != 0 {
		t.Errorf("After t0 claimed %v, want none (the code at t0 is not after t0)", got)
	}
}

func testFilters(t *testing.T, s, _ inbox.Store) {
	other := code("totp_org2", "o2", "x", 0)
	task := code("totp_task", "o", "y", 0)
	task.TaskID = "tsk_9"
	add(t, s, other, task, code("totp_x", "o", "x", 0))
	now := t0.Add(time.Minute)
	if got := claim(t, s, inbox.Query{OrganizationID: "o", TaskID: "tsk_9", Now: now, Limit: 10}); !cmp.Equal(got, []string{"totp_task"}) {
		t.Errorf("by task claimed %v, want [totp_task]", got)
	}
	if got := claim(t, s, inbox.Query{OrganizationID: "o", Identifier: "x", Now: now, Limit: 10}); !cmp.Equal(got, []string{"totp_x"}) {
		t.Errorf("by identifier in org o claimed %v, want [totp_x] (not the other organization's)", got)
	}
	if got := claim(t, s, inbox.Query{OrganizationID: "o3", Identifier: "x", Now: now, Limit: 10}); len(got) != 0 {
		t.Errorf("unknown organization claimed %v", got)
	}
}

func testHandOutOnce(t *testing.T, a, b inbox.Store) {
	add(t, a, code("totp_1", "o", "x", 0))
	q := inbox.Query{OrganizationID: "o", Identifier: "x", Now: t0.Add(time.Minute)}
	if got := claim(t, a, q); len(got) != 1 {
		t.Fatalf("first claim got %v, want the code", got)
	}
	if got := claim(t, a, q); len(got) != 0 {
		t.Errorf("second claim got %v again", got)
	}
	if got := claim(t, b, q); len(got) != 0 {
		t.Errorf("a claim on the second handle got %v again", got)
	}
}

func testExpiryAndPurge(t *testing.T, s, _ inbox.Store) {
	add(t, s, code("totp_1", "o", "x", 0), code("totp_2", "o", "x", 5*time.Minute))
	// At t0+10m totp_1 expires (ExpiresAt is exclusive) and totp_2 still lives.
	got := claim(t, s, inbox.Query{OrganizationID: "o", Identifier: "x", After: time.Time{}, Now: t0.Add(10 * time.Minute), Limit: 10})
	if !cmp.Equal(got, []string{"totp_2"}) {
		t.Errorf("claim at expiry got %v, want [totp_2]", got)
	}
	n, err := s.Purge(context.Background(), t0.Add(10*time.Minute))
	if err != nil || n != 1 {
		t.Errorf("Purge at t0+10m = %d, %v; want 1 (totp_1)", n, err)
	}
	n, err = s.Purge(context.Background(), t0.Add(time.Hour))
	if err != nil || n != 1 {
		t.Errorf("Purge at t0+1h = %d, %v; want 1 (totp_2, handed out and now expired)", n, err)
	}
}

func testAcceptDecides(t *testing.T, s, _ inbox.Store) {
	raw := code("totp_raw", "o", "x", time.Second)
	raw.Code, raw.OTPType = "", extract.Auto
	add(t, s, code("totp_old", "o", "x", 0), raw)
	now := t0.Add(time.Minute)
	q := inbox.Query{OrganizationID: "o", Identifier: "x", Now: now, Limit: 10}
	// Refuse the raw one but change it first: the change must not be kept.
	got, err := s.Claim(context.Background(), q, func(c *inbox.Code) bool {
		if c.OTPType == extract.Auto {
			c.Code = "changed"
			return false
		}
		return true
	})
	if err != nil || len(got) != 1 || got[0].ID != "totp_old" {
		t.Fatalf("claim refusing the raw code = %v, %v; want totp_old only", got, err)
	}
	// Now accept it with a new reading: the claim returns the reading.
	got, err = s.Claim(context.Background(), q, func(c *inbox.Code) bool {
		if c.Code != "" {
			t.Errorf("refused change was kept: code %q", c.Code)
		}
		c.Code, c.OTPType, c.ModifiedAt = "https://app.pinecrest.io/l/9f2", extract.MagicLink, now
		return true
	})
	if err != nil || len(got) != 1 || got[0].Code != "https://app.pinecrest.io/l/9f2" || got[0].OTPType != extract.MagicLink || !got[0].ModifiedAt.Equal(now) {
		t.Errorf("claim with a new reading = %+v, %v", got, err)
	}
}

// testConcurrentReplicas claims one identifier's codes from many goroutines over both
// handles at once: every code must be handed out exactly once.
func testConcurrentReplicas(t *testing.T, a, b inbox.Store) {
	const codes, pollers = 24, 8
	for i := range codes {
		add(t, a, code(fmt.Sprintf("totp_%02d", i), "o", "x", time.Duration(i)*time.Millisecond))
	}
	var (
		mu   sync.Mutex
		seen = map[string]int{}
		wg   sync.WaitGroup
	)
	start := make(chan struct{})
	deadline := time.Now().Add(20 * time.Second)
	for p := range pollers {
		s := a
		if p%2 == 1 {
			s = b
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			for time.Now().Before(deadline) {
				got, err := s.Claim(context.Background(), inbox.Query{OrganizationID: "o", Identifier: "x", Now: t0.Add(time.Minute), Limit: 2}, all)
				if err != nil {
					t.Errorf("Claim: %v", err)
					return
				}
				mu.Lock()
				for _, c := range got {
					seen[c.ID]++
				}
				n := len(seen)
				mu.Unlock()
				if n >= codes {
					return
				}
				if len(got) == 0 {
					time.Sleep(time.Millisecond) // rows another poller holds are skipped, not waited for
				}
			}
		}()
	}
	close(start)
	wg.Wait()
	if len(seen) != codes {
		t.Errorf("%d distinct codes handed out, want %d", len(seen), codes)
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("%s handed out %d times", id, n)
		}
	}
}
