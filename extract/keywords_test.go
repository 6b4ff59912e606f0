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
		want := lexicon.Default().FindAll(text)
		if diff := cmp.Diff(want, findKeywords(text)); diff != "" {
			t.Errorf("%s: windows differ from one pass (-want +got):\n%.2000s", name, diff)
		}
	}
}
