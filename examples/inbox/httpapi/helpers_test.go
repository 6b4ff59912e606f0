package httpapi_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/examples/inbox/httpapi"
)

// The keys of the test servers: the first signs totp_url calls.
const (
	keyAcme   = "sk_live_acme_7f3a9c"
	keyGlobex = "sk_live_globex_51be02"
)

// testServer is an inbox on a loopback listener, with its log.
type testServer struct {
	*httptest.Server
	in  *inbox.Inbox
	log *syncBuffer
}

// start serves cfg (filling Inbox and Log when unset) on loopback.
func start(t *testing.T, cfg httpapi.Config) *testServer {
	t.Helper()
	if cfg.Inbox == nil {
		s := inbox.NewMemoryStore()
		t.Cleanup(func() { s.Close() })
		cfg.Inbox = inbox.New(s)
	}
	buf := &syncBuffer{}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewJSONHandler(buf, nil))
	}
	srv := httptest.NewServer(httpapi.New(cfg))
	t.Cleanup(srv.Close)
	return &testServer{Server: srv, in: cfg.Inbox, log: buf}
}

// do sends a request and returns the status and body.
func (s *testServer) do(t *testing.T, method, path string, header map[string]string, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if body != "" && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := s.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// push posts a TOTPCodeCreate with key and decodes the answer.
func (s *testServer) push(t *testing.T, key string, body string) (int, map[string]any) {
	t.Helper()
	status, out := s.do(t, "POST", "/v1/credentials/totp", map[string]string{"x-api-key": key}, body)
	var m map[string]any
	json.Unmarshal([]byte(out), &m)
	return status, m
}

// poll gets codes for the query with key.
func (s *testServer) poll(t *testing.T, key, query string) []map[string]any {
	t.Helper()
	status, out := s.do(t, "GET", "/v1/credentials/totp?"+query, map[string]string{"x-api-key": key}, "")
	if status != http.StatusOK {
		t.Fatalf("poll %s: %d %s", query, status, out)
	}
	var list []map[string]any
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("poll %s: %v in %s", query, err, out)
	}
	return list
}

func jsonBody(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// brokenStore fails every call, as a database that went away does.
type brokenStore struct{}

var errDown = errors.New("database is down")

func (brokenStore) Add(context.Context, inbox.Code) error { return errDown }
func (brokenStore) Claim(context.Context, inbox.Query, func(*inbox.Code) bool) ([]inbox.Code, error) {
	return nil, errDown
}
func (brokenStore) Purge(context.Context, time.Time) (int, error) { return 0, errDown }
func (brokenStore) Ping(context.Context) error                    { return errDown }
func (brokenStore) Close() error                                  { return nil }
