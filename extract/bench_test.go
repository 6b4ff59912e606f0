package extract

import (
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/otpkit/otpkit/htmltext"
)

// The benchmarks come in pairs: Extract on a message, beside a baseline over the same bytes
// in the same run, so that reports give ratios rather than machine-dependent times.
//
//	go test ./extract -run '^$' -bench . -benchmem
//
// On an HTML email, the floor is the x/net/html tokenizer alone (DESIGN.md measures it at
// about 0.18 ms for 23 KB); on an SMS, a single naive regular expression.

func benchInput(b *testing.B, path string) string {
	content, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return string(content)
}

const benchEmail = "../testdata/email/en-airline-passcode.html"
const benchSMS = "../testdata/sms/en-bank-otp-amount.txt"

func BenchmarkExtractEmail(b *testing.B) {
	content := benchInput(b, benchEmail)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(content, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineTokenizer: the floor for any HTML reading, x/net/html's Next over every
// token of the same email.
func BenchmarkBaselineTokenizer(b *testing.B) {
	content := benchInput(b, benchEmail)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		z := html.NewTokenizer(strings.NewReader(content))
		for z.Next() != html.ErrorToken {
		}
	}
}

// BenchmarkBaselineHTMLText: the share of Extract that is turning HTML into text.
func BenchmarkBaselineHTMLText(b *testing.B) {
	content := benchInput(b, benchEmail)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		htmltext.ParseString(content)
	}
}

func BenchmarkExtractSMS(b *testing.B) {
	content := benchInput(b, benchSMS)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(content, Options{Source: SMS}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBaselineRegexp: the naive approach, one expression for six digits, over the same
// SMS. It answers without evidence and is often wrong; it sets the scale.
func BenchmarkBaselineRegexp(b *testing.B) {
	content := benchInput(b, benchSMS)
	re := regexp.MustCompile(`\b\d{6}\b`)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		re.FindString(content)
	}
}

// BenchmarkExtractNoCode: a negative, where every number must be weighed and refused.
func BenchmarkExtractNoCode(b *testing.B) {
	content := benchInput(b, "../testdata/negative/en-email-order-confirmation.html")
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		Extract(content, Options{})
	}
}

// A whole email: a sign-in link through SendGrid, multipart/alternative, both parts
// quoted-printable, with a real-sized header block, as a mail bridge receives it.
const benchWholeEmail = "../testdata/eml/en-sendgrid-qp-magic-link.eml"

func BenchmarkExtractWholeEmail(b *testing.B) {
	content := benchInput(b, benchWholeEmail)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(content, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkBaselineWholeEmail: the floor for reading a whole email, net/mail's header parse,
// the body's parts through mime/multipart with their transfer encoding undone, and the
// x/net/html tokenizer over the HTML part: what any reader must do before weighing anything.
func BenchmarkBaselineWholeEmail(b *testing.B) {
	content := benchInput(b, benchWholeEmail)
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		msg, err := mail.ReadMessage(strings.NewReader(content))
		if err != nil {
			b.Fatal(err)
		}
		_, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
		mr := multipart.NewReader(msg.Body, params["boundary"])
		for {
			p, err := mr.NextPart() // undoes quoted-printable
			if err != nil {
				break
			}
			if strings.HasPrefix(p.Header.Get("Content-Type"), "text/html") {
				z := html.NewTokenizer(p)
				for z.Next() != html.ErrorToken {
				}
			} else {
				io.Copy(io.Discard, p)
			}
		}
	}
	reportCPU(b, start)
}
