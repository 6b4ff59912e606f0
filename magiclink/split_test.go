package magiclink

import (
	"strings"
	"testing"
)

func TestSplitAsStringsSplit(t *testing.T) {
	for _, s := range []string{"", "&", "a", "a&b", "&a&&b&", "a=1&b=2&c"} {
		var got []string
		for p := range split(s, "&") {
			got = append(got, p)
		}
		if want := strings.Split(s, "&"); strings.Join(got, "|") != strings.Join(want, "|") || len(got) != len(want) {
			t.Errorf("split(%q) = %q, want %q", s, got, want)
		}
	}
}
