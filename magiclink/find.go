package magiclink

import (
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/otpkit/otpkit/htmltext"

	"mvdan.cc/xurls/v2"
)

// Found is a URL written in plain text.
type Found struct {
	URL        string // byte for byte as written, without trailing punctuation
	Start, End int    // byte offsets of URL in the searched text
	// Invisible is set when invisible or bidi characters (a zero-width space, a soft
	// hyphen, a right-to-left override) stand inside the URL: what a person reads is not
	// what they would open, so such a URL is never an answer.
	Invisible bool
}

// maxURL bounds a URL written in text; longer "words" are not links, and skipping them keeps
// one pathological word from making a search slow.
const maxURL = 8 << 10

// httpURL matches an http(s) URL at the start of a window, and only there: anchored, the
// expression stops at the end of the URL instead of searching the rest of the window.
var httpURL = sync.OnceValue(func() *regexp.Regexp {
	re, err := xurls.StrictMatchingScheme(`(?i)https?://`)
	if err != nil {
		panic(err) // a constant expression
	}
	return regexp.MustCompile(`^(?:` + re.String() + `)`)
})

// FindInText returns the http and https URLs written in text, in order.
//
// xurls' expression is slow over long inputs, so it only ever sees short windows: each
// "://" is located with a plain search, and the window around it (from the scheme to the next
// space or delimiter) is what the expression validates and trims.
func FindInText(text string) []Found {
	var out []Found
	for i := 0; i < len(text); {
		k := strings.Index(text[i:], "://")
		if k < 0 {
			break
		}
		sep := i + k
		i = sep + 3
		start := sep
		for start > 0 && start > sep-5 && isSchemeByte(text[start-1]) {
			start--
		}
		if scheme := strings.ToLower(text[start:sep]); scheme != "http" && scheme != "https" {
			continue
		}
		end := sep + 3
		for end < len(text) && end-start <= maxURL && !endsURL(text[end]) {
			if text[end] >= utf8.RuneSelf && endsURLRune(text[end:]) {
				break
			}
			end++
		}
		if end-start > maxURL {
			// Longer than any link a person is sent: a cut link would be a wrong one.
			i = end
			continue
		}
		loc := httpURL().FindStringIndex(text[start:end])
		if loc == nil {
			// No URL starts the window, so none starts inside it either: skip it whole, so
			// that each byte meets the expression at most once.
			i = end
			continue
		}
		f := Found{Start: start, End: start + loc[1]}
		if hidden(text[start:f.End]) {
			f.Invisible = true
		} else if r, _ := utf8.DecodeRuneInString(text[f.End:end]); f.End < end && (htmltext.Invisible(r) || r == utf8.RuneError) {
			// The expression stopped at an invisible character: the URL as a person sees
			// it goes on. It is kept whole, and flagged.
			f.End = end
			for f.End > f.Start && strings.IndexByte(".,;:!?)'\"", text[f.End-1]) >= 0 {
				f.End--
			}
			f.Invisible = true
		}
		f.URL = text[f.Start:f.End]
		out = append(out, f)
		i = f.End
	}
	return out
}

// hidden reports whether s holds an invisible or bidi character, or a byte that is not
// UTF-8 (or U+FFFD standing for one): either way the URL is not what a person reads.
func hidden(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			for _, r := range s[i:] {
				if htmltext.Invisible(r) || r == utf8.RuneError {
					return true
				}
			}
			return false
		}
	}
	return false
}

func isSchemeByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// endsURLRune reports whether s starts with CJK punctuation that ends a sentence or a
// quotation: written right after a URL ("…/Ab3dE9。"), it is never part of it.
func endsURLRune(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	switch r {
	case '。', '、', '」', '』', '）', '，', '！', '？', '】', '〉', '》':
		return true
	}
	return false
}

// endsURL reports whether c cannot be part of a URL as people write them in text.
func endsURL(c byte) bool {
	switch c {
	case ' ', '\t', '\n', '\r', '\f', '\v', '<', '>', '"', '`', '\x00':
		return true
	}
	return false
}
