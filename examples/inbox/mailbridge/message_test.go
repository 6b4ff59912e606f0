package mailbridge

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/otpkit/otpkit/examples/inbox"
)

func load(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestParseAlternative: the HTML part is chosen and its quoted-printable undone.
func TestParseAlternative(t *testing.T) {
	m, err := Parse(load(t, "alternative.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Your Pinecrest sign-in code — expires soon" {
		t.Errorf("Subject = %q", m.Subject)
	}
	if !strings.Contains(m.Body, `letter-spacing:4px">740291</p>`) || !strings.Contains(m.Body, "Pinecrest:") {
		t.Errorf("Body is not the decoded HTML part:\n%s", m.Body)
	}
	if m.SenderDomain != "mail.pinecrest.io" {
		t.Errorf("SenderDomain = %q", m.SenderDomain)
	}
	if got := m.Recipient(""); got != "jane@inbox.acme.com" {
		t.Errorf("Recipient = %q", got)
	}
}

// TestParseLatin1Forwarded: a Gmail-forwarded Latin-1 mail is stored under the forwarding
// mailbox, its attachment is skipped, and its subject leads the plain body.
func TestParseLatin1Forwarded(t *testing.T) {
	m, err := Parse(load(t, "forwarded-latin1.eml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(m.Body, "Votre code de sécurité\n\n") || !strings.Contains(m.Body, "Votre code de sécurité est : 318 604") {
		t.Errorf("Body = %q", m.Body)
	}
	if strings.Contains(m.Body, "999999") {
		t.Errorf("the attachment was read: %q", m.Body)
	}
	if got := m.Recipient("otp@inbox.acme.com"); got != "jane.roe@gmail.com" {
		t.Errorf("Recipient = %q, want the forwarding mailbox", got)
	}
}

func TestRecipientOrder(t *testing.T) {
	tests := []struct {
		headers, envelope, want string
	}{
		{"To: a@x.com\r\nDelivered-To: b@x.com\r\nX-Original-To: c@x.com\r\n", "D@X.com", "d@x.com"},
		{"To: a@x.com\r\nDelivered-To: b@x.com\r\nX-Original-To: c@x.com\r\n", "", "c@x.com"},
		{"To: a@x.com\r\nDelivered-To: b@x.com\r\n", "", "b@x.com"},
		{"To: \"Ann\" <A@x.com>, z@x.com\r\n", "", "a@x.com"},
		{"To: undisclosed-recipients:;\r\n", "<e@x.com>", "e@x.com"},
		{"Subject: none\r\n", "", ""},
	}
	for _, tt := range tests {
		m, err := Parse([]byte(tt.headers + "\r\nbody\r\n"))
		if err != nil {
			t.Fatal(err)
		}
		if got := m.Recipient(tt.envelope); got != tt.want {
			t.Errorf("%q with envelope %q: %q, want %q", tt.headers, tt.envelope, got, tt.want)
		}
	}
}

// TestPushUnreadable: a message whose headers cannot be read is still stored, whole.
func TestPushUnreadable(t *testing.T) {
	p := Push([]byte("this is not a mail\x00 at all, code 5521"), "jane@inbox.acme.com")
	if p.Identifier != "jane@inbox.acme.com" || !strings.Contains(p.Content, "code 5521") || p.Source != "email" {
		t.Errorf("Push = %+v", p)
	}
}

// TestPushRawForward: a forwarded ISO-2022-JP mail is stored raw, so that otpkit reads it
// whole: the charset decoded, the forwarder's note (which names an expired code) cut off,
// and the original sender found in the quoted header block.
func TestPushRawForward(t *testing.T) {
	raw := load(t, "forwarded-outlook-ja.eml")
	p := Push(raw, "")
	if p.Content != string(raw) || p.SenderDomain != "" {
		t.Fatalf("Push did not keep the raw message: sender %q, content %.80q", p.SenderDomain, p.Content)
	}
	in := inbox.New(inbox.NewMemoryStore())
	c, err := in.Add(context.Background(), "acme", p)
	if err != nil {
		t.Fatal(err)
	}
	if c.Code != "825063" || c.Identifier != "k.yamamoto@minato-design.co.jp" {
		t.Errorf("stored code %q for %q, want 825063 for k.yamamoto@minato-design.co.jp", c.Code, c.Identifier)
	}
}

// TestPushLargeDecoded: a message over MaxContent is stored as its decoded body, cut.
func TestPushLargeDecoded(t *testing.T) {
	raw := "From: a@acme.com\r\nTo: b@inbox.acme.com\r\nSubject: code\r\nContent-Type: text/plain\r\n\r\nYour code is 482913\r\n" +
		strings.Repeat("filler line\r\n", MaxContent/12)
	p := Push([]byte(raw), "")
	if strings.HasPrefix(p.Content, "From:") || !strings.HasPrefix(p.Content, "code\n\nYour code is 482913") || p.SenderDomain != "acme.com" {
		t.Errorf("Push = sender %q, content %.80q", p.SenderDomain, p.Content)
	}
	if len(p.Content) > MaxContent {
		t.Errorf("content of %d bytes", len(p.Content))
	}
}
