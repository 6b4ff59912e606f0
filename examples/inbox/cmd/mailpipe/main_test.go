package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/examples/inbox/httpapi"
)

func eml(t *testing.T) []byte {
	b, err := os.ReadFile("../../mailbridge/testdata/alternative.eml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestPipeStores: a message piped in reaches a real inbox, under its recipient.
func TestPipeStores(t *testing.T) {
	in := inbox.New(inbox.NewMemoryStore())
	srv := httptest.NewServer(httpapi.New(httpapi.Config{Inbox: in, Keys: httpapi.ParseKeys("acme:sk_acme_1")}))
	defer srv.Close()
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"-url", srv.URL, "-api-key", "sk_acme_1"}, bytes.NewReader(eml(t)), &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	got, _ := in.Claim(context.Background(), "acme", inbox.Ask{Identifier: "jane@inbox.acme.com"})
	if len(got) != 1 || got[0].Code != "740291" || got[0].Source != "email" {
		t.Errorf("stored %+v", got)
	}
	if strings.Contains(stderr.String(), "740291") || strings.Contains(stderr.String(), "sk_acme_1") {
		t.Errorf("log shows a code or key: %s", stderr.String())
	}
}

// TestPipeRecipientFlag: the envelope recipient the mail server passes wins over headers.
func TestPipeRecipientFlag(t *testing.T) {
	var ident atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p map[string]string
		json.NewDecoder(r.Body).Decode(&p)
		ident.Store(p["totp_identifier"])
		w.Write([]byte(`{"status":"parsed"}`))
	}))
	defer srv.Close()
	if code := run(context.Background(), []string{"-url", srv.URL, "-recipient", "Ops@Inbox.acme.com"}, bytes.NewReader(eml(t)), &bytes.Buffer{}); code != exitOK {
		t.Fatalf("exit %d", code)
	}
	if ident.Load() != "ops@inbox.acme.com" {
		t.Errorf("totp_identifier = %v", ident.Load())
	}
}

// TestPipeTempFail: an inbox that keeps failing is retried with backoff, then the pipe exits
// 75 so that the mail server keeps the message; when it recovers, the retry succeeds.
func TestPipeTempFail(t *testing.T) {
	var calls atomic.Int32
	down := atomic.Bool{}
	down.Store(true)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if down.Load() {
			http.Error(w, `{"detail":"storage unavailable; retry later"}`, http.StatusServiceUnavailable)
			return
		}
		w.Write([]byte(`{"status":"parsed"}`))
	}))
	defer srv.Close()
	args := []string{"-url", srv.URL, "-attempts", "3", "-backoff", "1ms"}
	var stderr bytes.Buffer
	if code := run(context.Background(), args, bytes.NewReader(eml(t)), &stderr); code != exitTempFail {
		t.Fatalf("exit %d, want 75: %s", code, stderr.String())
	}
	if calls.Load() != 3 {
		t.Errorf("%d tries, want 3", calls.Load())
	}
	down.Store(false)
	if code := run(context.Background(), args, bytes.NewReader(eml(t)), &bytes.Buffer{}); code != exitOK {
		t.Errorf("the mail server's retry: exit %d", code)
	}
}

// TestPipeUnreachable: no inbox listening is a temporary failure too.
func TestPipeUnreachable(t *testing.T) {
	srv := httptest.NewServer(http.NotFoundHandler())
	url := srv.URL
	srv.Close()
	if code := run(context.Background(), []string{"-url", url, "-attempts", "2", "-backoff", "1ms"}, bytes.NewReader(eml(t)), &bytes.Buffer{}); code != exitTempFail {
		t.Errorf("exit %d, want 75", code)
	}
}

// TestPipeRefusals: a wrong key keeps the mail queued (75) without retrying; a refused
// message is a data error (65); a message with no code is fine (0).
func TestPipeRefusals(t *testing.T) {
	for _, tt := range []struct {
		status int
		body   string
		want   int
	}{
		{http.StatusForbidden, `{"detail":"Invalid or missing x-api-key"}`, exitTempFail},
		{http.StatusRequestEntityTooLarge, `{"detail":"too large"}`, exitDataErr},
		{http.StatusUnprocessableEntity, `{"detail":[{"loc":["body","content"],"type":"no_code_found","msg":"…"}]}`, exitOK},
	} {
		var calls atomic.Int32
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			calls.Add(1)
			w.WriteHeader(tt.status)
			w.Write([]byte(tt.body))
		}))
		code := run(context.Background(), []string{"-url", srv.URL, "-backoff", "1ms"}, bytes.NewReader(eml(t)), &bytes.Buffer{})
		srv.Close()
		if code != tt.want || calls.Load() != 1 {
			t.Errorf("answer %d: exit %d after %d tries, want %d after 1", tt.status, code, calls.Load(), tt.want)
		}
	}
}

func TestPipeUsage(t *testing.T) {
	if code := run(context.Background(), []string{"-nope"}, strings.NewReader(""), &bytes.Buffer{}); code != exitUsage {
		t.Errorf("exit %d, want 64", code)
	}
}
