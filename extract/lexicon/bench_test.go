package lexicon

import (
	"strings"
	"testing"
)

// benchText is a sign-in email's visible text, in several languages, as FindAll meets it.
var benchText = strings.Repeat(`Your verification code
482913
This code expires in 10 minutes. Do not share it with anyone.
Tu código de verificación es 482913. No lo compartas.
您的验证码是482913，5分钟内有效。
Order #40215877 · Total $129.99 · Unsubscribe · Privacy policy · Help center
`, 10)

// BenchmarkFindAll: the matcher over every language at once, beside a baseline of one
// strings.Index per phrase of one language, the naive alternative.
func BenchmarkFindAll(b *testing.B) {
	m := Default()
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m.FindAll(benchText)
	}
}

func BenchmarkBaselineIndexEnglish(b *testing.B) {
	phrases, err := Parse("en.txt", mustRead("data/en.txt"))
	if err != nil {
		b.Fatal(err)
	}
	lower := strings.ToLower(benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		for _, p := range phrases {
			strings.Index(lower, p.Text)
		}
	}
}

func mustRead(name string) string {
	b, err := data.ReadFile(name)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// BenchmarkColdStart is what a fresh process pays on its first call, built from scratch each
// iteration: decoding compiled.bin after checking it against the tables (what Default does),
// beside compiling the tables at run time (what it did before, and does when compiled.bin is
// stale) and a baseline that only reads the tables.
func BenchmarkColdStart(b *testing.B) {
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if loadDefaults().phrases != nil {
				b.Fatal("compiled.bin is stale")
			}
		}
	})
	b.Run("read-tables", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			if _, err := Load(data); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("read-and-compile", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			phrases, err := Load(data)
			if err != nil {
				b.Fatal(err)
			}
			Compile(phrases)
		}
	})
}

// BenchmarkKeywords is the per-message call: every phrase, the languages, the keywords kept,
// over an SMS.
func BenchmarkKeywords(b *testing.B) {
	const sms = "Your Acme verification code is 482913. It expires in 10 minutes. Do not share it with anyone."
	m := Default()
	b.SetBytes(int64(len(sms)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		m.Keywords(sms)
	}
}
