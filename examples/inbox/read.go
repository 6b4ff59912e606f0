package inbox

import (
	"strings"
	"time"
	"unicode"

	"github.com/otpkit/otpkit/extract"
)

// reading is what one read of a message's content found.
type reading struct {
	code      string        // the code, or the link; "" when nothing was found
	otpType   extract.Type  // Auto when nothing was found
	expiresIn time.Duration // how long the message says it stays valid; 0 when it does not say
}

// read asks otpkit for the content's code or link. want forces a type; source and
// senderDomain are hints. Anything otpkit does not answer reads as nothing: the content is
// still kept, raw.
func read(content string, want extract.Type, source, senderDomain string) reading {
	if want != extract.MagicLink {
		if code, ok := bareCode(content); ok {
			return reading{code: code, otpType: extract.TOTP}
		}
	}
	src, err := extract.ParseSource(source)
	if err != nil {
		src = extract.AnySource // the API lets a client name any source ("zapier"); it is only a hint
	}
	res, err := extract.Extract(content, extract.Options{Type: want, Source: src, SenderDomain: senderDomain})
	if err != nil || (res.Code == "" && res.Link == "") {
		// extract.ErrNotFound is the common case; the others (too large, empty) cannot
		// reach here past the API's own checks, and read as nothing too.
		return reading{}
	}
	r := reading{otpType: res.Type, code: res.Code, expiresIn: time.Duration(res.ExpiresIn) * time.Second}
	if res.Type == extract.MagicLink {
		r.code = res.Link // the API carries a link in "code", as it carries a code
	}
	return r
}

// bareCode reports content that is nothing but a code, as a person pasting the code itself
// sends it: 4 to 10 letters and digits (with at least one digit), or dashes between them.
// The reference service takes such short content as the code without reading it.
func bareCode(content string) (string, bool) {
	s := strings.TrimSpace(content)
	if len(s) < 4 || len(s) > 10 {
		return "", false
	}
	digits := 0
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r < unicode.MaxASCII && unicode.IsLetter(r):
		case r == '-' && i > 0 && i < len(s)-1:
		default:
			return "", false
		}
	}
	if digits == 0 {
		return "", false
	}
	return s, true
}
