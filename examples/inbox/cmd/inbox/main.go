// Command inbox serves an otpkit inbox: the push API (POST /v1/credentials/totp), polling
// (GET /v1/credentials/totp), the totp_url endpoint (POST /totp), a Twilio SMS webhook
// (POST /sms/twilio), GET /healthz, and, with -smtp, a mail listener.
//
// With no flags it listens on 127.0.0.1:8000 and keeps codes in otpkit-inbox.db, created
// on first start:
//
//	go -C examples/inbox run ./cmd/inbox
//	go -C examples/inbox run ./cmd/inbox -api-key acme:sk_live_7f3a9c -smtp :25 -domains inbox.acme.com
//	go -C examples/inbox run ./cmd/inbox -db postgres://inbox@db.internal/otp   # one of several replicas
//
// Secrets may come from the environment instead of the command line, where other users of
// the machine can read them: OTPKIT_API_KEY, OTPKIT_TOTP_SECRET, TWILIO_AUTH_TOKEN.
package main

import (
	"context"
	"crypto/tls"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/examples/inbox/httpapi"
	"github.com/otpkit/otpkit/examples/inbox/mailbridge"
	"github.com/otpkit/otpkit/examples/inbox/totp"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stderr, nil); err != nil {
		fmt.Fprintln(os.Stderr, "inbox:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	addr, apiKey, db, smtp, domains, totpSecret  string
	twilioToken, publicURL, logFormat            string
	tlsCert, tlsKey                              string
	lmtp, rejectUnread                           bool
	ttl, replayWindow, purgeEvery, shutdownAfter time.Duration
	maxBody                                      int64
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("inbox", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8000", "HTTP listen address")
	fs.StringVar(&o.apiKey, "api-key", os.Getenv("OTPKIT_API_KEY"), "accepted x-api-key values, comma-separated, each `[org:]key`; the first signs totp_url calls (env OTPKIT_API_KEY)")
	fs.StringVar(&o.db, "db", "otpkit-inbox.db", "SQLite file, :memory:, or a postgres:// URL shared by replicas")
	fs.StringVar(&o.smtp, "smtp", "", "also accept mail on this `address` (host:port, or unix:/path)")
	fs.BoolVar(&o.lmtp, "lmtp", false, "speak LMTP instead of SMTP on -smtp")
	fs.StringVar(&o.tlsCert, "tls-cert", "", "PEM certificate `file` offered with STARTTLS on -smtp (with -tls-key)")
	fs.StringVar(&o.tlsKey, "tls-key", "", "PEM private key `file` of -tls-cert")
	fs.StringVar(&o.domains, "domains", "", "recipient domains -smtp accepts, comma-separated (default any)")
	fs.StringVar(&o.totpSecret, "totp-secret", os.Getenv("OTPKIT_TOTP_SECRET"), "Base32 secret or otpauth:// URI whose RFC 6238 code answers totp_url calls when no code is stored (env OTPKIT_TOTP_SECRET)")
	fs.StringVar(&o.twilioToken, "twilio-token", os.Getenv("TWILIO_AUTH_TOKEN"), "Twilio auth token; turns on POST /sms/twilio (env TWILIO_AUTH_TOKEN)")
	fs.StringVar(&o.publicURL, "public-url", "", "base URL Twilio posts to, when behind a proxy (https://inbox.acme.com)")
	fs.DurationVar(&o.ttl, "ttl", inbox.DefaultTTL, "how long a code is handed out when neither the push nor the message says")
	fs.DurationVar(&o.replayWindow, "replay-window", httpapi.DefaultReplayWindow, "oldest x-skyvern-timestamp accepted on totp_url calls")
	fs.Int64Var(&o.maxBody, "max-body", httpapi.DefaultMaxBody, "largest request body in bytes; larger gets 413")
	fs.BoolVar(&o.rejectUnread, "reject-unread", false, "answer 422 no_code_found to content with no code or link instead of keeping it as raw_pending")
	fs.DurationVar(&o.purgeEvery, "purge-every", time.Minute, "how often expired codes are deleted")
	fs.DurationVar(&o.shutdownAfter, "shutdown-timeout", 10*time.Second, "how long requests in flight may finish after SIGINT or SIGTERM")
	fs.StringVar(&o.logFormat, "log", "text", "log format: text or json")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	return o, nil
}

// ready, when not nil, learns the addresses the servers listen on (tests listen on port 0).
type ready func(httpAddr, smtpAddr string)

// run serves until ctx ends, then shuts down: requests in flight finish, then the store
// closes.
func run(ctx context.Context, args []string, stderr io.Writer, onReady ready) error {
	o, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	if o.logFormat == "json" {
		log = slog.New(slog.NewJSONHandler(stderr, nil))
	}
	var key *totp.Key
	if o.totpSecret != "" {
		k, err := totp.Parse(o.totpSecret)
		if err != nil {
			return err // the error never holds the secret
		}
		key = &k
	}
	store, err := inbox.Open(ctx, o.db)
	if err != nil {
		return err
	}
	defer store.Close()
	in := &inbox.Inbox{Store: store, TTL: o.ttl, RejectUnread: o.rejectUnread}
	keys := httpapi.ParseKeys(o.apiKey)
	if len(keys) == 0 {
		log.Warn("no -api-key: every request is accepted and totp_url calls are not verified; keep -addr on loopback")
	}

	httpLn, err := net.Listen("tcp", o.addr)
	if err != nil {
		return err
	}
	srv := httpapi.Server(o.addr, httpapi.New(httpapi.Config{
		Inbox: in, Keys: keys, MaxBody: o.maxBody, TOTP: key, ReplayWindow: o.replayWindow,
		TwilioToken: o.twilioToken, PublicURL: o.publicURL, Log: log,
	}))
	errc := make(chan error, 2)
	go func() { errc <- srv.Serve(httpLn) }()

	var mailSrv *smtp.Server
	smtpAddr := ""
	if o.smtp != "" {
		network, addr := "tcp", o.smtp
		if p, ok := strings.CutPrefix(o.smtp, "unix:"); ok {
			network, addr = "unix", p
		}
		ln, err := net.Listen(network, addr)
		if err != nil {
			srv.Close()
			return err
		}
		mailSrv = mailbridge.NewServer(mailbridge.Config{Inbox: in, Org: keys.First().Org, Domains: split(o.domains), Log: log})
		mailSrv.LMTP = o.lmtp
		if o.tlsCert != "" || o.tlsKey != "" {
			cert, err := tls.LoadX509KeyPair(o.tlsCert, o.tlsKey)
			if err != nil {
				srv.Close()
				ln.Close()
				return err
			}
			mailSrv.TLSConfig = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
		}
		smtpAddr = ln.Addr().String()
		go func() { errc <- mailSrv.Serve(ln) }()
	}
	go in.PurgeEvery(ctx, o.purgeEvery, log)
	log.Info("listening", "http", httpLn.Addr().String(), "mail", smtpAddr, "store", storeKind(o.db), "keys", len(keys),
		"totp_secret", key != nil, "twilio", o.twilioToken != "")
	if onReady != nil {
		onReady(httpLn.Addr().String(), smtpAddr)
	}

	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), o.shutdownAfter)
	defer cancel()
	err = srv.Shutdown(sctx)
	if mailSrv != nil {
		err = errors.Join(err, mailSrv.Shutdown(sctx))
	}
	return err
}

// storeKind names the store without the credentials a database URL may hold.
func storeKind(db string) string {
	switch {
	case db == ":memory:":
		return "memory"
	case strings.Contains(db, "://"):
		return "postgres"
	}
	return "sqlite " + db
}

func split(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
