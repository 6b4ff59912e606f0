package extract

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// The speed benchmarks of issue 8, each with its baseline as a sibling sub-benchmark over the
// same bytes, so that one run gives the ratio (BENCHMARKS.md):
//
//	go test ./extract -run '^$' -bench 'SMS|HTMLEmail|PlainTextEmail|Scaling' -benchmem
//
// HTML is measured against one bare pass of the x/net/html tokenizer (Next over every
// token), text against one strings.Fields: the least any reader of those bytes does. Each
// also reports cpu-ns/op, the process's CPU time per operation: on a shared machine the
// wall time counts what other work took, the CPU time does not.

// benchFields is the text baseline: one strings.Fields over content.
func benchFields(b *testing.B, content string) {
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if len(strings.Fields(content)) == 0 {
			b.Fatal("no words")
		}
	}
	reportCPU(b, start)
}

// benchTokenizer is the HTML baseline: html.Tokenizer.Next over every token of content.
func benchTokenizer(b *testing.B, content string) {
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		z := html.NewTokenizer(strings.NewReader(content))
		for z.Next() != html.ErrorToken {
		}
	}
	reportCPU(b, start)
}

// benchExtract runs Extract over content; found says whether an answer is expected.
func benchExtract(b *testing.B, content string, opts Options, found bool) {
	b.SetBytes(int64(len(content)))
	b.ReportAllocs()
	start := cpuTime()
	for i := 0; i < b.N; i++ {
		if _, err := Extract(content, opts); (err == nil) != found {
			b.Fatalf("Extract: %v", err)
		}
	}
	reportCPU(b, start)
}

// BenchmarkSMS: a 98-byte SMS and a 469-byte one (a bank's payment confirmation with amounts,
// dates, a sort code and a phone number beside its code).
func BenchmarkSMS(b *testing.B) {
	for _, in := range []struct{ name, path string }{
		{"short", "../testdata/sms/en-use-to-verify.txt"},
		{"long", "../testdata/sms/en-bank-long-date-amount.txt"},
	} {
		content := benchInput(b, in.path)
		b.Run(in.name+"/extract", func(b *testing.B) { benchExtract(b, content, Options{Source: SMS}, true) })
		b.Run(in.name+"/fields", func(b *testing.B) { benchFields(b, content) })
	}
}

// BenchmarkHTMLEmail: a typical 23 KB marketing-platform email with a passcode, and a heavy one
// of about 160 KB, the same email with a newsletter's worth of blocks after its code.
func BenchmarkHTMLEmail(b *testing.B) {
	typical := benchInput(b, benchEmail)
	for _, in := range []struct{ name, content string }{
		{"typical", typical},
		{"heavy", grownHTML(typical, 160<<10)},
	} {
		b.Run(in.name+"/extract", func(b *testing.B) { benchExtract(b, in.content, Options{}, true) })
		b.Run(in.name+"/tokenizer", func(b *testing.B) { benchTokenizer(b, in.content) })
	}
}

// BenchmarkPlainTextEmail: a 5 KB plain-text email, its code in groups among order numbers,
// amounts and a footer.
func BenchmarkPlainTextEmail(b *testing.B) {
	content := benchInput(b, "../testdata/email/en-plaintext-grouped.txt")
	b.Run("extract", func(b *testing.B) { benchExtract(b, content, Options{}, true) })
	b.Run("fields", func(b *testing.B) { benchFields(b, content) })
}

// BenchmarkScaling: the same kind of HTML email at 1 KB to 10 MB, beside the tokenizer over
// each. Throughput (MB/s) at 10 MB should be within 20% of that at 10 KB. The 10 MB input is
// over DefaultMaxBytes, so MaxBytes is raised for all sizes alike.
func BenchmarkScaling(b *testing.B) {
	typical := benchInput(b, benchEmail)
	opts := Options{MaxBytes: 16 << 20}
	for _, size := range []int{1 << 10, 10 << 10, 100 << 10, 1 << 20, 10 << 20} {
		content := scaledHTML(typical, size)
		name := sizeName(size)
		b.Run(name+"/extract", func(b *testing.B) { benchExtract(b, content, opts, true) })
		b.Run(name+"/tokenizer", func(b *testing.B) { benchTokenizer(b, content) })
	}
}

func sizeName(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%dMB", n>>20)
	}
	return fmt.Sprintf("%dKB", n>>10)
}

// newsBlock is one story of a newsletter: a heading, a paragraph with prices, dates and a
// count, a tracked "Read more" link and an image, in a layout table. %d makes each block's
// links and numbers its own.
const newsBlock = `<tr><td class="story" style="padding:18px 24px;font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:22px;color:#2b3440;">
<h3 style="margin:0 0 8px;font-size:18px;color:#10243e;">Fares from $%[2]d to %[1]d destinations this winter</h3>
<p style="margin:0 0 10px;">Book by 12/%[3]02d/2026 and fly until March. Members earn %[2]d0 bonus miles on every round trip; seats are limited and prices include taxes. Offer %[1]d-%[2]d.</p>
<a href="https://click.e.auroraair.example/?qs=7d1c%[1]dfe3c1173716404%[2]d7f" style="color:#0061c2;text-decoration:underline;">Read more</a>
<img src="https://image.e.auroraair.example/lib/fe3c/m/1/story-%[1]d.jpg" width="560" height="220" alt="" style="display:block;">
</td></tr>
`

// grownHTML returns email with newsletter blocks added before its </body> until it is about
// size bytes: the code stays where the email has it, the rest of the message grows.
func grownHTML(email string, size int) string {
	cut := strings.LastIndex(email, "</body>")
	if cut < 0 {
		cut = len(email)
	}
	var sb strings.Builder
	sb.Grow(size + len(newsBlock))
	sb.WriteString(email[:cut])
	sb.WriteString(`<table role="presentation" width="100%">`)
	for i := 0; sb.Len() < size-len(email[cut:])-len("</table>"); i++ {
		fmt.Fprintf(&sb, newsBlock, 100+i, 189+i%700, 1+i%28)
	}
	sb.WriteString("</table>")
	sb.WriteString(email[cut:])
	return sb.String()
}

// scaledHTML returns an HTML email of about size bytes: below the email's own size, its code
// block alone (a short transactional email) grown to size; above it, the email grown.
func scaledHTML(email string, size int) string {
	if size >= len(email) {
		return grownHTML(email, size)
	}
	short := `<!DOCTYPE html><html><body><table role="presentation"><tr><td style="font-family:Helvetica,Arial,sans-serif;font-size:15px;">` +
		`<p>Your Aurora Air sign-in passcode is</p><p style="font-size:28px;letter-spacing:6px;"><strong>482913</strong></p>` +
		`<p>It expires in 10 minutes. Never share it.</p></td></tr></table></body></html>`
	return grownHTML(short, size)
}
