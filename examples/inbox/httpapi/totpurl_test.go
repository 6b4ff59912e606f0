package httpapi_test

import (
	"encoding/base32"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/otpkit/otpkit/examples/inbox/httpapi"
	"github.com/otpkit/otpkit/examples/inbox/totp"
)

// call makes a totp_url call as the automation service does: the body signed with the
// first API key, and stamped.
func call(t *testing.T, s *testServer, query, body string, header map[string]string) (int, string) {
	t.Helper()
	h := map[string]string{
		"x-skyvern-signature": httpapi.SignSkyvern(keyAcme, []byte(body)),
		"x-skyvern-timestamp": strconv.FormatInt(time.Now().Unix(), 10),
	}
	for k, v := range header {
		if v == "" {
			delete(h, k)
		} else {
			h[k] = v
		}
	}
	return s.do(t, "POST", "/totp"+query, h, body)
}

func verificationCode(t *testing.T, body string) any {
	t.Helper()
	var ans map[string]any
	if err := json.Unmarshal([]byte(body), &ans); err != nil {
		t.Fatalf("%v in %s", err, body)
	}
	if ans["task_id"] != "tsk_123" {
		t.Errorf("task_id = %v, want tsk_123", ans["task_id"])
	}
	return ans["verification_code"]
}

const taskBody = `{"task_id":"tsk_123","workflow_run_id":"wr_9","workflow_permanent_id":"wpid_4"}`

// TestTOTPURLByIdentifier: the identifier in the endpoint's query string names the inbox;
// the newest code is the answer, handed out once.
func TestTOTPURLByIdentifier(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys("acme:" + keyAcme)})
	s.push(t, keyAcme, `{"totp_identifier":"jane@example.com","content":"Your Pinecrest code is 111222"}`)
	time.Sleep(2 * time.Millisecond)
	s.push(t, keyAcme, `{"totp_identifier":"jane@example.com","content":"Your Pinecrest code is 333444"}`)
	status, body := call(t, s, "?totp_identifier=jane@example.com", taskBody, nil)
	if status != http.StatusOK || verificationCode(t, body) != "333444" {
		t.Fatalf("got %d %s, want the newest code 333444", status, body)
	}
	// The older code went out with it: a replaced code is never typed.
	status, body = call(t, s, "?totp_identifier=jane@example.com", taskBody, nil)
	if status != http.StatusOK || verificationCode(t, body) != nil {
		t.Errorf("second call: %d %s, want verification_code null", status, body)
	}
}

// TestTOTPURLByTask: without an identifier, codes pushed with the task's ID answer.
func TestTOTPURLByTask(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys("acme:" + keyAcme)})
	s.push(t, keyAcme, `{"totp_identifier":"+14155550123","task_id":"tsk_123","content":"Larkspur: 908172 is your login code."}`)
	if status, body := call(t, s, "", taskBody, nil); status != http.StatusOK || verificationCode(t, body) != "908172" {
		t.Errorf("got %d %s, want 908172", status, body)
	}
}

// TestTOTPURLGenerated: with a secret configured and nothing stored, the answer is the
// RFC 6238 code of the moment.
func TestTOTPURLGenerated(t *testing.T) {
	secret := base32.StdEncoding.EncodeToString([]byte("12345678901234567890"))
	k, err := totp.Parse(secret)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Unix(1111111109, 0)
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys(keyAcme), TOTP: &k, Now: func() time.Time { return at }})
	status, body := call(t, s, "", taskBody, map[string]string{"x-skyvern-timestamp": "1111111100"})
	// RFC 6238's SHA1 vector at 1111111109 is 07081804: six digits are its last six.
	if status != http.StatusOK || verificationCode(t, body) != "081804" {
		t.Errorf("got %d %s, want 081804", status, body)
	}
}

// TestTOTPURLSignature: a missing signature is 401, a wrong one or a stale timestamp 403,
// each without detail; a signature by another key, over another body, or a replay fails.
func TestTOTPURLSignature(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys("acme:" + keyAcme + "," + keyGlobex), ReplayWindow: time.Minute})
	s.push(t, keyAcme, `{"totp_identifier":"jane@example.com","content":"Your Pinecrest code is 111222"}`)
	old := strconv.FormatInt(time.Now().Add(-2*time.Minute).Unix(), 10)
	future := time.Now().Add(2 * time.Minute).UTC().Format(time.RFC3339)
	tests := []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"missing", map[string]string{"x-skyvern-signature": ""}, http.StatusUnauthorized},
		{"not hex", map[string]string{"x-skyvern-signature": "zz"}, http.StatusForbidden},
		{"other key", map[string]string{"x-skyvern-signature": httpapi.SignSkyvern(keyGlobex, []byte(taskBody))}, http.StatusForbidden},
		{"other body", map[string]string{"x-skyvern-signature": httpapi.SignSkyvern(keyAcme, []byte(`{"task_id":"tsk_124"}`))}, http.StatusForbidden},
		{"truncated", map[string]string{"x-skyvern-signature": httpapi.SignSkyvern(keyAcme, []byte(taskBody))[:62]}, http.StatusForbidden},
		{"stale", map[string]string{"x-skyvern-timestamp": old}, http.StatusForbidden},
		{"future", map[string]string{"x-skyvern-timestamp": future}, http.StatusForbidden},
		{"bad stamp", map[string]string{"x-skyvern-timestamp": "yesterday"}, http.StatusForbidden},
	}
	for _, tt := range tests {
		status, body := call(t, s, "?totp_identifier=jane@example.com", taskBody, tt.header)
		if status != tt.want || strings.TrimSpace(body) != "" {
			t.Errorf("%s: %d %q, want %d and no body", tt.name, status, body, tt.want)
		}
	}
	// None of them took the code; a good call still gets it, upper-case hex too.
	sig := strings.ToUpper(httpapi.SignSkyvern(keyAcme, []byte(taskBody)))
	if status, body := call(t, s, "?totp_identifier=jane@example.com", taskBody, map[string]string{"x-skyvern-signature": sig, "x-skyvern-timestamp": ""}); status != http.StatusOK || verificationCode(t, body) != "111222" {
		t.Errorf("good call after refusals: %d %s", status, body)
	}
}

func TestTOTPURLValidation(t *testing.T) {
	s := start(t, httpapi.Config{Keys: httpapi.ParseKeys(keyAcme)})
	for body, want := range map[string]string{
		`{"workflow_run_id":"wr_9"}`: `["body","task_id"]`,
		`{"task_id":5}`:              `["body","task_id"]`,
		`not json`:                   `json_invalid`,
	} {
		if status, got := call(t, s, "", body, nil); status != http.StatusUnprocessableEntity || !strings.Contains(got, want) {
			t.Errorf("%s: %d %s, want 422 with %s", body, status, got, want)
		}
	}
}

// TestSignSkyvern checks the signature against one computed apart from this code, with
// printf '{"task_id":"tsk_123"}' | openssl dgst -sha256 -hmac key.
func TestSignSkyvern(t *testing.T) {
	const want = "34491dd838471a725162fbcf3c26b3bece9c937b898b2880cd49cde5856b64da"
	if got := httpapi.SignSkyvern("key", []byte(`{"task_id":"tsk_123"}`)); got != want {
		t.Errorf("SignSkyvern = %s, want %s", got, want)
	}
	if !httpapi.VerifySkyvern("key", []byte(`{"task_id":"tsk_123"}`), want) {
		t.Error("VerifySkyvern refuses the right signature")
	}
}
