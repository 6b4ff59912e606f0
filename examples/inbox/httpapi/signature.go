package httpapi

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"math"
	"strconv"
	"strings"
	"time"
)

// SignSkyvern returns the x-skyvern-signature of a request body: the hex HMAC-SHA256 of the
// raw body, keyed by the API key. Clients and tests sign with it.
func SignSkyvern(key string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write(body)
	return hex.EncodeToString(mac.Sum(nil))
}

// VerifySkyvern reports whether sig is body's signature under key. It compares in constant
// time, so that the time an answer takes does not tell how much of a guess was right.
func VerifySkyvern(key string, body []byte, sig string) bool {
	got, err := hex.DecodeString(strings.TrimSpace(sig))
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, []byte(key))
	mac.Write(body)
	return hmac.Equal(got, mac.Sum(nil))
}

// parseTimestamp reads an x-skyvern-timestamp: Unix seconds (with or without a fraction) or
// RFC 3339.
func parseTimestamp(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && math.Abs(f) < 1e11 {
		sec, frac := math.Modf(f)
		return time.Unix(int64(sec), int64(frac*1e9)), true
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

// fresh reports whether a request stamped at ts is within window of now, either way: a
// replayed request carries its old stamp.
func fresh(ts, now time.Time, window time.Duration) bool {
	d := now.Sub(ts)
	return d <= window && d >= -window
}
