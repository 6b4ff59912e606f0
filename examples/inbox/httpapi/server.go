// Package httpapi serves an inbox over HTTP: the push API of send-totp-code
// (POST /v1/credentials/totp), polling (GET /v1/credentials/totp), the totp_url endpoint
// (POST /totp), a Twilio SMS webhook (POST /sms/twilio) and GET /healthz.
//
//	h := httpapi.New(httpapi.Config{Inbox: inbox.New(store), Keys: httpapi.ParseKeys("acme:s3cret")})
//	srv := httpapi.Server("127.0.0.1:8000", h)
//	srv.ListenAndServe()
package httpapi

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/examples/inbox/totp"
)

// Defaults of a Config's zero fields.
const (
	DefaultMaxBody      = 1 << 20 // bytes of a request body: far above any OTP message
	DefaultReplayWindow = 5 * time.Minute
)

// Config says what a server serves.
type Config struct {
	Inbox *inbox.Inbox
	// Keys are the accepted x-api-key values; none means no checks at all (a local inbox).
	Keys Keys
	// MaxBody is the largest request body; larger ones get 413. 0 means DefaultMaxBody.
	MaxBody int64
	// TOTP, when set, answers totp_url calls that find no stored code with its current code.
	TOTP *totp.Key
	// ReplayWindow is how far an x-skyvern-timestamp may be from now; 0 means
	// DefaultReplayWindow, negative turns the check off.
	ReplayWindow time.Duration
	// TwilioToken is the Twilio auth token the SMS webhook verifies; "" turns the webhook off.
	TwilioToken string
	// PublicURL is the base URL Twilio is configured with ("https://inbox.acme.com"), when
	// the server sits behind a proxy that changes the host or scheme.
	PublicURL string
	// Log receives one line per request; nil means slog.Default().
	Log *slog.Logger
	// Now tells the time; nil means time.Now.
	Now func() time.Time
}

type server struct{ cfg Config }

// New returns the handler of every route.
func New(cfg Config) http.Handler {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Log == nil {
		cfg.Log = slog.Default()
	}
	s := &server{cfg: cfg}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/credentials/totp", s.push)
	mux.HandleFunc("GET /v1/credentials/totp", s.poll)
	mux.HandleFunc("POST /totp", s.totpURL)
	mux.HandleFunc("POST /sms/twilio", s.twilio)
	mux.HandleFunc("GET /healthz", s.healthz)
	limited := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, cfg.MaxBody)
		mux.ServeHTTP(w, r)
	})
	return logRequests(cfg.Log, limited)
}

// Server returns an http.Server for h with timeouts, so that a slow or stalled client
// cannot hold a connection for ever.
func Server(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
}

func (s *server) now() time.Time {
	if s.cfg.Now != nil {
		return s.cfg.Now()
	}
	return time.Now()
}

func (s *server) replayWindow() time.Duration {
	if s.cfg.ReplayWindow == 0 {
		return DefaultReplayWindow
	}
	return s.cfg.ReplayWindow
}

// healthz answers 200 "ok" while the store answers, 503 when it does not.
func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.cfg.Inbox.Store.Ping(ctx); err != nil {
		note(r, "err", err.Error())
		http.Error(w, "store unavailable", http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}
