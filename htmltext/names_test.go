package htmltext

import (
	"strconv"
	"testing"
)

// TestUnknownNamesCompareExactly: an end tag closes an element of its own name only, even
// when the two names share a hash. Two custom names that collide must not let
// </x-b> close a hidden <x-a> and reveal what it hides.
func TestUnknownNamesCompareExactly(t *testing.T) {
	seen := map[uint32]string{}
	var a, b string
	for i := 0; i < 1<<22 && a == ""; i++ {
		name := "x-" + strconv.Itoa(i)
		h := nameHash([]byte(name))
		if other, ok := seen[h]; ok {
			a, b = other, name
		}
		seen[h] = name
	}
	if a == "" {
		t.Skip("no two names share a hash")
	}
	in := "<" + a + ` style="display:none">one </` + b + `> secret 482913</` + a + `> shown`
	if got := ParseString(in).Text; got != "shown" {
		t.Errorf("%s\ntext = %q, want %q", in, got, "shown")
	}
}

// TestBidiKept: bidirectional overrides stay in the text, written as characters or as a
// <bdo dir=rtl>, so that a reader can tell text shown in another order than stored.
func TestBidiKept(t *testing.T) {
	for in, want := range map[string]string{
		"code &#x202e;654321&#x202c;":                                               "code \u202e654321\u202c",
		`code <bdo dir=" rtl ">654321</bdo> ok`:                                     "code \u202e654321\u202c ok",
		`code <bdo dir="ltr">654321</bdo>`:                                          "code 654321",
		`<div style="display:none"><bdo dir=rtl>1</bdo></div>x`:                     "x",
		`code <span style="direction:rtl;unicode-bidi:bidi-override">654321</span>`: "code \u202e654321\u202c",
		`code <span dir=rtl style="unicode-bidi: isolate-override">654321</span>`:   "code \u202e654321\u202c",
		`code <span dir=rtl>654321</span>`:                                          "code 654321",
	} {
		doc := ParseString(in)
		checkDoc(t, doc)
		if doc.Text != want {
			t.Errorf("ParseString(%q).Text = %q, want %q", in, doc.Text, want)
		}
	}
}
