package extract

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/otpkit/otpkit/extract/lexicon"
)

// TestKeywordWindows: searching a long text window by window finds what one pass finds.
func TestKeywordWindows(t *testing.T) {
	for name, text := range map[string]string{
		"words": strings.Repeat("Your verification code is 4821, do not share the code. ", 5000),
		"cjk":   strings.Repeat("您的验证码为：583920，5分钟内有效。認証コード", 9000),
		"lines": strings.Repeat("Code de vérification : 4821\nVotre code expire dans 10 minutes.\n", 4000),
	} {
		if len(text) < 3*keywordWindow {
			t.Fatalf("%s: %d bytes is too short for the test", name, len(text))
		}
		// Each window tells its language apart, so only where and what the keywords are is
		// compared, not the languages they were read in.
		spans := func(ks []lexicon.Match) []lexicon.Match {
			out := make([]lexicon.Match, len(ks))
			for i, k := range ks {
				out[i] = lexicon.Match{Start: k.Start, End: k.End, Class: k.Class}
			}
			return out
		}
		want := spans(lexicon.Default().Keywords(text))
		got, _ := keywordsIn(text, len(text))
		if diff := cmp.Diff(want, spans(got)); diff != "" {
			t.Errorf("%s: windows differ from one pass (-want +got):\n%.2000s", name, diff)
		}
	}
}

// TestKeywordReach: past the reach of the codes keywords are not kept, but their classes
// still tell what the message speaks of.
func TestKeywordReach(t *testing.T) {
	text := "Your code is 482913.\n" + strings.Repeat("x ", 100<<10) + "Sign in to your account."
	ks, classes := keywordsIn(text, 30)
	for _, k := range ks {
		if k.Start >= 30 {
			t.Errorf("keyword at %d kept past the reach", k.Start)
		}
	}
	if classes&lexicon.SignIn == 0 || classes&lexicon.Code == 0 {
		t.Errorf("classes %v, want those of the words past the reach too", classes)
	}
}
