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
	for name, content := range pathological(size) {
		res, err := Extract(content, Options{})
		if err != nil && !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: err = %v", name, err)
		}
		if err == nil && res.Type == "" {
			t.Errorf("%s: no error and no answer", name)
		}
	}
}

// pathological returns inputs of about n bytes each.
func pathological(n int) map[string]string {
	rep := func(s string) string { return strings.Repeat(s, max(1, n/len(s))) }
	var distinct strings.Builder
	for i := 0; distinct.Len() < n; i++ {
		distinct.WriteString(strconv.Itoa(100000 + i*7919%900000))
		distinct.WriteByte(' ')
	}
	inputs := map[string]string{
		"one line of codes":        "verification code " + rep("123456 "),
		"keywords everywhere":      rep("code code 1234 "),
		"digits without spaces":    rep("1234567890"),
		"grouped digits":           rep("12 "),
		"nested divs":              strings.Repeat("<div>", n/16) + "code 123456" + strings.Repeat("</div>", n/16),
		"unclosed hidden":          strings.Repeat(`<div style="display:none">`, n/32) + "code 483920",
		"many links":               rep(`<a href="https://x.example/login?t=abc123def456ghi789">Sign in</a>`),
		"many distinct links":      rep(`<a href="https://x.example/login?t=abc123def456ghi789` + strconv.Itoa(n) + `">Sign in</a>`),
		"url separators":           rep("http://"),
		"long url":                 "sign in: https://x.example/" + rep("a"),
		"cjk keywords":             rep("验证码は"),
		"binary":                   rep("\x00\xff\xfe\x80<a"),
		"emphasis everywhere":      rep("<b>code 1</b>"),
		"one huge line, no spaces": rep("ab1234cd@"),
		"year-like lines":          rep("2020\n") + "Copyright",
		"short urls":               rep("http://a.bc|"),
		"short url lines":          rep(strings.Repeat("http://a.bc|", 660) + "\n"),
		"long multi-byte line":     rep("пароль"),
		"codes in long lines":      rep("code " + strings.Repeat("4821 ", 400) + "\n"),
		"distinct six digits":      distinct.String(),
		"codes in long html lines": rep("<p>code " + strings.Repeat("4821 ", 400) + "</p>"),
	}
	for name, s := range inputs {
		inputs[name] = s[:min(len(s), n)] // at most the limit: the work is inside it
	}
	return inputs
}

// BenchmarkPathological runs every pathological input at the size limit. Besides time and
// allocation it reports two ratios the README promises bounds for: the time over one pass
// of the x/net/html tokenizer over the same bytes (x-tokenizer), and the bytes allocated per
// byte of input (alloc/byte), an upper bound of peak memory.
func BenchmarkPathological(b *testing.B) {
	for name, content := range pathological(DefaultMaxBytes) {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			floor := tokenizerTime(content)
			b.SetBytes(int64(len(content)))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				Extract(content, Options{})
			}
			b.StopTimer()
			b.ReportMetric(float64(b.Elapsed())/float64(b.N)/float64(floor), "x-tokenizer")
			b.ReportMetric(float64(peakHeap(func() { Extract(content, Options{}) }))/float64(len(content)), "peak/byte")
		})
	}
}

// tokenizerTime returns the fastest of a few bare tokenizer passes over content.
func tokenizerTime(content string) time.Duration {
	best := time.Duration(1 << 62)
	for i := 0; i < 3; i++ {
		start := time.Now()
		z := html.NewTokenizer(strings.NewReader(content))
		for z.Next() != html.ErrorToken {
		}
		best = min(best, time.Since(start))
	}
	return best
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
