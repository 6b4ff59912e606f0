// Package totp computes time-based one-time passwords (RFC 6238) from a shared secret, the
// codes an authenticator app shows. An inbox configured with a secret answers a task's
// totp_url call with the current code, as the app would.
//
//	k, _ := totp.Parse("otpauth://totp/Pinecrest:jane?secret=JBSWY3DPEHPK3PXP&issuer=Pinecrest")
//	fmt.Println(k.At(time.Now())) // six digits, new every 30 seconds
package totp

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/binary"
	"fmt"
	"hash"
	"time"
)

// Algorithm is the HMAC hash a key uses.
type Algorithm string

// The algorithms RFC 6238 names. SHA1 is what almost every site uses.
const (
	SHA1   Algorithm = "SHA1"
	SHA256 Algorithm = "SHA256"
	SHA512 Algorithm = "SHA512"
)

func (a Algorithm) hash() func() hash.Hash {
	switch a {
	case SHA256:
		return sha256.New
	case SHA512:
		return sha512.New
	}
	return sha1.New
}

// Key is a shared secret and the parameters codes are made with.
type Key struct {
	Secret    []byte
	Algorithm Algorithm // SHA1 when empty
	Digits    int       // 6 when 0
	Period    int       // seconds a code lasts; 30 when 0
}

// At returns the code valid at t: RFC 6238's TOTP, which is RFC 4226's HOTP of the number of
// periods since the Unix epoch.
func (k Key) At(t time.Time) string {
	period := int64(k.Period)
	if period <= 0 {
		period = 30
	}
	digits := k.Digits
	if digits <= 0 {
		digits = 6
	}
	var msg [8]byte
	binary.BigEndian.PutUint64(msg[:], uint64(t.Unix()/period))
	mac := hmac.New(k.Algorithm.hash(), k.Secret)
	mac.Write(msg[:])
	sum := mac.Sum(nil)
	// Dynamic truncation (RFC 4226 section 5.3): the low nibble of the last byte picks four
	// bytes, read as a 31-bit number.
	off := sum[len(sum)-1] & 0x0f
	n := binary.BigEndian.Uint32(sum[off:off+4]) & 0x7fffffff
	mod := uint32(1)
	for range digits {
		mod *= 10
	}
	return fmt.Sprintf("%0*d", digits, n%mod)
}

// ExpiresAt is when the code valid at t stops being valid.
func (k Key) ExpiresAt(t time.Time) time.Time {
	period := int64(k.Period)
	if period <= 0 {
		period = 30
	}
	return time.Unix((t.Unix()/period+1)*period, 0)
}
