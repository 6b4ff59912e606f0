package httpapi_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/otpkit/otpkit/examples/inbox/httpapi"
)

// TestLogLines: one JSON line per request, with the outcome, and none of the secrets: not
// the API key, the content, the code, the identifier or the signature.
func TestLogLines(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys("acme:" + keyAcme)})
	s.push(t, keyAcme, seedRequest)
	s.poll(t, keyAcme, "totp_identifier=john.doe@example.com")
	call(t, s, "?totp_identifier=john.doe@example.com", taskBody, nil)
	s.do(t, "GET", "/healthz", nil, "")
	lines := strings.Split(strings.TrimSpace(s.log.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d log lines for 4 requests:\n%s", len(lines), s.log)
	}
	for _, secret := range []string{keyAcme, "123456", "verification code", "john.doe", httpapi.SignSkyvern(keyAcme, []byte(taskBody))} {
		if strings.Contains(s.log.String(), secret) {
			t.Errorf("log shows %q:\n%s", secret, s.log)
		}
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	if first["path"] != "/v1/credentials/totp" || first["status"] != float64(200) || first["otp_type"] != "totp" {
		t.Errorf("first line = %v", first)
	}
}

func TestHealthz(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys(keyAcme)})
	if status, body := s.do(t, "GET", "/healthz", nil, ""); status != 200 || body != "ok\n" {
		t.Errorf("healthz = %d %q", status, body)
	}
}

// TestServerTimeouts: every phase of a connection is bounded, so a stalled client cannot
// hold it for ever.
func TestServerTimeouts(t *testing.T) {
	srv := httpapi.Server("127.0.0.1:0", nil)
	if srv.ReadHeaderTimeout <= 0 || srv.ReadTimeout <= 0 || srv.WriteTimeout <= 0 || srv.IdleTimeout <= 0 {
		t.Errorf("timeouts: header %v, read %v, write %v, idle %v; want all set",
			srv.ReadHeaderTimeout, srv.ReadTimeout, srv.WriteTimeout, srv.IdleTimeout)
	}
}
