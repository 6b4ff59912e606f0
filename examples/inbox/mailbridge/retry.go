package mailbridge

import (
	"context"
	"errors"
	"time"
)

// permanent marks an error that retrying cannot fix.
type permanent struct{ err error }

func (p permanent) Error() string { return p.err.Error() }
func (p permanent) Unwrap() error { return p.err }

// Permanent wraps err so that Retry gives up at once.
func Permanent(err error) error { return permanent{err} }

// IsPermanent reports whether err was marked with Permanent.
func IsPermanent(err error) bool { return errors.As(err, new(permanent)) }

// Retry calls fn until it succeeds, fails permanently, or has been tried attempts times,
// waiting backoff, then twice as long, and so on, between tries. It returns fn's last error.
func Retry(ctx context.Context, attempts int, backoff time.Duration, fn func() error) error {
	var err error
	for i := range max(attempts, 1) {
		if i > 0 {
			select {
			case <-ctx.Done():
				return errors.Join(err, ctx.Err())
			case <-time.After(backoff << (i - 1)):
			}
		}
		if err = fn(); err == nil || IsPermanent(err) {
			return err
		}
	}
	return err
}
