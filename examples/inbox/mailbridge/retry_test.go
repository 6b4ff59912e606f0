package mailbridge

import (
	"context"
	"errors"
	"testing"
	"time"
)

func TestRetry(t *testing.T) {
	fail := errors.New("down")
	n := 0
	start := time.Now()
	err := Retry(context.Background(), 4, 2*time.Millisecond, func() error { n++; return fail })
	if !errors.Is(err, fail) || n != 4 {
		t.Errorf("Retry = %v after %d calls, want down after 4", err, n)
	}
	if d := time.Since(start); d < 14*time.Millisecond { // 2 + 4 + 8 ms of backoff
		t.Errorf("4 attempts took %v, want at least 14ms of backoff", d)
	}
	n = 0
	err = Retry(context.Background(), 4, time.Millisecond, func() error { n++; return Permanent(fail) })
	if !errors.Is(err, fail) || !IsPermanent(err) || n != 1 {
		t.Errorf("permanent error: %v after %d calls, want 1 call", err, n)
	}
	n = 0
	if err := Retry(context.Background(), 4, time.Millisecond, func() error {
		if n++; n < 3 {
			return fail
		}
		return nil
	}); err != nil || n != 3 {
		t.Errorf("Retry = %v after %d calls, want success on the third", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := Retry(ctx, 4, time.Hour, func() error { return fail }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Retry = %v", err)
	}
}
