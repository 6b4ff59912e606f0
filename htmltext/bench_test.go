package htmltext

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// benchInput is a realistic newsletter email, about 25 KB: nested layout
// tables, inline styles everywhere, conditional comments, a hidden
// preview text, buttons and many links.
func benchInput(b *testing.B) string {
	b.Helper()
	src, err := os.ReadFile("testdata/newsletter.html")
	if err != nil {
		b.Fatal(err)
	}
	return string(src)
}

// BenchmarkParseString is the cost of the package: text, links and
// emphasis in one pass.
func BenchmarkParseString(b *testing.B) {
	in := benchInput(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ParseString(in)
	}
}

// BenchmarkTokenizerFloor is the floor for any tokenizer-based pass: only
// html.Tokenizer.Next over every token, reading nothing.
func BenchmarkTokenizerFloor(b *testing.B) {
	in := benchInput(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		z := html.NewTokenizer(strings.NewReader(in))
		for z.Next() != html.ErrorToken {
		}
		if z.Err() != io.EOF {
			b.Fatal(z.Err())
		}
	}
}

// BenchmarkGoqueryText is a peer: a DOM with goquery, and its text (which
// keeps <style> and hidden text, and has no lines, links or emphasis).
func BenchmarkGoqueryText(b *testing.B) {
	in := benchInput(b)
	b.ReportAllocs()
	b.SetBytes(int64(len(in)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(in))
		if err != nil {
			b.Fatal(err)
		}
		_ = doc.Find("body").Text()
	}
}
