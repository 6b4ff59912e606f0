package extract

import (
	"strconv"
	"strings"
	"testing"
)

// TestLimits: however many numbers and links a message holds, Extract weighs at most
// Options.MaxCandidates of each kind, the first in the message, and explains at most
// MaxExplained (issue 9, defect 4).
func TestLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("Your verification code is 482913.\n")
	for i := 0; i < 3000; i++ {
		b.WriteString(strconv.Itoa(100000+i*37) + " ")
	}
	b.WriteString("\n")
	for i := 0; i < 3000; i++ {
		b.WriteString("https://acme.com/login?token=" + strconv.Itoa(1000000+i) + "abcdefgh ")
	}
	content := b.String()

	res, _ := Extract(content, Options{})
	if len(res.Candidates) > MaxExplained {
		t.Errorf("%d candidates explained, want at most %d", len(res.Candidates), MaxExplained)
	}
	weighed := func(opts Options) (codes, links int) {
		opts, err := opts.check()
		if err != nil {
			t.Fatal(err)
		}
		m := read(content, FormatText, opts.MaxCandidates)
		return len(findCodes(m.text, m.urls, opts.MaxCandidates)), len(m.links)
	}
	if codes, links := weighed(Options{}); codes != DefaultMaxCandidates || links != DefaultMaxCandidates {
		t.Errorf("weighed %d codes and %d links, want %d of each", codes, links, DefaultMaxCandidates)
	}
	if codes, links := weighed(Options{MaxCandidates: 10}); codes != 10 || links != 10 {
		t.Errorf("MaxCandidates 10: weighed %d codes and %d links", codes, links)
	}
	if res.Code != "482913" {
		t.Errorf("the code before the flood: got %q", res.Code)
	}
	if _, err := Extract("code 123456", Options{MaxCandidates: -1}); err == nil {
		t.Errorf("a negative MaxCandidates is accepted")
	}
}
