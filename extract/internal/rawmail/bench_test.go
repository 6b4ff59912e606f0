package rawmail

import (
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"strings"
	"testing"
)

// Parse beside its floor over the same whole email: net/mail's header parse and every part
// read once through mime/multipart with quoted-printable undone. The difference is what
// Parse adds: charsets, the subject's and From:'s encoded words, Authentication-Results and
// the search for a forward's mark.
//
//	go test ./extract/internal/rawmail -run '^$' -bench . -benchmem

const benchMail = "../../../testdata/eml/en-sendgrid-qp-magic-link.eml"

func benchInput(b *testing.B) string {
	raw, err := os.ReadFile(benchMail)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	return string(raw)
}

func BenchmarkParse(b *testing.B) {
	raw := benchInput(b)
	for i := 0; i < b.N; i++ {
		if _, err := Parse(raw, DefaultLimits(len(raw))); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkBaselineMultipart(b *testing.B) {
	raw := benchInput(b)
	for i := 0; i < b.N; i++ {
		msg, err := mail.ReadMessage(strings.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		_, params, _ := mime.ParseMediaType(msg.Header.Get("Content-Type"))
		mr := multipart.NewReader(msg.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			io.ReadAll(p)
		}
	}
}
