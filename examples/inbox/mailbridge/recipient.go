package mailbridge

import (
	"io"
	"mime"
	"net/mail"
	"strings"
)

// Recipient is the address a message was originally sent to, the identifier its code is
// stored under. envelope is the recipient the mail server delivered to (SMTP RCPT TO, or a
// pipe's $RECIPIENT), "" if unknown. In order:
//
//  1. X-Forwarded-For: Gmail's forwarding names the forwarding mailbox first (the address the
//     site sent the code to), then the forwarding target;
//  2. the envelope recipient;
//  3. X-Original-To (Postfix, before aliases), then the topmost Delivered-To;
//  4. the first address in To.
func (m Message) Recipient(envelope string) string {
	if f := strings.Fields(m.Header.Get("X-Forwarded-For")); len(f) > 0 {
		if a := address(f[0]); a != "" {
			return a
		}
	}
	if a := address(envelope); a != "" {
		return a
	}
	for _, h := range []string{"X-Original-To", "Delivered-To"} {
		if a := address(m.Header.Get(h)); a != "" {
			return a
		}
	}
	if list, err := addresses.ParseList(m.Header.Get("To")); err == nil && len(list) > 0 {
		return strings.ToLower(list[0].Address)
	}
	return ""
}

// address reads one address, bare or in angle brackets, in lower case; "" if it is none.
func address(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if a, err := addresses.Parse(s); err == nil {
		return strings.ToLower(a.Address)
	}
	if strings.Contains(s, "@") && !strings.ContainsAny(s, " <>") {
		return strings.ToLower(s)
	}
	return ""
}

// addresses parses addresses whose display names may be encoded words in any charset
// ("=?iso-2022-jp?B?…?= <k.yamamoto@minato-design.co.jp>"): only the address is kept, so a
// name in a charset this package does not decode passes through as it is instead of failing
// the whole address.
var addresses = &mail.AddressParser{WordDecoder: &mime.WordDecoder{
	CharsetReader: func(charset string, r io.Reader) (io.Reader, error) {
		if d, err := charsetReader(charset, r); err == nil {
			return d, nil
		}
		return r, nil
	},
}}
