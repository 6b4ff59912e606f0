package httpapi

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"strings"
)

// DefaultOrg is the organization_id of every code when no API key is configured.
const DefaultOrg = "o_default"

// Key is one API key and the organization it selects.
type Key struct {
	Org    string
	Secret string
}

// Keys are the API keys a server accepts in x-api-key. The first one also signs the
// totp_url calls (x-skyvern-signature) and owns the codes that arrive by SMS.
type Keys []Key

// ParseKeys reads a comma-separated list of keys. A key may name its organization as
// "org:key"; a bare key's organization is "o_" and the first 12 hex digits of its SHA-256, so
// that the key itself never shows in a record.
func ParseKeys(s string) Keys {
	var ks Keys
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		org, secret, named := strings.Cut(f, ":")
		if !named || org == "" || secret == "" {
			sum := sha256.Sum256([]byte(f))
			org, secret = "o_"+hex.EncodeToString(sum[:6]), f
		}
		ks = append(ks, Key{Org: org, Secret: secret})
	}
	return ks
}

// Org returns the organization of the key presented, comparing against every key in
// constant time. With no keys configured, every request is DefaultOrg's.
func (ks Keys) Org(presented string) (string, bool) {
	if len(ks) == 0 {
		return DefaultOrg, true
	}
	org, ok := "", false
	for _, k := range ks {
		if subtle.ConstantTimeCompare([]byte(presented), []byte(k.Secret)) == 1 {
			org, ok = k.Org, true
		}
	}
	return org, ok
}

// First is the key that signs totp_url calls and owns SMS codes; the zero Key when none.
func (ks Keys) First() Key {
	if len(ks) == 0 {
		return Key{Org: DefaultOrg}
	}
	return ks[0]
}
