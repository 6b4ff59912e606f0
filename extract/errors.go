package extract

import (
	"errors"
	"fmt"
)

// Outcomes that are not answers. Test them with errors.Is.
var (
	// ErrNotFound: the message holds no code and no sign-in link with enough evidence.
	ErrNotFound = errors.New("extract: no one-time code or sign-in link found")
	// ErrAmbiguous: two different codes, or two sign-in links to different places, are about
	// equally likely, so neither is given. It is a kind of ErrNotFound.
	ErrAmbiguous = fmt.Errorf("%w: two answers are equally likely", ErrNotFound)
	// ErrEmpty: the content has nothing but white space.
	ErrEmpty = errors.New("extract: empty content")
	// ErrTooLarge: the content is larger than Options.MaxBytes.
	ErrTooLarge = errors.New("extract: content too large")
)

// OptionError reports an option that Extract does not accept.
type OptionError struct {
	Option string // "type", "source", "format", "MaxBytes" or "MaxCandidates"
	Value  string
	Reason string // why, when the value is known but cannot be used
}

// Error says which option and value were refused, and why.
func (e *OptionError) Error() string {
	if e.Reason != "" {
		return fmt.Sprintf("extract: option %s=%q: %s", e.Option, e.Value, e.Reason)
	}
	return fmt.Sprintf("extract: unknown %s %q", e.Option, e.Value)
}

// SizeError reports content over the size limit. It matches ErrTooLarge.
type SizeError struct {
	Size, Limit int
}

// Error gives the size and the limit.
func (e *SizeError) Error() string {
	return fmt.Sprintf("extract: content is %d bytes, over the limit of %d", e.Size, e.Limit)
}

// Is makes errors.Is(err, ErrTooLarge) true.
func (e *SizeError) Is(target error) bool { return target == ErrTooLarge }
