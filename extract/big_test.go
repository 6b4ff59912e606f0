package extract

import (
	"errors"
	"strings"
	"testing"
)

// TestPathological feeds inputs built to find super-linear behaviour or unbounded memory:
// each must come back with an answer or a clean ErrNotFound, never a panic. The test has no
// clock; go test's timeout is the guard, and BenchmarkPathological measures.
func TestPathological(t *testing.T) {
	for name, content := range pathological() {
		res, err := Extract(content, Options{})
		if err != nil && !errors.Is(err, ErrNotFound) {
			t.Errorf("%s: err = %v", name, err)
		}
		if err == nil && res.Type == "" {
			t.Errorf("%s: no error and no answer", name)
		}
	}
}

// pathological returns inputs of about 1 MB each.
func pathological() map[string]string {
	const n = 1 << 20
	rep := func(s string) string { return strings.Repeat(s, n/len(s)) }
	return map[string]string{
		"one line of codes":        "verification code " + rep("123456 "),
		"keywords everywhere":      rep("code code 1234 "),
		"digits without spaces":    rep("1234567890"),
		"grouped digits":           rep("12 "),
		"nested divs":              strings.Repeat("<div>", 65000) + "code 123456" + strings.Repeat("</div>", 65000),
		"unclosed hidden":          strings.Repeat(`<div style="display:none">`, 20000) + "code 483920",
		"many links":               rep(`<a href="https://x.example/login?t=abc123def456ghi789">Sign in</a>`),
		"url separators":           rep("http://"),
		"long url":                 "sign in: https://x.example/" + rep("a"),
		"cjk keywords":             rep("验证码は"),
		"binary":                   rep("\x00\xff\xfe\x80<a"),
		"emphasis everywhere":      rep("<b>code 1</b>"),
		"one huge line, no spaces": rep("ab1234cd@"),
		"year-like lines":          rep("2020\n") + "Copyright",
		"short urls":               rep("http://a.bc|"),
		"long multi-byte line":     rep("пароль"),
	}
}

func BenchmarkPathological(b *testing.B) {
	for name, content := range pathological() {
		b.Run(strings.ReplaceAll(name, " ", "-"), func(b *testing.B) {
			b.SetBytes(int64(len(content)))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				Extract(content, Options{})
			}
		})
	}
}
