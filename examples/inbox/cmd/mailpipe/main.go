// Command mailpipe is the pipe mode of the mail bridge: it reads one raw RFC 5322 message on
// standard input, as a mail server's "|command" delivery gives it, and posts it (the raw
// message when it fits, else its decoded body: see mailbridge.Push) to an inbox's push API
// with the original recipient as totp_identifier and source "email".
//
//	go -C examples/inbox run ./cmd/mailpipe -url http://127.0.0.1:8000 < message.eml
//
// In Postfix's master.cf, with the original recipient from the envelope:
//
//	otpkit unix - n n - - pipe flags=q user=otpkit argv=/usr/local/bin/mailpipe -recipient ${original_recipient}
//
// Exit status, as sendmail's sysexits: 0 stored (a message with no code too: it is kept raw
// and logged); 75 (EX_TEMPFAIL) the inbox could not be reached or failed, after retries
// with backoff, or refused the API key: the mail server keeps the message and tries again
// later; 65 (EX_DATAERR) the inbox refused the message itself; 64 (EX_USAGE) bad flags;
// 74 (EX_IOERR) standard input could not be read.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/otpkit/otpkit/examples/inbox/mailbridge"
)

// The exit statuses of sysexits.h that mail servers act on.
const (
	exitOK       = 0
	exitUsage    = 64
	exitDataErr  = 65
	exitIOErr    = 74
	exitTempFail = 75
)

// maxMessage bounds what is read from standard input; the rest of a huge mail (attachments)
// is not needed to find a code.
const maxMessage = 32 << 20

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdin, os.Stderr))
}

// run delivers the message on stdin and returns the exit status.
func run(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer) int {
	fs := flag.NewFlagSet("mailpipe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	url := fs.String("url", envOr("OTPKIT_INBOX_URL", "http://127.0.0.1:8000"), "the inbox's base URL (env OTPKIT_INBOX_URL)")
	apiKey := fs.String("api-key", "", "x-api-key to post with (default env OTPKIT_API_KEY; its first key if several)")
	recipient := fs.String("recipient", "", "the envelope recipient, as the mail server passes it (default: from the headers)")
	attempts := fs.Int("attempts", 5, "tries before giving up with exit 75")
	backoff := fs.Duration("backoff", time.Second, "wait before the second try; doubled for each next one")
	timeout := fs.Duration("timeout", 15*time.Second, "time limit of one try")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	log := slog.New(slog.NewTextHandler(stderr, nil))
	if *apiKey == "" {
		*apiKey = firstKey(os.Getenv("OTPKIT_API_KEY"))
	}
	raw, err := io.ReadAll(io.LimitReader(stdin, maxMessage))
	if err != nil {
		log.Error("read message", "err", err)
		return exitIOErr
	}
	p := mailbridge.Push(raw, *recipient)
	var body bytes.Buffer
	enc := json.NewEncoder(&body)
	enc.SetEscapeHTML(false) // an HTML body would grow by half, toward the inbox's size limit
	enc.Encode(map[string]string{"totp_identifier": p.Identifier, "content": p.Content, "source": p.Source})
	client := &http.Client{Timeout: *timeout}
	var status string
	err = mailbridge.Retry(ctx, *attempts, *backoff, func() error {
		var err error
		status, err = post(ctx, client, strings.TrimRight(*url, "/")+"/v1/credentials/totp", *apiKey, body.Bytes())
		if err != nil {
			log.Warn("post failed", "err", err)
		}
		return err
	})
	var refused *refusedError
	switch {
	case err == nil:
		log.Info("stored", "record", status)
		return exitOK
	case errors.As(err, &refused) && refused.noCode:
		log.Info("no code in the message; the inbox refuses such content", "status", refused.status)
		return exitOK
	case errors.As(err, &refused) && refused.status != http.StatusForbidden:
		log.Error("the inbox refused the message", "status", refused.status)
		return exitDataErr
	}
	log.Error("giving up for now; the mail server will retry", "err", err)
	return exitTempFail
}

// refusedError is an answer that retrying the same request cannot change.
type refusedError struct {
	status int
	noCode bool // 422 no_code_found: the inbox read the message and found nothing
}

func (e *refusedError) Error() string { return fmt.Sprintf("inbox answered %d", e.status) }

// post sends one push and returns the stored record's status. Server errors, 408 and 429
// are worth retrying; other refusals are permanent, except 401/403, which only a fixed
// configuration cures — the mail server's own retry gives the operator that time.
func post(ctx context.Context, client *http.Client, url, key string, body []byte) (string, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", url, bytes.NewReader(body))
	if err != nil {
		return "", mailbridge.Permanent(err)
	}
	req.Header.Set("Content-Type", "application/json")
	if key != "" {
		req.Header.Set("x-api-key", key)
	}
	res, err := client.Do(req)
	if err != nil {
		return "", err
	}
	defer res.Body.Close()
	answer, _ := io.ReadAll(io.LimitReader(res.Body, 1<<20))
	switch code := res.StatusCode; {
	case code == http.StatusOK:
		var rec struct{ Status string }
		json.Unmarshal(answer, &rec)
		return rec.Status, nil
	case code >= 500, code == http.StatusRequestTimeout, code == http.StatusTooManyRequests:
		return "", fmt.Errorf("inbox answered %d", code)
	case code == http.StatusUnauthorized, code == http.StatusForbidden:
		return "", mailbridge.Permanent(&refusedError{status: http.StatusForbidden})
	default:
		return "", mailbridge.Permanent(&refusedError{status: code, noCode: bytes.Contains(answer, []byte(`"no_code_found"`))})
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// firstKey takes the first key of an OTPKIT_API_KEY list, without its "org:" name.
func firstKey(list string) string {
	k, _, _ := strings.Cut(list, ",")
	k = strings.TrimSpace(k)
	if org, secret, ok := strings.Cut(k, ":"); ok && org != "" && secret != "" {
		return secret
	}
	return k
}
