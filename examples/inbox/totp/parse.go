package totp

import (
	"encoding/base32"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// ErrSecret is the error Parse returns, wrapped with the reason, for a secret it cannot read.
// The secret itself never appears in the message.
var ErrSecret = errors.New("totp: bad secret")

// Parse reads a secret as sites hand it out: Base32 text ("JBSW Y3DP EHPK 3PXP", any case,
// spaces and padding optional), or an otpauth://totp/… URI with its secret, algorithm,
// digits and period.
func Parse(s string) (Key, error) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(strings.ToLower(s), "otpauth:") {
		b, err := decodeBase32(s)
		return Key{Secret: b}, err
	}
	u, err := url.Parse(s)
	if err != nil {
		return Key{}, fmt.Errorf("%w: not a URI", ErrSecret)
	}
	if !strings.EqualFold(u.Host, "totp") {
		return Key{}, fmt.Errorf("%w: otpauth type %q, want totp", ErrSecret, u.Host)
	}
	q := u.Query()
	k := Key{}
	if k.Secret, err = decodeBase32(q.Get("secret")); err != nil {
		return Key{}, err
	}
	switch a := Algorithm(strings.ToUpper(q.Get("algorithm"))); a {
	case "", SHA1, SHA256, SHA512:
		k.Algorithm = a
	default:
		return Key{}, fmt.Errorf("%w: algorithm %q", ErrSecret, a)
	}
	if k.Digits, err = param(q, "digits", 6, 10); err != nil {
		return Key{}, err
	}
	if k.Period, err = param(q, "period", 1, 3600); err != nil {
		return Key{}, err
	}
	return k, nil
}

// param reads an optional number between lo and hi; 0 when absent.
func param(q url.Values, name string, lo, hi int) (int, error) {
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, fmt.Errorf("%w: %s %q", ErrSecret, name, v)
	}
	return n, nil
}

// decodeBase32 reads RFC 4648 Base32 as people copy it: any case, with spaces or dashes
// between groups, padding optional.
func decodeBase32(s string) ([]byte, error) {
	s = strings.ToUpper(strings.NewReplacer(" ", "", "-", "", "\t", "").Replace(s))
	s = strings.TrimRight(s, "=")
	if s == "" {
		return nil, fmt.Errorf("%w: empty", ErrSecret)
	}
	b, err := base32.StdEncoding.WithPadding(base32.NoPadding).DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("%w: not Base32", ErrSecret)
	}
	return b, nil
}
