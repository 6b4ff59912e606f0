package totp

import (
	"encoding/base32"
	"errors"
	"fmt"
	"testing"
	"time"
)

// The seeds and table of RFC 6238 Appendix B: 8 digits, 30-second periods.
var (
	seed1   = "12345678901234567890"
	seed256 = "12345678901234567890123456789012"
	seed512 = "1234567890123456789012345678901234567890123456789012345678901234"
)

var vectors = []struct {
	unix int64
	alg  Algorithm
	want string
}{
	{59, SHA1, "94287082"}, {59, SHA256, "46119246"}, {59, SHA512, "90693936"},
	{1111111109, SHA1, "07081804"}, {1111111109, SHA256, "68084774"}, {1111111109, SHA512, "25091201"},
	{1111111111, SHA1, "14050471"}, {1111111111, SHA256, "67062674"}, {1111111111, SHA512, "99943326"},
	{1234567890, SHA1, "89005924"}, {1234567890, SHA256, "91819424"}, {1234567890, SHA512, "93441116"},
	{2000000000, SHA1, "69279037"}, {2000000000, SHA256, "90698825"}, {2000000000, SHA512, "38618901"},
	{20000000000, SHA1, "65353130"}, {20000000000, SHA256, "77737706"}, {20000000000, SHA512, "47863826"},
}

func seedFor(a Algorithm) string {
	switch a {
	case SHA256:
		return seed256
	case SHA512:
		return seed512
	}
	return seed1
}

// TestRFC6238 checks every vector of the RFC, with the key given as an otpauth URI, the way
// an inbox is configured.
func TestRFC6238(t *testing.T) {
	for _, v := range vectors {
		b32 := base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString([]byte(seedFor(v.alg)))
		uri := fmt.Sprintf("otpauth://totp/RFC:test?secret=%s&algorithm=%s&digits=8&period=30", b32, v.alg)
		k, err := Parse(uri)
		if err != nil {
			t.Fatalf("Parse(%s): %v", uri, err)
		}
		if got := k.At(time.Unix(v.unix, 0)); got != v.want {
			t.Errorf("%s at %d = %s, want %s", v.alg, v.unix, got, v.want)
		}
	}
}

// TestBase32Forms reads the SHA1 seed as people paste it: lower case, grouped, padded.
func TestBase32Forms(t *testing.T) {
	b32 := base32.StdEncoding.EncodeToString([]byte(seed1)) // GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ
	for _, s := range []string{b32, " gezd gnbv gy3t qojq gezd gnbv gy3t qojq ", "GEZDGNBV-GY3TQOJQ-GEZDGNBV-GY3TQOJQ"} {
		k, err := Parse(s)
		if err != nil {
			t.Fatalf("Parse(%q): %v", s, err)
		}
		k.Digits = 8
		if got := k.At(time.Unix(59, 0)); got != "94287082" {
			t.Errorf("Parse(%q) at 59 = %s, want 94287082", s, got)
		}
	}
	// Six digits are the last six of the eight-digit code: 94287082 → 287082.
	k, _ := Parse(b32)
	if got := k.At(time.Unix(59, 0)); got != "287082" {
		t.Errorf("six digits at 59 = %s, want 287082", got)
	}
	if got, want := k.ExpiresAt(time.Unix(59, 0)), time.Unix(60, 0); !got.Equal(want) {
		t.Errorf("ExpiresAt(59) = %v, want %v", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"", "not base32!", "otpauth://hotp/x?secret=GEZDGNBV", "otpauth://totp/x?secret=GEZDGNBV&algorithm=MD5",
		"otpauth://totp/x?secret=GEZDGNBV&digits=3", "otpauth://totp/x?secret=GEZDGNBV&period=0", "otpauth://totp/x"} {
		if _, err := Parse(s); !errors.Is(err, ErrSecret) {
			t.Errorf("Parse(%q) = %v, want ErrSecret", s, err)
		}
	}
}
