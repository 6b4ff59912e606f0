package rawmail

import (
	"io"
	"mime"
	"net/mail"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// toUTF8 decodes s from the charset label names. A part that names none (or one no decoder
// knows) is taken as it is when it is valid UTF-8, else as windows-1252, what mail clients
// assume; an HTML part without a label may still declare its charset in a <meta>.
func toUTF8(s, label string, html bool) string {
	label = strings.TrimSpace(label)
	if label == "" && html {
		_, name, certain := charset.DetermineEncoding([]byte(prefix(s, 1024)), "text/html")
		if certain || !utf8.ValidString(s) {
			label = name
		}
	}
	if label != "" {
		if enc, name := charset.Lookup(label); enc != nil {
			if name == "utf-8" {
				return s
			}
			if out, err := enc.NewDecoder().String(s); err == nil {
				return out
			}
		}
	}
	if utf8.ValidString(s) {
		return s
	}
	return latin(s)
}

// latin decodes s as windows-1252.
func latin(s string) string {
	enc, _ := charset.Lookup("windows-1252")
	out, err := enc.NewDecoder().String(s)
	if err != nil {
		return strings.ToValidUTF8(s, "\uFFFD")
	}
	return out
}

func prefix(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// words decodes RFC 2047 encoded words in any charset the charset package knows.
var words = &mime.WordDecoder{
	CharsetReader: func(label string, in io.Reader) (io.Reader, error) {
		return charset.NewReaderLabel(label, in)
	},
}

// decodeHeader decodes the encoded words of a header value; raw 8-bit bytes that are not
// UTF-8 are read as windows-1252. What cannot be decoded stays as written.
func decodeHeader(v string) string {
	if !utf8.ValidString(v) {
		v = latin(v)
	}
	if out, err := words.DecodeHeader(v); err == nil {
		return out
	}
	return v
}

// fromDomain returns the lower-case domain of the address in a From: value, or "".
func fromDomain(v string) string {
	if v == "" {
		return ""
	}
	p := mail.AddressParser{WordDecoder: words}
	if a, err := p.Parse(v); err == nil {
		return domainOf(a.Address)
	}
	return domainOf(firstAddress(v))
}

// domainOf returns the lower-case domain of addr.
func domainOf(addr string) string {
	i := strings.LastIndexByte(addr, '@')
	if i < 0 {
		return ""
	}
	return strings.ToLower(strings.TrimSuffix(addr[i+1:], "."))
}

// firstAddress finds the first thing shaped like an address in s: a local part, "@" and a
// dotted domain. It serves where a parser gave up: a malformed From:, the quoted header
// block of a forwarded message.
func firstAddress(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] != '@' {
			continue
		}
		start := i
		for start > 0 && isLocalByte(s[start-1]) {
			start--
		}
		end := i + 1
		for end < len(s) && isDomainByte(s[end]) {
			end++
		}
		dom := strings.Trim(s[i+1:end], ".-")
		if start < i && strings.Contains(dom, ".") {
			return s[start:i] + "@" + dom
		}
	}
	return ""
}

func isLocalByte(c byte) bool {
	return isDomainByte(c) || strings.IndexByte("_+%!#$&'*/=?^`{|}~", c) >= 0
}

func isDomainByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
}
