package mailbridge_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-smtp"
	"github.com/otpkit/otpkit/examples/inbox"
	"github.com/otpkit/otpkit/examples/inbox/mailbridge"
)

// flakyStore fails its first failures calls to Add, then works.
type flakyStore struct {
	inbox.Store
	failures atomic.Int32
	calls    atomic.Int32
}

func (f *flakyStore) Add(ctx context.Context, c inbox.Code) error {
	f.calls.Add(1)
	if f.failures.Add(-1) >= 0 {
		return errors.New("database is restarting")
	}
	return f.Store.Add(ctx, c)
}

// serve starts a bridge on a loopback port and returns its address.
func serve(t *testing.T, in *inbox.Inbox, lmtp bool) string {
	t.Helper()
	srv := mailbridge.NewServer(mailbridge.Config{Inbox: in, Org: "acme", Domains: []string{"inbox.acme.com"},
		Attempts: 3, Backoff: time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	srv.LMTP = lmtp
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go srv.Serve(l)
	t.Cleanup(func() { srv.Close() })
	return l.Addr().String()
}

// send sends one mail in plain text, as a server on the same host would.
func send(t *testing.T, addr, from string, to []string, r io.Reader) error {
	t.Helper()
	c, err := smtp.Dial(addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	return c.SendMail(from, to, r)
}

func mail(t *testing.T) []byte {
	b, err := os.ReadFile("testdata/alternative.eml")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func claim(t *testing.T, in *inbox.Inbox, ident string) []inbox.Code {
	t.Helper()
	got, err := in.Claim(context.Background(), "acme", inbox.Ask{Identifier: ident, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// TestSMTPDelivers: a mail sent over SMTP is stored under its recipient, code read.
func TestSMTPDelivers(t *testing.T) {
	in := inbox.New(inbox.NewMemoryStore())
	addr := serve(t, in, false)
	if err := send(t, addr, "no-reply@mail.pinecrest.io", []string{"jane@inbox.acme.com"}, bytes.NewReader(mail(t))); err != nil {
		t.Fatal(err)
	}
	got := claim(t, in, "jane@inbox.acme.com")
	if len(got) != 1 || got[0].Code != "740291" || got[0].Source != "email" {
		t.Errorf("stored %+v, want code 740291 from email", got)
	}
}

// TestSMTPOtherDomain: a recipient outside the configured domains is refused with 550.
func TestSMTPOtherDomain(t *testing.T) {
	addr := serve(t, inbox.New(inbox.NewMemoryStore()), false)
	err := send(t, addr, "a@b.com", []string{"jane@elsewhere.com"}, bytes.NewReader(mail(t)))
	var se *smtp.SMTPError
	if !errors.As(err, &se) || se.Code != 550 {
		t.Errorf("got %v, want 550", err)
	}
}

// TestSMTPRetriesThenStores: a store that fails twice is retried, and the mail is stored.
func TestSMTPRetriesThenStores(t *testing.T) {
	fs := &flakyStore{Store: inbox.NewMemoryStore()}
	fs.failures.Store(2)
	in := inbox.New(fs)
	if err := send(t, serve(t, in, false), "a@b.com", []string{"jane@inbox.acme.com"}, bytes.NewReader(mail(t))); err != nil {
		t.Fatalf("SendMail: %v", err)
	}
	if fs.calls.Load() != 3 || len(claim(t, in, "jane@inbox.acme.com")) != 1 {
		t.Errorf("%d calls, want 3 and the code stored", fs.calls.Load())
	}
}

// TestSMTPTempFail: a store that stays down makes the bridge answer 451, so the sending
// server keeps the mail and tries again; a later try succeeds.
func TestSMTPTempFail(t *testing.T) {
	fs := &flakyStore{Store: inbox.NewMemoryStore()}
	fs.failures.Store(3)
	in := inbox.New(fs)
	addr := serve(t, in, false)
	err := send(t, addr, "a@b.com", []string{"jane@inbox.acme.com"}, bytes.NewReader(mail(t)))
	var se *smtp.SMTPError
	if !errors.As(err, &se) || se.Code != 451 || se.EnhancedCode != (smtp.EnhancedCode{4, 3, 0}) {
		t.Fatalf("got %v, want 451 4.3.0", err)
	}
	if err := send(t, addr, "a@b.com", []string{"jane@inbox.acme.com"}, bytes.NewReader(mail(t))); err != nil {
		t.Fatalf("the sender's retry: %v", err)
	}
	if got := claim(t, in, "jane@inbox.acme.com"); len(got) != 1 {
		t.Errorf("after the retry %d codes stored, want 1", len(got))
	}
}

// TestSMTPNoCode: a mail with no code is accepted (250) and kept raw.
func TestSMTPNoCode(t *testing.T) {
	in := inbox.New(inbox.NewMemoryStore())
	msg := "From: shop@larkspur.app\r\nTo: jane@inbox.acme.com\r\nSubject: Your order shipped\r\n\r\nYour parcel is on its way.\r\n"
	if err := send(t, serve(t, in, false), "shop@larkspur.app", []string{"jane@inbox.acme.com"}, bytes.NewReader([]byte(msg))); err != nil {
		t.Fatalf("a mail with no code was refused: %v", err)
	}
}

// TestLMTP: over LMTP each recipient gets its own answer.
func TestLMTP(t *testing.T) {
	in := inbox.New(inbox.NewMemoryStore())
	addr := serve(t, in, true)
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	c := smtp.NewClientLMTP(conn)
	defer c.Close()
	if err := c.Hello("mx.acme.com"); err != nil {
		t.Fatal(err)
	}
	if err := c.Mail("no-reply@mail.pinecrest.io", nil); err != nil {
		t.Fatal(err)
	}
	for _, rcpt := range []string{"jane@inbox.acme.com", "john@inbox.acme.com"} {
		if err := c.Rcpt(rcpt, nil); err != nil {
			t.Fatal(err)
		}
	}
	w, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	w.Write(mail(t))
	res, err := w.CloseWithLMTPResponse()
	if err != nil || len(res) != 2 {
		t.Fatalf("LMTP answers %v, %v; want one per recipient", res, err)
	}
	if len(claim(t, in, "jane@inbox.acme.com")) != 1 || len(claim(t, in, "john@inbox.acme.com")) != 1 {
		t.Error("LMTP delivery did not store one code per recipient")
	}
}
