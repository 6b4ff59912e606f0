package magiclink

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/otpkit/otpkit/htmltext"
)

// Benchmarks of the classifier, each beside its baseline over the same input in the same run:
//
//	go test ./magiclink -run '^$' -bench . -benchmem
//
// Classify reads one link; its floor is url.Parse of the same URL, which any reader of a link
// pays. FindInText's floor is one strings.Index scan for "://" over the text; OneTimeCue's is
// the strings.ToLower it starts with.

// benchLinks returns the links of a typical 23 KB HTML email (40 of them, most behind a click
// tracker) and its text.
func benchLinks(b *testing.B) ([]Link, string) {
	raw, err := os.ReadFile("../testdata/email/en-airline-passcode.html")
	if err != nil {
		b.Fatal(err)
	}
	doc := htmltext.ParseString(string(raw))
	var links []Link
	for _, l := range doc.Links {
		if IsHTTP(l.Href) {
			links = append(links, Link{URL: l.Href, Text: doc.Text[l.Start:l.End], Button: l.Button})
		}
	}
	if len(links) < 10 {
		b.Fatalf("only %d links", len(links))
	}
	return links, doc.Text
}

func urlBytes(links []Link) (n int64) {
	for _, l := range links {
		n += int64(len(l.URL))
	}
	return n
}

func BenchmarkClassify(b *testing.B) {
	links, _ := benchLinks(b)
	b.Run("classify", func(b *testing.B) {
		b.SetBytes(urlBytes(links))
		b.ReportAllocs()
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			for _, l := range links {
				Classify(l)
			}
		}
		reportCPU(b, start)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(links)), "ns/link")
	})
	b.Run("url.Parse", func(b *testing.B) {
		b.SetBytes(urlBytes(links))
		b.ReportAllocs()
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			for _, l := range links {
				if _, err := url.Parse(l.URL); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportCPU(b, start)
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(links)), "ns/link")
	})
}

func BenchmarkFindInText(b *testing.B) {
	raw, err := os.ReadFile("../testdata/email/en-plaintext-grouped.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(raw)
	b.Run("find", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			FindInText(text)
		}
		reportCPU(b, start)
	})
	b.Run("index-scan", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		b.ReportAllocs()
		start := cpuTime()
		for i := 0; i < b.N; i++ {
			for k, n := 0, 0; ; n++ {
				j := strings.Index(text[k:], "://")
				if j < 0 {
					break
				}
				k += j + 3
			}
		}
		reportCPU(b, start)
	})
}

func BenchmarkOneTimeCue(b *testing.B) {
	_, text := benchLinks(b)
	// The email's text with its cue taken out: the whole text is read.
	none := strings.NewReplacer("expires", "ends", "valid", "good", "one-time", "fresh", "be used", "apply").Replace(strings.ToLower(text))
	if OneTimeCue(none) {
		b.Fatal("a cue is left")
	}
	for _, in := range []struct{ name, text string }{{"cue", text}, {"no-cue", none}} {
		b.Run(in.name+"/table", func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			b.ReportAllocs()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				OneTimeCue(in.text)
			}
			reportCPU(b, start)
		})
		b.Run(in.name+"/expression", func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			b.ReportAllocs()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				oneTimeCue().MatchString(strings.ToLower(in.text))
			}
			reportCPU(b, start)
		})
		b.Run(in.name+"/tolower", func(b *testing.B) {
			b.SetBytes(int64(len(in.text)))
			b.ReportAllocs()
			start := cpuTime()
			for i := 0; i < b.N; i++ {
				strings.ToLower(in.text)
			}
			reportCPU(b, start)
		})
	}
}
