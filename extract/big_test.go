package extract

import (
	"errors"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// TestPathological feeds inputs built to find super-linear behaviour or unbounded memory:
// each must come back with an answer or a clean ErrNotFound, never a panic, and within the
// documented caps. The inputs are 64 KB here, so that the race detector's pass stays short,
// and at the 4 MiB size limit with OTPKIT_LONG=1; BenchmarkPathological runs them at the
// limit and measures the cost per byte.
func TestPathological(t *testing.T) {
	size := 64 << 10
	if os.Getenv("OTPKIT_LONG") == "1" {
		size = DefaultMaxBytes
	}
	for name, make := range pathological() {
		res, err := Extract(pathologicalInput(make, size), Options{})
		if err != nil && !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: err = %v", name, err)
		}
		if err == nil && res.Type == "" {
			t.Errorf("%s: no error and no answer", name)
		}
	}
}

// pathological returns the makers of inputs of at most n bytes each: made one at a time,
// so that measuring one does not hold the others in memory.
func pathological() map[string]func(n int) string {
	rep := func(s string) func(int) string {
		return func(n int) string { return strings.Repeat(s, max(1, n/len(s))) }
	}
	counted := func(each func(i int) string) func(int) string {
		return func(n int) string {
			var b strings.Builder
			for i := 0; b.Len() < n; i++ {
				b.WriteString(each(i))
			}
			return b.String()
		}
	}
	prefixed := func(p string, f func(int) string) func(int) string {
		return func(n int) string { return p + f(n) }
	}
	return map[string]func(int) string{
		"one line of codes":     prefixed("verification code ", rep("123456 ")),
		"keywords everywhere":   rep("code code 1234 "),
		"digits without spaces": rep("1234567890"),
		"grouped digits":        rep("12 "),
		"nested divs": func(n int) string {
			return strings.Repeat("<div>", n/16) + "code 123456" + strings.Repeat("</div>", n/16)
		},
		"unclosed hidden": func(n int) string { return strings.Repeat(`<div style="display:none">`, n/32) + "code 483920" },
		"many links":      rep(`<a href="https://x.example/login?t=abc123def456ghi789">Sign in</a>`),
		"many distinct links": counted(func(i int) string {
			return `<a href="https://x.example/login?t=abc123def456ghi789` + strconv.Itoa(i) + `">Sign in</a>`
		}),
		"url separators":           rep("http://"),
		"long url":                 prefixed("sign in: https://x.example/", rep("a")),
		"cjk keywords":             rep("验证码は"),
		"binary":                   rep("\x00\xff\xfe\x80<a"),
		"emphasis everywhere":      rep("<b>code 1</b>"),
		"one huge line, no spaces": rep("ab1234cd@"),
		"year-like lines":          func(n int) string { return strings.Repeat("2020\n", n/5-2) + "Copyright" },
		"short urls":               rep("http://a.bc|"),
		"short url lines":          rep(strings.Repeat("http://a.bc|", 660) + "\n"),
		"long multi-byte line":     rep("пароль"),
		"codes in long lines":      rep("code " + strings.Repeat("4821 ", 400) + "\n"),
		"distinct six digits":      counted(func(i int) string { return strconv.Itoa(100000+i*7919%900000) + " " }),
		"codes in long html lines": rep("<p>code " + strings.Repeat("4821 ", 400) + "</p>"),
	}
}

// pathologicalInput makes the input of one maker, at most n bytes: the work is inside the
// limit.
func pathologicalInput(make func(int) string, n int) string {
	s := make(n)
	return s[:min(len(s), n)]
}

// BenchmarkPathological runs every pathological input at the size limit. Besides time and
// allocation it reports two ratios the README promises bounds for: the time over one pass
// of the x/net/html tokenizer over the same bytes (x-tokenizer), and the bytes allocated per
// byte of input (alloc/byte), an upper bound of peak memory.
func BenchmarkPathological(b *testing.B) {
	for name, make := range pathological() {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			content := pathologicalInput(make, DefaultMaxBytes)
			b.SetBytes(int64(len(content)))
			b.ReportAllocs()
			// The tokenizer runs beside each Extract, under the same load, but off the clock.
			var floor time.Duration
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				floor += tokenizerTime(content)
				b.StartTimer()
				Extract(content, Options{})
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed())/float64(floor), "x-tokenizer")
			b.ReportMetric(float64(peakHeap(func() { Extract(content, Options{}) }))/float64(len(content)), "peak/byte")
		})
	}
}

// tokenizerTime returns how long one bare tokenizer pass over content takes.
func tokenizerTime(content string) time.Duration {
	start := time.Now()
	z := html.NewTokenizer(strings.NewReader(content))
	for z.Next() != html.ErrorToken {
	}
	return time.Since(start)
}

// peakHeap returns the most heap f held live above what was live before it, sampled every
// 100µs (the garbage collector runs often enough under the default GOGC to make this close).
func peakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	base := read()
	var peak atomic.Uint64
	done := make(chan struct{})
	go func() {
		for {
			if v := read(); v > peak.Load() {
				peak.Store(v)
			}
			select {
			case <-done:
				return
			case <-time.After(100 * time.Microsecond):
			}
		}
	}()
	f()
	close(done)
	if v := read(); v > peak.Load() {
		peak.Store(v)
	}
	return peak.Load() - min(base, peak.Load())
}
