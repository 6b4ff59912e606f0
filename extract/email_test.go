package extract

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"testing"
)

func TestLooksLikeEmail(t *testing.T) {
	for _, c := range []struct {
		content string
		want    bool
	}{
		{"From: Acme <a@acme.com>\r\nSubject: Hi\r\n\r\nYour code is 482913", true},
		{"From MAILER-DAEMON Mon Mar  3 09:14:27 2025\nReceived: from x by y\n\tid 1\nFrom: a@b.com\nTo: c@d.com\n\nbody", true},
		{"From: a@b.com\nSubject: 482913 is your code", true},      // a header block without a body
		{"\r\n\r\nFrom: a@b.com\r\nTo: c@d.com\r\n\r\nbody", true}, // blank lines before it
		{"X-Custom: 1\nFrom: a@b.com\nContent-Type: text/plain\n\nbody", true},
		{"Code: 123456", false},
		{"Subject: your code\n\n482913", false},               // one known field is a pasted line, not a header
		{"From: BANK\nCode: 123456\n\nDo not share", false},   // SMS with a colon: one known field
		{"Your code: 482913\nValid: 10 min\n\nThanks", false}, // field names have no spaces
		{"<html><body>From: a@b.com<br>To: c@d.com</body></html>", false},
		{"From: a@b.com\nTo: c@d.com\nThis line is not a field\n\nbody", false},
		{" From: a@b.com\nTo: c@d.com\n\nbody", false},
		{"From: a@b.com\nTö: c@d.com\n\nbody", false},
	} {
		if got := looksLikeEmail(c.content); got != c.want {
			t.Errorf("looksLikeEmail(%q) = %v, want %v", c.content, got, c.want)
		}
	}
}

func TestEmailFormat(t *testing.T) {
	mail := "From: Acme <no-reply@acme.com>\r\nTo: dana@lumenmail.net\r\nSubject: Your code\r\n\r\nYour Acme code is 482913.\r\n"
	res, err := Extract(mail, Options{})
	if err != nil || res.Format != FormatEmail || res.Code != "482913" {
		t.Errorf("auto: %+v, %v; want an email read with code 482913", res, err)
	}
	if res.Sender == nil || res.Sender.Domain != "acme.com" {
		t.Errorf("sender = %+v, want domain acme.com", res.Sender)
	}
	// An SMS is never a whole email, whatever it looks like.
	if res, _ := Extract(mail, Options{Source: SMS}); res.Format != FormatText || res.Sender != nil {
		t.Errorf("source sms: format %q sender %+v, want text and no sender", res.Format, res.Sender)
	}
	// Forced on a bare body: read as best it can be, as the text it is.
	res, err = Extract("Your Acme code is 482913.", Options{Format: FormatEmail})
	if err != nil || res.Format != FormatEmail || res.Code != "482913" || res.Sender != nil {
		t.Errorf("forced on a body: %+v, %v", res, err)
	}
	// Text gives what the rules read: the subject first.
	text, err := Text(mail, Options{})
	if err != nil || !strings.HasPrefix(text, "Your code\n\nYour Acme code is 482913.") {
		t.Errorf("Text = %q, %v", text, err)
	}
}

func TestEmailSender(t *testing.T) {
	for _, c := range []struct {
		fixture string
		want    Sender
	}{
		// The topmost Authentication-Results is the receiver's: the forged pass below it is not read.
		{"en-auth-results-fail", Sender{Domain: "corvinabank.com", SPF: "fail", DKIM: "fail", DMARC: "fail"}},
		// Microsoft 365 writes no authserv-id.
		{"en-auth-results-pass", Sender{Domain: "kestrelair.com", SPF: "pass", DKIM: "pass", DMARC: "pass"}},
		{"en-forwarding-service-relay", Sender{Domain: "brightwave.com", SPF: "softfail", DKIM: "pass", DMARC: "pass"}},
		// Forwards: the original sender; verdicts only when the original came whole.
		{"en-gmail-forward", Sender{Domain: "harborline.com"}},
		{"en-outlook-forward", Sender{Domain: "ledgerly.com"}},
		{"de-thunderbird-forward", Sender{Domain: "brandt-werkzeug.de"}},
		{"en-forward-as-attachment", Sender{Domain: "pinecresthealth.org", SPF: "pass", DKIM: "pass", DMARC: "pass"}},
		// RFC 2047 in From:.
		{"fr-subject-q-encoded", Sender{Domain: "biblio-numerique.fr", SPF: "pass", DKIM: "pass", DMARC: "pass"}},
	} {
		b, err := os.ReadFile("../testdata/eml/" + c.fixture + ".eml")
		if err != nil {
			t.Fatal(err)
		}
		res, _ := Extract(string(b), Options{})
		if res.Sender == nil || *res.Sender != c.want {
			t.Errorf("%s: sender %+v, want %+v", c.fixture, res.Sender, c.want)
		}
	}
}

// TestEmailMalformed: broken mail gives an answer or a clean error, never a panic.
func TestEmailMalformed(t *testing.T) {
	head := "From: Acme <no-reply@acme.com>\nTo: d@x.net\nSubject: Sign in\nMIME-Version: 1.0\n"
	for name, c := range map[string]struct {
		mail, code string
	}{
		"wrong boundary": {head + "Content-Type: multipart/alternative; boundary=\"nope\"\n\n--real\nContent-Type: text/plain\n\nYour code is 482913\n--real--\n", "482913"},
		"no parts":       {head + "Content-Type: multipart/mixed; boundary=b\n\nYour code is 482913\n", "482913"},
		"bad base64":     {head + "Content-Type: text/plain\nContent-Transfer-Encoding: base64\n\nWW91ciBjb2RlIGlzIDQ4MjkxMw==!!!%%%\n", "482913"},
		"bad qp":         {head + "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\nYour code is 482913 =ZZ =\n", "482913"},
		"bad type":       {head + "Content-Type: ;;;===\n\nYour code is 482913\n", "482913"},
		"bad param":      {head + "Content-Type: text/plain; charset\n\nYour code is 482913\n", "482913"},
		"lf only":        {head + "Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/plain\n\nYour code is 482913\n--b--\n", "482913"},
		"empty rfc822":   {head + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nYour code is 482913\n--b\nContent-Type: message/rfc822\n\n\n--b--\n", "482913"},
		"unclosed":       {head + "Content-Type: multipart/alternative; boundary=b\n\n--b\nContent-Type: text/html\n\n<p>Your code is <b>482913</b>", "482913"},
		"binary":         {head + "Content-Type: text/plain; charset=utf-16\n\n\xff\xfe\x00\x01Your code is 482913\xc3", ""}, // garbage in, a clean outcome out
		"8bit utf-8 hdr": {strings.Replace(head, "Sign in", "Código 482913", 1) + "\nhola\n", "482913"},
	} {
		res, err := Extract(c.mail, Options{})
		if c.code == "" {
			if err != nil && !errors.Is(err, ErrNotFound) {
				t.Errorf("%s: err = %v", name, err)
			}
			continue
		}
		if err != nil || res.Code != c.code {
			t.Errorf("%s: %+v, %v; want code %s", name, res, err, c.code)
		}
	}
}

// TestEmailBomb: MIME bombs are refused with an error matching ErrTooLarge.
func TestEmailBomb(t *testing.T) {
	head := "From: a@acme.com\nTo: d@x.net\nSubject: x\n"
	deep := head
	for i := 0; i < 200; i++ {
		deep += "Content-Type: multipart/mixed; boundary=b" + strconv.Itoa(i) + "\n\n--b" + strconv.Itoa(i) + "\n"
	}
	deep += "Content-Type: text/plain\n\nYour code is 482913\n"
	many := head + "Content-Type: multipart/mixed; boundary=b\n\n" + strings.Repeat("--b\nContent-Type: text/plain\n\n1\n", 5000) + "--b--\n"
	// Decoders never grow a part more than about 3 times (a windows-1252 byte 0x80 is the
	// 3-byte "€"); decoded text is held to twice the size limit.
	grow := head + "Content-Type: text/plain; charset=windows-1252\n\n" + strings.Repeat("\x80", 3000)
	for name, c := range map[string]struct {
		mail string
		opts Options
	}{
		"deep":  {deep, Options{}},
		"parts": {many, Options{}},
		"grows": {grow, Options{MaxBytes: 4000}},
	} {
		if _, err := Extract(c.mail, c.opts); !errors.Is(err, ErrMailLimit) || !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: err = %v, want ErrMailLimit matching ErrTooLarge", name, err)
		}
	}
	// The same growth within the limit is read.
	if _, err := Extract(grow, Options{MaxBytes: 8000}); errors.Is(err, ErrTooLarge) {
		t.Errorf("grows within the limit: %v", err)
	}
}

// TestEmailBig: whole emails of 1 MB built to find super-linear work: a huge base64 body,
// nesting at the depth limit around a large body, a body full of forwarding marks and
// addresses. As in TestPathological, go test's timeout is the guard.
func TestEmailBig(t *testing.T) {
	head := "From: a@acme.com\r\nTo: d@x.net\r\nSubject: Your code\r\n"
	const size = 1 << 20
	b64 := head + "Content-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
		strings.Repeat("WW91ciBjb2RlIGlzIDQ4MjkxMw0K\r\n", size/30)
	nested := head
	for i := 0; i < 15; i++ {
		nested += "Content-Type: multipart/mixed; boundary=b" + strconv.Itoa(i) + "\r\n\r\n--b" + strconv.Itoa(i) + "\r\n"
	}
	nested += "Content-Type: text/plain\r\n\r\n" + strings.Repeat("Your code is 482913. ", size/21-len(nested)/21-10)
	marks := head + "\r\n" + strings.Repeat("---------- Forwarded message ---------\r\nFrom: a@b.c @@@@ x@y\r\n", size/64)
	for name, mail := range map[string]string{"base64": b64, "nested": nested, "marks": marks} {
		if len(mail) > DefaultMaxBytes {
			t.Fatalf("%s: %d bytes, over the limit", name, len(mail))
		}
		if _, err := Extract(mail, Options{}); err != nil && !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: %v", name, err)
		}
	}
}
